import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { expectedStatus } from '../support/expected-status.js';

interface Group {
  key: string[];
  count: number;
  durationSeconds: number;
  cost: number | null;
  currency: string | null;
}
interface Stats {
  callStats: { totalCount: number; groups: Group[]; complete: boolean };
}

const STATS = `query($filter: CallFilter, $groupBy: [CallStatsDimension!]!) {
  callStats(filter: $filter, groupBy: $groupBy) {
    totalCount complete groups { key count durationSeconds cost currency }
  }
}`;

const dayOf = (iso: string | null | undefined) =>
  iso ? new Date(Date.parse(iso)).toISOString().slice(0, 10) : 'none';
const agentId = (provider: string, id: string | null | undefined) =>
  id ? Buffer.from(`Agent:${provider}:${id}`, 'utf8').toString('base64url') : 'none';

/** A sandbox record seen as the contract describes a call, read straight from the data set. */
interface Expected {
  PROVIDER: string;
  STATUS: string;
  DIRECTION: string;
  AGENT: string;
  DAY: string;
  started: number | null;
  duration: number;
  cost: number | null;
}

let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway();
});
afterEach(() => {
  t.gateway.sandbox!.clearFaults();
});
afterAll(async () => {
  await t.close();
});

function sandboxCalls(): Expected[] {
  const data = t.gateway.sandbox!.data;
  const at = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);
  const ovia = data.ovia.calls.map((raw): Expected => ({
    PROVIDER: 'OVIA',
    STATUS: expectedStatus(raw.status),
    DIRECTION: raw.direction === 'inbound' ? 'INBOUND' : 'OUTBOUND',
    AGENT: agentId('OVIA', raw.agent_id),
    DAY: dayOf(raw.started_at),
    started: at(raw.started_at),
    duration: raw.duration ?? 0,
    cost: raw.costs?.total ?? null,
  }));
  const llamadapro = data.llamadapro.calls.map((raw): Expected => ({
    PROVIDER: 'LLAMADAPRO',
    STATUS: expectedStatus(raw.status),
    DIRECTION: raw.direction === 'outgoing' ? 'OUTBOUND' : 'INBOUND',
    AGENT: 'none',
    DAY: dayOf(raw.startTime),
    started: at(raw.startTime),
    duration: raw.duration ?? 0,
    cost: null,
  }));
  const cx = data.cx.interactions.map((raw): Expected => ({
    PROVIDER: 'CX',
    STATUS: expectedStatus(raw.status),
    DIRECTION: 'OUTBOUND',
    AGENT: agentId('CX', raw.agentId),
    DAY: dayOf(raw.createdAt),
    started: at(raw.createdAt),
    duration: 0,
    cost: null,
  }));
  const happyrobot = data.happyrobot.calls.map((raw): Expected => {
    const scheduled = expectedStatus(raw.status) === 'SCHEDULED';
    return {
      PROVIDER: 'HAPPYROBOT',
      STATUS: expectedStatus(raw.status),
      DIRECTION: raw.type === 'Inbound' ? 'INBOUND' : 'OUTBOUND',
      AGENT: agentId('HAPPYROBOT', raw.agent?.id),
      DAY: scheduled ? 'none' : dayOf(raw.created),
      started: scheduled ? null : at(raw.created),
      duration: raw.duration ?? 0,
      cost: raw.costs?.total_costs ?? null,
    };
  });
  return [...ovia, ...llamadapro, ...cx, ...happyrobot];
}

type Dimension = 'PROVIDER' | 'STATUS' | 'DIRECTION' | 'AGENT' | 'DAY';

/** Counts and durations by key, computed from the sandbox records. */
function expectedGroups(calls: Expected[], groupBy: Dimension[]) {
  const groups = new Map<string, { key: string[]; count: number; durationSeconds: number }>();
  for (const call of calls) {
    const key = groupBy.map((dimension) => call[dimension]);
    const group = groups.get(key.join('|')) ?? { key, count: 0, durationSeconds: 0 };
    group.count += 1;
    group.durationSeconds += call.duration;
    groups.set(key.join('|'), group);
  }
  return [...groups.values()];
}

async function stats(groupBy: Dimension[], filter?: Record<string, unknown>) {
  return t.query<Stats>(STATS, { groupBy, filter });
}

