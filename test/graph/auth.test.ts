import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(async () => {
  await t.close();
});

const EVERY_CALL_VENDOR = `{ calls(first: 5) { edges { node { id } } } }`;

/** Every secret the gateway holds, and the header values built from them. */
function secrets(): string[] {
  const c = SANDBOX_CREDENTIALS;
  const basic = Buffer.from(`${c.cx.username}:${c.cx.password}`).toString('base64');
  return [
    c.freya.apiKey,
    c.ovia.apiKey,
    c.llamadapro.apiKey,
    c.happyrobot.apiKey,
    c.cx.password,
    basic,
  ];
}

describe('vendor credentials', () => {
  it('sends each vendor its own auth header', async () => {
    const sandbox = t.gateway.sandbox!;
    sandbox.resetLog();
    const answer = await t.query(EVERY_CALL_VENDOR);
    expect(answer.errors).toEqual([]);
    const header = (vendor: 'ovia' | 'llamadapro' | 'cx' | 'happyrobot') => {
      const requests = sandbox.requests(vendor);
      expect(requests.length, vendor).toBeGreaterThan(0);
      return requests[0]!.headers['authorization'];
    };
    const c = SANDBOX_CREDENTIALS;
    expect(header('ovia')).toBe(`Bearer ${c.ovia.apiKey}`);
    expect(header('llamadapro')).toBe(`Bearer ${c.llamadapro.apiKey}`);
    expect(header('happyrobot')).toBe(`Bearer ${c.happyrobot.apiKey}`);
    expect(header('cx')).toBe(
      `Basic ${Buffer.from(`${c.cx.username}:${c.cx.password}`).toString('base64')}`,
    );
  });

  it('leaks no credential into the response or the logs when every vendor answers 401 or 500', async () => {
    const sandbox = t.gateway.sandbox!;
    for (const failure of [
      { failure: 'unauthorized' as const },
      { failure: 'status' as const, status: 500 },
    ]) {
      for (const vendor of ['freya', 'ovia', 'llamadapro', 'cx', 'happyrobot'] as const)
        sandbox.setFault(vendor, failure);
      const logStart = t.logs.length;
      const response = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `{ calls(first: 5) { edges { node { id } } } ovia: calls(filter: { providers: [OVIA] }) { totalCount } }`,
        }),
      });
      const text = await response.text();
      expect(response.status).toBe(200);
      const body = JSON.parse(text);
      const codes = body.errors.map(
        (error: { extensions: { code: string } }) => error.extensions.code,
      );
      expect(new Set(codes)).toEqual(
        new Set([
          failure.failure === 'unauthorized' ? 'UPSTREAM_REJECTED' : 'UPSTREAM_UNAVAILABLE',
        ]),
      );
      const logText = t.logs.slice(logStart).join('\n');
      expect(logText).toContain('upstream request');
      for (const secret of secrets()) {
        expect(text).not.toContain(secret);
        expect(logText).not.toContain(secret);
      }
      expect(text.toLowerCase()).not.toContain('authorization');
      expect(logText.toLowerCase()).not.toContain('bearer ');
      expect(logText.toLowerCase()).not.toContain('basic ');
    }
    sandbox.clearFaults();
  });
});

describe('health endpoints', () => {
  it('answers /healthz and /readyz whatever the vendors do, and names a failing vendor on /status', async () => {
    const base = t.url.replace(/\/graphql$/, '');
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    t.gateway.sandbox!.setFault('cx', { failure: 'status', status: 503 });
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect((await ready.json()).status).toBe('ready');
    const status = await fetch(`${base}/status`);
    expect(status.status).toBe(200);
    const body = await status.json();
    expect(body.vendors.CX).toMatchObject({ ok: false, code: 'UPSTREAM_UNAVAILABLE' });
    expect(body.vendors.OVIA).toMatchObject({ ok: true, code: null });
    t.gateway.sandbox!.clearFaults();
  });
});
