import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect, promisify } from 'node:util';
import {
  createSwitchboardClient,
  LiveCallsDocument,
  type SwitchboardSubscription,
} from '@switchboard/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection } from '../support/client-errors.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { openSubscriptions } from '../support/live.js';
import { oviaStartCallInput } from '../support/sandbox-inputs.js';

/*
 * The partner client (packages/client, from its source here; test/graph/client-package.test.ts
 * installs its tarball) against the real gateway on the sandbox: README.md, "Partner client".
 */

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MANIFEST = `${ROOT}packages/client/src/generated/persisted-documents.json`;
const API_KEY = 'partner-test-key';
const AUTH = { authorization: `Bearer ${API_KEY}` };

const oviaCall = (toNumber: string) => ({
  ovia: { ...oviaStartCallInput(toNumber).ovia, direction: 'OUTBOUND' as const },
});

/**
 * The first `count` items of a subscription that match (other calls may still be moving), or a
 * failure after `ms`.
 */
async function take<T>(
  events: SwitchboardSubscription<T>,
  count: number,
  matches: (item: T) => boolean = () => true,
  ms = 10_000,
) {
  const items: T[] = [];
  const timer = setTimeout(() => void events.close(), ms);
  try {
    for await (const item of events) {
      if (matches(item)) items.push(item);
      if (items.length === count) break;
    }
  } finally {
    clearTimeout(timer);
  }
  expect(items, `${count} events within ${ms} ms`).toHaveLength(count);
  return items;
}

