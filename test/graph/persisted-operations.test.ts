import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { loadPersistedOperations } from '../../src/plugins/use-persisted-operations.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { executeWs, wsClient } from '../support/live.js';

/** The manifest `npm run codegen` writes for examples/operations/*.graphql. */
const MANIFEST = fileURLToPath(
  new URL('../../packages/client/src/generated/persisted-documents.json', import.meta.url),
);
const manifest = loadPersistedOperations(MANIFEST);
const hashOf = (operationName: string): string => {
  const entry = [...manifest].find(([, document]) =>
    new RegExp(`^(query|mutation|subscription) ${operationName}\\b`).test(document),
  );
  if (!entry) throw new Error(`${operationName} is not in the manifest`);
  return entry[0];
};

async function post(t: TestGateway, body: unknown) {
  const response = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

const byHash = (hash: string, variables: Record<string, unknown> = {}) => ({
  variables,
  extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
});

const START_OVIA_CALL = {
  input: {
    ovia: {
      userId: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
      agentId: '7d0f1a52-9b3e-4c21-8f6a-2e5b9c4d7a10',
      type: 'phone_call',
      direction: 'OUTBOUND',
      fromNumber: '+14155550100',
      toNumber: '+14155550188',
      phoneNumberId: '0b6a3c1e-2f4d-4e8a-9c7b-5d1e3f2a4b6c',
    },
  },
};

it('the manifest holds every example operation, keyed by its sha256', () => {
  const operations = readdirSync(new URL('../../examples/operations/', import.meta.url)).filter(
    (name) => name.endsWith('.graphql'),
  );
  expect(operations.length).toBeGreaterThanOrEqual(9);
  expect(manifest.size).toBe(operations.length);
  for (const name of [
    'NewestCalls',
    'Dashboard',
    'CallDetail',
    'Contact360',
    'StartCall',
    'LiveCalls',
  ]) {
    expect(hashOf(name)).toMatch(/^[0-9a-f]{64}$/);
  }
});

describe('with SWITCHBOARD_PERSISTED_OPERATIONS and SWITCHBOARD_PERSISTED_ONLY=1', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({
      SWITCHBOARD_PERSISTED_OPERATIONS: MANIFEST,
      SWITCHBOARD_PERSISTED_ONLY: '1',
    });
  });
  afterAll(() => t.close());

  it('runs a manifest query sent by its hash alone', async () => {
    const answer = await post(t, byHash(hashOf('NewestCalls'), { first: 3 }));
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.calls.edges).toHaveLength(3);
    expect(answer.body.data.calls.totalCount).toBeGreaterThanOrEqual(200);
    expect(answer.body.data.calls.edges[0].node.id).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('accepts the hash with the manifest’s `sha256:` prefix, and over GET', async () => {
    const prefixed = await post(t, byHash(`sha256:${hashOf('NewestCalls')}`, { first: 1 }));
    expect(prefixed.body.data.calls.edges).toHaveLength(1);

    const url = new URL(t.url);
    url.searchParams.set('variables', JSON.stringify({ first: 2 }));
    url.searchParams.set(
      'extensions',
      JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hashOf('NewestCalls') } }),
    );
    const response = await fetch(url, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, any>;
    expect(body.data.calls.edges).toHaveLength(2);
  });

  it('runs a manifest mutation by hash', async () => {
    const answer = await post(t, byHash(hashOf('StartCall'), START_OVIA_CALL));
    expect(answer.body.data.startCall.userErrors).toEqual([]);
    expect(answer.body.data.startCall.call).toMatchObject({
      provider: 'OVIA',
      direction: 'OUTBOUND',
      to: '+14155550188',
    });
  });

  it('refuses an arbitrary query, even the text of a manifest operation, before any upstream request', async () => {
    const requestsBefore = t.logs.filter((line) => line.includes('"upstream request"')).length;
    const arbitrary = await post(t, { query: '{ calls(first: 1) { totalCount } }' });
    expect(arbitrary.status).toBe(400);
    expect(arbitrary.body.data).toBeUndefined();
    expect(arbitrary.body.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_ONLY' } }),
    ]);
    const text = await post(t, { query: manifest.get(hashOf('NewestCalls')) });
    expect(text.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');
    const requestsAfter = t.logs.filter((line) => line.includes('"upstream request"')).length;
    expect(requestsAfter).toBe(requestsBefore);
  });

  it('refuses a hash that is not in the manifest', async () => {
    const answer = await post(t, byHash('0'.repeat(64)));
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  it('holds operations over graphql-ws to the same rules: by hash only', async () => {
    const socket = wsClient(t.url);
    try {
      t.gateway.sandbox!.resetLog();
      const text = await executeWs(socket, { query: '{ calls(first: 1) { totalCount } }' });
      expect(text.results).toEqual([]);
      expect(text.refused).toEqual([
        expect.objectContaining({ extensions: { code: 'PERSISTED_QUERY_ONLY' } }),
      ]);
      const unknown = await executeWs(socket, { query: '', ...byHash('0'.repeat(64)) });
      expect(unknown.refused?.[0]?.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      expect(t.gateway.sandbox!.requests()).toEqual([]);
      const known = await executeWs(socket, {
        query: '',
        ...byHash(hashOf('NewestCalls'), { first: 2 }),
      });
      expect(known.refused).toBeNull();
      expect(known.results[0]?.errors).toBeUndefined();
      expect(known.results[0]?.data.calls.edges).toHaveLength(2);
    } finally {
      await socket.dispose();
    }
  });
});

describe('with a manifest but SWITCHBOARD_PERSISTED_ONLY unset (not production)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ SWITCHBOARD_PERSISTED_OPERATIONS: MANIFEST });
  });
  afterAll(() => t.close());

  it('runs both hashes and arbitrary queries', async () => {
    const hashed = await post(t, byHash(hashOf('NewestCalls'), { first: 2 }));
    expect(hashed.body.data.calls.edges).toHaveLength(2);
    const arbitrary = await t.query('{ calls(first: 1) { edges { node { provider } } } }');
    expect(arbitrary.errors).toEqual([]);
    expect(arbitrary.data!.calls.edges).toHaveLength(1);
  });
});

