import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_ENV, buildCheckout } from './built.js';
import { startChild, type Child } from './child.js';
import { formatLoadTable, formatTable } from './report.js';
import { median, round } from './stats.js';
import { CALLS_FIRST_10, graphQLBody, readmeDashboard, SMALL_PROVIDERS } from './queries.js';
import { measureLoad, type LoadRow } from './throughput.js';
import { vendorEnv } from './vendor-env.js';

/**
 * `npx tsx bench/cpu.ts [--baseline <checkout>] [--built] [--seconds N] [--only rows] [--rounds N]
 * [--gateway-node-args '…']` (≈ 1 min a round; issue 15): the gateway's CPU per request and its
 * throughput for `{ providers }`, `calls(first: 10)` on Ovia and the README dashboard (50 calls,
 * every vendor at 0 ms), beside three floors measured in the same run: (a) a bare graphql-yoga
 * server answering `{ providers }` from constants (bench/bare-yoga.ts), (b) a bare node:http
 * pass-through making the one Ovia request of `calls(first: 10)` (bench/passthrough.ts) and (c)
 * the least gateway doing that query's work on the same stack (bench/minimal-gateway.ts). With
 * `--baseline`, the gateway of another checkout of this repository (its own `bench/serve.ts` and
 * `src/`, e.g. `git worktree add /tmp/before <commit>` and `npm ci` there) is measured too, right
 * before the current one in every round, so a before/after comparison comes from one sitting,
 * and the ratio of the two in each round is printed with its median.
 * With `--built`, each checkout is built first (`tsc -p tsconfig.build.json`) and its gateway, and
 * floor (c)'s pieces of the current one, run from that build, as `npm start` runs them, rather
 * than from the source through tsx (bench/built.ts says why it matters); the baseline's build is
 * started by this checkout's bench/serve.ts.
 */
const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const baseline = flag('--baseline');
const built = args.includes('--built');
/**
 * Node flags for the current checkout's gateway only (e.g. `--max-semi-space-size=64`), so that
 * with `--baseline` pointing at the same commit a flag is measured against its absence.
 */
const gatewayNodeArgs = (flag('--gateway-node-args') ?? '').split(' ').filter(Boolean);
/** Which rows: any of providers, calls, dashboard (comma-separated). @default all three */
const only = new Set((flag('--only') ?? 'providers,calls,dashboard').split(','));
const SECONDS = Number(flag('--seconds') ?? 5);
/**
 * How many times each row is measured, the targets taking turns, so that a comparison on a noisy
 * machine rests on medians rather than on one run each; odd, so that the median is a run's own
 * figure. @default 1
 */
const ROUNDS = Number(flag('--rounds') ?? 1);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1 || ROUNDS % 2 === 0) {
  throw new Error(`--rounds must be an odd whole number (1, 3, 5, …), not ${flag('--rounds')}`);
}
const CONNECTIONS = 10;
/** The two gateways' row labels: another checkout's (`--baseline`) and this one's. */
const BASELINE = 'Switchboard (baseline)';
const CURRENT = 'Switchboard';
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

