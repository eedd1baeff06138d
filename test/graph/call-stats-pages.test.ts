import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OviaCallRecord } from '../../src/sandbox/ovia/data.js';
import type { LoggedRequest } from '../../src/sandbox/vendor-server.js';
import { expectedStatus } from '../support/expected-status.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

/**
 * How callStats reads a vendor's later pages (README, "Call analytics"): Ovia pages by offset, so
 * every page after the first is known from its total and asked for at once, 8 at a time; and how
 * the operation's fan-out allowance (SWITCHBOARD_MAX_UPSTREAM_REQUESTS) bounds that read.
 */

interface Stats {
  totalCount: number;
  complete: boolean;
  groups: Array<{ key: string[]; count: number; durationSeconds: number }>;
}

const STATS = `query($filter: CallFilter, $groupBy: [CallStatsDimension!]!) {
  callStats(filter: $filter, groupBy: $groupBy) {
    totalCount complete groups { key count durationSeconds }
  }
}`;

const OVIA_ONLY = { providers: ['OVIA'] };
/** Pages needed for a list of `total` items, at the 100 a page every call vendor serves. */
const pages = (total: number) => Math.max(1, Math.ceil(total / 100));

/**
 * Adds copies of the seeded Ovia calls, with fresh uuid-shaped ids, until there are `total`;
 * `startedAt` places each copy (by default where its original started).
 */
function padOvia(
  calls: OviaCallRecord[],
  total: number,
  startedAt: (original: OviaCallRecord, index: number) => string = (original) =>
    original.started_at,
): void {
  const seeded = [...calls];
  for (let index = 0; calls.length < total; index += 1) {
    const original = seeded[index % seeded.length]!;
    calls.push({
      ...structuredClone(original),
      // Numbered by position, so that ids stay distinct however many times a test pads.
      id: `0000a11c-0000-4000-8000-${String(calls.length).padStart(12, '0')}`,
      started_at: startedAt(original, index),
    });
  }
}

/** A vendor's call-list reads the sandbox received, in arrival order. */
function listReads(
  on: TestGateway,
  vendor: 'ovia' | 'llamadapro' | 'cx' | 'happyrobot' = 'ovia',
): LoggedRequest[] {
  return on.gateway
    .sandbox!.requests(vendor)
    .filter((request) => request.method === 'GET' && request.path === '/api/v1/calls');
}

/** Count and duration by STATUS, computed from a vendor's records. */
function byStatus(calls: ReadonlyArray<{ status: string; duration?: number | null }>) {
  const groups = new Map<string, { key: string[]; count: number; durationSeconds: number }>();
  for (const call of calls) {
    const status = expectedStatus(call.status);
    const group = groups.get(status) ?? { key: [status], count: 0, durationSeconds: 0 };
    group.count += 1;
    group.durationSeconds += call.duration ?? 0;
    groups.set(status, group);
  }
  return sortByKey([...groups.values()]);
}

function sortByKey<G extends { key: string[] }>(groups: G[]): G[] {
  return [...groups].sort((a, b) => (a.key.join('|') < b.key.join('|') ? -1 : 1));
}

