import { startGateway, type Gateway } from '../src/gateway.js';
import { createLogger } from '../src/logger.js';
import { SANDBOX_VENDORS } from '../src/sandbox/faults.js';
import { padOviaCalls } from './pad-ovia.js';
import { postGraphQL } from './post-graphql.js';
import { graphQLBody } from './queries.js';
import { median, percentile, round } from './stats.js';

/**
 * `npx tsx bench/call-stats.ts` (≈ 1 min): `callStats(groupBy: [PROVIDER, STATUS])` (README, "Call
 * analytics"; src/services/calls/call-stats.ts) over the whole sandbox (every call vendor, no
 * filter) and over the same sandbox with Ovia padded to 10 000 calls (bench/pad-ovia.ts), each
 * with the read cache off (SWITCHBOARD_CACHE_TTL_MS unset) and on (60 s, in memory; the first
 * query fills it and is reported apart). Wall time per query (POST /graphql over loopback, from
 * send to last byte, bench/post-graphql.ts), the process's CPU time over it (gateway and sandbox
 * together: what a busy machine stretches least), and the upstream requests each query made, per
 * vendor, from the embedded sandbox's request log (reset before every query). One in-process gateway
 * per configuration (the env of test/support/gateway.ts), 0 ms vendor latency, and once more
 * for the padded set with the cache off and every sandbox vendor answering BENCH_LATENCY_MS
 * (50) late, where the pages asked for at once show. Every answer must be whole: no errors,
 * `complete: true`, and the expected `totalCount`.
 */
const PADDED_OVIA_CALLS = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
/** Cache off on the padded set reads 100 Ovia pages per query: fewer runs keep the bench short. */
const PADDED_COLD_RUNS = Number(process.env.BENCH_PADDED_COLD_RUNS ?? 10);
/** What every sandbox vendor waits before answering, in the latency row: a far vendor's RTT. */
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);
const LATENCY_RUNS = Number(process.env.BENCH_LATENCY_RUNS ?? 5);
/** Unreported queries before the cache-off runs (JIT, connection pools). */
const WARM_UPS = 2;
const TTL_MS = 60_000;

const QUERY = `query CallStatsBench {
  callStats(groupBy: [PROVIDER, STATUS]) {
    totalCount
    complete
    groups { key count durationSeconds cost currency }
  }
}`;

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

interface StatsAnswer {
  callStats: {
    totalCount: number;
    complete: boolean;
    groups: Array<{ key: string[]; count: number }>;
  };
}

interface Sample {
  ms: number;
  /** CPU time of the whole process (gateway and sandbox) over the query. */
  cpuMs: number;
  totalCount: number;
  byVendor: Record<string, number>;
  /** Calls per PROVIDER key, from the groups. */
  perProvider: Record<string, number>;
}

/** One query, checked whole, with the upstream requests it made. */
async function query(gateway: Gateway, expected: number | null): Promise<Sample> {
  const sandbox = gateway.sandbox!;
  sandbox.resetLog();
  const cpu = process.cpuUsage();
  const { ms, data } = await postGraphQL(gateway.url, graphQLBody(QUERY));
  const used = process.cpuUsage(cpu);
  const stats = (data as StatsAnswer | null)?.callStats;
  if (!stats) throw new Error(`callStats answered no data: ${JSON.stringify(data)}`);
  if (stats.complete !== true) throw new Error('callStats answered complete: false');
  if (expected !== null && stats.totalCount !== expected)
    throw new Error(`callStats counted ${stats.totalCount} calls, expected ${expected}`);
  const counted = stats.groups.reduce((sum, group) => sum + group.count, 0);
  if (counted !== stats.totalCount)
    throw new Error(`groups add up to ${counted}, totalCount is ${stats.totalCount}`);
  const byVendor: Record<string, number> = {};
  for (const vendor of SANDBOX_VENDORS) byVendor[vendor] = sandbox.requests(vendor).length;
  const perProvider: Record<string, number> = {};
  for (const { key, count } of stats.groups)
    perProvider[key[0]!] = (perProvider[key[0]!] ?? 0) + count;
  return {
    ms,
    cpuMs: (used.user + used.system) / 1000,
    totalCount: stats.totalCount,
    byVendor,
    perProvider,
  };
}

interface Row {
  dataSet: string;
  latency: string;
  cache: string;
  calls: number;
  runs: number;
  medianMs: number;
  p95Ms: number;
  medianCpuMs: number;
  /** The cache's filling query (cache on only). */
  first: Sample | null;
  samples: Sample[];
}