describe('without the setting', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.close());

  it('runs arbitrary queries and knows no hashes', async () => {
    const arbitrary = await t.query('{ calls(first: 2) { edges { node { provider } } } }');
    expect(arbitrary.errors).toEqual([]);
    expect(arbitrary.data!.calls.edges).toHaveLength(2);
    const hashed = await post(t, byHash(hashOf('NewestCalls')));
    expect(hashed.body.data).toBeUndefined();
    expect(hashed.body.errors[0].message).toBe('Must provide query string.');
  });
});

describe('configuration', () => {
  it('is off by default, and persisted-only by default in production once a manifest is set', () => {
    expect(loadConfig({})).toMatchObject({ persistedOperations: null, persistedOnly: false });
    expect(
      loadConfig({
        NODE_ENV: 'production',
        SWITCHBOARD_SANDBOX: '1',
        SWITCHBOARD_PERSISTED_OPERATIONS: MANIFEST,
      }),
    ).toMatchObject({ persistedOperations: MANIFEST, persistedOnly: true });
    expect(
      loadConfig({
        NODE_ENV: 'production',
        SWITCHBOARD_SANDBOX: '1',
        SWITCHBOARD_PERSISTED_OPERATIONS: MANIFEST,
        SWITCHBOARD_PERSISTED_ONLY: '0',
      }).persistedOnly,
    ).toBe(false);
    expect(loadConfig({ SWITCHBOARD_PERSISTED_OPERATIONS: MANIFEST }).persistedOnly).toBe(false);
  });

  it('names the variable when the manifest is missing, absent or wrong', () => {
    expect(() =>
      loadConfig({ SWITCHBOARD_PERSISTED_OPERATIONS: '/nonexistent/manifest.json' }),
    ).toThrow('SWITCHBOARD_PERSISTED_OPERATIONS must name an existing file');
    expect(() => loadConfig({ SWITCHBOARD_PERSISTED_ONLY: '1' })).toThrow(
      'SWITCHBOARD_PERSISTED_ONLY needs SWITCHBOARD_PERSISTED_OPERATIONS',
    );
    const folder = mkdtempSync(join(tmpdir(), 'switchboard-manifest-'));
    const forged = join(folder, 'forged.json');
    writeFileSync(forged, JSON.stringify({ [`sha256:${'a'.repeat(64)}`]: '{ __typename }' }));
    expect(() => loadPersistedOperations(forged)).toThrow(ConfigError);
    expect(() => loadPersistedOperations(forged)).toThrow('not the sha256 of its document');
    const notJson = join(folder, 'broken.json');
    writeFileSync(notJson, '{');
    expect(() => loadPersistedOperations(notJson)).toThrow('SWITCHBOARD_PERSISTED_OPERATIONS');
  });
});