const waitFor = async (condition: () => boolean) => {
  for (let tries = 0; !condition(); tries += 1) {
    if (tries > 2000) throw new Error('the sandbox never saw the requests waited for');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

describe('callStats over a padded Ovia', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
    padOvia(t.gateway.sandbox!.data.ovia.calls, 1000);
  });
  afterEach(() => {
    t.gateway.sandbox!.clearFaults();
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads every page once, the later ones 8 at a time, and counts what the data holds', async () => {
    const calls = t.gateway.sandbox!.data.ovia.calls;
    expect(calls).toHaveLength(1000);
    // Each answer held back long enough that pages asked for together are in flight together.
    t.gateway.sandbox!.setFault('ovia', { latencyMs: 200 });
    t.gateway.sandbox!.resetLog();
    const answer = await t.query<{ callStats: Stats }>(STATS, {
      groupBy: ['STATUS'],
      filter: OVIA_ONLY,
    });
    expect(answer.errors).toEqual([]);
    const stats = answer.data!.callStats;
    expect(stats.complete).toBe(true);
    expect(stats.totalCount).toBe(1000);
    expect(sortByKey(stats.groups)).toEqual(byStatus(calls));
    expect(stats.groups.length).toBeGreaterThan(1);

    const reads = listReads(t);
    expect(reads).toHaveLength(pages(1000));
    expect(reads.map((read) => Number(read.query['offset'])).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 10 }, (_, index) => index * 100),
    );
    expect(reads.every((read) => read.query['limit'] === '100')).toBe(true);
    // The first page alone (its total tells where the others are), then eight at once: each
    // arrived while all asked before it were still waiting for their answers.
    expect(reads[0]!.query['offset']).toBe('0');
    expect(reads.slice(0, 9).map((read) => read.inFlight)).toEqual([1, 1, 2, 3, 4, 5, 6, 7, 8]);
    // The tenth waited for a place: never more than eight in flight.
    expect(Math.max(...reads.map((read) => read.inFlight))).toBe(8);
  });

  it("reads a day's stats in the pages that day's calls fill, no more", async () => {
    const sandbox = t.gateway.sandbox!;
    const day = Date.parse('2026-03-14T00:00:00Z');
    const next = day + 86_400_000;
    const calls = sandbox.data.ovia.calls;
    const before = calls.length;
    // 230 more calls on that one day, a minute apart.
    padOvia(calls, before + 230, (_, index) => new Date(day + index * 60_000).toISOString());
    try {
      const onDay = calls.filter((call) => {
        const started = Date.parse(call.started_at);
        return started >= day && started < next;
      });
      expect(onDay.length).toBeGreaterThan(200);
      sandbox.setFault('ovia', { latencyMs: 100 });
      sandbox.resetLog();
      const answer = await t.query<{ callStats: Stats }>(STATS, {
        groupBy: ['PROVIDER', 'STATUS'],
        filter: {
          startedAfter: new Date(day).toISOString(),
          startedBefore: new Date(next).toISOString(),
        },
      });
      expect(answer.errors).toEqual([]);
      expect(answer.data!.callStats.complete).toBe(true);
      const ovia = answer
        .data!.callStats.groups.filter((group) => group.key[0] === 'OVIA')
        .map((group) => ({ ...group, key: group.key.slice(1) }));
      expect(sortByKey(ovia)).toEqual(byStatus(onDay));

      // Ovia filters by start time itself: the day's calls in pages of 100, the later two
      // asked for together.
      const reads = listReads(t);
      expect(reads).toHaveLength(pages(onDay.length));
      expect(reads.map((read) => read.query['started_after'])).toEqual(
        reads.map(() => new Date(day).toISOString()),
      );
      expect(reads.map((read) => read.inFlight)).toEqual([1, 1, 2]);
      // The other vendors: one page each (their seeded lists are under 100 calls).
      for (const vendor of ['llamadapro', 'cx', 'happyrobot'] as const) {
        expect(listReads(t, vendor), vendor).toHaveLength(1);
      }
    } finally {
      calls.splice(before);
    }
  });

  it('reads a page-numbered vendor (CX) alike: page 1, then every other page at once', async () => {
    const sandbox = t.gateway.sandbox!;
    const interactions = sandbox.data.cx.interactions;
    const seeded = interactions.length;
    for (let index = 0; interactions.length < 350; index += 1) {
      interactions.push({
        ...structuredClone(interactions[index % seeded]!),
        id: `0000c0c0-0000-4000-8000-${String(interactions.length).padStart(12, '0')}`,
      });
    }
    try {
      sandbox.setFault('cx', { latencyMs: 200 });
      sandbox.resetLog();
      const answer = await t.query<{ callStats: Stats }>(STATS, {
        groupBy: ['STATUS'],
        filter: { providers: ['CX'] },
      });
      expect(answer.errors).toEqual([]);
      expect(answer.data!.callStats.complete).toBe(true);
      expect(answer.data!.callStats.totalCount).toBe(350);
      expect(sortByKey(answer.data!.callStats.groups)).toEqual(byStatus(interactions));
      const reads = listReads(t, 'cx');
      expect(reads.map((read) => Number(read.query['page'])).sort((a, b) => a - b)).toEqual([
        1, 2, 3, 4,
      ]);
      expect(reads[0]!.query['page']).toBe('1');
      expect(reads.map((read) => read.inFlight)).toEqual([1, 1, 2, 3]);
    } finally {
      interactions.splice(seeded);
    }
  });

  it('reads a token-paged vendor (LlamadaPro) one page after another: each token comes with the page before', async () => {
    const sandbox = t.gateway.sandbox!;
    const calls = sandbox.data.llamadapro.calls;
    const seeded = calls.length;
    for (let index = 0; calls.length < 250; index += 1) {
      calls.push({ ...structuredClone(calls[index % seeded]!), id: 900_000 + calls.length });
    }
    try {
      sandbox.setFault('llamadapro', { latencyMs: 100 });
      sandbox.resetLog();
      const answer = await t.query<{ callStats: Stats }>(STATS, {
        groupBy: ['STATUS'],
        filter: { providers: ['LLAMADAPRO'] },
      });
      expect(answer.errors).toEqual([]);
      expect(answer.data!.callStats.totalCount).toBe(250);
      expect(sortByKey(answer.data!.callStats.groups)).toEqual(byStatus(calls));
      const reads = listReads(t, 'llamadapro');
      expect(reads).toHaveLength(3);
      expect(reads[0]!.query['pageToken']).toBeUndefined();
      expect(reads.slice(1).every((read) => (read.query['pageToken'] ?? '') !== '')).toBe(true);
      expect(reads.map((read) => read.inFlight)).toEqual([1, 1, 1]);
    } finally {
      calls.splice(seeded);
    }
  });

  it('counts each call once, and to the end, when the list shifts between pages', async () => {
    const sandbox = t.gateway.sandbox!;
    const calls = sandbox.data.ovia.calls;
    const original = calls.length;
    sandbox.setFault('ovia', { latencyMs: 200 });
    sandbox.resetLog();
    const pending = t.query<{ callStats: Stats }>(STATS, {
      groupBy: ['STATUS'],
      filter: OVIA_ONLY,
    });
    // Once the later pages are asked for (the first page answered), and before the sandbox
    // answers them, a new call comes first: every later page starts one call further back.
    await waitFor(() => listReads(t).length >= 2);
    calls.unshift({
      ...structuredClone(calls[0]!),
      id: '0000a11c-0000-4000-8000-ffffffffffff',
      started_at: new Date(Date.now() + 86_400_000).toISOString(),
    });
    try {
      const answer = await pending;
      expect(answer.errors).toEqual([]);
      expect(answer.data!.callStats.complete).toBe(true);
      // The call that ended page 1 is met again at the top of page 2, and counted once; the
      // one pushed past the first total is read on a page of its own after the others.
      expect(answer.data!.callStats.totalCount).toBe(original);
      const offsets = listReads(t).map((read) => Number(read.query['offset']));
      expect(offsets).toHaveLength(pages(original) + 1);
      expect(offsets.at(-1)).toBe(original);
    } finally {
      calls.shift();
    }
  });
});

