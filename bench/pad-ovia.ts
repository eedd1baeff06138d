import type { OviaCallRecord } from '../src/sandbox/ovia/data.js';

const DAY_MS = 86_400_000;

function shifted(iso: string, days: number): string {
  return new Date(Date.parse(iso) - days * DAY_MS).toISOString();
}

/**
 * The seeded sandbox holds 60 Ovia calls; the N = 100 row needs more. Adds copies of the seeded
 * calls, each round 30 days older than the last so the newest 60 (all that N <= 50 reads) stay
 * the seeded ones, with fresh uuid-shaped ids and the same customers, until `total` is reached.
 */
export function padOviaCalls(calls: OviaCallRecord[], total: number): void {
  const seeded = [...calls];
  for (let index = 0; calls.length < total && seeded.length > 0; index++) {
    const original = seeded[index % seeded.length];
    if (!original) break;
    const days = 30 * (1 + Math.floor(index / seeded.length));
    calls.push({
      ...original,
      id: `0000bec4-0000-4000-8000-${String(index).padStart(12, '0')}`,
      started_at: shifted(original.started_at, days),
      ended_at: original.ended_at === null ? null : shifted(original.ended_at, days),
      created_at: shifted(original.created_at, days),
      updated_at: shifted(original.updated_at, days),
    });
  }
}