describe('the partner client against the sandbox (API key required)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(
      { SWITCHBOARD_API_KEYS: API_KEY },
      { sandboxLive: { stepDelayMs: 50 } },
    );
  });
  afterAll(() => t.close());

  it('lists calls, typed, in the graph’s order, and pages on', async () => {
    const client = createSwitchboardClient({ url: t.url, apiKey: API_KEY });
    const { calls } = await client.listCalls({ first: 5 });
    expect(calls.edges).toHaveLength(5);
    expect(calls.totalCount).toBeGreaterThanOrEqual(200);
    expect(calls.pageInfo.hasNextPage).toBe(true);
    const next = await client.listCalls({ first: 5, after: calls.pageInfo.endCursor });
    const ids = [...calls.edges, ...next.calls.edges].map(({ node }) => node.id);
    expect(new Set(ids).size).toBe(10);
    for (const { node } of calls.edges) {
      expect(['OVIA', 'LLAMADAPRO', 'CX', 'HAPPYROBOT']).toContain(node.provider);
    }
  });

  it('starts a call once for one idempotency key, and the graph reads it back', async () => {
    const client = createSwitchboardClient({ url: t.url, apiKey: API_KEY });
    const posts = () => t.gateway.sandbox!.requests('ovia').filter((r) => r.method === 'POST');
    const before = posts().length;
    const variables = { input: oviaCall('+14155550177'), idempotencyKey: 'partner-client-test-1' };
    const first = await client.startCall(variables);
    const again = await client.startCall(variables);
    expect(first.startCall.userErrors).toEqual([]);
    expect(first.startCall.call).toMatchObject({ provider: 'OVIA', to: '+14155550177' });
    expect(again.startCall.call?.id).toBe(first.startCall.call?.id);
    expect(posts().length - before).toBe(1);
    const { call } = await client.callDetail({ id: first.startCall.call!.id });
    expect(call).toMatchObject({ id: first.startCall.call!.id, provider: 'OVIA' });
  });

  it('rejects a wrong key with a one-line UNAUTHENTICATED error without the query', async () => {
    const client = createSwitchboardClient({ url: t.url, apiKey: 'not-a-key' });
    const error = await rejection(client.listCalls());
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, attempts: 1 });
    expect(error.message).toBe(
      'NewestCalls: A valid API key is required: Authorization: Bearer <key> (UNAUTHENTICATED, HTTP 401)',
    );
    // What Node prints for it, uncaught or logged: its stack, code and errors, and no operation
    // text (graphql-request's ClientError printed the whole query, in 56 lines).
    const printed = inspect(error);
    expect(printed).not.toMatch(/totalCount|edges|query NewestCalls/);
    expect(printed.split('\n').filter((line) => !/^ {4}at /.test(line)).length).toBeLessThan(15);
  });

  it('gives the code and the vendor of a GraphQL error, with the partial data', async () => {
    const client = createSwitchboardClient({ url: t.url, apiKey: API_KEY });
    const invalid = await rejection(client.callDetail({ id: 'not-an-id' }));
    expect(invalid).toMatchObject({ code: 'INVALID_INPUT', status: 200 });
    expect(invalid.data).toEqual({ call: null });

    const { calls } = await client.listCalls({ first: 1, filter: { providers: ['CX'] } });
    t.gateway.sandbox!.setFault('cx', { failure: 'status', status: 503 });
    try {
      const down = await rejection(client.callDetail({ id: calls.edges[0]!.node.id }));
      expect(down).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'CX', attempts: 1 });
      expect(down.message).toMatch(/^CallDetail: .* \(UPSTREAM_UNAVAILABLE from CX, HTTP 200\)$/);
    } finally {
      t.gateway.sandbox!.clearFaults();
    }
  });

  it('streams callEvents over SSE and resumes after a cursor', async () => {
    const client = createSwitchboardClient({ url: t.url, apiKey: API_KEY });
    const events = client.callEvents({ filter: { providers: ['OVIA'] } });
    let callId = '';
    const first = take(events, 1, ({ callEvents }) => callEvents.call.id === callId);
    // The stream is open once the gateway counts it; only then is the call started.
    await expect.poll(() => openSubscriptions(t.url, AUTH), { timeout: 5000 }).toBe(1);
    const { startCall } = await client.startCall({ input: oviaCall('+14155550178') });
    callId = startCall.call!.id;
    const [created] = await first;
    expect(created!.callEvents).toMatchObject({
      type: 'CREATED',
      provider: 'OVIA',
      call: { id: startCall.call!.id },
    });
    expect(events.cursor).toBe(created!.callEvents.cursor);

    // Subscribing again after that cursor replays what came next, and not the CREATED event.
    const resumed = client.callEvents({
      filter: { callId: startCall.call!.id },
      after: events.cursor,
    });
    const [next] = await take(resumed, 1);
    expect(next!.callEvents.type).toBe('STATUS_CHANGED');
    expect(next!.callEvents.cursor > created!.callEvents.cursor).toBe(true);
    // Leaving the loop closed both streams at the gateway.
    await expect.poll(() => openSubscriptions(t.url, AUTH)).toBe(0);

    // close() ends a subscription whose next() is still waiting (no HappyRobot call is rung
    // here, so none moves).
    const idle = client.callEvents({ filter: { providers: ['HAPPYROBOT'] } });
    const pending = idle.next();
    await expect.poll(() => openSubscriptions(t.url, AUTH)).toBe(1);
    await idle.close();
    expect(await pending).toEqual({ done: true, value: undefined });
    await expect.poll(() => openSubscriptions(t.url, AUTH)).toBe(0);
  });

  it('throws a SwitchboardError from a stream the gateway refuses', async () => {
    const client = createSwitchboardClient({ url: t.url, apiKey: API_KEY });
    const unknownCursor = await rejection(take(client.callEvents({ after: 'bogus' }), 1));
    expect(unknownCursor).toMatchObject({ code: 'INVALID_INPUT', operationName: 'LiveCalls' });
    const noKey = createSwitchboardClient({ url: t.url });
    const refused = await rejection(take(noKey.subscribe(LiveCallsDocument), 1));
    expect(refused).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it('runs examples/partner-client/list-and-start.ts as a partner would', async () => {
    const { stdout } = await run(
      `${ROOT}node_modules/.bin/tsx`,
      [`${ROOT}examples/partner-client/list-and-start.ts`],
      {
        cwd: ROOT,
        env: { ...process.env, SWITCHBOARD_URL: t.url, SWITCHBOARD_API_KEY: API_KEY },
        timeout: 15_000,
      },
    );
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^\d{3} calls; the newest 5:$/);
    expect(lines.slice(1, 6)).toHaveLength(5);
    for (const line of lines.slice(1, 6)) {
      expect(line).toMatch(/^ {2}(OVIA|LLAMADAPRO|CX|HAPPYROBOT) /);
    }
    const started = lines.at(-1)!.match(/^started OVIA call (\S+) to \+14155550123: (\w+)$/);
    expect(started).not.toBeNull();
    const client = createSwitchboardClient({ url: t.url, apiKey: API_KEY });
    const { call } = await client.callDetail({ id: started![1]! });
    expect(call).toMatchObject({ provider: 'OVIA', to: '+14155550123' });
  });
});