describe('callStats with the read cache', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ SWITCHBOARD_CACHE_TTL_MS: '60000' });
    padOvia(t.gateway.sandbox!.data.ovia.calls, 1000);
  });
  afterAll(async () => {
    await t.close();
  });

  it('reads the pages asked for at once through the cache: the same query again asks nothing', async () => {
    t.gateway.sandbox!.resetLog();
    const cold = await t.query<{ callStats: Stats }>(STATS, {
      groupBy: ['STATUS'],
      filter: OVIA_ONLY,
    });
    expect(listReads(t)).toHaveLength(10);
    t.gateway.sandbox!.resetLog();
    const warm = await t.query<{ callStats: Stats }>(STATS, {
      groupBy: ['STATUS'],
      filter: OVIA_ONLY,
    });
    expect(listReads(t)).toHaveLength(0);
    expect(warm.errors).toEqual([]);
    expect(warm.data!.callStats.totalCount).toBe(1000);
    expect(warm.data).toEqual(cold.data);
  });
});

describe('callStats and the fan-out allowance', () => {
  describe('refused up front when the pages would not fit', () => {
    let t: TestGateway;
    beforeAll(async () => {
      // 4 first pages + 9 more for a 1 000-call Ovia: exactly the allowance.
      t = await startTestGateway({ SWITCHBOARD_MAX_UPSTREAM_REQUESTS: '13' });
      padOvia(t.gateway.sandbox!.data.ovia.calls, 1000);
    });
    afterAll(async () => {
      await t.close();
    });

    it('answers a read that uses the whole allowance', async () => {
      t.gateway.sandbox!.resetLog();
      const answer = await t.query<{ callStats: Stats }>(STATS, { groupBy: ['PROVIDER'] });
      expect(answer.errors).toEqual([]);
      expect(answer.data!.callStats.complete).toBe(true);
      const ovia = answer.data!.callStats.groups.find((group) => group.key[0] === 'OVIA');
      expect(ovia?.count).toBe(1000);
      expect(t.gateway.sandbox!.requests()).toHaveLength(13);
    });

    it('refuses one page more with INVALID_INPUT naming the limit, after the first pages', async () => {
      const calls = t.gateway.sandbox!.data.ovia.calls;
      padOvia(calls, 1001);
      try {
        t.gateway.sandbox!.resetLog();
        const answer = await t.query<{ callStats: Stats }>(STATS, { groupBy: ['PROVIDER'] });
        expect(answer.data).toBeNull();
        expect(answer.errors).toHaveLength(1);
        expect(answer.errors[0]!.extensions!.code).toBe('INVALID_INPUT');
        expect(answer.errors[0]!.message).toContain('SWITCHBOARD_MAX_UPSTREAM_REQUESTS');
        expect(answer.errors[0]!.message).toContain('10 more upstream requests');
        expect(listReads(t)).toHaveLength(1);
        for (const vendor of ['llamadapro', 'cx', 'happyrobot'] as const) {
          expect(listReads(t, vendor), vendor).toHaveLength(1);
        }
      } finally {
        calls.splice(1000);
      }
    });
  });

  describe('at the defaults, with SWITCHBOARD_STATS_MAX_CALLS raised past what 250 pages hold', () => {
    let t: TestGateway;
    beforeAll(async () => {
      t = await startTestGateway({ SWITCHBOARD_STATS_MAX_CALLS: '40000' });
      padOvia(t.gateway.sandbox!.data.ovia.calls, 25_000);
    });
    afterAll(async () => {
      await t.close();
    });

    it('is refused by the fan-out limit before a second page, not read in part', async () => {
      t.gateway.sandbox!.resetLog();
      const answer = await t.query<{ callStats: Stats }>(STATS, { groupBy: ['PROVIDER'] });
      expect(answer.data).toBeNull();
      expect(answer.errors[0]!.extensions!.code).toBe('INVALID_INPUT');
      expect(answer.errors[0]!.message).toContain('(SWITCHBOARD_MAX_UPSTREAM_REQUESTS)');
      expect(answer.errors[0]!.message).toContain('246 this operation has left of its 250');
      expect(listReads(t)).toHaveLength(1);
    });
  });

  describe('used up mid-read by two summaries in one operation', () => {
    let t: TestGateway;
    beforeAll(async () => {
      // Each summary: 20 Ovia pages. Together 40, one more than the allowance.
      t = await startTestGateway({ SWITCHBOARD_MAX_UPSTREAM_REQUESTS: '39' });
      padOvia(t.gateway.sandbox!.data.ovia.calls, 2000);
    });
    afterAll(async () => {
      await t.close();
    });

    it('leaves the vendor out of the summary that ran short: complete false and FAN_OUT_LIMITED', async () => {
      // Both first pages come back together; the later pages go out 8 at a time, a round trip
      // apart, so each summary's check sees what the other has asked so far (at most 10 of 40)
      // and both start reading.
      t.gateway.sandbox!.setFault('ovia', { latencyMs: 150 });
      t.gateway.sandbox!.resetLog();
      const answer = await t.query<{ a: Stats; b: Stats }>(
        `query($filter: CallFilter) {
          a: callStats(filter: $filter, groupBy: [STATUS]) { totalCount complete groups { key count durationSeconds } }
          b: callStats(filter: $filter, groupBy: [STATUS]) { totalCount complete groups { key count durationSeconds } }
        }`,
        { filter: OVIA_ONLY },
      );
      expect(answer.data).not.toBeNull();
      const { a, b } = answer.data!;
      const short = a.complete ? 'b' : 'a';
      const whole = short === 'a' ? b : a;
      expect([a.complete, b.complete].sort()).toEqual([false, true]);
      expect(answer.errors).toHaveLength(1);
      expect(answer.errors[0]).toMatchObject({
        path: [short],
        extensions: { code: 'FAN_OUT_LIMITED', provider: 'OVIA' },
      });
      // No page silently dropped: the short summary has none of Ovia's calls, the other all.
      expect(answer.data![short].totalCount).toBe(0);
      expect(whole.totalCount).toBe(2000);
      expect(sortByKey(whole.groups)).toEqual(byStatus(t.gateway.sandbox!.data.ovia.calls));
      // Every request the allowance let through reached Ovia; the one past it did not.
      expect(listReads(t)).toHaveLength(39);
      t.gateway.sandbox!.clearFaults();
    });
  });
});
