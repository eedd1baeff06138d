import { startRig } from './rig.js';
import { runLoad } from './load.js';
import { CALLS_FIRST_10, graphQLBody, readmeDashboard } from './queries.js';
import { formatTable } from './report.js';
import { round } from './stats.js';

/**
 * `npx tsx bench/soak.ts [--minutes 10]` (issue 15, target 4; not part of `npm run bench` or CI):
 * the gateway under a mixed load for the whole time — `calls(first: 10)` on Ovia at concurrency 8
 * and the README dashboard at concurrency 2, 0 ms vendor latency — in slices of 30 s, reading its
 * RSS and heap after each slice (and after a forced GC), so growth over time shows as a trend.
 */
const at = process.argv.indexOf('--minutes');
const minutes = at >= 0 ? Number(process.argv[at + 1]) : 10;
const SLICE_SECONDS = 30;
const MB = 1024 * 1024;

const rig = await startRig();
const rows: Array<Array<string | number>> = [];
try {
  await rig.sandbox.send({ kind: 'auto-trim-log', on: true });
  const calls = graphQLBody(CALLS_FIRST_10);
  const dashboard = graphQLBody(await readmeDashboard(), { first: 50 });
  const url = rig.gateway.url;
  await runLoad({ url, body: calls, connections: 8, duration: 5 });
  const start = await rig.gateway.gc();
  rows.push([
    '0',
    0,
    0,
    round(start.rssBytes / MB, 1),
    round((start.heapTotalBytes ?? NaN) / MB, 1),
    round(start.heapUsedBytes / MB, 1),
    '–',
  ]);
  const slices = Math.max(1, Math.round((minutes * 60) / SLICE_SECONDS));
  for (let slice = 1; slice <= slices; slice += 1) {
    const [small, large] = await Promise.all([
      runLoad({ url, body: calls, connections: 8, duration: SLICE_SECONDS }),
      runLoad({ url, body: dashboard, connections: 2, duration: SLICE_SECONDS }),
    ]);
    const loaded = await rig.gateway.usage();
    const settled = await rig.gateway.gc();
    rows.push([
      String(slice * SLICE_SECONDS),
      small.requests + large.requests,
      small.errors + large.errors,
      round(loaded.rssBytes / MB, 1),
      round((loaded.heapTotalBytes ?? NaN) / MB, 1),
      round(settled.heapUsedBytes / MB, 1),
      round(settled.rssBytes / MB, 1),
    ]);
    process.stderr.write(`soak: ${rows.at(-1)!.join(' ')}\n`);
  }
} finally {
  await rig.stop();
}
process.stdout.write(
  `${formatTable(
    [
      's',
      'requests',
      'errors',
      'RSS under load MB',
      'V8 heap reserved MB',
      'heap used after GC MB',
      'RSS after GC MB',
    ],
    rows,
  )}\n`,
);