function byKey<G extends { key: string[] }>(groups: G[]): G[] {
  return [...groups].sort((a, b) => (a.key.join('|') < b.key.join('|') ? -1 : 1));
}

function listRequests(
  vendor: 'ovia' | 'llamadapro' | 'cx' | 'happyrobot',
  on: TestGateway = t,
): number {
  return on.gateway
    .sandbox!.requests(vendor)
    .filter((request) => request.method === 'GET' && request.path === '/api/v1/calls').length;
}

describe('callStats over the sandbox', () => {
  it.each<[Dimension[]]>([[['PROVIDER']], [['PROVIDER', 'STATUS']], [['DAY']], [['AGENT']]])(
    'groups by %j as the data set counts',
    async (groupBy) => {
      const calls = sandboxCalls();
      const answer = await stats(groupBy);
      expect(answer.errors).toEqual([]);
      const result = answer.data!.callStats;
      expect(result.complete).toBe(true);
      expect(result.totalCount).toBe(calls.length);
      expect(calls.length).toBeGreaterThanOrEqual(200);
      const expected = expectedGroups(calls, groupBy);
      expect(result.groups.length).toBe(expected.length);
      expect(
        byKey(result.groups).map(({ key, count, durationSeconds }) => ({
          key,
          count,
          durationSeconds,
        })),
      ).toEqual(byKey(expected));
      // Ordered by count, largest first, then by key.
      for (let index = 1; index < result.groups.length; index += 1) {
        const before = result.groups[index - 1]!;
        const after = result.groups[index]!;
        expect(before.count).toBeGreaterThanOrEqual(after.count);
        if (before.count === after.count) {
          expect(before.key.join('\u0000') < after.key.join('\u0000')).toBe(true);
        }
      }
    },
  );

  it('has several groups where a grouping should give several', async () => {
    const answer = await stats(['PROVIDER', 'STATUS']);
    const providers = new Set(answer.data!.callStats.groups.map((group) => group.key[0]));
    expect([...providers].sort()).toEqual(['CX', 'HAPPYROBOT', 'LLAMADAPRO', 'OVIA']);
    expect(answer.data!.callStats.groups.length).toBeGreaterThan(8);
  });

  it('counts only what a filter matches', async () => {
    const calls = sandboxCalls();
    const dated = calls.filter((call) => call.started !== null).map((call) => call.started!);
    const middle = [...dated].sort((a, b) => a - b)[Math.floor(dated.length / 2)]!;
    const filter = {
      providers: ['OVIA', 'HAPPYROBOT'],
      status: ['COMPLETED'],
      startedAfter: new Date(middle).toISOString(),
    };
    const matching = calls.filter(
      (call) =>
        (call.PROVIDER === 'OVIA' || call.PROVIDER === 'HAPPYROBOT') &&
        call.STATUS === 'COMPLETED' &&
        call.started !== null &&
        call.started >= middle,
    );
    expect(matching.length).toBeGreaterThan(0);
    expect(matching.length).toBeLessThan(calls.length / 2);
    const answer = await stats(['PROVIDER', 'DAY'], filter);
    expect(answer.errors).toEqual([]);
    expect(answer.data!.callStats.totalCount).toBe(matching.length);
    expect(
      byKey(answer.data!.callStats.groups).map(({ key, count, durationSeconds }) => ({
        key,
        count,
        durationSeconds,
      })),
    ).toEqual(byKey(expectedGroups(matching, ['PROVIDER', 'DAY'])));
  });

  it('reads each vendor in its largest pages, no more requests than the pages needed', async () => {
    t.gateway.sandbox!.resetLog();
    const answer = await stats(['PROVIDER']);
    expect(answer.errors).toEqual([]);
    const data = t.gateway.sandbox!.data;
    const sizes = {
      ovia: data.ovia.calls.length,
      llamadapro: data.llamadapro.calls.length,
      cx: data.cx.interactions.length,
      happyrobot: data.happyrobot.calls.length,
    };
    for (const [vendor, size] of Object.entries(sizes)) {
      expect(listRequests(vendor as keyof typeof sizes), vendor).toBe(
        Math.max(1, Math.ceil(size / 100)),
      );
    }
  });

  it('adds up the costs of a group in one currency, and not of a group mixing them', async () => {
    const calls = sandboxCalls();
    const answer = await stats(['PROVIDER']);
    const groups = answer.data!.callStats.groups;
    const group = (provider: string) => groups.find((candidate) => candidate.key[0] === provider)!;
    for (const provider of ['OVIA', 'HAPPYROBOT']) {
      const costs = calls
        .filter((call) => call.PROVIDER === provider && call.cost !== null)
        .map((call) => call.cost!);
      expect(costs.length, provider).toBeGreaterThan(0);
      // Neither vendor states a currency: one vendor's unstated costs are in one currency.
      expect(group(provider).cost, provider).toBeCloseTo(
        costs.reduce((sum, cost) => sum + cost, 0),
        4,
      );
      expect(group(provider).currency).toBeNull();
    }
    // Vendors without costs give none.
    expect(group('CX').cost).toBeNull();
    expect(group('LLAMADAPRO').cost).toBeNull();

    // One group over every vendor mixes Ovia's unstated currency with HappyRobot's.
    const all = await stats([]);
    expect(all.data!.callStats.groups).toEqual([
      {
        key: [],
        count: calls.length,
        durationSeconds: calls.reduce((sum, call) => sum + call.duration, 0),
        cost: null,
        currency: null,
      },
    ]);
  });

  it('leaves out a failing vendor: complete false, one error naming it, the rest counted', async () => {
    t.gateway.sandbox!.setFault('cx', { failure: 'status', status: 503 });
    const calls = sandboxCalls().filter((call) => call.PROVIDER !== 'CX');
    const answer = await stats(['PROVIDER', 'STATUS']);
    expect(answer.data!.callStats.complete).toBe(false);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors[0]).toMatchObject({
      path: ['callStats'],
      extensions: { provider: 'CX' },
    });
    expect(String(answer.errors[0]!.extensions!.code)).toMatch(/^UPSTREAM_/);
    expect(answer.data!.callStats.totalCount).toBe(calls.length);
    expect(
      byKey(answer.data!.callStats.groups).map(({ key, count, durationSeconds }) => ({
        key,
        count,
        durationSeconds,
      })),
    ).toEqual(byKey(expectedGroups(calls, ['PROVIDER', 'STATUS'])));
  });

  it('refuses an unknown or repeated dimension', async () => {
    const answer = await stats(['DAY', 'DAY']);
    expect(answer.data).toBeNull();
    expect(answer.errors[0]!.extensions!.code).toBe('INVALID_INPUT');
  });
});

