import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type GraphQLAnswer, type TestGateway } from '../support/gateway.js';
import { expectedStatus } from '../support/expected-status.js';

const CALL_FIELDS = `
  id provider providerId status providerStatus direction channel from to customerPhone
  startedAt endedAt durationSeconds recordingUrl transcript
  transcriptEntries { role content timestamp }
  costs { total llm stt tts telephony currency }
  agent { id provider providerId name }
  notes { id content flagged userId createdAt }
  classification { tag reasoning }
  extraction analysis createdAt raw
`;

interface CallNode {
  id: string;
  provider: string;
  providerId: string;
  status: string;
  providerStatus: string | null;
  direction: string | null;
  channel: string;
  from: string | null;
  to: string | null;
  customerPhone: string | null;
  startedAt: string | null;
  createdAt: string | null;
  agent: { id: string; provider: string; providerId: string; name: string | null } | null;
  [key: string]: unknown;
}

interface CallsPage {
  calls: {
    totalCount: number;
    edges: Array<{ cursor: string; node: CallNode }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const iso = (value: string | null | undefined) => (value ? new Date(value).toISOString() : null);

let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(async () => {
  await t.close();
});

async function allCalls(filter?: Record<string, unknown>, pageSize = 100): Promise<CallNode[]> {
  const nodes: CallNode[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 100; guard += 1) {
    const answer: GraphQLAnswer<CallsPage> = await t.query<CallsPage>(
      `query($filter: CallFilter, $first: Int, $after: String) {
        calls(filter: $filter, first: $first, after: $after) {
          totalCount
          edges { cursor node { ${CALL_FIELDS} } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { filter, first: pageSize, after },
    );
    expect(answer.errors).toEqual([]);
    const page: CallsPage['calls'] = answer.data!.calls;
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

function sandboxCallCount(): number {
  const data = t.gateway.sandbox!.data;
  return (
    data.ovia.calls.length +
    data.llamadapro.calls.length +
    data.cx.interactions.length +
    data.happyrobot.calls.length
  );
}

function sortKey(call: CallNode): number {
  const value = call.startedAt ?? call.createdAt;
  return value === null ? Number.POSITIVE_INFINITY : Date.parse(value);
}

const PROVIDER_ORDER = ['FREYA', 'OVIA', 'LLAMADAPRO', 'CX', 'HAPPYROBOT'];

function assertNewestFirst(calls: CallNode[]): void {
  for (let i = 1; i < calls.length; i += 1) {
    const a = calls[i - 1]!;
    const b = calls[i]!;
    expect(sortKey(a)).toBeGreaterThanOrEqual(sortKey(b));
    if (sortKey(a) === sortKey(b) && a.provider !== b.provider) {
      expect(PROVIDER_ORDER.indexOf(a.provider)).toBeLessThan(PROVIDER_ORDER.indexOf(b.provider));
    }
  }
}

describe('one known sandbox call per vendor, field by field', () => {
  async function fetchCall(provider: string, providerId: string): Promise<CallNode> {
    const list = await allCalls({ providers: [provider] });
    const found = list.find((call) => call.providerId === providerId);
    expect(found, `${provider} ${providerId} is listed`).toBeDefined();
    const answer = await t.query<{ call: CallNode }>(
      `query($id: ID!) { call(id: $id) { ${CALL_FIELDS} } }`,
      {
        id: found!.id,
      },
    );
    expect(answer.errors).toEqual([]);
    expect(answer.data!.call).toEqual(found);
    return answer.data!.call;
  }

  it('maps an Ovia call', async () => {
    const raw = t.gateway.sandbox!.data.ovia.calls.find(
      (call: any) => call.status === 'completed' && call.costs,
    )! as any;
    const call = await fetchCall('OVIA', raw.id);
    expect(call).toMatchObject({
      provider: 'OVIA',
      providerId: raw.id,
      status: 'COMPLETED',
      providerStatus: 'completed',
      direction: raw.direction === 'inbound' ? 'INBOUND' : 'OUTBOUND',
      channel: 'CALL',
      from: raw.from_number,
      to: raw.to_number,
      customerPhone: raw.direction === 'inbound' ? raw.from_number : raw.to_number,
      startedAt: iso(raw.started_at),
      endedAt: iso(raw.ended_at),
      durationSeconds: raw.duration,
      recordingUrl: raw.recording_url,
      transcript: raw.transcript,
      costs: {
        total: raw.costs.total,
        llm: raw.costs.llm,
        stt: raw.costs.stt,
        tts: raw.costs.tts,
        telephony: null,
        currency: null,
      },
      agent: { provider: 'OVIA', providerId: raw.agent_id, name: raw.agent?.name ?? null },
      notes: [],
      analysis: raw.analysis ?? null,
      createdAt: iso(raw.created_at),
      raw,
    });
    expect(call.transcriptEntries).toEqual(
      (raw.transcript_objects ?? []).map((entry: any) => ({
        role: entry.role ?? null,
        content: entry.content,
        timestamp: iso(entry.timestamp),
      })),
    );
  });

  it('maps a LlamadaPro call', async () => {
    const raw = t.gateway.sandbox!.data.llamadapro.calls.find(
      (call: any) => call.status === 'completed' && call.duration,
    )! as any;
    const call = await fetchCall('LLAMADAPRO', String(raw.id));
    const outbound = raw.direction === 'outgoing';
    expect(call).toMatchObject({
      provider: 'LLAMADAPRO',
      providerId: String(raw.id),
      status: 'COMPLETED',
      providerStatus: raw.status,
      direction: outbound ? 'OUTBOUND' : 'INBOUND',
      channel: 'CALL',
      from: raw.from,
      to: raw.to,
      customerPhone: outbound ? raw.to : raw.from,
      startedAt: iso(raw.startTime),
      endedAt: new Date(Date.parse(raw.startTime) + raw.duration * 1000).toISOString(),
      durationSeconds: raw.duration,
      agent: null,
      createdAt: iso(raw.createdAt),
      raw,
    });
  });

  it('maps a CX interaction', async () => {
    const raw = t.gateway.sandbox!.data.cx.interactions.find(
      (call: any) => call.channel === 'call',
    )!;
    const call = await fetchCall('CX', raw.id);
    expect(call).toMatchObject({
      provider: 'CX',
      providerId: raw.id,
      status: expectedStatus(raw.status),
      providerStatus: raw.status,
      direction: 'OUTBOUND',
      channel: 'CALL',
      from: raw.agentPhone,
      to: raw.customerPhone,
      customerPhone: raw.customerPhone,
      startedAt: iso(raw.createdAt),
      recordingUrl: raw.recordingUrl,
      transcript: raw.transcription,
      agent: { provider: 'CX', providerId: raw.agentId },
      createdAt: iso(raw.createdAt),
      raw,
    });
  });

  it('maps a HappyRobot call', async () => {
    const raw = t.gateway.sandbox!.data.happyrobot.calls.find(
      (call: any) => call.status === 'Completed' && call.costs,
    )! as any;
    const call = await fetchCall('HAPPYROBOT', raw.id);
    expect(call).toMatchObject({
      provider: 'HAPPYROBOT',
      providerId: raw.id,
      status: 'COMPLETED',
      providerStatus: 'Completed',
      direction: raw.type === 'Inbound' ? 'INBOUND' : 'OUTBOUND',
      channel: 'CALL',
      from: raw.metadata.from,
      to: raw.metadata.to,
      customerPhone: raw.type === 'Inbound' ? raw.metadata.from : raw.metadata.to,
      startedAt: iso(raw.created),
      durationSeconds: raw.duration,
      agent: { provider: 'HAPPYROBOT', providerId: raw.agent.id, name: raw.agent.name },
      classification: raw.classification
        ? { tag: raw.classification.tag, reasoning: raw.classification.reasoning ?? null }
        : null,
      costs: {
        total: raw.costs.total_costs,
        llm: raw.costs.llm?.total_cost ?? null,
        stt: raw.costs.transcriber?.total_cost ?? null,
        tts: raw.costs.tts?.total_cost ?? null,
        telephony: raw.costs.voip?.total_cost ?? null,
        currency: null,
      },
      createdAt: iso(raw.created),
      raw,
    });
  });

  it('maps every raw status the sandbox emits to the contract status', async () => {
    const calls = await allCalls();
    const seen = new Map<string, string>();
    for (const call of calls) {
      expect(call.status, `${call.provider} "${call.providerStatus}"`).toBe(
        expectedStatus(call.providerStatus),
      );
      seen.set(`${call.provider}:${call.providerStatus}`, call.status);
    }
    // The sandbox emits several statuses per vendor, including one the contract does not know.
    for (const provider of ['OVIA', 'LLAMADAPRO', 'CX', 'HAPPYROBOT']) {
      const statuses = [...seen]
        .filter(([key]) => key.startsWith(`${provider}:`))
        .map(([, status]) => status);
      expect(new Set(statuses).size, provider).toBeGreaterThanOrEqual(4);
      expect(statuses, provider).toContain('UNKNOWN');
    }
  });
});

describe('the merged calls list', () => {
  it('pages with first: 17 to the end: every sandbox call once, newest first, right totalCount', async () => {
    const nodes: CallNode[] = [];
    let after: string | null = null;
    let pages = 0;
    let totalCount = -1;
    for (;;) {
      const answer: GraphQLAnswer<CallsPage> = await t.query<CallsPage>(
        `query($after: String) { calls(first: 17, after: $after) {
          totalCount edges { cursor node { id provider providerId startedAt createdAt } }
          pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expect(answer.errors).toEqual([]);
      const page: CallsPage['calls'] = answer.data!.calls;
      totalCount = page.totalCount;
      pages += 1;
      if (page.pageInfo.hasNextPage) expect(page.edges).toHaveLength(17);
      nodes.push(...(page.edges.map((edge) => edge.node) as CallNode[]));
      if (!page.pageInfo.hasNextPage) break;
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
      after = page.pageInfo.endCursor;
      expect(pages).toBeLessThan(40);
    }
    const expected = sandboxCallCount();
    expect(expected).toBeGreaterThanOrEqual(200);
    expect(totalCount).toBe(expected);
    expect(nodes).toHaveLength(expected);
    expect(new Set(nodes.map((node) => node.id)).size).toBe(expected);
    expect(pages).toBe(Math.ceil(expected / 17));
    assertNewestFirst(nodes);
  });

  it('continues from any edge cursor, not only the end cursor', async () => {
    const all = await allCalls();
    const first = await t.query<CallsPage>(`{ calls(first: 10) { edges { cursor node { id } } } }`);
    const middleCursor = first.data!.calls.edges[4]!.cursor;
    const next = await t.query<CallsPage>(
      `query($after: String) { calls(first: 5, after: $after) { edges { node { id } } } }`,
      {
        after: middleCursor,
      },
    );
    expect(next.data!.calls.edges.map((edge) => edge.node.id)).toEqual(
      all.slice(5, 10).map((call) => call.id),
    );
  });

  it('reads an explicit null filter member as absent, and still refuses a bad one', async () => {
    const all = await allCalls();
    const nulls = {
      providers: null,
      status: null,
      direction: null,
      phone: null,
      startedAfter: null,
      startedBefore: null,
      updatedAfter: null,
      agentId: null,
      classificationTag: null,
      useCaseId: null,
      campaignId: null,
    };
    expect((await allCalls(nulls)).map((call) => call.id)).toEqual(all.map((call) => call.id));
    const bad = await t.query(
      `{ calls(filter: { phone: null, classificationTag: " " }) { totalCount } }`,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_INPUT',
      field: ['filter', 'classificationTag'],
    });
  });

  it('narrows by every filter member, and the totals agree', async () => {
    const all = await allCalls();
    const someCustomer = all.find(
      (call) => call.provider === 'OVIA' && call.customerPhone,
    )!.customerPhone!;
    const middle = [...all].sort((a, b) => sortKey(a) - sortKey(b))[Math.floor(all.length / 2)]!;
    const cases: Array<{ filter: Record<string, unknown>; keep: (call: CallNode) => boolean }> = [
      {
        filter: { providers: ['CX', 'OVIA'] },
        keep: (c) => c.provider === 'CX' || c.provider === 'OVIA',
      },
      { filter: { status: ['COMPLETED'] }, keep: (c) => c.status === 'COMPLETED' },
      {
        filter: { status: ['FAILED', 'NO_ANSWER'] },
        keep: (c) => c.status === 'FAILED' || c.status === 'NO_ANSWER',
      },
      { filter: { direction: 'INBOUND' }, keep: (c) => c.direction === 'INBOUND' },
      {
        filter: { phone: someCustomer },
        keep: (c) => c.from === someCustomer || c.to === someCustomer,
      },
      {
        filter: { startedAfter: middle.startedAt },
        keep: (c) =>
          c.startedAt !== null && Date.parse(c.startedAt) >= Date.parse(middle.startedAt!),
      },
      {
        filter: { startedBefore: middle.startedAt },
        keep: (c) =>
          c.startedAt !== null && Date.parse(c.startedAt) < Date.parse(middle.startedAt!),
      },
      {
        filter: { providers: ['HAPPYROBOT'], status: ['COMPLETED'], direction: 'OUTBOUND' },
        keep: (c) =>
          c.provider === 'HAPPYROBOT' && c.status === 'COMPLETED' && c.direction === 'OUTBOUND',
      },
    ];
    for (const { filter, keep } of cases) {
      const expected = all.filter(keep).map((call) => call.id);
      expect(expected.length, JSON.stringify(filter)).toBeGreaterThan(0);
      expect(expected.length, JSON.stringify(filter)).toBeLessThan(all.length);
      const narrowed = await allCalls(filter, 13);
      expect(
        narrowed.map((call) => call.id),
        JSON.stringify(filter),
      ).toEqual(expected);
      const total = await t.query<CallsPage>(
        `query($filter: CallFilter) { calls(filter: $filter, first: 1) { totalCount } }`,
        {
          filter,
        },
      );
      expect(total.data!.calls.totalCount, JSON.stringify(filter)).toBe(expected.length);
    }
  });

  it('rejects bad arguments with INVALID_INPUT and asks no vendor', async () => {
    t.gateway.sandbox!.resetLog();
    const bad = [
      { query: `{ calls(filter: { phone: "555-0100" }) { totalCount } }` },
      { query: `{ calls(filter: { providers: [FREYA] }) { totalCount } }` },
      { query: `{ calls(first: 1000) { totalCount } }` },
      { query: `{ calls(after: "not-a-cursor") { totalCount } }` },
      { query: `{ calls(filter: { startedAfter: "yesterday" }) { totalCount } }` },
    ];
    for (const { query } of bad) {
      const answer = await t.query(query);
      expect(answer.data?.calls ?? null, query).toBeNull();
      expect(answer.errors.length, query).toBeGreaterThan(0);
      expect(answer.errors[0]!.extensions?.code, query).toBe('INVALID_INPUT');
    }
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);
  });

  it('rejects a cursor from a list with another filter', async () => {
    const page = await t.query<CallsPage>(
      `{ calls(first: 3, filter: { providers: [OVIA] }) { pageInfo { endCursor } } }`,
    );
    const answer = await t.query(
      `query($after: String) { calls(first: 3, after: $after) { totalCount } }`,
      {
        after: page.data!.calls.pageInfo.endCursor,
      },
    );
    expect(answer.errors[0]?.extensions?.code).toBe('INVALID_INPUT');
  });
});

