import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendorEnvironment } from '../../src/config.js';
import type { Gateway } from '../../src/gateway.js';
import { sandboxVendorConfigs, startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { redisTestsEnabled, testPrefix, TEST_REDIS_URL } from '../support/redis.js';

// The read cache in Redis: two gateways over the same vendors (one sandbox, configured as their
// live vendors, so every upstream request is counted in one place) and the same Redis prefix.

const enabled = await redisTestsEnabled('test/graph/read-cache-redis.test.ts');

const gid = (type: string, provider: string, id: string | number) =>
  Buffer.from(`${type}:${provider}:${id}`).toString('base64url');

const DASHBOARD = `{
  calls(first: 10) {
    edges { node { id provider contact { displayName } problems { title } } }
  }
}`;
const CALLS = `{ calls(first: 10) { edges { node { id provider } } } }`;
const CALL_NOTES = `query($id: ID!) { call(id: $id) { id notes { content } } }`;
const ADD_NOTE = `mutation($input: AddCallNoteInput!) {
  addCallNote(input: $input) { note { content } userErrors { code message } }
}`;

async function redisReady(gateway: Gateway): Promise<void> {
  const client = gateway.redis!.client;
  if (client.status !== 'ready') await once(client, 'ready');
}

function liveVendors(sandbox: Sandbox): Record<string, string> {
  return { ...vendorEnvironment(sandboxVendorConfigs(sandbox)), SWITCHBOARD_SANDBOX: '0' };
}

describe.skipIf(!enabled)('the read cache in Redis', () => {
  const { prefix, cleanup } = testPrefix();
  let sandbox: Sandbox;
  let a: TestGateway;
  let b: TestGateway;
  let inspect: Redis;

  beforeAll(async () => {
    sandbox = await startSandbox();
    const env = {
      ...liveVendors(sandbox),
      REDIS_URL: TEST_REDIS_URL,
      SWITCHBOARD_REDIS_PREFIX: prefix,
      SWITCHBOARD_CACHE_TTL_MS: '60000',
    };
    a = await startTestGateway(env);
    b = await startTestGateway(env);
    await Promise.all([redisReady(a.gateway), redisReady(b.gateway)]);
    inspect = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await sandbox?.close();
    inspect?.disconnect();
    await cleanup();
  });

  it("gives a second gateway the first one's answers, with no upstream request", async () => {
    sandbox.resetLog();
    const first = await a.query(DASHBOARD);
    expect(first.errors).toEqual([]);
    expect(new Set(sandbox.requests().map((r) => r.vendor))).toEqual(
      new Set(['ovia', 'llamadapro', 'cx', 'happyrobot', 'freya']),
    );
    sandbox.resetLog();
    const second = await b.query(DASHBOARD);
    expect(sandbox.requests()).toEqual([]);
    expect(second).toEqual(first);
  });

  it('makes a call stale on every gateway when one of them adds a note to it', async () => {
    const call = sandbox.data.happyrobot.calls[2]!;
    const id = gid('Call', 'HAPPYROBOT', call.id);
    await a.query(CALL_NOTES, { id });
    sandbox.resetLog();
    await b.query(CALL_NOTES, { id });
    expect(sandbox.requests()).toEqual([]);

    const added = await b.query(ADD_NOTE, {
      input: { callId: id, content: 'Seen by every replica' },
    });
    expect(added.data!.addCallNote.userErrors).toEqual([]);
    sandbox.resetLog();
    const read = await a.query(CALL_NOTES, { id });
    expect(read.data!.call.notes.map((note: { content: string }) => note.content)).toContain(
      'Seen by every replica',
    );
    expect(sandbox.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /api/v1/calls/${call.id}`,
    ]);
  });

  it('asks a failing vendor again next time, while the healthy ones answer from Redis', async () => {
    const QUERY = `{ calls(first: 6) { edges { node { id provider } } } }`;
    sandbox.setFault('ovia', { failure: 'status', status: 503 });
    try {
      const partial = await a.query(QUERY);
      expect(partial.errors.map((error) => error.extensions?.provider)).toEqual(['OVIA']);
    } finally {
      sandbox.clearFaults();
    }
    sandbox.resetLog();
    const healed = await b.query(QUERY);
    expect(healed.errors).toEqual([]);
    expect(new Set(sandbox.requests().map((r) => r.vendor))).toEqual(new Set(['ovia']));
  });

  it('keeps its keys under the prefix, bounded, with no id in them, for the TTL at most', async () => {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = await inspect.scan(cursor, 'MATCH', `${prefix}cache:*`, 'COUNT', 500);
      keys.push(...found);
      cursor = next;
    } while (cursor !== '0');
    expect(keys.length).toBeGreaterThan(10);
    const callId = sandbox.data.happyrobot.calls[2]!.id;
    for (const key of keys) {
      expect(key.length).toBeLessThanOrEqual(prefix.length + 80);
      expect(key).not.toContain(callId);
      // `cache:e:` entries and `cache:g:` generations, in the single tenant's scope.
      expect(key).toMatch(/^[^]*cache:[eg]:-:[A-Z]+:[\w-]{43}$/);
      const ttl = await inspect.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
    }
  });
});

describe('the read cache with Redis unreachable', () => {
  let sandbox: Sandbox;
  let t: TestGateway;

  beforeAll(async () => {
    // A port nothing listens on.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    sandbox = await startSandbox();
    t = await startTestGateway({
      ...liveVendors(sandbox),
      REDIS_URL: `redis://127.0.0.1:${port}`,
      SWITCHBOARD_CACHE_TTL_MS: '60000',
    });
  });
  afterAll(async () => {
    await t?.close();
    await sandbox?.close();
  });

  it('serves every read from the vendors and fails nothing', async () => {
    const first = await t.query(CALLS);
    expect(first.errors).toEqual([]);
    sandbox.resetLog();
    const second = await t.query(CALLS);
    expect(second).toEqual(first);
    expect(new Set(sandbox.requests().map((r) => r.vendor))).toEqual(
      new Set(['ovia', 'llamadapro', 'cx', 'happyrobot']),
    );
    const id = gid('Call', 'HAPPYROBOT', sandbox.data.happyrobot.calls[4]!.id);
    const added = await t.query(ADD_NOTE, { input: { callId: id, content: 'Without Redis' } });
    expect(added.data!.addCallNote).toEqual({ note: { content: 'Without Redis' }, userErrors: [] });
    expect(t.logs.some((line) => line.includes('read cache unavailable'))).toBe(true);
  });
});
