import type { Timing } from './critical-path.js';
import type { MemoryResult } from './memory.js';
import type { LoadRow } from './throughput.js';
import type { UpstreamCount } from './upstream-counts.js';

/** One `npm run bench` run, as printed and as written to bench/results/latest.json. */
export interface BenchResults {
  machine: { nproc: number; cpu: string; node: string; date: string; durationSeconds: number };
  criticalPath: Timing & { latencyMs: number; levels: number; idealMs: number; ratio: number };
  direct: {
    switchboardMedianMs: number;
    shared6: Timing;
    perOrigin6: Timing;
    /** Switchboard median / direct median with six connections in all. */
    ratio: number;
    /** Switchboard median / direct median with six connections per vendor host. */
    ratioPerOrigin: number;
  };
  upstream: UpstreamCount[];
  throughput: LoadRow[];
  fixedRate: LoadRow[];
  parseCache: LoadRow[];
  memory: MemoryResult;
  targets: Array<{ target: string; measured: string; met: boolean }>;
}
