import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DASHBOARD, graphQLBody } from './queries.js';
import { postGraphQL } from './post-graphql.js';
import { startRig } from './rig.js';
import { measureLoad, type LoadRow } from './throughput.js';

/**
 * `npx tsx bench/tracing.ts` (≈ 20 s): what trace export costs. The Ovia dashboard (one call list
 * and its batched joins) at concurrency 10, with OTEL_EXPORTER_OTLP_ENDPOINT unset and then set,
 * in the same sitting; each run gets a fresh sandbox and gateway. With tracing on, the spans go as
 * OTLP/HTTP JSON to a receiver in this process that only counts them, so the figure is the
 * gateway's own cost (spans, batching, serialising, sending), not a collector's.
 */
const LOAD_SECONDS = 5;
const CONNECTIONS = 10;

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

let spans = 0;
const receiver = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    spans += Buffer.concat(chunks).toString('utf8').split('"spanId"').length - 1;
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

async function measure(label: string, gatewayEnv: Record<string, string>): Promise<LoadRow> {
  const rig = await startRig({ gatewayEnv });
  try {
    const { gateway, sandbox } = rig;
    await sandbox.send({ kind: 'auto-trim-log', on: true });
    const body = graphQLBody(DASHBOARD, { first: 20 });
    await postGraphQL(gateway.url, body);
    await measureLoad(
      gateway,
      { target: label, query: 'Dashboard', load: 'warm-up' },
      { body, connections: CONNECTIONS, duration: 1 },
    );
    return await measureLoad(
      gateway,
      { target: label, query: 'Dashboard (Ovia, 20 calls)', load: `concurrency ${CONNECTIONS}` },
      { body, connections: CONNECTIONS, duration: LOAD_SECONDS },
    );
  } finally {
    await rig.stop();
  }
}

log(`Ovia dashboard, concurrency ${CONNECTIONS}, ${LOAD_SECONDS} s per run`);
const rows = [
  await measure('tracing off', {}),
  await measure('tracing on (OTLP/HTTP JSON)', {
    OTEL_EXPORTER_OTLP_ENDPOINT: receiverUrl,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
  }),
];
receiver.close();
const header = ['gateway', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'server CPU µs/req'];
const lines = [
  header,
  header.map(() => '---'),
  ...rows.map((row) => [
    row.target,
    row.requests,
    row.rps,
    row.p50Ms,
    row.p99Ms,
    row.errors,
    row.cpuMicrosPerRequest,
  ]),
];
console.log(lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n'));
log(`${spans} spans received while tracing was on`);
