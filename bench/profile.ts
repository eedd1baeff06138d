import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { runLoad } from './load.js';
import { CALLS_FIRST_10, graphQLBody, readmeDashboard, SMALL_PROVIDERS } from './queries.js';
import { startChild, type Child } from './child.js';
import { startRig } from './rig.js';
import { vendorEnv } from './vendor-env.js';
import { round } from './stats.js';

/**
 * `npx tsx bench/profile.ts [providers|calls|dashboard] [--floor-c]`: the gateway's CPU profile over 5 s of the
 * query's load at concurrency 10 (`calls`: `calls(first: 10)` on Ovia; `dashboard`: the README's, 50 calls) (after a warm-up, so start-up is not in it), and where the
 * CPU went: self time by package and by function. The raw profile is written to
 * bench/results/profile-<query>.cpuprofile for Chrome DevTools.
 */
const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

function owner(url: string): string {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules?.[1]) return inModules[1];
  if (url.includes('/src/'))
    return `switchboard ${url
      .slice(url.indexOf('/src/') + 1)
      .split('/')
      .slice(0, 2)
      .join('/')}`;
  if (url.startsWith('node:')) return 'node internals';
  return url === '' ? '(native / gc / idle)' : url;
}

const name =
  process.argv[2] === 'calls' || process.argv[2] === 'dashboard' ? process.argv[2] : 'providers';
const dir = fileURLToPath(new URL('results/', import.meta.url));
/** `--floor-c`: profile floor (c) of bench/cpu.ts (bench/minimal-gateway.ts) instead, `calls` only. */
const floorC = process.argv.includes('--floor-c');
if (floorC && name !== 'calls') throw new Error('--floor-c answers calls(first: 10) only');
const file = `${dir}profile-${name}${floorC ? '-floor-c' : ''}.cpuprofile`;
const rig = await startRig();
let floor: Child | null = null;
let text: unknown;
try {
  floor = floorC
    ? await startChild('minimal-gateway.ts', { env: vendorEnv(rig.sandbox.sandboxUrls) })
    : null;
  const target = floor ?? rig.gateway;
  await rig.sandbox.send({ kind: 'auto-trim-log', on: true });
  const body =
    name === 'dashboard'
      ? graphQLBody(await readmeDashboard(), { first: 50 })
      : graphQLBody(name === 'calls' ? CALLS_FIRST_10 : SMALL_PROVIDERS);
  await runLoad({ url: target.url, body, connections: 10, duration: 2 });
  await target.send({ kind: 'profile-start' });
  const load = await runLoad({ url: target.url, body, connections: 10, duration: 5 });
  text = await target.send({ kind: 'profile-stop' });
  process.stdout.write(`load: ${load.rps} req/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms\n`);
} finally {
  await floor?.stop();
  await rig.stop();
}
if (typeof text !== 'string') throw new Error('the gateway sent no profile');
await mkdir(dir, { recursive: true });
await writeFile(file, text);
const profile = profileSchema.parse(JSON.parse(text));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfByPackage = new Map<string, number>();
const selfByFunction = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, index) => {
  const node = byId.get(id);
  const micros = profile.timeDeltas[index] ?? 0;
  if (!node || node.callFrame.functionName === '(idle)') return;
  total += micros;
  const pkg = owner(node.callFrame.url);
  selfByPackage.set(pkg, (selfByPackage.get(pkg) ?? 0) + micros);
  const fn = `${node.callFrame.functionName || '(anonymous)'} ${pkg}:${node.callFrame.lineNumber + 1}`;
  selfByFunction.set(fn, (selfByFunction.get(fn) ?? 0) + micros);
});
const top = (map: Map<string, number>, count: number) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, micros]) => `| ${name} | ${round((micros / total) * 100, 1)} % |`)
    .join('\n');
process.stdout.write(
  `${file}: ${round(total / 1000, 0)} ms of busy CPU\n\n| package | self time |\n| --- | --- |\n${top(selfByPackage, 15)}\n\n| function | self time |\n| --- | --- |\n${top(selfByFunction, 25)}\n`,
);
