import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const BUDGET = 200_000;

async function post(t: TestGateway, query: string) {
  const response = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, any> };
}

async function cachedBytes(t: TestGateway): Promise<number> {
  const text = await (await fetch(t.url.replace('/graphql', '/metrics'))).text();
  const line = text.split('\n').find((row) => row.startsWith('switchboard_document_cache_bytes '));
  expect(line).toBeDefined();
  return Number(line!.split(' ')[1]);
}

describe('the parsed-document cache is bounded in bytes', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ SWITCHBOARD_DOCUMENT_CACHE_BYTES: String(BUDGET) });
  });
  afterAll(() => t.close());

  it('keeps a small repeated document, and none of 300 padded ones', async () => {
    const small = '{ providers { provider } }';
    expect((await post(t, small)).status).toBe(200);
    const afterSmall = await cachedBytes(t);
    expect(afterSmall).toBeGreaterThan(0);

    // Each one distinct, ~40 KB of comment and whitespace around a tiny operation: under the
    // body limit, over the largest document the cache keeps.
    for (let index = 0; index < 300; index += 1) {
      const padded = `# ${index} ${'x'.repeat(20_000)}\n${' '.repeat(20_000)}${small}`;
      const answer = await post(t, padded);
      expect(answer.status).toBe(200);
      expect(answer.json.data.providers.length).toBe(5);
    }
    expect(await cachedBytes(t)).toBe(afterSmall);
  });

  it('holds no more than its budget however many distinct documents arrive', async () => {
    for (let index = 0; index < 400; index += 1) {
      const query = `query Q${index} { providers { provider mode ${'baseUrl '.repeat(50)} } }`;
      expect((await post(t, query)).status).toBe(200);
    }
    const bytes = await cachedBytes(t);
    expect(bytes).toBeGreaterThan(BUDGET / 4);
    expect(bytes).toBeLessThanOrEqual(BUDGET);
  });
});
