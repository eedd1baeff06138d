import { afterEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

let t: TestGateway | undefined;
let sandbox: Sandbox | undefined;
afterEach(async () => {
  await t?.close();
  await sandbox?.close();
  t = undefined;
  sandbox = undefined;
});

const HEALTH_QUERY = '{ providers { provider mode health { ok code checkedAt } } }';

function base(gateway: TestGateway): string {
  return new URL(gateway.url).origin;
}

async function status(gateway: TestGateway, headers: Record<string, string> = {}) {
  const response = await fetch(`${base(gateway)}/status`, { headers });
  return { status: response.status, body: await response.json() };
}

function probesByVendor(gateway: TestGateway): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of gateway.gateway.sandbox!.requests()) {
    counts[request.vendor] = (counts[request.vendor] ?? 0) + 1;
  }
  return counts;
}

describe('readiness and vendor status', () => {
  it('stays ready while a vendor is down, and names it on /status and providers { health }', async () => {
    t = await startTestGateway();
    t.gateway.sandbox!.setFault('cx', { failure: 'status', status: 503 });
    const before = Date.now();

    const ready = await fetch(`${base(t)}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });

    const answer = await status(t);
    expect(answer.status).toBe(200);
    expect(answer.body.status).toBe('degraded');
    const cx = answer.body.vendors.CX;
    expect(cx.ok).toBe(false);
    expect(cx.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(Date.parse(cx.checkedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(cx.checkedAt)).toBeLessThanOrEqual(Date.now());
    for (const provider of ['FREYA', 'OVIA', 'LLAMADAPRO', 'HAPPYROBOT']) {
      expect(answer.body.vendors[provider]).toMatchObject({
        mode: 'SANDBOX',
        ok: true,
        code: null,
      });
    }

    const graph = await t.query<{
      providers: Array<{ provider: string; health: Record<string, unknown> | null }>;
    }>(HEALTH_QUERY);
    expect(graph.errors).toEqual([]);
    for (const { provider, health } of graph.data!.providers) {
      const { ok, code, checkedAt } = answer.body.vendors[provider];
      expect(health).toEqual({ ok, code, checkedAt });
    }
    // Still ready with the vendor down: readiness never depends on vendors.
    expect((await fetch(`${base(t)}/readyz`)).status).toBe(200);
  });

  it('probes each vendor once however often /status and providers { health } are asked within 5 s', async () => {
    t = await startTestGateway();
    t.gateway.sandbox!.resetLog();
    const answers = await Promise.all(Array.from({ length: 20 }, () => status(t!)));
    for (const answer of answers) expect(answer.status).toBe(200);
    for (let i = 0; i < 5; i += 1) expect((await status(t)).status).toBe(200);
    expect((await t.query(HEALTH_QUERY)).errors).toEqual([]);
    expect(probesByVendor(t)).toEqual({ freya: 1, ovia: 1, llamadapro: 1, cx: 1, happyrobot: 1 });

    // /readyz and /healthz never reach the vendors.
    t.gateway.sandbox!.resetLog();
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => fetch(`${base(t!)}/${i % 2 ? 'readyz' : 'healthz'}`)),
    );
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);
  });

  it('takes a new probe once the last is 5 s old', async () => {
    t = await startTestGateway();
    t.gateway.sandbox!.setFault('ovia', { failure: 'status', status: 500 });
    expect((await status(t)).body.vendors.OVIA.ok).toBe(false);
    t.gateway.sandbox!.clearFaults();
    // Reused: the vendor's recovery is not seen yet.
    expect((await status(t)).body.vendors.OVIA.ok).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 5100));
    t.gateway.sandbox!.resetLog();
    expect((await status(t)).body.vendors.OVIA).toMatchObject({ ok: true, code: null });
    expect(probesByVendor(t)).toEqual({ freya: 1, ovia: 1, llamadapro: 1, cx: 1, happyrobot: 1 });
  }, 15_000);

  it('lists only configured vendors, and gives DISABLED ones no health', async () => {
    sandbox = await startSandbox();
    t = await startTestGateway({
      SWITCHBOARD_SANDBOX: '0',
      OVIA_BASE_URL: sandbox.urls.ovia,
      OVIA_API_KEY: SANDBOX_CREDENTIALS.ovia.apiKey,
    });
    const answer = await status(t);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body.vendors)).toEqual(['OVIA']);
    expect(answer.body.vendors.OVIA).toMatchObject({ mode: 'LIVE', ok: true, code: null });

    const graph = await t.query<{
      providers: Array<{ provider: string; mode: string; health: unknown }>;
    }>(HEALTH_QUERY);
    for (const provider of graph.data!.providers) {
      if (provider.provider === 'OVIA') expect(provider.health).toMatchObject({ ok: true });
      else expect(provider).toMatchObject({ mode: 'DISABLED', health: null });
    }
  });

  it('asks for a client key on /status, not on /healthz and /readyz', async () => {
    t = await startTestGateway({ SWITCHBOARD_API_KEYS: 'status-key' });
    expect((await fetch(`${base(t)}/healthz`)).status).toBe(200);
    expect((await fetch(`${base(t)}/readyz`)).status).toBe(200);
    t.gateway.sandbox!.resetLog();
    const refused = await status(t);
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);
    const allowed = await status(t, { authorization: 'Bearer status-key' });
    expect(allowed.status).toBe(200);
    expect(allowed.body.status).toBe('ok');
  });

  it('answers 503 on /readyz once draining starts, while /healthz and /status still answer', async () => {
    t = await startTestGateway();
    const drained = t.gateway.drain({ delayMs: 2000, timeoutMs: 1000 });
    const ready = await fetch(`${base(t)}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'draining' });
    expect((await fetch(`${base(t)}/healthz`)).status).toBe(200);
    const answer = await status(t);
    expect(answer.status).toBe(200);
    expect(answer.body.draining).toBe(true);
    await drained;
    t = undefined; // drained: nothing left to close
  });
});
