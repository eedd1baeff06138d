import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { startChild } from './child.js';
import { runLoad, type LoadResult } from './load.js';
import { postGraphQL } from './post-graphql.js';
import { graphQLBody, SMALL_CALLS } from './queries.js';
import { round } from './stats.js';
import { vendorEnv } from './vendor-env.js';

/**
 * `npx tsx bench/workers.ts` (≈ 1 min; needs Redis, BENCH_REDIS_URL or 127.0.0.1:6379): the
 * small calls query (`calls(first: 5)` on Ovia, one upstream request each) at concurrency 10
 * against `src/server.ts` with SWITCHBOARD_WORKERS=1 and =2, alternating, in the same sitting.
 * The server runs as `npm run dev` does (tsx, logs at info to a pipe this process drains), every
 * vendor configured at a sandbox process with 0 ms latency. Its CPU per request is the primary's
 * and the workers' together, read from /proc (Linux). The sandbox, the server and this load
 * generator share the machine's cores.
 */
const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = 10;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** User + system CPU of a process and its children still running, in microseconds. */
function cpuMicros(pid: number): number {
  const ticks = (id: number): number => {
    const stat = readFileSync(`/proc/${id}/stat`, 'utf8');
    // Fields after the command name, which sits in brackets and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  };
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .split(' ')
    .filter((id) => id !== '')
    .map(Number);
  const total = [pid, ...children].reduce((sum, id) => sum + ticks(id), 0);
  return (total / TICKS_PER_SECOND) * 1e6;
}

async function startServer(
  workers: number,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: '0', SWITCHBOARD_WORKERS: String(workers) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready =
    workers > 1
      ? new RegExp(`listening with ${workers} workers; GraphiQL at (http://\\S+/graphql)`)
      : /Switchboard listening; GraphiQL at (http:\/\/\S+\/graphql)/;
  let output = '';
  let started = false;
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`src/server.ts exited with ${code}`)));
    // Read to the end, so that the request log lines never fill the pipe.
    child.stdout!.on('data', (chunk: Buffer) => {
      if (started) return;
      output += chunk.toString();
      const match = ready.exec(output);
      if (match?.[1]) {
        started = true;
        resolve(match[1]);
      }
    });
  });
  child.removeAllListeners('exit');
  return { child, url };
}

async function measure(
  workers: number,
  env: Record<string, string>,
): Promise<LoadResult & { workers: number; cpuMicrosPerRequest: number }> {
  const { child, url } = await startServer(workers, env);
  try {
    const body = graphQLBody(SMALL_CALLS);
    // The answer is whole (postGraphQL throws on any error), and every worker's JIT is warm.
    await postGraphQL(url, body);
    await runLoad({ url, body, connections: CONNECTIONS, duration: 2 });
    const before = cpuMicros(child.pid!);
    const result = await runLoad({ url, body, connections: CONNECTIONS, duration: LOAD_SECONDS });
    const after = cpuMicros(child.pid!);
    return {
      ...result,
      workers,
      cpuMicrosPerRequest: round((after - before) / Math.max(1, result.requests), 0),
    };
  } finally {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
}

const sandbox = await startChild('sandbox-process.ts');
const prefix = `switchboard-bench:${randomUUID()}:`;
const rows: Awaited<ReturnType<typeof measure>>[] = [];
try {
  await sandbox.send({ kind: 'auto-trim-log', on: true });
  const env = {
    ...vendorEnv(sandbox.sandboxUrls),
    REDIS_URL,
    SWITCHBOARD_REDIS_PREFIX: prefix,
    SWITCHBOARD_DRAIN_DELAY_MS: '0',
    LOG_LEVEL: 'info',
  };
  log(`calls(first: 5) on Ovia, concurrency ${CONNECTIONS}, ${LOAD_SECONDS} s per run`);
  for (let index = 0; index < ROUNDS; index += 1) {
    for (const workers of [1, 2]) {
      const row = await measure(workers, env);
      log(`SWITCHBOARD_WORKERS=${workers}: ${row.rps} req/s`);
      rows.push(row);
    }
  }
} finally {
  await sandbox.stop();
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
}

const header = [
  'SWITCHBOARD_WORKERS',
  'requests',
  'req/s',
  'p50 ms',
  'p99 ms',
  'errors',
  'server CPU µs/req',
];
const lines = [
  header,
  header.map(() => '---'),
  ...rows.map((row) => [
    row.workers,
    row.requests,
    row.rps,
    row.p50Ms,
    row.p99Ms,
    row.errors,
    row.cpuMicrosPerRequest,
  ]),
];
console.log(lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n'));