describe('callStats over SWITCHBOARD_STATS_MAX_CALLS', () => {
  let small: TestGateway;
  beforeAll(async () => {
    small = await startTestGateway({ SWITCHBOARD_STATS_MAX_CALLS: '100' });
  });
  afterAll(async () => {
    await small.close();
  });

  it('is refused with INVALID_INPUT after one first page per vendor', async () => {
    // Ovia padded to 250 calls: three pages of 100, so reading on would show in the log.
    const ovia = small.gateway.sandbox!.data.ovia.calls;
    const originals = [...ovia];
    for (let index = 0; ovia.length < 250; index += 1) {
      const copy = structuredClone(originals[index % originals.length]!);
      copy.id = `${copy.id}-pad-${index}`;
      ovia.push(copy);
    }
    small.gateway.sandbox!.resetLog();
    const answer = await small.query<Stats>(STATS, { groupBy: ['PROVIDER'] });
    expect(answer.data).toBeNull();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors[0]!.extensions!.code).toBe('INVALID_INPUT');
    expect(answer.errors[0]!.message).toContain('SWITCHBOARD_STATS_MAX_CALLS');
    for (const vendor of ['ovia', 'llamadapro', 'cx', 'happyrobot'] as const) {
      expect(listRequests(vendor, small), vendor).toBeLessThanOrEqual(1);
    }
    expect(listRequests('ovia', small)).toBe(1);
  });

  it('answers a query narrowed under the limit', async () => {
    const answer = await small.query<Stats>(STATS, {
      groupBy: ['STATUS'],
      filter: { providers: ['LLAMADAPRO'] },
    });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.callStats.totalCount).toBe(
      small.gateway.sandbox!.data.llamadapro.calls.length,
    );
  });
});
