import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { executeWs, wsClient } from '../support/live.js';

async function post(t: TestGateway, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: text ? JSON.parse(text) : null };
}

/** `{ a: calls … }` nested `depth` fields deep along calls → edges → node → agent → calls … */
function nestedQuery(depth: number): string {
  const path = [
    'calls(first: 1)',
    'edges',
    'node',
    'agent',
    'calls(first: 1)',
    'edges',
    'node',
    'agent',
    'calls(first: 1)',
    'edges',
  ];
  const fields = path.slice(0, depth - 1);
  return `{ ${fields.map((field) => `${field} {`).join(' ')} __typename ${'}'.repeat(fields.length)} }`;
}

describe('abuse limits (defaults)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.close());

  async function expectRejected(
    query: string,
    pattern: RegExp,
    variables: Record<string, unknown> = {},
  ) {
    t.gateway.sandbox!.resetLog();
    const answer = await t.query(query, variables);
    expect(answer.data?.calls ?? null).toBeNull();
    expect(answer.errors.map((error) => error.message).join('\n')).toMatch(pattern);
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);
  }
  async function expectRuns(query: string, variables: Record<string, unknown> = {}) {
    const answer = await t.query(query, variables);
    expect(answer.errors).toEqual([]);
  }

  it('depth 8 runs, depth 9 is rejected', async () => {
    await expectRuns(nestedQuery(8));
    await expectRejected(nestedQuery(9), /depth/i);
  });

  it('15 aliases run, 16 are rejected', async () => {
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: providers { provider }`).join(' ')} }`;
    await expectRuns(aliases(15));
    await expectRejected(aliases(16), /aliases/i);
  });

  it('10 directives run, 11 are rejected', async () => {
    const directives = (n: number) =>
      `{ providers { ${Array.from({ length: n }, (_, i) => `p${i}: provider @include(if: true)`).join(' ')} } }`;
    await expectRuns(directives(10));
    await expectRejected(directives(11), /directives/i);
  });

  it('a query of about 2000 tokens runs, more is rejected', async () => {
    // Every enum value in the list is one token; the rest of the query is about 16.
    const tokens = (n: number) =>
      `{ calls(first: 1, filter: { status: [${'COMPLETED '.repeat(n)}] }) { totalCount } }`;
    await expectRuns(tokens(1975));
    await expectRejected(tokens(2000), /token/i);
  });

  it('counts list sizes in the cost: 100 calls with every join run, nested contact calls at 100 do not', async () => {
    // About 4 400: 100 × (call, agent, contact with 10 custom fields and their definitions, 10 problems, 10 notes).
    await expectRuns(
      `{ calls(first: 100) { edges { node { id agent { name } contact { customFields { key definition { label } } } problems { title } notes { id } } } } }`,
    );
    await expectRejected(
      `query($n: Int) { calls(first: $n) { edges { node { contact { calls(first: $n) { edges { node { id } } } } } } } }`,
      /cost/i,
      { n: 100 },
    );
    // The same query with the page size as the variable's default, and no variables sent.
    await expectRejected(
      `query($n: Int = 100) { calls(first: $n) { edges { node { contact { calls(first: $n) { edges { node { id } } } } } } } }`,
      /cost/i,
    );
  });

  it('rejects bracket nesting past its limit with a syntax error, never a crash', async () => {
    for (const depth of [100, 2_000, 20_000]) {
      t.gateway.sandbox!.resetLog();
      const query = `{ nodes(ids: ${'['.repeat(depth)}"x"${']'.repeat(depth)}) { id } }`;
      const answer = await post(t, { query });
      expect(answer.status).toBe(400);
      expect(answer.json.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(answer.json.errors[0].message).toMatch(/nests brackets/);
      expect(t.gateway.sandbox!.requests()).toHaveLength(0);
    }
    // Brackets inside strings and comments do not count.
    const quoted = await post(t, {
      query: `# ${'['.repeat(200)}\n{ contactByPhone(phone: "${'['.repeat(200)}") { id } }`,
    });
    expect(quoted.json.errors?.[0]?.extensions?.code).not.toBe('GRAPHQL_PARSE_FAILED');
  });

  it('rejects a body over 64 KB before reading it, and runs one just under', async () => {
    const query = '{ providers { provider } }';
    const envelope = JSON.stringify({ query, variables: { pad: '' } });
    const under = await post(t, {
      query,
      variables: { pad: 'x'.repeat(65_536 - envelope.length - 10) },
    });
    expect(under.status).toBe(200);
    expect(under.json.errors).toBeUndefined();
    const over = await post(t, { query, variables: { pad: 'x'.repeat(65_536) } });
    expect(over.status).toBe(413);
    expect(over.json.errors[0].extensions.code).toBe('REQUEST_TOO_LARGE');
  });

  it('refuses a chunked body with 411, and reads no further than a declared Content-Length', async () => {
    const { hostname, port } = new URL(t.url);
    /** One raw HTTP/1.1 exchange: what a client that lies about its body sends. */
    const raw = (head: string, body: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), hostname, () => {
          socket.write(`${head}\r\n\r\n${body}`);
        });
        let answer = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk: string) => {
          answer += chunk;
          // The first answer is all this test needs.
          if (/\r\n\r\n[\s\S]*\}\s*$/.test(answer)) socket.destroy();
        });
        socket.on('close', () => resolve(answer));
        socket.on('error', reject);
        setTimeout(() => socket.destroy(), 5000);
      });
    const big = JSON.stringify({ query: '{ providers { provider } }', pad: 'x'.repeat(100_000) });
    const chunk = `${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n`;
    const chunked = await raw(
      'POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close',
      chunk,
    );
    expect(chunked).toMatch(/^HTTP\/1\.1 411 /);
    // A declared length of 30 is all that is read as this request's body: the JSON it cuts off
    // does not parse, whatever follows on the socket.
    const short = await raw(
      'POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 30',
      big,
    );
    expect(short).toMatch(/^HTTP\/1\.1 400 /);
    expect(short).not.toMatch(/"providers"/);
  });

  it('does not accept batched requests', async () => {
    t.gateway.sandbox!.resetLog();
    const answer = await post(t, [
      { query: '{ calls(first: 1) { totalCount } }' },
      { query: '{ providers { provider } }' },
    ]);
    expect(answer.status).toBeGreaterThanOrEqual(400);
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);
  });

  it('exposes per-vendor counters on /metrics that move when a query runs', async () => {
    const base = t.url.replace(/\/graphql$/, '');
    const counter = (text: string, vendor: string) =>
      text
        .split('\n')
        .filter(
          (line) =>
            line.startsWith('switchboard_upstream_requests_total{') &&
            line.includes(`vendor="${vendor}"`),
        )
        .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
    const before = await (await fetch(`${base}/metrics`)).text();
    await t.query(
      `query MetricsProbe { calls(first: 3, filter: { providers: [CX] }) { edges { node { id } } } }`,
    );
    const after = await (await fetch(`${base}/metrics`)).text();
    expect(counter(after, 'CX')).toBe(counter(before, 'CX') + 1);
    expect(counter(after, 'OVIA')).toBe(counter(before, 'OVIA'));
    expect(after).toMatch(
      // Without a tenants file every series belongs to the one tenant, `-`.
      /switchboard_graphql_request_duration_seconds_count\{tenant="-",operation="MetricsProbe"\} 1/,
    );
    expect(after).toMatch(/switchboard_upstream_request_duration_seconds_bucket\{[^}]*vendor="CX"/);
  });

  it('answers /readyz without asking the vendors, however many orchestrator checks arrive', async () => {
    const base = t.url.replace(/\/graphql$/, '');
    t.gateway.sandbox!.resetLog();
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${base}/readyz`)));
    for (const answer of answers) expect(answer.status).toBe(200);
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);
  });

  it('logs one line per request with request id, operation, duration and upstream requests', async () => {
    const start = t.logs.length;
    await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-test-42' },
      body: JSON.stringify({
        query: 'query LogProbe { calls(first: 2, filter: { providers: [OVIA] }) { totalCount } }',
      }),
    });
    const lines = t.logs.slice(start).map((line) => JSON.parse(line));
    const request = lines.find((line) => line.msg === 'graphql request');
    expect(request).toMatchObject({
      requestId: 'req-test-42',
      operation: 'LogProbe',
      status: 200,
      upstreamRequests: 1,
    });
    expect(typeof request.ms).toBe('number');
    const upstream = lines.filter((line) => line.msg === 'upstream request');
    expect(upstream).toHaveLength(1);
    expect(upstream[0]).toMatchObject({
      requestId: 'req-test-42',
      upstream: { provider: 'OVIA', route: 'GET /api/v1/calls', status: 200 },
    });
  });
});

describe('limits from the environment', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({
      SWITCHBOARD_MAX_COST: '100',
      SWITCHBOARD_MAX_UPSTREAM_REQUESTS: '3',
    });
  });
  afterAll(() => t.close());

  it('applies a configured cost limit: 49 calls cost 99 and run, 50 cost 101 and do not', async () => {
    const query = `query($n: Int) { calls(first: $n, filter: { providers: [OVIA] }) { edges { node { id } } } }`;
    expect((await t.query(query, { n: 49 })).errors).toEqual([]);
    t.gateway.sandbox!.resetLog();
    const over = await t.query(query, { n: 50 });
    expect(over.errors[0]!.extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      cost: 101,
      maxCost: 100,
    });
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);
  });

  it('stops a query that needs more upstream requests than allowed, with a clear code', async () => {
    t.gateway.sandbox!.resetLog();
    const answer = await t.query(`{ calls(first: 5) { edges { node { id provider } } } }`);
    expect(t.gateway.sandbox!.requests()).toHaveLength(3);
    expect(answer.data!.calls.edges.length).toBe(5);
    const capped = answer.errors.filter((error) => error.extensions?.code === 'FAN_OUT_LIMITED');
    expect(capped).toHaveLength(1);
    expect(capped[0]!.message).toMatch(/limit of 3 upstream requests/);
  });

  it('never charges a vendor probe to the request that asked for it', async () => {
    // Five vendors probed, more than the allowance of 3: the probes are the tenant's, shared by
    // every request for 5 s (src/services/health.ts), so none is FAN_OUT_LIMITED.
    t.gateway.sandbox!.resetLog();
    const answer = await t.query<{ providers: Array<{ health: { ok: boolean } | null }> }>(
      `{ providers { provider health { ok code } } }`,
    );
    expect(answer.errors).toEqual([]);
    const probed = answer.data!.providers.filter((provider) => provider.health !== null);
    expect(probed.length).toBeGreaterThan(3);
    expect(probed.map((provider) => provider.health)).toEqual(
      probed.map(() => ({ ok: true, code: null })),
    );
    expect(t.gateway.sandbox!.requests()).toHaveLength(probed.length);
  });

  it('gives an operation over graphql-ws the same upstream allowance', async () => {
    const socket = wsClient(t.url);
    try {
      t.gateway.sandbox!.resetLog();
      const { results } = await executeWs(socket, {
        query: '{ calls(first: 5) { edges { node { id provider } } } }',
      });
      expect(t.gateway.sandbox!.requests()).toHaveLength(3);
      const capped = (results[0]?.errors ?? []).filter(
        (error) => error.extensions?.code === 'FAN_OUT_LIMITED',
      );
      expect(capped).toHaveLength(1);
      expect(results[0]?.data.calls.edges.length).toBe(5);
    } finally {
      await socket.dispose();
    }
  });
});

describe('production mode', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  it('turns off introspection, field suggestions and GraphiQL by default', async () => {
    const introspection = await t.query(`{ __schema { types { name } } }`);
    expect(introspection.data?.__schema ?? null).toBeNull();
    expect(introspection.errors.length).toBeGreaterThan(0);
    const typo = await t.query(`{ provider { provider } }`);
    expect(typo.errors[0]!.message).not.toMatch(/did you mean/i);
    const page = await fetch(t.url, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toMatch(/graphiql/i);
  });

  it('refuses simple cross-site requests without a custom header, and serves JSON clients', async () => {
    const simple = await fetch(
      `${t.url}?query=${encodeURIComponent('{ providers { provider } }')}`,
    );
    expect(simple.status).toBe(403);
    const json = await t.query(`{ providers { provider } }`);
    expect(json.errors).toEqual([]);
  });

  it('can enable introspection and GraphiQL explicitly', async () => {
    const open = await startTestGateway({
      NODE_ENV: 'production',
      SWITCHBOARD_INTROSPECTION: '1',
      SWITCHBOARD_GRAPHIQL: '1',
    });
    try {
      const introspection = await open.query(`{ __schema { queryType { name } } }`);
      expect(introspection.data!.__schema.queryType.name).toBe('Query');
      const page = await fetch(open.url, {
        headers: { accept: 'text/html', 'x-graphql-csrf': '1' },
      });
      expect(await page.text()).toMatch(/graphiql/i);
    } finally {
      await open.close();
    }
  });
});

describe('client API keys', () => {
  const KEY = 'sbk_live_7c1f9e2a4b6d8f0a1c3e5b7d9f1a3c5e';
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ SWITCHBOARD_API_KEYS: `sbk_other_key_1, ${KEY}` });
  });
  afterAll(() => t.close());

  it.each([
    ['no key', undefined],
    ['a wrong key', 'Bearer nope'],
    ['a key one character off', `Bearer ${KEY.slice(0, -1)}f`],
    ['the key without Bearer', KEY],
    ['Bearer and no key', 'Bearer '],
    ['another scheme', `Basic ${KEY}`],
  ])('answers 401 to %s and asks no vendor', async (_, authorization) => {
    t.gateway.sandbox!.resetLog();
    const answer = await post(
      t,
      { query: '{ calls(first: 3) { totalCount } }' },
      authorization ? { authorization } : {},
    );
    expect(answer.status).toBe(401);
    expect(answer.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);
  });

  it.each(['bearer', 'BEARER', 'BeArEr'])('takes the scheme in any case: %s', async (scheme) => {
    const answer = await post(
      t,
      { query: '{ providers { provider } }' },
      { authorization: `${scheme} ${KEY}` },
    );
    expect(answer.status).toBe(200);
    expect(answer.json.data.providers).toHaveLength(5);
  });

  it('serves the right key, and leaves the health probes open', async () => {
    const answer = await post(
      t,
      { query: '{ calls(first: 3) { totalCount } }' },
      { authorization: `Bearer ${KEY}` },
    );
    expect(answer.status).toBe(200);
    expect(answer.json.data.calls.totalCount).toBeGreaterThan(200);
    const base = t.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
  });
});
