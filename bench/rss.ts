import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { startChild } from './child.js';
import { runLoad } from './load.js';
import { CALLS_FIRST_10, graphQLBody, readmeDashboard } from './queries.js';
import { formatTable } from './report.js';
import { median, round } from './stats.js';
import { vendorEnv } from './vendor-env.js';

/**
 * `npm run build && npx tsx bench/rss.ts [--seconds 60] [--node "<flags>"]` (issue 15, target 4): the resident
 * memory of the gateway as `npm start` runs it (node dist/src/server.js, no tsx in the process),
 * its vendors the sandbox in a process of its own, under the mixed load of bench/soak.ts
 * (`calls(first: 10)` at concurrency 8, the README dashboard at concurrency 2). VmRSS is read
 * from /proc every 500 ms: idle after start, then under load.
 */
const at = process.argv.indexOf('--seconds');
const seconds = at >= 0 ? Number(process.argv[at + 1]) : 60;
const root = fileURLToPath(new URL('..', import.meta.url));
const server = `${root}dist/src/server.js`;
if (!existsSync(server)) throw new Error('run npm run build first: dist/src/server.js is missing');

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? NaN);
  return round(kb / 1024, 1);
}

const sandbox = await startChild('sandbox-process.ts');
// `--node "<flags>"`: V8 flags for the gateway, e.g. "--max-semi-space-size=4" (bench/README.md).
const flagsAt = process.argv.indexOf('--node');
const nodeFlags = flagsAt >= 0 ? (process.argv[flagsAt + 1] ?? '').split(' ').filter(Boolean) : [];
const gateway = spawn(process.execPath, [...nodeFlags, server], {
  cwd: root,
  env: {
    PATH: process.env.PATH,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    SWITCHBOARD_SANDBOX: '0',
    ...vendorEnv(sandbox.sandboxUrls),
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no start-up line: ${output}`)), 20_000);
    gateway.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphiQL at (http:\/\/\S+\/graphql)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        gateway.stdout.resume();
        resolve(match[1]);
      }
    });
  });
  const pid = gateway.pid!;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const idle = await rssMb(pid);
  const calls = graphQLBody(CALLS_FIRST_10);
  const dashboard = graphQLBody(await readmeDashboard(), { first: 50 });
  const samples: number[] = [];
  const sampler = setInterval(() => {
    void rssMb(pid).then((mb) => samples.push(mb));
  }, 500);
  const [small, large] = await Promise.all([
    runLoad({ url, body: calls, connections: 8, duration: seconds }),
    runLoad({ url, body: dashboard, connections: 2, duration: seconds }),
  ]);
  clearInterval(sampler);
  process.stdout.write(
    `${formatTable(
      [
        'gateway',
        'seconds',
        'requests',
        'errors',
        'RSS idle MB',
        'RSS under load: median MB',
        'max MB',
      ],
      [
        [
          ['node', ...nodeFlags, 'dist/src/server.js'].join(' '),
          seconds,
          small.requests + large.requests,
          small.errors + large.errors,
          idle,
          median(samples),
          Math.max(...samples),
        ],
      ],
    )}\n`,
  );
} finally {
  gateway.kill('SIGKILL');
  await sandbox.stop();
}
