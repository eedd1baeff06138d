import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Fault, SandboxVendor } from '../../src/sandbox/faults.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const TIMEOUT_MS = 1000;
/** Time allowed past the upstream budget for the gateway's own work. */
const MARGIN_MS = 500;

const VENDORS: Array<{ vendor: SandboxVendor; provider: string }> = [
  { vendor: 'ovia', provider: 'OVIA' },
  { vendor: 'llamadapro', provider: 'LLAMADAPRO' },
  { vendor: 'cx', provider: 'CX' },
  { vendor: 'happyrobot', provider: 'HAPPYROBOT' },
];

const FAULTS: Array<{ name: string; fault: Fault; code: string }> = [
  { name: '500', fault: { failure: 'status', status: 500 }, code: 'UPSTREAM_UNAVAILABLE' },
  {
    name: '429 with Retry-After',
    fault: { failure: 'rate-limit', retryAfterSeconds: 30 },
    code: 'UPSTREAM_RATE_LIMITED',
  },
  { name: 'hang', fault: { failure: 'hang' }, code: 'UPSTREAM_TIMEOUT' },
  { name: 'connection reset', fault: { failure: 'reset' }, code: 'UPSTREAM_UNAVAILABLE' },
  { name: 'malformed JSON', fault: { failure: 'malformed' }, code: 'UPSTREAM_BAD_RESPONSE' },
];

const QUERY = `{ calls(first: 100) { totalCount edges { node { id provider } } } }`;

interface CallsAnswer {
  calls: { totalCount: number | null; edges: Array<{ node: { id: string; provider: string } }> };
}

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway({ UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS) });
});
afterEach(() => t.gateway.sandbox!.clearFaults());
afterAll(async () => {
  await t.close();
});

describe.each(VENDORS)('$provider failing', ({ vendor, provider }) => {
  it.each(FAULTS)(
    '$name: partial data, one typed error, then full recovery',
    async ({ fault, code }) => {
      t.gateway.sandbox!.setFault(vendor, fault);
      const started = performance.now();
      const answer = await t.query<CallsAnswer>(QUERY);
      const elapsed = performance.now() - started;

      expect(answer.status).toBe(200);
      expect(elapsed).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
      const providers = new Set(answer.data!.calls.edges.map((edge) => edge.node.provider));
      expect(providers.has(provider)).toBe(false);
      for (const other of VENDORS.filter((v) => v.provider !== provider)) {
        expect(providers.has(other.provider), other.provider).toBe(true);
      }
      const listErrors = answer.errors.filter((error) => error.path?.join('.') === 'calls');
      expect(listErrors).toHaveLength(1);
      expect(listErrors[0]!.extensions).toMatchObject({ code, provider });
      for (const error of answer.errors) expect(error.extensions?.provider).toBe(provider);

      t.gateway.sandbox!.clearFaults();
      const healthy = await t.query<CallsAnswer>(QUERY);
      expect(healthy.errors).toEqual([]);
      expect(new Set(healthy.data!.calls.edges.map((edge) => edge.node.provider))).toContain(
        provider,
      );
    },
  );
});

describe('retries', () => {
  it('retries a GET after 503 and 429 within the budget, and never a 500', async () => {
    const sandbox = t.gateway.sandbox!;
    sandbox.setFault('ovia', { failure: 'status', status: 500 });
    sandbox.resetLog();
    await t.query(`{ calls(first: 5, filter: { providers: [OVIA] }) { edges { node { id } } } }`);
    expect(sandbox.requests('ovia')).toHaveLength(1);

    sandbox.setFault('ovia', { failure: 'status', status: 503 });
    sandbox.resetLog();
    const answer = await t.query(
      `{ calls(first: 5, filter: { providers: [OVIA] }) { edges { node { id } } } }`,
    );
    expect(answer.errors[0]!.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      provider: 'OVIA',
    });
    expect(sandbox.requests('ovia')).toHaveLength(3);

    sandbox.setFault('ovia', { failure: 'rate-limit', retryAfterSeconds: 0 });
    sandbox.resetLog();
    const limited = await t.query(
      `{ calls(first: 5, filter: { providers: [OVIA] }) { edges { node { id } } } }`,
    );
    expect(limited.errors[0]!.extensions).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      provider: 'OVIA',
    });
    expect(sandbox.requests('ovia')).toHaveLength(3);
  });

  it('does not wait for a Retry-After longer than the budget', async () => {
    const sandbox = t.gateway.sandbox!;
    sandbox.setFault('cx', { failure: 'rate-limit', retryAfterSeconds: 60 });
    sandbox.resetLog();
    const started = performance.now();
    await t.query(`{ calls(first: 5, filter: { providers: [CX] }) { edges { node { id } } } }`);
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS);
    expect(sandbox.requests('cx')).toHaveLength(1);
  });
});

describe('a vendor that is neither configured nor sandboxed', () => {
  it('answers PROVIDER_NOT_CONFIGURED for its part only', async () => {
    const sandbox = t.gateway.sandbox!;
    const partial = await startTestGateway({
      SWITCHBOARD_SANDBOX: '0',
      OVIA_BASE_URL: sandbox.urls.ovia,
      OVIA_API_KEY: 'sbx-wrong-key-for-this-test',
      CX_BASE_URL: sandbox.urls.cx,
      CX_USERNAME: 'nobody',
      CX_PASSWORD: 'nothing',
    });
    try {
      const answer = await partial.query(
        `{ calls(first: 5, filter: { providers: [HAPPYROBOT] }) { edges { node { id } } } }`,
      );
      expect(answer.data!.calls.edges).toEqual([]);
      expect(answer.errors[0]!.extensions).toMatchObject({
        code: 'PROVIDER_NOT_CONFIGURED',
        provider: 'HAPPYROBOT',
      });
      const providers = await partial.query(`{ providers { provider mode } }`);
      expect(providers.data!.providers).toEqual([
        { provider: 'FREYA', mode: 'DISABLED' },
        { provider: 'OVIA', mode: 'LIVE' },
        { provider: 'LLAMADAPRO', mode: 'DISABLED' },
        { provider: 'CX', mode: 'LIVE' },
        { provider: 'HAPPYROBOT', mode: 'DISABLED' },
      ]);
    } finally {
      await partial.close();
    }
  });
});
