import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startChild, type Child } from './child.js';
import { startRig, type Rig } from './rig.js';
import { timeDirectDashboard, timeGatewayDashboard } from './critical-path.js';
import { measureMemory } from './memory.js';
import { postGraphQL } from './post-graphql.js';
import { graphQLBody, SMALL_CALLS, SMALL_PROVIDERS } from './queries.js';
import { formatReport } from './report.js';
import type { BenchResults } from './results.js';
import { round } from './stats.js';
import { measureLoad, type LoadRow } from './throughput.js';
import { countUpstream } from './upstream-counts.js';

/**
 * `npm run bench`: every figure of issue 7 in one run, Switchboard and its baselines side by
 * side. The gateway (with its sandbox) and the floor server run in child processes; this
 * process is the client and load generator.
 */
const LATENCY_MS = 40;
const LEVELS = 2;
const RUNS = 30;
const LOAD_SECONDS = 5;
const MEMORY_REQUESTS = 20_000;

const started = performance.now();
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

async function cpuModel(): Promise<string> {
  const text = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  return /^model name\s*:\s*(.+)$/m.exec(text)?.[1] ?? cpus()[0]?.model ?? 'unknown';
}

const smallQueries = [
  { name: 'providers', body: graphQLBody(SMALL_PROVIDERS), text: SMALL_PROVIDERS },
  { name: 'calls(first: 5) on Ovia', body: graphQLBody(SMALL_CALLS), text: SMALL_CALLS },
];

const stops: Array<() => Promise<void>> = [];
async function floorServer(body: string): Promise<Child> {
  const started = await startChild('floor.ts', { env: { BENCH_FLOOR_BODY: body } });
  stops.push(started.stop);
  return started;
}
async function rig(): Promise<Rig> {
  const started = await startRig();
  stops.push(started.stop);
  return started;
}

