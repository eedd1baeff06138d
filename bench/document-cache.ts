import { startRig } from './rig.js';

/**
 * `npx tsx bench/document-cache.ts`: the padded-document attack on the parse cache. Each request
 * is a distinct document of about `BENCH_DOC_BYTES` (default 1 MB) that is a tiny operation
 * padded with a comment and whitespace. Before the cache had a byte budget ~1 900 such requests
 * took the heap to 2.1 GB. Prints the gateway's heap after a GC before and after, and the
 * cache's own gauge, once with the body limit raised so the documents reach the parser, once
 * with the default body limit (64 KB), which refuses them with 413.
 */
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1900);
const DOC_BYTES = Number(process.env.BENCH_DOC_BYTES ?? 1_000_000);
const MB = 1024 * 1024;

async function attack(label: string, gatewayEnv: Record<string, string>): Promise<void> {
  const rig = await startRig({ gatewayEnv });
  try {
    const { gateway } = rig;
    const before = await gateway.gc();
    const statuses = new Map<number, number>();
    const started = performance.now();
    for (let index = 0; index < REQUESTS; index += 1) {
      const padding = DOC_BYTES - 100;
      const query = `# ${index} ${'x'.repeat(padding / 2)}\n${' '.repeat(padding / 2)}{ providers { provider } }`;
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      await response.arrayBuffer();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    }
    const seconds = (performance.now() - started) / 1000;
    const after = await gateway.gc();
    const metrics = await (await fetch(gateway.url.replace('/graphql', '/metrics'))).text();
    const cached = /^switchboard_document_cache_bytes (\d+)/m.exec(metrics)?.[1] ?? '?';
    const answered = [...statuses].map(([status, count]) => `${count}×${status}`).join(', ');
    console.log(
      `${label}: ${REQUESTS} documents of ${(DOC_BYTES / MB).toFixed(2)} MB in ${seconds.toFixed(1)} s (${answered}); ` +
        `heap ${(before.heapUsedBytes / MB).toFixed(0)} MB → ${(after.heapUsedBytes / MB).toFixed(0)} MB, ` +
        `rss ${(after.rssBytes / MB).toFixed(0)} MB, document cache ${cached} bytes`,
    );
  } finally {
    await rig.stop();
  }
}

await attack('body limit raised to 2 MB', { SWITCHBOARD_MAX_BODY_BYTES: String(2 * MB) });
await attack('default body limit', {});