const stops: Array<() => Promise<void>> = [];
async function child(
  script: string,
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<Child> {
  const started = await startChild(script, { env, nodeArgs });
  stops.push(started.stop);
  return started;
}

const rows: LoadRow[] = [];
async function measure(target: Child, label: string, query: string, body: string, rate?: number) {
  // A short warm-up first, so JIT compilation and the parse cache are not in the figure.
  await measureLoad(
    target,
    { target: label, query, load: 'warm-up' },
    {
      body,
      connections: CONNECTIONS,
      duration: 1,
    },
  );
  const row = await measureLoad(
    target,
    { target: label, query, load: rate ? `${rate} req/s` : `concurrency ${CONNECTIONS}` },
    {
      body,
      connections: CONNECTIONS,
      duration: SECONDS,
      ...(rate ? { overallRate: rate } : {}),
    },
  );
  rows.push(row);
  log(`${label} ${query} ${row.load}: ${row.rps} req/s, ${row.cpuMicrosPerRequest} µs CPU/req`);
  return row;
}

try {
  const sandbox = await child('sandbox-process.ts');
  await sandbox.send({ kind: 'auto-trim-log', on: true });
  const env = vendorEnv(sandbox.sandboxUrls);
  const gateways: Array<[string, Child]> = [];
  const currentBuild: Record<string, string> = built
    ? { [BUILD_ENV]: buildCheckout(fileURLToPath(new URL('..', import.meta.url))) }
    : {};
  if (baseline) {
    const gateway = built
      ? await child('serve.ts', { ...env, [BUILD_ENV]: buildCheckout(baseline) })
      : await child(resolve(baseline, 'bench/serve.ts'), env);
    gateways.push([BASELINE, gateway]);
  }
  gateways.push([CURRENT, await child('serve.ts', { ...env, ...currentBuild }, gatewayNodeArgs)]);
  const bareYoga = await child('bare-yoga.ts');
  const bareYogaNoBodyLimit = await child('bare-yoga.ts', { BENCH_YOGA_BODY_LIMIT: '0' });
  const passthrough = await child('passthrough.ts', env);
  const minimalGateway = await child('minimal-gateway.ts', { ...env, ...currentBuild });

  const providers = graphQLBody(SMALL_PROVIDERS);
  const calls = graphQLBody(CALLS_FIRST_10);
  const dashboard = graphQLBody(await readmeDashboard(), { first: 50 });
  if (only.has('providers')) {
    for (let round = 0; round < ROUNDS; round += 1) {
      await measure(bareYoga, 'floor (a): bare graphql-yoga', 'providers', providers);
      await measure(
        bareYogaNoBodyLimit,
        'floor (a): bare graphql-yoga, maxRequestBodySize: false',
        'providers',
        providers,
      );
      for (const [label, gateway] of gateways)
        await measure(gateway, label, 'providers', providers);
    }
  }
  if (only.has('calls')) {
    for (let round = 0; round < ROUNDS; round += 1) {
      await measure(passthrough, 'floor (b): node:http pass-through', 'calls(first: 10)', calls);
      await measure(
        minimalGateway,
        'floor (c): the least gateway (yoga, one exchange, parse, map)',
        'calls(first: 10)',
        calls,
      );
      for (const [label, gateway] of gateways) {
        await measure(gateway, label, 'calls(first: 10)', calls);
      }
    }
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [label, gateway] of gateways) {
        await measure(gateway, label, 'calls(first: 10)', calls, 200);
      }
    }
  }
  if (only.has('dashboard')) {
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [label, gateway] of gateways) {
        await measure(gateway, label, 'README dashboard', dashboard);
      }
    }
  }
} finally {
  for (const stop of stops.reverse()) await stop();
}

const table = formatLoadTable(rows);
process.stdout.write(`${table}\n`);
if (ROUNDS > 1) process.stdout.write(`\n${formatMedians(rows)}\n`);
if (baseline) process.stdout.write(`\n${formatPairedRatios(rows)}\n`);
const dir = fileURLToPath(new URL('results/', import.meta.url));
await mkdir(dir, { recursive: true });
await writeFile(`${dir}cpu-latest.json`, JSON.stringify(rows, null, 2));

/**
 * Per query and load, the current gateway's CPU per request over the baseline's, round by round:
 * the two are measured back to back, so a ratio cancels most of the machine's drift between
 * rounds, which on a shared machine is larger than the difference between two commits (an A/A
 * run, the same commit on both sides, spreads about ±8 % at concurrency 10: bench/README.md,
 * "Fourth sitting").
 */
function formatPairedRatios(measured: LoadRow[]): string {
  const pairs = new Map<
    string,
    { query: string; load: string; before: number[]; after: number[] }
  >();
  for (const row of measured) {
    if (row.target !== BASELINE && row.target !== CURRENT) continue;
    const key = `${row.query}\u0000${row.load}`;
    const pair = pairs.get(key) ?? { query: row.query, load: row.load, before: [], after: [] };
    (row.target === BASELINE ? pair.before : pair.after).push(row.cpuMicrosPerRequest);
    pairs.set(key, pair);
  }
  return formatTable(
    ['query', 'load', 'CPU/req current ÷ baseline, by round', 'median ratio'],
    [...pairs.values()].map(({ query, load, before, after }) => {
      // Every round measures the baseline, then the current gateway: its two rows are the n-th of each.
      const ratios = after.map((cpu, index) => cpu / before[index]!);
      return [
        query,
        load,
        ratios.map((ratio) => round(ratio, 2)).join(', '),
        round(median(ratios), 3),
      ];
    }),
  );
}

/** Per target, query and load: the median over the rounds of CPU per request and of req/s. */
function formatMedians(measured: LoadRow[]): string {
  const groups = new Map<string, LoadRow[]>();
  for (const row of measured) {
    const key = [row.target, row.query, row.load].join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return formatTable(
    ['target', 'query', 'load', 'rounds', 'median req/s', 'median server CPU µs/req'],
    [...groups.values()].map((group) => [
      group[0]!.target,
      group[0]!.query,
      group[0]!.load,
      group.length,
      round(median(group.map((row) => row.rps)), 0),
      round(median(group.map((row) => row.cpuMicrosPerRequest)), 0),
    ]),
  );
}
