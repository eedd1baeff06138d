import { afterEach, describe, expect, it } from 'vitest';
import { startGateway, type Gateway } from '../../src/gateway.js';
import { createLogger } from '../../src/logger.js';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { subscribeSse, type Result } from '../support/live.js';

/*
 * Live calls end to end (README, "Live calls"): a call started with `startCall` moves on its own, and a
 * `callEvents` subscriber sees every step. On the sandbox the steps arrive as signed webhooks;
 * a vendor without a webhook secret is polled instead.
 */

const CALL_EVENTS = `subscription LiveCalls($filter: CallEventFilter) {
  callEvents(filter: $filter) {
    cursor type provider
    call { providerId status providerStatus transcript }
  }
}`;

const START_CALL = `mutation Start($input: StartCallInput!) {
  startCall(input: $input) {
    call { providerId status }
    userErrors { message code }
  }
}`;

const OVIA_INPUT = {
  ovia: {
    userId: '7e5d4c3b-2a19-4f8e-8d7c-6b5a49382716',
    agentId: '0b8e6a52-3c1d-4f7e-9a2b-5d6c7e8f9a01',
    type: 'phone_call',
    direction: 'OUTBOUND',
    fromNumber: '+576013005500',
    toNumber: '+573100000077',
    phoneNumberId: '3a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
  },
};

const logger = createLogger({ level: 'silent' });
const running: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const item of running.splice(0).reverse()) await item.close();
});

async function gateway(env: Record<string, string>, stepDelayMs = 80): Promise<Gateway> {
  const started = await startGateway({
    env: { PORT: '0', HOST: '127.0.0.1', UPSTREAM_TIMEOUT_MS: '1000', ...env },
    logger,
    sandboxLive: { stepDelayMs },
  });
  running.push(started);
  return started;
}

async function startCall(url: string): Promise<{ providerId: string }> {
  const answer = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: START_CALL, variables: { input: OVIA_INPUT } }),
  });
  const body = (await answer.json()) as any;
  expect(body.data.startCall.userErrors).toEqual([]);
  return body.data.startCall.call;
}

const steps = (results: Result[]) =>
  results.map((result) => [
    result.data?.callEvents.type,
    result.data?.callEvents.call.status,
    result.data?.callEvents.call.providerId,
  ]);

describe('live calls', () => {
  it('a sandbox call started with startCall reaches a callEvents subscriber step by step', async () => {
    const g = await gateway({ SWITCHBOARD_SANDBOX: '1' });
    const events = await subscribeSse(g.url, CALL_EVENTS, { filter: { providers: ['OVIA'] } });
    running.push({ close: async () => events.close() });
    expect(events.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const call = await startCall(g.url);
    const seen = await events.take(4, 5000);
    expect(steps(seen)).toEqual([
      ['CREATED', 'QUEUED', call.providerId],
      ['STATUS_CHANGED', 'RINGING', call.providerId],
      ['STATUS_CHANGED', 'IN_PROGRESS', call.providerId],
      ['ENDED', 'COMPLETED', call.providerId],
    ]);
    expect(seen[3]?.data?.callEvents.call.transcript).toMatch(/^Agent: /);
    // Every step was accepted by the gateway's own webhook endpoint.
    const accepted = (status: number | null) => status !== null && status >= 200 && status < 300;
    expect(g.sandbox!.live.posted.map((hook) => [hook.type, accepted(hook.status)])).toEqual([
      ['call.created', true],
      ['call.updated', true],
      ['call.updated', true],
      ['call.ended', true],
    ]);
  });

  it("a HappyRobot call rung on the sandbox reaches a subscriber in HappyRobot's own statuses", async () => {
    const g = await gateway({ SWITCHBOARD_SANDBOX: '1' });
    const events = await subscribeSse(g.url, CALL_EVENTS, {
      filter: { providers: ['HAPPYROBOT'] },
    });
    running.push({ close: async () => events.close() });
    expect(events.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const { url, authorization } = g.sandbox!.inboundCalls;
    const answer = await fetch(url, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ from: '+56987654321' }),
    });
    expect(answer.status).toBe(201);
    const { id } = (await answer.json()) as { id: string };
    const seen = await events.take(4, 5000);
    expect(
      seen.map((result) => [
        result.data?.callEvents.type,
        result.data?.callEvents.call.status,
        result.data?.callEvents.call.providerStatus,
        result.data?.callEvents.call.providerId,
      ]),
    ).toEqual([
      ['CREATED', 'QUEUED', 'Queued', id],
      ['STATUS_CHANGED', 'RINGING', 'Ringing', id],
      ['STATUS_CHANGED', 'IN_PROGRESS', 'In Progress', id],
      ['ENDED', 'COMPLETED', 'Completed', id],
    ]);
    expect(seen.every((result) => result.data?.callEvents.provider === 'HAPPYROBOT')).toBe(true);
  });

  it('a vendor without a webhook secret is polled: a new call and its changes become events', async () => {
    // Ovia as a live vendor (the sandbox started apart, so the gateway holds no secret for it).
    const vendor: Sandbox = await startSandbox({ live: { stepDelayMs: 300 } });
    running.push(vendor);
    const g = await gateway({
      SWITCHBOARD_SANDBOX: '0',
      OVIA_BASE_URL: vendor.urls.ovia,
      OVIA_API_KEY: SANDBOX_CREDENTIALS.ovia.apiKey,
      SWITCHBOARD_POLL_INTERVAL_MS: '50',
    });
    const events = await subscribeSse(g.url, CALL_EVENTS, {});
    running.push({ close: async () => events.close() });
    // Let the poller take its baseline: the seeded calls emit nothing.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const call = await startCall(g.url);
    const seen = await events.take(4, 5000);
    expect(steps(seen)).toEqual([
      ['CREATED', 'QUEUED', call.providerId],
      ['STATUS_CHANGED', 'RINGING', call.providerId],
      ['STATUS_CHANGED', 'IN_PROGRESS', call.providerId],
      ['ENDED', 'COMPLETED', call.providerId],
    ]);
  });
});
