import type { BenchResults } from './results.js';

export function formatTable(header: string[], rows: Array<Array<string | number>>): string {
  const lines = [header, header.map(() => '---'), ...rows.map((row) => row.map(String))];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The run as Markdown, for the terminal and for bench/README.md alike. */
export function formatReport(r: BenchResults): string {
  const c = r.criticalPath;
  const loadHeader = [
    'target',
    'query',
    'load',
    'requests',
    'req/s',
    'p50 ms',
    'p99 ms',
    'errors',
    'server CPU µs/req',
  ];
  const loadRows = (rows: BenchResults['throughput']) =>
    rows.map((row) => [
      row.target,
      row.query,
      row.load,
      row.requests,
      row.rps,
      row.p50Ms,
      row.p99Ms,
      row.errors,
      row.cpuMicrosPerRequest,
    ]);
  return [
    `Machine: ${r.machine.nproc} cores, ${r.machine.cpu}, Node ${r.machine.node}; ${r.machine.date}; bench took ${r.machine.durationSeconds} s`,
    '',
    `### 1. Critical path (dashboard, 50 calls, ${c.latencyMs} ms on every vendor)`,
    formatTable(
      ['runs', 'median ms', 'p95 ms', 'ideal ms', 'median / ideal'],
      [
        [
          c.runs,
          c.medianMs,
          c.p95Ms,
          `${c.idealMs} (${c.levels} levels × ${c.latencyMs} ms)`,
          c.ratio,
        ],
      ],
    ),
    '',
    '### 2. Against direct REST (same data, same latency)',
    formatTable(
      [
        'client',
        'runs',
        'median ms',
        'p95 ms',
        'calls / with contact / problems',
        'Switchboard / this',
      ],
      [
        [
          'Switchboard',
          c.runs,
          c.medianMs,
          c.p95Ms,
          `${c.shape.calls} / ${c.shape.withContact} / ${c.shape.problems}`,
          1,
        ],
        [
          'direct, 6 connections in all',
          r.direct.shared6.runs,
          r.direct.shared6.medianMs,
          r.direct.shared6.p95Ms,
          `${r.direct.shared6.shape.calls} / ${r.direct.shared6.shape.withContact} / ${r.direct.shared6.shape.problems}`,
          r.direct.ratio,
        ],
        [
          'direct, 6 per vendor host',
          r.direct.perOrigin6.runs,
          r.direct.perOrigin6.medianMs,
          r.direct.perOrigin6.p95Ms,
          `${r.direct.perOrigin6.shape.calls} / ${r.direct.perOrigin6.shape.withContact} / ${r.direct.perOrigin6.shape.problems}`,
          r.direct.ratioPerOrigin,
        ],
      ],
    ),
    '',
    '### 3. Upstream requests per dashboard query',
    formatTable(
      ['N', 'calls returned', 'Switchboard', 'direct', 'Switchboard by route'],
      r.upstream.map((u) => [
        u.n,
        u.calls,
        u.switchboard,
        u.direct,
        Object.entries(u.switchboardDetail)
          .map(([route, count]) => `${route} ×${count}`)
          .join('; '),
      ]),
    ),
    '',
    '### 4. Throughput and overhead (0 ms vendor latency)',
    formatTable(loadHeader, loadRows(r.throughput)),
    '',
    'Fixed rate:',
    '',
    formatTable(loadHeader, loadRows(r.fixedRate)),
    '',
    'Parse/validate cache defeated (every query text unique), same gateway:',
    '',
    formatTable(loadHeader, loadRows(r.parseCache)),
    '',
    `### 5. Memory (${r.memory.requests} requests of ${r.memory.query})`,
    formatTable(
      [
        'RSS before MB',
        'RSS after MB',
        'RSS after GC MB',
        'heap before MB',
        'heap after GC MB',
        'growth %',
      ],
      [
        [
          r.memory.rssBeforeMb,
          r.memory.rssAfterMb,
          r.memory.rssAfterGcMb,
          r.memory.heapBeforeMb,
          r.memory.heapAfterGcMb,
          r.memory.growthPercent,
        ],
      ],
    ),
    '',
    '### Targets',
    formatTable(
      ['target', 'measured', 'met'],
      r.targets.map((t) => [t.target, t.measured, t.met ? 'yes' : '**no**']),
    ),
  ].join('\n');
}
