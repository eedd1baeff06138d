import type { Child } from './child.js';
import { runLoad } from './load.js';
import { round } from './stats.js';

export interface MemoryResult {
  requests: number;
  query: string;
  rssBeforeMb: number;
  rssAfterMb: number;
  rssAfterGcMb: number;
  heapBeforeMb: number;
  heapAfterGcMb: number;
  /** (RSS after GC − RSS before) / RSS before, in percent. */
  growthPercent: number;
}

const MB = 1024 * 1024;

/**
 * RSS of a fresh gateway before and after `requests` requests. "Before" follows a warm-up and a
 * forced GC, so start-up allocations and lazily compiled code are not counted as growth.
 */
export async function measureMemory(
  child: Child,
  query: { name: string; body: string },
  requests: number,
): Promise<MemoryResult> {
  await runLoad({ url: child.url, body: query.body, connections: 10, amount: 2_000 });
  const before = await child.gc();
  const load = await runLoad({
    url: child.url,
    body: query.body,
    connections: 10,
    amount: requests,
  });
  const after = await child.usage();
  const afterGc = await child.gc();
  return {
    requests: load.requests,
    query: query.name,
    rssBeforeMb: round(before.rssBytes / MB, 1),
    rssAfterMb: round(after.rssBytes / MB, 1),
    rssAfterGcMb: round(afterGc.rssBytes / MB, 1),
    heapBeforeMb: round(before.heapUsedBytes / MB, 1),
    heapAfterGcMb: round(afterGc.heapUsedBytes / MB, 1),
    growthPercent: round(((afterGc.rssBytes - before.rssBytes) / before.rssBytes) * 100, 1),
  };
}
