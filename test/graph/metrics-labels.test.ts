import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

async function post(t: TestGateway, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, json: await response.json() };
}

async function metrics(t: TestGateway): Promise<string> {
  return (await fetch(t.url.replace(/\/graphql$/, '/metrics'))).text();
}

/** The distinct values of `label` on the series of `name`. */
function labelValues(text: string, name: string, label: string): Set<string> {
  const values = new Set<string>();
  const pattern = new RegExp(`${label}="([^"]*)"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const match = pattern.exec(line);
    if (match) values.add(match[1]!);
  }
  return values;
}

/** The sum of the samples of `name` whose labels include every pair of `labels`. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  return text
    .split('\n')
    .filter(
      (line) =>
        line.startsWith(`${name}{`) &&
        Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`)),
    )
    .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
}

describe('metric labels from client input are bounded', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterEach(() => t.gateway.sandbox!.clearFaults());
  afterAll(() => t.close());

  it('counts validation and variable errors under their own code, not as internal errors', async () => {
    const before = await metrics(t);
    const unknownField = await post(t, { query: 'query Bad { providers { nope } }' });
    expect(unknownField.json.errors[0].message).toMatch(/Cannot query field/);
    const missingVariable = await post(t, {
      query: 'query Var($id: ID!) { call(id: $id) { id } }',
    });
    expect(missingVariable.json.errors[0].message).toMatch(/was not provided/);
    const after = await metrics(t);
    const errors = 'switchboard_graphql_errors_total';
    expect(sample(after, errors, { code: 'GRAPHQL_VALIDATION_FAILED' })).toBe(
      sample(before, errors, { code: 'GRAPHQL_VALIDATION_FAILED' }) + 2,
    );
    const counted = [...labelValues(after, errors, 'code')].filter((code) => code !== '');
    expect(
      sample(after, errors, { code: 'INTERNAL_SERVER_ERROR' }) -
        sample(before, errors, { code: 'INTERNAL_SERVER_ERROR' }),
    ).toBe(0);
    expect(
      counted.reduce((sum, code) => sum + sample(after, errors, { code }), 0) -
        counted.reduce((sum, code) => sum + sample(before, errors, { code }), 0),
    ).toBe(2);
  });

  it('counts and logs a vendor failure inside a merged list', async () => {
    t.gateway.sandbox!.setFault('cx', { failure: 'status', status: 500 });
    const before = await metrics(t);
    const start = t.logs.length;
    const answer = await post(
      t,
      { query: 'query Merged { calls(first: 5) { edges { node { id } } } }' },
      { 'x-request-id': 'merged-42' },
    );
    expect(answer.json.data.calls.edges.length).toBe(5);
    expect(answer.json.errors[0].extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      provider: 'CX',
    });
    const after = await metrics(t);
    const labels = { operation: 'Merged', code: 'UPSTREAM_UNAVAILABLE' };
    expect(sample(after, 'switchboard_graphql_errors_total', labels)).toBe(
      sample(before, 'switchboard_graphql_errors_total', labels) + 1,
    );
    const line = t.logs
      .slice(start)
      .map((text) => JSON.parse(text))
      .find((entry) => entry.msg === 'graphql request');
    expect(line).toMatchObject({
      requestId: 'merged-42',
      operation: 'Merged',
      errors: ['UPSTREAM_UNAVAILABLE'],
    });
  });

  it('echoes the request id, given or made, on the response', async () => {
    const given = await post(
      t,
      { query: '{ providers { provider } }' },
      { 'x-request-id': 'abc-123' },
    );
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await post(t, { query: '{ providers { provider } }' });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    // An id that could break a log line or a header is replaced, not echoed.
    const unsafe = await post(
      t,
      { query: '{ providers { provider } }' },
      { 'x-request-id': 'a b"c' },
    );
    expect(unsafe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs failed upstream attempts at warn and good ones at info', async () => {
    t.gateway.sandbox!.setFault('ovia', { failure: 'status', status: 400 });
    const start = t.logs.length;
    await post(t, {
      query: '{ calls(first: 1, filter: { providers: [OVIA, CX] }) { edges { node { id } } } }',
    });
    const upstream = t.logs
      .slice(start)
      .map((text) => JSON.parse(text))
      .filter((entry) => entry.msg === 'upstream request');
    const failed = upstream.filter((entry) => entry.upstream.code !== null);
    const good = upstream.filter((entry) => entry.upstream.code === null);
    expect(failed.length).toBeGreaterThan(0);
    expect(good.length).toBeGreaterThan(0);
    // pino levels: 30 info, 40 warn.
    expect(failed.every((entry) => entry.level === 40)).toBe(true);
    expect(good.every((entry) => entry.level === 30)).toBe(true);
  });

  // Last: after it, every new name in this gateway is `other`.
  it('labels the first 100 operation names and counts every later one as other', async () => {
    for (let index = 0; index < 150; index += 1) {
      const answer = await post(t, { query: `query Name${index} { providers { provider } }` });
      expect(answer.status).toBe(200);
    }
    await post(t, { query: '{ providers { provider } }' });
    const text = await metrics(t);
    const labels = labelValues(
      text,
      'switchboard_graphql_request_duration_seconds_count',
      'operation',
    );
    expect(labels.has('other')).toBe(true);
    expect(labels.has('anonymous')).toBe(true);
    expect(labels.has('Name149')).toBe(false);
    expect(labels.size).toBeLessThanOrEqual(102);
    expect(
      sample(text, 'switchboard_graphql_request_duration_seconds_count', { operation: 'other' }),
    ).toBeGreaterThanOrEqual(50);
  });
});

describe('with a persisted-operations manifest', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({
      SWITCHBOARD_PERSISTED_OPERATIONS: 'packages/client/src/generated/persisted-documents.json',
      SWITCHBOARD_PERSISTED_ONLY: '0',
    });
  });
  afterAll(() => t.close());

  it('labels only the manifest’s operation names', async () => {
    await post(t, { query: 'query Dashboard { providers { provider } }' });
    await post(t, { query: 'query NotInTheManifest { providers { provider } }' });
    const labels = labelValues(
      await metrics(t),
      'switchboard_graphql_request_duration_seconds_count',
      'operation',
    );
    expect(labels.has('NotInTheManifest')).toBe(false);
    expect(labels.has('Dashboard')).toBe(true);
    expect(labels.has('other')).toBe(true);
  });
});
