import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxVendor } from '../../src/sandbox/faults.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

// The read cache in one process (no REDIS_URL): what the sandbox vendors see when the same
// queries come again, after mutations, with faults, with Cache-Control, and after the TTL.

const gid = (type: string, provider: string, id: string | number) =>
  Buffer.from(`${type}:${provider}:${id}`).toString('base64url');

const DASHBOARD = `{
  calls(first: 10) {
    edges { node { id provider contact { displayName } problems { title } } }
  }
}`;
const CALLS = `{ calls(first: 10) { edges { node { id provider providerStatus } } } }`;
const OVIA_CALLS = `{ calls(first: 3, filter: { providers: [OVIA] }) { edges { node { providerId providerStatus } } } }`;
const HAPPYROBOT_CALLS = `{ calls(first: 3, filter: { providers: [HAPPYROBOT] }) { edges { node { id } } } }`;
const CALL_NOTES = `query($id: ID!) { call(id: $id) { id notes { content } } }`;
const ADD_NOTE = `mutation($input: AddCallNoteInput!) {
  addCallNote(input: $input) { note { content } userErrors { code message } }
}`;

const counts = (t: TestGateway) => {
  const byVendor: Partial<Record<SandboxVendor, number>> = {};
  for (const request of t.gateway.sandbox!.requests()) {
    const vendor = request.vendor as SandboxVendor;
    byVendor[vendor] = (byVendor[vendor] ?? 0) + 1;
  }
  return byVendor;
};