describe('in persisted mode, against a persisted-only graph', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({
      SWITCHBOARD_PERSISTED_OPERATIONS: MANIFEST,
      SWITCHBOARD_PERSISTED_ONLY: '1',
    });
  });
  afterAll(() => t.close());

  it('sends hashes, which the graph runs; the same client sending text is refused', async () => {
    const persisted = createSwitchboardClient({ url: t.url, persisted: true });
    const { calls } = await persisted.listCalls({ first: 3 });
    expect(calls.edges).toHaveLength(3);
    const { startCall } = await persisted.startCall({ input: oviaCall('+14155550166') });
    expect(startCall.userErrors).toEqual([]);
    expect(startCall.call?.to).toBe('+14155550166');

    const plain = createSwitchboardClient({ url: t.url });
    const error = await rejection(plain.listCalls());
    expect(error).toMatchObject({ code: 'PERSISTED_QUERY_ONLY', status: 400 });
  });

  it('subscribes by hash too', async () => {
    const persisted = createSwitchboardClient({ url: t.url, persisted: true });
    const events = persisted.callEvents({ filter: { providers: ['OVIA'] } });
    let callId = '';
    const first = take(events, 1, ({ callEvents }) => callEvents.call.id === callId);
    await expect.poll(() => openSubscriptions(t.url), { timeout: 5000 }).toBe(1);
    const { startCall } = await persisted.startCall({ input: oviaCall('+14155550165') });
    callId = startCall.call!.id;
    const [created] = await first;
    expect(created!.callEvents.call.id).toBe(startCall.call!.id);

    const plain = createSwitchboardClient({ url: t.url });
    const refused = await rejection(take(plain.callEvents(), 1));
    expect(refused.code).toBe('PERSISTED_QUERY_ONLY');
  });

  it('runs the script in persisted mode', async () => {
    const { stdout } = await run(
      `${ROOT}node_modules/.bin/tsx`,
      [`${ROOT}examples/partner-client/list-and-start.ts`],
      {
        cwd: ROOT,
        env: { ...process.env, SWITCHBOARD_URL: t.url, SWITCHBOARD_PERSISTED: '1' },
        timeout: 15_000,
      },
    );
    expect(stdout).toMatch(/^started OVIA call \S+ to \+14155550123: \w+$/m);
  });
});

describe('with a tenants file: one key per tenant', () => {
  const KEYS = { acme: 'acme-client-key', demo: 'demo-client-key' };
  let t: TestGateway;
  let folder: string;
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'switchboard-client-tenants-'));
    const file = join(folder, 'tenants.json');
    writeFileSync(
      file,
      JSON.stringify({
        tenants: [
          { id: 'acme', apiKeys: [KEYS.acme], sandbox: { seed: 0 } },
          { id: 'demo', apiKeys: [KEYS.demo], sandbox: { seed: 2 } },
        ],
      }),
    );
    t = await startTestGateway({ SWITCHBOARD_TENANTS_FILE: file, SWITCHBOARD_SANDBOX: '0' });
  });
  afterAll(async () => {
    await t.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('forTenant sends that tenant’s key, and each tenant sees its own calls', async () => {
    const client = createSwitchboardClient({ url: t.url, tenants: KEYS });
    const acme = client.forTenant('acme');
    const demo = client.forTenant('demo');
    expect([acme.tenant, demo.tenant]).toEqual(['acme', 'demo']);
    const [a, d] = await Promise.all([acme.listCalls({ first: 3 }), demo.listCalls({ first: 3 })]);
    const scope = (id: string) => Buffer.from(id, 'base64url').toString('utf8').split('/')[0];
    expect(a.calls.edges.map(({ node }) => scope(node.id))).toEqual(['acme', 'acme', 'acme']);
    expect(d.calls.edges.map(({ node }) => scope(node.id))).toEqual(['demo', 'demo', 'demo']);

    // One tenant's id is unknown to the other.
    const foreign = await rejection(demo.callDetail({ id: a.calls.edges[0]!.node.id }));
    expect(foreign.code).toBe('NOT_FOUND');
    // The client without a tenant sends no key.
    expect((await rejection(client.listCalls())).code).toBe('UNAUTHENTICATED');
    expect(() => client.forTenant('globex')).toThrow(/no API key for tenant "globex"/);
  });
});
