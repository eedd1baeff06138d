import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { ClientError } from 'graphql-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSwitchboardClient } from '../../examples/partner-client/client.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MANIFEST = `${ROOT}examples/generated/persisted-documents.json`;
const API_KEY = 'partner-test-key';

const oviaCall = (toNumber: string) => ({
  ovia: {
    userId: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
    agentId: '7d0f1a52-9b3e-4c21-8f6a-2e5b9c4d7a10',
    type: 'phone_call',
    direction: 'OUTBOUND' as const,
    fromNumber: '+14155550100',
    toNumber,
    phoneNumberId: '0b6a3c1e-2f4d-4e8a-9c7b-5d1e3f2a4b6c',
  },
});

describe('the typed partner client against the sandbox (API key required)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ SWITCHBOARD_API_KEYS: API_KEY });
  });
  afterAll(() => t.close());

  it('lists calls, typed, in the graph’s order', async () => {
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

  it('starts a call that the graph then reads back', async () => {
    const client = createSwitchboardClient({ url: t.url, apiKey: API_KEY });
    const { startCall } = await client.startCall({
      input: oviaCall('+14155550177'),
      idempotencyKey: 'partner-client-test-1',
    });
    expect(startCall.userErrors).toEqual([]);
    expect(startCall.call).toMatchObject({
      provider: 'OVIA',
      direction: 'OUTBOUND',
      to: '+14155550177',
    });
    const { call } = await client.callDetail({ id: startCall.call!.id });
    expect(call).toMatchObject({ id: startCall.call!.id, provider: 'OVIA', to: '+14155550177' });
  });

  it('rejects without the API key', async () => {
    const client = createSwitchboardClient({ url: t.url });
    const error = await client.listCalls().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).response.status).toBe(401);
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
    const error = await plain.listCalls().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ClientError);
    expect((error as ClientError).response.errors?.[0]?.extensions).toEqual({
      code: 'PERSISTED_QUERY_ONLY',
    });
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