async function metric(t: TestGateway, name: string): Promise<number> {
  const text = await (await fetch(t.url.replace('/graphql', '/metrics'))).text();
  return text
    .split('\n')
    .filter((line) => line.startsWith(name))
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

describe('with SWITCHBOARD_CACHE_TTL_MS', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ SWITCHBOARD_CACHE_TTL_MS: '60000' });
  });
  afterEach(() => t.gateway.sandbox!.clearFaults());
  afterAll(async () => {
    await t.close();
  });

  it('answers a repeated query without any upstream request, with the same data', async () => {
    const sandbox = t.gateway.sandbox!;
    sandbox.resetLog();
    const first = await t.query(DASHBOARD);
    expect(first.errors).toEqual([]);
    const firstCounts = counts(t);
    // Every call vendor's list, the contact search and the problem list.
    expect(Object.keys(firstCounts).sort()).toEqual([
      'cx',
      'freya',
      'happyrobot',
      'llamadapro',
      'ovia',
    ]);

    const hitsBefore = await metric(t, 'switchboard_cache_hits_total');
    sandbox.resetLog();
    const second = await t.query(DASHBOARD);
    expect(sandbox.requests()).toEqual([]);
    expect(second).toEqual(first);
    expect(await metric(t, 'switchboard_cache_hits_total')).toBeGreaterThanOrEqual(
      hitsBefore + Object.values(firstCounts).reduce((a, b) => a + b, 0),
    );
    expect(await metric(t, 'switchboard_cache_misses_total')).toBeGreaterThan(0);
  });

  it('shares one vendor answer between different queries that need it', async () => {
    const sandbox = t.gateway.sandbox!;
    await t.query(`{ calls(first: 4, filter: { providers: [CX] }) { edges { node { id } } } }`);
    sandbox.resetLog();
    const other = await t.query(
      `{ calls(first: 4, filter: { providers: [CX] }) { edges { node { providerId status } } } }`,
    );
    expect(other.errors).toEqual([]);
    expect(sandbox.requests()).toEqual([]);
  });

  it('asks a failing vendor again next time, while the healthy ones answer from the cache', async () => {
    const sandbox = t.gateway.sandbox!;
    const QUERY = `{ calls(first: 7) { edges { node { id provider } } } }`;
    sandbox.setFault('cx', { failure: 'status', status: 500 });
    const partial = await t.query(QUERY);
    expect(partial.errors).toEqual([
      expect.objectContaining({
        path: ['calls'],
        extensions: expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', provider: 'CX' }),
      }),
    ]);
    sandbox.clearFaults();

    sandbox.resetLog();
    const healed = await t.query(QUERY);
    expect(healed.errors).toEqual([]);
    expect(healed.data!.calls.edges).toHaveLength(7);
    expect(counts(t)).toEqual({ cx: 1 });
  });

  it('reads a HappyRobot call again after addCallNote, with the note, and its lists too', async () => {
    const sandbox = t.gateway.sandbox!;
    const [noted, other] = sandbox.data.happyrobot.calls;
    const notedId = gid('Call', 'HAPPYROBOT', noted!.id);
    const otherId = gid('Call', 'HAPPYROBOT', other!.id);
    for (const id of [notedId, otherId]) await t.query(CALL_NOTES, { id });
    await t.query(HAPPYROBOT_CALLS);
    await t.query(OVIA_CALLS);
    sandbox.resetLog();
    await t.query(CALL_NOTES, { id: notedId });
    expect(sandbox.requests()).toEqual([]);

    const added = await t.query(ADD_NOTE, {
      input: { callId: notedId, content: 'Cached no more' },
    });
    expect(added.data!.addCallNote.userErrors).toEqual([]);
    sandbox.resetLog();

    const read = await t.query(CALL_NOTES, { id: notedId });
    expect(read.data!.call.notes.map((note: { content: string }) => note.content)).toContain(
      'Cached no more',
    );
    expect(sandbox.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /api/v1/calls/${noted!.id}`,
    ]);

    sandbox.resetLog();
    await t.query(CALL_NOTES, { id: otherId });
    await t.query(OVIA_CALLS);
    expect(sandbox.requests()).toEqual([]);
    await t.query(HAPPYROBOT_CALLS);
    expect(sandbox.requests().map((r) => `${r.vendor} ${r.method} ${r.path}`)).toEqual([
      'happyrobot GET /api/v1/calls',
    ]);
  });

  it('reads a contact and the contact searches again after updateContact', async () => {
    const sandbox = t.gateway.sandbox!;
    const contact = sandbox.data.llamadapro.contacts[0]!;
    const id = gid('Contact', 'LLAMADAPRO', contact.id);
    const READ = `query($id: ID!, $search: String!) {
      contact(id: $id) { firstName }
      contacts(search: $search, first: 5) { edges { node { providerId firstName } } }
    }`;
    const variables = { id, search: String(contact.lastName) };
    await t.query(READ, variables);
    sandbox.resetLog();
    await t.query(READ, variables);
    expect(sandbox.requests()).toEqual([]);

    const updated = await t.query(
      `mutation($id: ID!) { updateContact(id: $id, input: { firstName: "Renamed" }) { userErrors { code } } }`,
      { id },
    );
    expect(updated.data!.updateContact.userErrors).toEqual([]);
    sandbox.resetLog();
    const read = await t.query(READ, variables);
    expect(read.data!.contact.firstName).toBe('Renamed');
    expect(
      read.data!.contacts.edges.find((e: any) => e.node.providerId === String(contact.id)).node
        .firstName,
    ).toBe('Renamed');
    expect(sandbox.requests().map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        `GET /api/v1/contacts/${contact.id}`,
        'POST /api/v1/contacts/search',
      ]),
    );
  });

  it('reads the task lists again after createTask', async () => {
    const sandbox = t.gateway.sandbox!;
    const LIST = `{ tasks(first: 100) { edges { node { objective } } } }`;
    await t.query(LIST);
    sandbox.resetLog();
    await t.query(LIST);
    expect(sandbox.requests()).toEqual([]);
    const conversationId = String(sandbox.data.llamadapro.conversations[0]!.id);
    const created = await t.query(
      `mutation($input: CreateTaskInput!) { createTask(input: $input) { userErrors { code message } } }`,
      {
        input: {
          objective: 'Listed at once',
          conversationId,
          assignedTo: { id: 'aie_202', type: 'AI_EMPLOYEE' },
          createdBy: { id: 'usr_7', type: 'USER' },
        },
      },
    );
    expect(created.data!.createTask.userErrors).toEqual([]);
    sandbox.resetLog();
    const list = await t.query(LIST);
    expect(list.data!.tasks.edges.map((e: any) => e.node.objective)).toContain('Listed at once');
    expect(sandbox.requests().map((r) => `${r.method} ${r.path}`)).toContain('GET /api/v1/tasks');
  });

  it('with Cache-Control: no-cache asks the vendors and keeps their fresh answer', async () => {
    const sandbox = t.gateway.sandbox!;
    const before = await t.query(OVIA_CALLS);
    const first = before.data!.calls.edges[0].node;
    const record = sandbox.data.ovia.calls.find((call) => call.id === first.providerId)!;
    const original = record.status;
    record.status = 'changed_at_the_vendor';
    try {
      sandbox.resetLog();
      const cached = await t.query(OVIA_CALLS);
      expect(cached.data!.calls.edges[0].node.providerStatus).toBe(first.providerStatus);
      expect(sandbox.requests()).toEqual([]);

      const fresh = await t.query(OVIA_CALLS, undefined, {
        headers: { 'Cache-Control': 'no-cache' },
      });
      expect(fresh.data!.calls.edges[0].node.providerStatus).toBe('changed_at_the_vendor');
      expect(counts(t)).toEqual({ ovia: 1 });

      sandbox.resetLog();
      const after = await t.query(OVIA_CALLS);
      expect(after.data!.calls.edges[0].node.providerStatus).toBe('changed_at_the_vendor');
      expect(sandbox.requests()).toEqual([]);
    } finally {
      record.status = original;
    }
  });

  it('with Cache-Control: no-store asks the vendors and keeps nothing', async () => {
    const sandbox = t.gateway.sandbox!;
    const before = await t.query(OVIA_CALLS, undefined, {
      headers: { 'cache-control': 'no-cache' },
    });
    const first = before.data!.calls.edges[0].node;
    const record = sandbox.data.ovia.calls.find((call) => call.id === first.providerId)!;
    const original = record.status;
    record.status = 'seen_once';
    try {
      sandbox.resetLog();
      const fresh = await t.query(OVIA_CALLS, undefined, {
        headers: { 'cache-control': 'no-store' },
      });
      expect(fresh.data!.calls.edges[0].node.providerStatus).toBe('seen_once');
      expect(counts(t)).toEqual({ ovia: 1 });
      sandbox.resetLog();
      const cached = await t.query(OVIA_CALLS);
      expect(cached.data!.calls.edges[0].node.providerStatus).toBe(first.providerStatus);
      expect(sandbox.requests()).toEqual([]);
    } finally {
      record.status = original;
    }
  });

  it('never answers /status from the cache', async () => {
    const sandbox = t.gateway.sandbox!;
    // The same one-item read as Ovia's probe, now cached.
    await t.query(`{ calls(first: 1, filter: { providers: [OVIA] }) { edges { node { id } } } }`);
    sandbox.setFault('ovia', { failure: 'status', status: 500 });
    sandbox.resetLog();
    const body = (await (await fetch(t.url.replace('/graphql', '/status'))).json()) as {
      vendors: Record<string, { ok: boolean }>;
    };
    expect(body.vendors['OVIA']!.ok).toBe(false);
    expect(counts(t).ovia).toBe(1);
  });
});

describe('entries', () => {
  it('expire after the TTL', async () => {
    const t = await startTestGateway({ SWITCHBOARD_CACHE_TTL_MS: '300' });
    try {
      const sandbox = t.gateway.sandbox!;
      await t.query(CALLS);
      sandbox.resetLog();
      await t.query(CALLS);
      expect(sandbox.requests()).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 400));
      await t.query(CALLS);
      expect(counts(t)).toEqual({ cx: 1, happyrobot: 1, llamadapro: 1, ovia: 1 });
    } finally {
      await t.close();
    }
  });

  it('stay within the byte budget in memory', async () => {
    const budget = 65_536;
    const t = await startTestGateway({
      SWITCHBOARD_CACHE_TTL_MS: '60000',
      SWITCHBOARD_CACHE_MAX_BYTES: String(budget),
    });
    try {
      const calls = t.gateway.sandbox!.data.happyrobot.calls;
      const ids = calls.map((call) => gid('Call', 'HAPPYROBOT', call.id));
      const answer = await t.query(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
      expect(answer.errors).toEqual([]);
      await t.query(`{ calls(first: 100) { edges { node { id } } } }`);
      const bytes = await metric(t, 'switchboard_cache_bytes');
      expect(bytes).toBeGreaterThan(budget / 2);
      expect(bytes).toBeLessThanOrEqual(budget);
    } finally {
      await t.close();
    }
  });
});

describe('without SWITCHBOARD_CACHE_TTL_MS', () => {
  it('asks the vendors every time', async () => {
    const t = await startTestGateway();
    try {
      await t.query(CALLS);
      t.gateway.sandbox!.resetLog();
      await t.query(CALLS);
      expect(counts(t)).toEqual({ cx: 1, happyrobot: 1, llamadapro: 1, ovia: 1 });
      expect(await metric(t, 'switchboard_cache_hits_total')).toBe(0);
    } finally {
      await t.close();
    }
  });
});
