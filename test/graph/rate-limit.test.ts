import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { executeWs, wsClient } from '../support/live.js';

const CALLS_ON_OVIA =
  '{ calls(first: 1, filter: { providers: [OVIA] }) { edges { node { id } } } }';

function post(t: TestGateway, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: CALLS_ON_OVIA }),
  });
}

async function statuses(
  t: TestGateway,
  count: number,
  headers: Record<string, string> = {},
): Promise<number[]> {
  const seen: number[] = [];
  // One after the other, so the order of the counts is the order of the requests.
  for (let index = 0; index < count; index += 1) {
    const response = await post(t, headers);
    await response.arrayBuffer();
    seen.push(response.status);
  }
  return seen;
}

describe('SWITCHBOARD_RATE_LIMIT over graphql-ws', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ SWITCHBOARD_RATE_LIMIT: '3' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('counts each WebSocket operation with the same client’s HTTP requests', async () => {
    const socket = wsClient(t.url);
    try {
      expect(await statuses(t, 2)).toEqual([200, 200]);
      const third = await executeWs(socket, { query: CALLS_ON_OVIA });
      expect(third.refused).toBeNull();
      expect(third.results[0]?.data.calls.edges).toHaveLength(1);
      t.gateway.sandbox!.resetLog();
      const fourth = await executeWs(socket, { query: CALLS_ON_OVIA });
      expect(fourth.results).toEqual([]);
      expect(fourth.refused).toEqual([
        {
          message: expect.stringMatching(/^Too many requests: at most 3 per 60 s per client/),
          extensions: { code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) },
        },
      ]);
      // A subscription is an operation too.
      const subscription = await executeWs(socket, {
        query: 'subscription { callEvents { cursor } }',
      });
      expect(subscription.refused?.[0]?.extensions.code).toBe('RATE_LIMITED');
      expect(await statuses(t, 1)).toEqual([429]);
      expect(t.gateway.sandbox!.requests()).toEqual([]);
    } finally {
      await socket.dispose();
    }
  });
});

describe('SWITCHBOARD_RATE_LIMIT without API keys (per peer address, in memory)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ SWITCHBOARD_RATE_LIMIT: '5' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the sixth request of the minute 429 with Retry-After, and asks no vendor', async () => {
    expect(await statuses(t, 5)).toEqual([200, 200, 200, 200, 200]);
    // The requests within the limit did reach Ovia, so the count below would see one.
    expect(t.gateway.sandbox!.requests('ovia').length).toBeGreaterThanOrEqual(5);

    t.gateway.sandbox!.resetLog();
    const refused = await post(t);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('x-request-id')).toBeTruthy();
    expect(await refused.json()).toEqual({
      errors: [
        {
          message: expect.stringMatching(/^Too many requests: at most 5 per 60 s per client/),
          extensions: { code: 'RATE_LIMITED' },
        },
      ],
    });
    expect(t.gateway.sandbox!.requests()).toEqual([]);
    expect(t.logs.join('')).toMatch(/"status":429[^\n]*"msg":"graphql request"/);
  });

  it('never limits the health probes, /status, /metrics or GraphiQL’s page', async () => {
    expect((await post(t)).status).toBe(429);
    const graphiql = await fetch(t.url, { headers: { accept: 'text/html' } });
    expect(graphiql.status).toBe(200);
    expect(await graphiql.text()).toContain('<title>Switchboard</title>');
    for (let index = 0; index < 10; index += 1) {
      for (const path of ['/healthz', '/readyz', '/status', '/metrics']) {
        const response = await fetch(new URL(path, t.url));
        await response.arrayBuffer();
        expect(response.status, path).toBe(200);
      }
    }
  });
});

describe('SWITCHBOARD_RATE_LIMIT with API keys (per key)', () => {
  let t: TestGateway;
  const keyA = { authorization: 'Bearer key-a' };
  const keyB = { authorization: 'Bearer key-b' };
  beforeAll(async () => {
    t = await startTestGateway({
      SWITCHBOARD_RATE_LIMIT: '5',
      SWITCHBOARD_API_KEYS: 'key-a,key-b',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives each key its own budget', async () => {
    expect(await statuses(t, 6, keyA)).toEqual([200, 200, 200, 200, 200, 429]);
    t.gateway.sandbox!.resetLog();
    expect(await statuses(t, 5, keyB)).toEqual([200, 200, 200, 200, 200]);
    expect(t.gateway.sandbox!.requests('ovia')).toHaveLength(5);
    expect(await statuses(t, 1, keyB)).toEqual([429]);
    // The scheme's case does not make another client of the same key.
    expect(await statuses(t, 1, { authorization: 'bearer key-a' })).toEqual([429]);
  });

  it('answers requests without a valid key 401, never 429', async () => {
    expect(await statuses(t, 8)).toEqual(Array(8).fill(401));
    expect(await statuses(t, 8, { authorization: 'Bearer wrong' })).toEqual(Array(8).fill(401));
  });
});
