import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/ids.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import {
  postWebhook,
  subscribeSse,
  subscribeWs,
  webhookSecret,
  wsClient,
} from '../support/live.js';
import { redisTestsEnabled, TEST_REDIS_URL, testPrefix } from '../support/redis.js';

const enabled = await redisTestsEnabled('test/graph/live-redis.test.ts');
const OVIA_SECRET = webhookSecret();
const LLAMADAPRO_SECRET = webhookSecret();

const CALL_EVENTS = /* GraphQL */ `
  subscription CallEvents($filter: CallEventFilter, $after: String) {
    callEvents(filter: $filter, after: $after) {
      cursor
      type
      call {
        providerId
        status
      }
    }
  }
`;

function oviaCall(id: string, status: string) {
  return {
    id,
    direction: 'inbound',
    from_number: '+14155550142',
    to_number: '+14155550100',
    status,
  };
}

describe.skipIf(!enabled)('live events shared through Redis', () => {
  const keys = testPrefix();
  let a: TestGateway;
  let b: TestGateway;

  beforeAll(async () => {
    const env = {
      REDIS_URL: TEST_REDIS_URL,
      SWITCHBOARD_REDIS_PREFIX: keys.prefix,
      OVIA_WEBHOOK_SECRET: OVIA_SECRET,
      LLAMADAPRO_WEBHOOK_SECRET: LLAMADAPRO_SECRET,
    };
    [a, b] = await Promise.all([startTestGateway(env), startTestGateway(env)]);
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await keys.cleanup();
  });

  const filterFor = (id: string) => ({ callId: encodeGlobalId(null, 'Call', `OVIA:${id}`) });
  async function post(gateway: TestGateway, id: string, status: string, webhookId?: string) {
    const answer = await postWebhook(
      gateway.url,
      'ovia',
      OVIA_SECRET,
      { type: 'call.updated', data: oviaCall(id, status) },
      webhookId ? { id: webhookId } : {},
    );
    expect(answer.status).toBe(204);
  }

  it('gets a webhook received by one gateway to subscribers of the other, over SSE and graphql-ws', async () => {
    const id = `call_${randomUUID()}`;
    const onB = await subscribeSse(b.url, CALL_EVENTS, { filter: filterFor(id) });
    const probeId = `call_${randomUUID()}`;
    const probe = await subscribeSse(b.url, CALL_EVENTS, { filter: filterFor(probeId) });
    await post(a, probeId, 'queued');
    const [warm] = await probe.take(1);
    probe.close();
    const client = wsClient(b.url);
    const socket = subscribeWs(client, CALL_EVENTS, {
      filter: filterFor(id),
      after: warm?.data.callEvents.cursor,
    });
    await post(a, id, 'ringing');
    // The call's last state is shared too: B derives STATUS_CHANGED after A's CREATED.
    await post(b, id, 'in-progress');
    await post(a, id, 'busy');
    for (const results of [await onB.take(3), await socket.take(3)]) {
      expect(results.map((result) => result.data.callEvents.type)).toEqual([
        'CREATED',
        'STATUS_CHANGED',
        'ENDED',
      ]);
    }
    onB.close();
    socket.close();
    await client.dispose();
  });

  it('emits one event for a webhook-id delivered to both gateways', async () => {
    const id = `call_${randomUUID()}`;
    const sub = await subscribeSse(a.url, CALL_EVENTS, { filter: filterFor(id) });
    const webhookId = `msg_${randomUUID()}`;
    await post(a, id, 'queued', webhookId);
    await post(b, id, 'queued', webhookId);
    await post(b, id, 'completed');
    const results = await sub.take(2);
    expect(results.map((result) => result.data.callEvents.call.status)).toEqual([
      'QUEUED',
      'COMPLETED',
    ]);
    sub.close();
  });

  it('resumes on one gateway from a cursor another gave, and refuses an unknown one', async () => {
    const id = `call_${randomUUID()}`;
    const first = await subscribeSse(a.url, CALL_EVENTS, { filter: filterFor(id) });
    await post(a, id, 'queued');
    const [seen] = await first.take(1);
    first.close();
    await post(a, id, 'in-progress');
    await post(b, id, 'completed');
    const resumed = await subscribeSse(b.url, CALL_EVENTS, {
      filter: filterFor(id),
      after: seen?.data.callEvents.cursor,
    });
    const missed = await resumed.take(2);
    expect(missed.map((result) => result.data.callEvents.type)).toEqual([
      'STATUS_CHANGED',
      'ENDED',
    ]);
    await post(a, id, 'completed');
    const [live] = await resumed.take(1);
    expect(live?.data.callEvents.type).toBe('UPDATED');
    resumed.close();

    const unknown = await subscribeSse(b.url, CALL_EVENTS, { after: '1-0' });
    const [answer] = await unknown.take(1);
    expect(answer?.errors?.[0]?.message).toContain('"1-0"');
    unknown.close();
  });

  it('gets a LlamadaPro message webhook received by one gateway to messageEvents on the other', async () => {
    const contactId = String(Math.floor(Math.random() * 1e9));
    const sub = await subscribeSse(
      b.url,
      'subscription ($contactId: ID) { messageEvents(contactId: $contactId) { cursor message { providerId content } } }',
      { contactId: encodeGlobalId(null, 'Contact', `LLAMADAPRO:${contactId}`) },
    );
    const answer = await postWebhook(a.url, 'llamadapro', LLAMADAPRO_SECRET, {
      type: 'message.created',
      data: { id: 4242, contactId: Number(contactId), content: 'Listo', direction: 'inbound' },
    });
    expect(answer.status).toBe(204);
    const [event] = await sub.take(1);
    expect(event?.data.messageEvents.message).toEqual({ providerId: '4242', content: 'Listo' });
    sub.close();
  });
});
