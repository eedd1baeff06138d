import { fileURLToPath } from 'node:url';
import { Agent, request } from 'undici';
import { BUILD_ENV, buildCheckout } from './built.js';
import type { Logged } from './protocol.js';
import { postGraphQL } from './post-graphql.js';
import { graphQLBody, readmeDashboard } from './queries.js';
import { formatTable } from './report.js';
import { startRig } from './rig.js';
import { median, percentile, round } from './stats.js';

/**
 * `npx tsx bench/dashboard-floor.ts [--built]` (≈ 30 s; issue 15, target 2): the README dashboard (50
 * calls, every vendor) at 40 ms on every vendor, through the gateway and through its floor: a
 * client that sends exactly the gateway's upstream requests by hand — the same methods, paths,
 * queries, headers and bodies, read from the sandbox's log of one gateway query — in the same
 * dependency order and concurrency (each request placed in the round trip it arrived in), reads
 * each answer to its end and does nothing else. The target is gateway median ≤ floor + 5 ms.
 */
const LATENCY_MS = 40;
const RUNS = 30;
const WARMUP = 5;

interface Replayed {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** The logged requests as rounds: a request is in the round trip its arrival falls in. */
function rounds(log: Logged, urls: Record<string, string>): Replayed[][] {
  const first = Math.min(...log.map((entry) => entry.at));
  const byRound = new Map<number, Replayed[]>();
  for (const entry of log) {
    const base = urls[entry.vendor];
    if (!base) throw new Error(`no sandbox url for ${entry.vendor}`);
    const query = new URLSearchParams(entry.query ?? {}).toString();
    const headers = { ...entry.headers };
    // Recomputed by the client for the body it sends; the rest goes as the gateway sent it.
    for (const name of ['host', 'content-length', 'connection', 'transfer-encoding'])
      delete headers[name];
    const round = Math.floor((entry.at - first) / LATENCY_MS + 0.5);
    const list = byRound.get(round) ?? [];
    list.push({
      url: `${base}${entry.path}${query ? `?${query}` : ''}`,
      method: entry.method,
      headers,
      body:
        entry.body === undefined || entry.body === null ? undefined : JSON.stringify(entry.body),
    });
    byRound.set(round, list);
  }
  return [...byRound.entries()].sort((a, b) => a[0] - b[0]).map(([, list]) => list);
}

async function timed(runs: number, once: () => Promise<void>): Promise<number[]> {
  for (let index = 0; index < WARMUP; index += 1) await once();
  const samples: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    await once();
    samples.push(performance.now() - started);
  }
  return samples;
}

/** `--built`: the gateway runs from tsc's build, as `npm start` runs it (bench/built.ts). */
const built = process.argv.includes('--built');
const rig = await startRig(
  built
    ? { gatewayEnv: { [BUILD_ENV]: buildCheckout(fileURLToPath(new URL('..', import.meta.url))) } }
    : {},
);
try {
  const body = graphQLBody(await readmeDashboard(), { first: 50 });
  await rig.sandbox.send({ kind: 'latency', ms: LATENCY_MS });
  await postGraphQL(rig.gateway.url, body);
  await rig.sandbox.send({ kind: 'reset-log' });
  await postGraphQL(rig.gateway.url, body);
  const plan = rounds(await rig.sandbox.requests(), rig.sandbox.sandboxUrls);
  await rig.sandbox.send({ kind: 'reset-log' });
  const agent = new Agent({ keepAliveTimeout: 10_000, connections: 64 });
  const gateway = await timed(RUNS, async () => {
    await postGraphQL(rig.gateway.url, body);
  });
  const floor = await timed(RUNS, async () => {
    for (const round of plan) {
      await Promise.all(
        round.map(async (replayed) => {
          const answer = await request(replayed.url, {
            method: replayed.method as 'GET' | 'POST',
            headers: replayed.headers,
            body: replayed.body,
            dispatcher: agent,
          });
          await answer.body.arrayBuffer();
          if (answer.statusCode !== 200) throw new Error(`${replayed.url}: ${answer.statusCode}`);
        }),
      );
    }
  });
  await agent.close();
  const row = (name: string, samples: number[]) => [
    name,
    samples.length,
    round(median(samples)),
    round(percentile(samples, 95)),
  ];
  process.stdout.write(
    `requests by round trip: ${plan.map((round) => round.length).join(' then ')}\n\n${formatTable(
      ['client', 'runs', 'median ms', 'p95 ms'],
      [row('Switchboard', gateway), row('floor: the same requests by hand', floor)],
    )}\n\ngateway median − floor median: ${round(median(gateway) - median(floor))} ms (target ≤ 5 ms)\n`,
  );
} finally {
  await rig.stop();
}
