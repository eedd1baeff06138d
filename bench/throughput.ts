import type { Child } from './child.js';
import { runLoad, type LoadOptions, type LoadResult } from './load.js';
import { round } from './stats.js';

export interface LoadRow extends LoadResult {
  target: string;
  query: string;
  load: string;
  /** Server CPU (user + system) per request, in microseconds. */
  cpuMicrosPerRequest: number;
}

/**
 * One load run against a child server, with the CPU the child spent on it. The child's CPU is
 * read before and after over IPC, so the load generator's own CPU is not in the figure.
 */
export async function measureLoad(
  child: Child,
  labels: { target: string; query: string; load: string },
  options: Omit<LoadOptions, 'url'>,
): Promise<LoadRow> {
  const before = await child.usage();
  const result = await runLoad({ ...options, url: child.url });
  const after = await child.usage();
  return {
    ...labels,
    ...result,
    cpuMicrosPerRequest: round(
      (after.cpuMicros - before.cpuMicros) / Math.max(1, result.requests),
      0,
    ),
  };
}