try {
  const main = await rig();
  const { gateway, sandbox } = main;
  log(`gateway pid ${gateway.pid} at ${gateway.url}, sandbox pid ${sandbox.pid}`);

  log(`1-2. dashboard at ${LATENCY_MS} ms, ${RUNS} runs each`);
  await sandbox.send({ kind: 'latency', ms: LATENCY_MS });
  const switchboard = await timeGatewayDashboard(main, 50, RUNS);
  const shared6 = await timeDirectDashboard(main, 50, RUNS, {
    connections: 6,
    budget: 'shared',
  });
  const perOrigin6 = await timeDirectDashboard(main, 50, RUNS, {
    connections: 6,
    budget: 'per-origin',
  });
  const same = (a: typeof switchboard.shape, b: typeof switchboard.shape) =>
    a.calls === b.calls && a.withContact === b.withContact && a.problems === b.problems;
  if (!same(switchboard.shape, shared6.shape) || !same(switchboard.shape, perOrigin6.shape))
    throw new Error(
      `the clients disagree: ${JSON.stringify([switchboard.shape, shared6.shape, perOrigin6.shape])}`,
    );

  log('3. upstream requests per query');
  await sandbox.send({ kind: 'latency', ms: 0 });
  const upstream = await countUpstream(main, [1, 10, 50, 100]);

  log(`4. load, ${LOAD_SECONDS} s per run`);
  await sandbox.send({ kind: 'auto-trim-log', on: true });
  const throughput: LoadRow[] = [];
  const fixedRate: LoadRow[] = [];
  const parseCache: LoadRow[] = [];
  for (const query of smallQueries) {
    const answer = await postGraphQL(gateway.url, query.body);
    const floor = await floorServer(answer.text);
    for (const [target, server] of [
      ['Switchboard', gateway],
      ['bare node:http', floor],
    ] as const) {
      // Warm-up: JIT, connection pools, the parse cache.
      await measureLoad(
        server,
        { target, query: query.name, load: 'warm-up' },
        {
          body: query.body,
          connections: 10,
          duration: 1,
        },
      );
      for (const connections of [10, 50]) {
        const labels = { target, query: query.name, load: `concurrency ${connections}` };
        throughput.push(
          await measureLoad(server, labels, {
            body: query.body,
            connections,
            duration: LOAD_SECONDS,
          }),
        );
      }
    }
    await floor.stop();
    for (const rate of [200, 400]) {
      const labels = { target: 'Switchboard', query: query.name, load: `${rate} req/s` };
      fixedRate.push(
        await measureLoad(gateway, labels, {
          body: query.body,
          connections: 10,
          duration: LOAD_SECONDS,
          overallRate: rate,
        }),
      );
    }
    const labels = {
      target: 'Switchboard, no cache hit',
      query: query.name,
      load: 'concurrency 10',
    };
    parseCache.push(
      await measureLoad(gateway, labels, {
        body: query.body,
        connections: 10,
        duration: LOAD_SECONDS,
        uniqueQueries: true,
      }),
    );
  }
  await main.stop();

  log(`5. memory over ${MEMORY_REQUESTS} requests, fresh gateway`);
  const fresh = await rig();
  await fresh.sandbox.send({ kind: 'auto-trim-log', on: true });
  const memoryQuery = smallQueries[1] ?? smallQueries[0]!;
  const memory = await measureMemory(fresh.gateway, memoryQuery, MEMORY_REQUESTS);
  await fresh.stop();

  const ratio = round(switchboard.medianMs / (LEVELS * LATENCY_MS));
  const find = (rows: LoadRow[], target: string, query: string, load: string) => {
    const row = rows.find((r) => r.target === target && r.query === query && r.load === load);
    if (!row) throw new Error(`no ${target} ${query} ${load} row`);
    return row;
  };
  const small = smallQueries[0]!.name;
  const c10 = find(throughput, 'Switchboard', small, 'concurrency 10');
  const at200 = find(fixedRate, 'Switchboard', small, '200 req/s');
  const at400 = find(fixedRate, 'Switchboard', small, '400 req/s');
  const directRatio = round(switchboard.medianMs / shared6.medianMs);
  const counts = upstream.map((u) => u.switchboard);
  const results: BenchResults = {
    machine: {
      nproc: cpus().length,
      cpu: await cpuModel(),
      node: process.version,
      date: new Date().toISOString(),
      durationSeconds: round((performance.now() - started) / 1000, 0),
    },
    criticalPath: {
      ...switchboard,
      latencyMs: LATENCY_MS,
      levels: LEVELS,
      idealMs: LEVELS * LATENCY_MS,
      ratio,
    },
    direct: {
      switchboardMedianMs: switchboard.medianMs,
      shared6,
      perOrigin6,
      ratio: directRatio,
      ratioPerOrigin: round(switchboard.medianMs / perOrigin6.medianMs),
    },
    upstream,
    throughput,
    fixedRate,
    parseCache,
    memory,
    targets: [
      { target: '1. median / ideal ≤ 1.1', measured: String(ratio), met: ratio <= 1.1 },
      {
        target: '2. Switchboard / direct ≤ 0.3',
        measured: String(directRatio),
        met: directRatio <= 0.3,
      },
      {
        target: '3. upstream requests constant in N',
        measured: upstream.map((u) => `N=${u.n}: ${u.switchboard}`).join(', '),
        met: new Set(counts).size === 1,
      },
      {
        target: `4a. ${small} at concurrency 10: ≥ 2000 req/s, p99 ≤ 10 ms`,
        measured: `${c10.rps} req/s, p99 ${c10.p99Ms} ms`,
        met: c10.rps >= 2000 && c10.p99Ms <= 10 && c10.errors === 0,
      },
      {
        target: `4b. ${small} at 200 req/s: p50 ≤ 2 ms, p99 ≤ 10 ms`,
        measured: `p50 ${at200.p50Ms} ms, p99 ${at200.p99Ms} ms, ${at200.errors} errors`,
        met: at200.p50Ms <= 2 && at200.p99Ms <= 10 && at200.errors === 0,
      },
      {
        target: `4c. ${small} at 400 req/s: no errors, no collapse (≥ 95 % of the rate, p99 ≤ 10 ms)`,
        measured: `${at400.rps} req/s, p99 ${at400.p99Ms} ms, ${at400.errors} errors`,
        met: at400.errors === 0 && at400.rps >= 380 && at400.p99Ms <= 10,
      },
      {
        target: '5. RSS growth after GC < 10 %',
        measured: `${memory.growthPercent} %`,
        met: memory.growthPercent < 10,
      },
    ],
  };
  results.machine.durationSeconds = round((performance.now() - started) / 1000, 0);
  const dir = fileURLToPath(new URL('results/', import.meta.url));
  await mkdir(dir, { recursive: true });
  await writeFile(`${dir}latest.json`, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${formatReport(results)}\n`);
  log(`written to bench/results/latest.json`);
} finally {
  await Promise.all(stops.map((stop) => stop()));
}