describe('global ids', () => {
  it('round-trips every call vendor through node(id) and nodes(ids)', async () => {
    const page = await t.query<CallsPage>(
      `{ calls(first: 100) { edges { node { id provider providerId } } } }`,
    );
    const byProvider = new Map<string, CallNode>();
    for (const { node } of page.data!.calls.edges) byProvider.set(node.provider, node);
    expect([...byProvider.keys()].sort()).toEqual(['CX', 'HAPPYROBOT', 'LLAMADAPRO', 'OVIA']);
    for (const call of byProvider.values()) {
      const answer = await t.query(
        `query($id: ID!) { node(id: $id) { __typename id ... on Call { provider providerId } } }`,
        {
          id: call.id,
        },
      );
      expect(answer.errors).toEqual([]);
      expect(answer.data!.node).toEqual({
        __typename: 'Call',
        id: call.id,
        provider: call.provider,
        providerId: call.providerId,
      });
    }
    const ids = [...byProvider.values()].map((call) => call.id);
    const many = await t.query(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
    expect(many.data!.nodes.map((node: { id: string }) => node.id)).toEqual(ids);
  });

  it('resolves an agent and its calls by id', async () => {
    const page = await t.query<CallsPage>(
      `{ calls(first: 50, filter: { providers: [OVIA] }) { edges { node { agent { id providerId name } } } } }`,
    );
    const agent = page.data!.calls.edges.find((edge) => edge.node.agent)!.node.agent!;
    const answer = await t.query(
      `query($id: ID!) { agent(id: $id) { id name calls(first: 100) { totalCount edges { node { agent { id } } } } } node(id: $id) { __typename } }`,
      { id: agent.id },
    );
    expect(answer.errors).toEqual([]);
    expect(answer.data!.agent.name).toBe(agent.name);
    expect(answer.data!.node.__typename).toBe('Agent');
    const agentCalls = answer.data!.agent.calls;
    expect(agentCalls.totalCount).toBe(agentCalls.edges.length);
    expect(agentCalls.edges.length).toBeGreaterThan(0);
    for (const edge of agentCalls.edges) expect(edge.node.agent.id).toBe(agent.id);
  });

  it('answers INVALID_INPUT for a malformed id and for an id of another type', async () => {
    for (const id of [
      'nope',
      'Q2FsbDpPVklBOg',
      Buffer.from('Call:NOPE:1').toString('base64url'),
      '',
    ]) {
      const answer = await t.query(
        `query($id: ID!) { node(id: $id) { id } call(id: $id) { id } }`,
        { id },
      );
      expect(answer.data?.node ?? null).toBeNull();
      expect(answer.data?.call ?? null).toBeNull();
      expect(answer.errors.map((error) => error.extensions?.code)).toEqual([
        'INVALID_INPUT',
        'INVALID_INPUT',
      ]);
    }
    const page = await t.query<CallsPage>(
      `{ calls(first: 5, filter: { providers: [OVIA] }) { edges { node { agent { id } } } } }`,
    );
    const agentId = page.data!.calls.edges.find((edge) => edge.node.agent)!.node.agent!.id;
    const wrongType = await t.query(`query($id: ID!) { call(id: $id) { id } }`, { id: agentId });
    expect(wrongType.data!.call).toBeNull();
    expect(wrongType.errors[0]!.extensions?.code).toBe('INVALID_INPUT');
  });

  it('answers NOT_FOUND with a null call for an id the vendor does not know', async () => {
    const id = Buffer.from('Call:OVIA:00000000-0000-4000-8000-000000000000').toString('base64url');
    const answer = await t.query(`query($id: ID!) { call(id: $id) { id } }`, { id });
    expect(answer.data!.call).toBeNull();
    expect(answer.errors[0]!.extensions).toMatchObject({ code: 'NOT_FOUND', provider: 'OVIA' });
  });
});

describe('providers', () => {
  it('lists every vendor in sandbox mode with capabilities', async () => {
    const answer = await t.query(`{ providers { provider mode baseUrl capabilities } }`);
    expect(answer.data!.providers.map((p: { provider: string }) => p.provider)).toEqual([
      'FREYA',
      'OVIA',
      'LLAMADAPRO',
      'CX',
      'HAPPYROBOT',
    ]);
    for (const provider of answer.data!.providers) {
      expect(provider.mode).toBe('SANDBOX');
      expect(provider.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    }
    const ovia = answer.data!.providers.find((p: { provider: string }) => p.provider === 'OVIA');
    expect(ovia.capabilities).toContain('calls.list');
  });
});