/** The vendors' request counts over samples: one figure when every query made the same, else a range. */
function upstream(samples: readonly Sample[], vendor: string | null): string {
  const counts = samples.map((sample) =>
    vendor === null
      ? Object.values(sample.byVendor).reduce((sum, count) => sum + count, 0)
      : (sample.byVendor[vendor] ?? 0),
  );
  const low = Math.min(...counts);
  const high = Math.max(...counts);
  return low === high ? String(low) : `${low}–${high}`;
}

/** The plain sandbox's call count, as the first cache-off query answered it. */
let sandboxCalls: number | null = null;

async function measure(
  dataSet: string,
  padded: boolean,
  cached: boolean,
  latencyMs = 0,
): Promise<Row> {
  const gateway = await startGateway({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      SWITCHBOARD_SANDBOX: '1',
      // Above the padded count, whatever the default (src/config.ts).
      SWITCHBOARD_STATS_MAX_CALLS: String(PADDED_OVIA_CALLS * 2),
      ...(cached ? { SWITCHBOARD_CACHE_TTL_MS: String(TTL_MS) } : {}),
    },
    logger: createLogger({ level: 'silent' }),
  });
  try {
    const calls = gateway.sandbox!.data.ovia.calls;
    const seeded = calls.length;
    if (padded) padOviaCalls(calls, PADDED_OVIA_CALLS);
    for (const vendor of SANDBOX_VENDORS) {
      if (latencyMs > 0) gateway.sandbox!.setFault(vendor, { latencyMs });
    }
    // The plain sandbox's count is the first answer's; padding adds exactly its new Ovia calls.
    let expected = sandboxCalls === null ? null : sandboxCalls + calls.length - seeded;
    const runs = latencyMs > 0 ? LATENCY_RUNS : padded && !cached ? PADDED_COLD_RUNS : RUNS;
    let first: Sample | null = null;
    for (let index = 0; index < (cached ? 1 : WARM_UPS); index += 1) {
      first = await query(gateway, expected);
      expected = first.totalCount;
    }
    if (!cached) first = null;
    const samples: Sample[] = [];
    for (let index = 0; index < runs; index += 1) samples.push(await query(gateway, expected));
    const times = samples.map((sample) => sample.ms);
    const row: Row = {
      dataSet,
      latency: `${latencyMs} ms`,
      cache: cached ? `on (TTL ${TTL_MS / 1000} s, in memory)` : 'off',
      calls: samples[0]!.totalCount,
      runs,
      medianMs: round(median(times)),
      p95Ms: round(percentile(times, 95)),
      medianCpuMs: round(median(samples.map((sample) => sample.cpuMs))),
      first,
      samples,
    };
    sandboxCalls ??= row.calls;
    log(
      `${dataSet}, ${row.latency} vendor latency, cache ${row.cache}: ${row.calls} calls ${JSON.stringify(samples[0]!.perProvider)}, median ${row.medianMs} ms`,
    );
    return row;
  } finally {
    await gateway.close();
  }
}

const started = performance.now();
const rows = [
  await measure('sandbox', false, false),
  await measure('sandbox', false, true),
  await measure(`Ovia padded to ${PADDED_OVIA_CALLS}`, true, false),
  await measure(`Ovia padded to ${PADDED_OVIA_CALLS}`, true, true),
  await measure(`Ovia padded to ${PADDED_OVIA_CALLS}`, true, false, LATENCY_MS),
];
const callVendors = ['ovia', 'llamadapro', 'cx', 'happyrobot'] as const;
const header = [
  'data set',
  'vendor latency',
  'read cache',
  'totalCount',
  'runs',
  'median ms',
  'p95 ms',
  'CPU ms (median)',
  'upstream / query',
  ...callVendors,
  'filling query: ms, upstream',
];
const lines = [
  header,
  header.map(() => '---'),
  ...rows.map((row) => [
    row.dataSet,
    row.latency,
    row.cache,
    row.calls,
    row.runs,
    row.medianMs,
    row.p95Ms,
    row.medianCpuMs,
    upstream(row.samples, null),
    ...callVendors.map((vendor) => upstream(row.samples, vendor)),
    row.first ? `${round(row.first.ms)}, ${upstream([row.first], null)}` : '–',
  ]),
];
console.log(lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n'));
const freya = rows.flatMap((row) => row.samples).some((sample) => sample.byVendor.freya);
if (freya) log('some queries asked Freya too (not a call vendor)');
log(`took ${round((performance.now() - started) / 1000, 1)} s`);
