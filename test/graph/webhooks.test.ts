import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import {
  postWebhook,
  subscribeSse,
  webhookSecret,
  type EventSubscription,
  type Result,
} from '../support/live.js';

const OVIA_SECRET = webhookSecret();

/** An Ovia call as `GET /api/v1/calls/{id}` answers it. */
function oviaCall(id: string, status: string) {
  return {
    id,
    agent_id: 'agent_webhooks',
    direction: 'outbound',
    from_number: '+14155550100',
    to_number: '+14155550123',
    status,
    created_at: '2026-03-01T10:00:00Z',
    agent: { name: 'Webhook Agent' },
  };
}

const CALL_EVENTS = /* GraphQL */ `
  subscription Events($filter: CallEventFilter) {
    callEvents(filter: $filter) {
      cursor
      type
      provider
      call {
        providerId
        status
      }
    }
  }
`;

describe('POST /webhooks/{vendor}', () => {
  let gateway: TestGateway;
  let events: EventSubscription<Result>;

  beforeAll(async () => {
    gateway = await startTestGateway({
      OVIA_WEBHOOK_SECRET: OVIA_SECRET,
      SWITCHBOARD_API_KEYS: 'client-key',
      // A live vendor without a secret (sandboxed ones get one shared in-process).
      HAPPYROBOT_BASE_URL: 'http://127.0.0.1:9',
      HAPPYROBOT_API_KEY: 'hr-key',
    });
    events = await subscribeSse(
      gateway.url,
      CALL_EVENTS,
      {},
      { authorization: 'Bearer client-key' },
    );
  });
  afterAll(async () => {
    events.close();
    await gateway.close();
  });

  /** Posts a webhook that must be delivered, then reads its event: the rejected ones before it emitted nothing. */
  async function expectNextEventFor(callId: string) {
    const posted = await postWebhook(gateway.url, 'ovia', OVIA_SECRET, {
      type: 'call.updated',
      data: oviaCall(callId, 'queued'),
    });
    expect(posted.status).toBe(204);
    const [next] = await events.take(1);
    expect(next?.data?.callEvents.call.providerId).toBe(callId);
  }

  it('delivers a correctly signed webhook, without a client key, as a mapped call event', async () => {
    const id = `call_${randomUUID()}`;
    const posted = await postWebhook(gateway.url, 'ovia', OVIA_SECRET, {
      type: 'call.created',
      data: oviaCall(id, 'ringing'),
    });
    expect(posted.status).toBe(204);
    const [event] = await events.take(1);
    expect(event?.data?.callEvents).toMatchObject({
      type: 'CREATED',
      provider: 'OVIA',
      call: { providerId: id, status: 'RINGING' },
    });
  });

  it('answers 401 for a wrong signature, a missing one or a stale timestamp, and emits nothing', async () => {
    const body = { type: 'call.created', data: oviaCall(`call_${randomUUID()}`, 'queued') };
    const wrong = await postWebhook(gateway.url, 'ovia', webhookSecret(), body);
    const missing = await postWebhook(gateway.url, 'ovia', OVIA_SECRET, body, { signature: null });
    const stale = await postWebhook(gateway.url, 'ovia', OVIA_SECRET, body, {
      timestamp: new Date(Date.now() - 6 * 60 * 1000),
    });
    const future = await postWebhook(gateway.url, 'ovia', OVIA_SECRET, body, {
      timestamp: new Date(Date.now() + 6 * 60 * 1000),
    });
    expect([wrong.status, missing.status, stale.status, future.status]).toEqual([
      401, 401, 401, 401,
    ]);
    const marker = `call_${randomUUID()}`;
    await expectNextEventFor(marker);
    // The rejected bodies are never logged.
    expect(gateway.logs.join('')).not.toContain(body.data.id);
  });

  it('accepts any of several signatures, as during a secret rotation', async () => {
    const id = `call_${randomUUID()}`;
    const body = JSON.stringify({ type: 'call.created', data: oviaCall(id, 'queued') });
    const { Webhook } = await import('standardwebhooks');
    const webhookId = `msg_${randomUUID()}`;
    const now = new Date();
    const old = new Webhook(webhookSecret()).sign(webhookId, now, body);
    const current = new Webhook(OVIA_SECRET).sign(webhookId, now, body);
    const posted = await postWebhook(gateway.url, 'ovia', OVIA_SECRET, body, {
      id: webhookId,
      timestamp: now,
      signature: `${old} ${current}`,
    });
    expect(posted.status).toBe(204);
    const [event] = await events.take(1);
    expect(event?.data?.callEvents.call.providerId).toBe(id);
  });

  it('emits one event for the same webhook-id sent twice, answering 2xx both times', async () => {
    const id = `call_${randomUUID()}`;
    const webhookId = `msg_${randomUUID()}`;
    const body = { type: 'call.created', data: oviaCall(id, 'queued') };
    const first = await postWebhook(gateway.url, 'ovia', OVIA_SECRET, body, { id: webhookId });
    const again = await postWebhook(gateway.url, 'ovia', OVIA_SECRET, body, { id: webhookId });
    expect([first.status, again.status]).toEqual([204, 204]);
    const [event] = await events.take(1);
    expect(event?.data?.callEvents.call.providerId).toBe(id);
    await expectNextEventFor(`call_${randomUUID()}`);
  });

  it('answers 400 for a body that does not parse, and emits nothing', async () => {
    const notJson = await postWebhook(gateway.url, 'ovia', OVIA_SECRET, '{"type":');
    const noData = await postWebhook(gateway.url, 'ovia', OVIA_SECRET, { type: 'call.created' });
    const notACall = await postWebhook(gateway.url, 'ovia', OVIA_SECRET, {
      type: 'call.created',
      data: { status: 'queued' },
    });
    expect([notJson.status, noData.status, notACall.status]).toEqual([400, 400, 400]);
    await expectNextEventFor(`call_${randomUUID()}`);
  });

  it('answers 404 for an unknown vendor or one without a secret', async () => {
    const body = { type: 'call.created', data: oviaCall('call_404', 'queued') };
    const unknown = await postWebhook(gateway.url, 'acme', OVIA_SECRET, body);
    const noSecret = await postWebhook(gateway.url, 'happyrobot', OVIA_SECRET, body);
    expect([unknown.status, noSecret.status]).toEqual([404, 404]);
  });

  it('refuses a body over the size cap with 413', async () => {
    const huge = {
      type: 'call.created',
      data: { ...oviaCall('call_big', 'queued'), analysis: 'x'.repeat(1_100_000) },
    };
    const posted = await postWebhook(gateway.url, 'ovia', OVIA_SECRET, huge);
    expect(posted.status).toBe(413);
  });
});
