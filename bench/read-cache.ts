import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { graphQLBody, readmeDashboard } from './queries.js';
import { postGraphQL } from './post-graphql.js';
import { startRig } from './rig.js';
import { deletePrefix } from './redis-prefix.js';
import { round } from './stats.js';
import { measureLoad, type LoadRow } from './throughput.js';

/**
 * `npx tsx bench/read-cache.ts` (≈ 40 s): the README's dashboard query at concurrency 10, with
 * the read cache off and then on (SWITCHBOARD_CACHE_TTL_MS=5000, in memory), in the same sitting:
 * requests per second, latency, the gateway's CPU per request, and upstream requests per query
 * (the gateway's own `switchboard_upstream_requests_total`, retries included, over the operations
 * it answered, its `switchboard_graphql_request_duration_seconds_count`; the sandbox process's log
 * keeps only the last 100 ms under load). 0 ms vendor latency, as in
 * section 4 of `npm run bench`. Each configuration gets a fresh sandbox and gateway. When a Redis
 * answers at BENCH_REDIS_URL (default `redis://127.0.0.1:6379`), a third run keeps the cache there,
 * under a prefix of its own that is deleted afterwards.
 */
const LOAD_SECONDS = 5;
const CONNECTIONS = 10;
const TTL_MS = 5000;

const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** A connection to the bench's Redis, or null when none answers. */
async function redisOrNull(): Promise<Redis | null> {
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch {
    redis.disconnect();
    return null;
  }
}

/** The sum of every sample of a counter at the gateway's `/metrics`. */
async function counter(url: string, name: string): Promise<number> {
  const text = await (await fetch(url.replace('/graphql', '/metrics'))).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

interface CacheRow extends LoadRow {
  upstreamPerQuery: number;
  retriesPerQuery: number;
  hitRatio: number | null;
}

async function measure(label: string, gatewayEnv: Record<string, string>): Promise<CacheRow> {
  const rig = await startRig({ gatewayEnv });
  try {
    const { gateway, sandbox } = rig;
    await sandbox.send({ kind: 'auto-trim-log', on: true });
    const body = graphQLBody(await readmeDashboard());
    // The answer is whole (postGraphQL throws on any error), and JIT, pools and caches are warm.
    await postGraphQL(gateway.url, body);
    await measureLoad(
      gateway,
      { target: label, query: 'Dashboard', load: 'warm-up' },
      { body, connections: CONNECTIONS, duration: 1 },
    );
    const names = [
      'switchboard_graphql_request_duration_seconds_count',
      'switchboard_upstream_requests_total',
      'switchboard_upstream_retries_total',
      'switchboard_cache_hits_total',
      'switchboard_cache_misses_total',
    ] as const;
    const before = await Promise.all(names.map((name) => counter(gateway.url, name)));
    const row = await measureLoad(
      gateway,
      { target: label, query: 'README Dashboard', load: `concurrency ${CONNECTIONS}` },
      { body, connections: CONNECTIONS, duration: LOAD_SECONDS },
    );
    // The queries still in flight when the load stopped finish, and count on both sides.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await Promise.all(names.map((name) => counter(gateway.url, name)));
    const [queries, upstream, retries, hits, misses] = after.map(
      (value, index) => value - before[index]!,
    ) as [number, number, number, number, number];
    return {
      ...row,
      upstreamPerQuery: round(upstream / Math.max(1, queries), 3),
      retriesPerQuery: round(retries / Math.max(1, queries), 3),
      hitRatio: hits + misses === 0 ? null : round(hits / (hits + misses), 4),
    };
  } finally {
    await rig.stop();
  }
}

log(`README dashboard, concurrency ${CONNECTIONS}, ${LOAD_SECONDS} s per run`);
const rows = [
  await measure('cache off', {}),
  await measure(`cache on (TTL ${TTL_MS / 1000} s, in memory)`, {
    SWITCHBOARD_CACHE_TTL_MS: String(TTL_MS),
  }),
];
const redis = await redisOrNull();
if (redis) {
  const prefix = `switchboard-bench:${randomUUID()}:`;
  try {
    rows.push(
      await measure(`cache on (TTL ${TTL_MS / 1000} s, in Redis)`, {
        SWITCHBOARD_CACHE_TTL_MS: String(TTL_MS),
        REDIS_URL,
        SWITCHBOARD_REDIS_PREFIX: prefix,
      }),
    );
  } finally {
    await deletePrefix(redis, prefix);
    redis.disconnect();
  }
} else {
  log(`no Redis answers at ${REDIS_URL}: no Redis row`);
}
const header = [
  'gateway',
  'requests',
  'req/s',
  'p50 ms',
  'p99 ms',
  'errors',
  'server CPU µs/req',
  'upstream requests / query',
  'of which retries',
  'cache hit ratio',
];
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
    row.upstreamPerQuery,
    row.retriesPerQuery,
    row.hitRatio ?? '–',
  ]),
];
console.log(lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n'));
