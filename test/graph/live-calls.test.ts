import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from 'graphql-ws';
import { encodeGlobalId } from '../../src/ids.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import {
  postWebhook,
  subscribeSse,
  subscribeWs,
  webhookSecret,
  wsClient,
} from '../support/live.js';

const OVIA_SECRET = webhookSecret();
const LLAMADAPRO_SECRET = webhookSecret();
const API_KEY = 'live-key';

/** An Ovia call as `GET /api/v1/calls/{id}` answers it. */
function oviaCall(id: string, status: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    agent_id: 'agent_live',
    direction: 'outbound',
    from_number: '+14155550100',
    to_number: '+14155550123',
    status,
    created_at: '2026-03-01T10:00:00Z',
    agent: { name: 'Live Agent' },
    ...extra,
  };
}

const CALL_EVENTS = /* GraphQL */ `
  subscription CallEvents($filter: CallEventFilter, $after: String) {
    callEvents(filter: $filter, after: $after) {
      cursor
      type
      occurredAt
      provider
      call {
        id
        providerId
        status
        customerPhone
        agent {
          name
        }
      }
    }
  }
`;

function callFilter(id: string) {
  return { filter: { callId: encodeGlobalId(null, 'Call', `OVIA:${id}`) } };
}

async function post(gateway: TestGateway, id: string, status: string, extra = {}) {
  const answer = await postWebhook(gateway.url, 'ovia', OVIA_SECRET, {
    type: 'call.updated',
    data: oviaCall(id, status, extra),
  });
  expect(answer.status).toBe(204);
}

describe('callEvents and messageEvents', () => {
  let gateway: TestGateway;
  let ws: Client;
  const auth = { authorization: `Bearer ${API_KEY}` };

  beforeAll(async () => {
    gateway = await startTestGateway({
      OVIA_WEBHOOK_SECRET: OVIA_SECRET,
      LLAMADAPRO_WEBHOOK_SECRET: LLAMADAPRO_SECRET,
      SWITCHBOARD_API_KEYS: API_KEY,
      // The 200 subscribers of one test below all use the one key.
      SWITCHBOARD_MAX_SUBSCRIBERS_PER_CLIENT: '1000',
    });
    ws = wsClient(gateway.url, auth.authorization);
  });
  afterAll(async () => {
    await ws.dispose();
    await gateway.close();
  });

  it('shows CREATED, STATUS_CHANGED and ENDED, in order, over SSE and graphql-ws alike', async () => {
    const id = `call_${randomUUID()}`;
    const sse = await subscribeSse(gateway.url, CALL_EVENTS, callFilter(id), auth);
    expect(sse.status).toBe(200);
    // A socket subscription is registered some time after subscribe() returns: it starts from
    // the cursor of an earlier event, so it cannot miss the first one whenever that is.
    const warmUp = `call_${randomUUID()}`;
    const probe = await subscribeSse(gateway.url, CALL_EVENTS, callFilter(warmUp), auth);
    await post(gateway, warmUp, 'queued');
    const [warm] = await probe.take(1);
    probe.close();
    const socket = subscribeWs(ws, CALL_EVENTS, {
      ...callFilter(id),
      after: warm?.data.callEvents.cursor,
    });
    await post(gateway, id, 'queued');
    const [firstSse] = await sse.take(1);
    const [firstWs] = await socket.take(1);
    await post(gateway, id, 'in-progress');
    await post(gateway, id, 'in-progress', { analysis: 'talking' });
    await post(gateway, id, 'completed', { ended_at: '2026-03-01T10:05:00Z' });
    for (const [first, rest] of [
      [firstSse, await sse.take(3)],
      [firstWs, await socket.take(3)],
    ] as const) {
      const events = [first, ...rest].map((result) => result?.data?.callEvents);
      expect(events.map((event) => [event.type, event.call.status])).toEqual([
        ['CREATED', 'QUEUED'],
        ['STATUS_CHANGED', 'IN_PROGRESS'],
        ['UPDATED', 'IN_PROGRESS'],
        ['ENDED', 'COMPLETED'],
      ]);
      expect(events[0]).toMatchObject({
        provider: 'OVIA',
        call: {
          id: encodeGlobalId(null, 'Call', `OVIA:${id}`),
          providerId: id,
          customerPhone: '+14155550123',
          agent: { name: 'Live Agent' },
        },
      });
      const cursors = events.map((event) => event.cursor);
      expect(new Set(cursors).size).toBe(4);
    }
    sse.close();
    socket.close();
  });

  it('refuses subscriptions without a valid key on either transport', async () => {
    const sse = await subscribeSse(gateway.url, CALL_EVENTS, {}, {});
    expect(sse.status).toBe(401);
    sse.close();
    const anonymous = wsClient(gateway.url);
    const socket = subscribeWs(anonymous, CALL_EVENTS);
    await expect(socket.take(1, 3000)).rejects.toThrow(/4403/);
    await anonymous.dispose();
  });

  it('resumes after a cursor with exactly the missed events, then live ones', async () => {
    const id = `call_${randomUUID()}`;
    const first = await subscribeSse(gateway.url, CALL_EVENTS, callFilter(id), auth);
    await post(gateway, id, 'queued');
    await post(gateway, id, 'ringing');
    await post(gateway, id, 'in-progress');
    const seen = (await first.take(3)).map((result) => result.data.callEvents);
    first.close();
    await post(gateway, id, 'in-progress', { analysis: 'missed one' });
    await post(gateway, id, 'completed');
    const resumed = await subscribeSse(
      gateway.url,
      CALL_EVENTS,
      { ...callFilter(id), after: seen[2].cursor },
      auth,
    );
    const missed = (await resumed.take(2)).map((result) => result.data.callEvents);
    expect(missed.map((event) => event.type)).toEqual(['UPDATED', 'ENDED']);
    await post(gateway, id, 'completed', { analysis: 'after the end' });
    const [live] = await resumed.take(1);
    expect(live?.data.callEvents.type).toBe('UPDATED');
    // Nothing twice: every cursor is new and they increase in arrival order.
    const cursors = [...seen, ...missed, live?.data.callEvents].map((event) => event.cursor);
    expect(new Set(cursors).size).toBe(6);
    await expect(resumed.take(1, 300)).rejects.toThrow(/only 0 of 1/);
    resumed.close();
  });

  it('gives an error naming an unknown cursor, over SSE and graphql-ws', async () => {
    const sse = await subscribeSse(gateway.url, CALL_EVENTS, { after: 'no-such-cursor' }, auth);
    const [answer] = await sse.take(1);
    expect(answer?.errors?.[0]?.message).toContain('no-such-cursor');
    expect(answer?.errors?.[0]?.extensions?.code).toBe('INVALID_INPUT');
    sse.close();
    const socket = subscribeWs(ws, CALL_EVENTS, { after: '00000000-1' });
    const [wsAnswer] = await socket.take(1).catch((error: Error) => [{ errors: [error] }]);
    expect(JSON.stringify(wsAnswer)).toContain('00000000-1');
  });

  it("delivers a LlamadaPro message.created webhook to the contact's messageEvents only", async () => {
    const mine = await subscribeSse(
      gateway.url,
      /* GraphQL */ `
        subscription Messages($contactId: ID) {
          messageEvents(contactId: $contactId) {
            cursor
            occurredAt
            message {
              providerId
              content
              direction
            }
          }
        }
      `,
      { contactId: encodeGlobalId(null, 'Contact', 'LLAMADAPRO:501') },
      auth,
    );
    const message = (id: number, contactId: number, content: string) => ({
      type: 'message.created',
      data: {
        id,
        conversationId: 77,
        contactId,
        content,
        type: 'text',
        status: 'received',
        direction: 'inbound',
        channel: 'whatsapp',
        sender: { address: '+56911112222', role: 'contact' },
        recipient: { address: '+56933334444', role: 'business' },
        createdAt: '2026-03-01T10:00:00Z',
      },
    });
    const other = await postWebhook(
      gateway.url,
      'llamadapro',
      LLAMADAPRO_SECRET,
      message(9001, 999, 'not yours'),
    );
    const wanted = await postWebhook(
      gateway.url,
      'llamadapro',
      LLAMADAPRO_SECRET,
      message(9002, 501, 'Hola, sí me interesa'),
    );
    expect([other.status, wanted.status]).toEqual([204, 204]);
    const [event] = await mine.take(1);
    expect(event?.data.messageEvents.message).toEqual({
      providerId: '9002',
      content: 'Hola, sí me interesa',
      direction: 'INBOUND',
    });
    await expect(mine.take(1, 300)).rejects.toThrow(/only 0 of 1/);
    mine.close();
  });

  it('gets 50 events to each of 200 subscribers', async () => {
    const id = `call_${randomUUID()}`;
    const subscribers = await Promise.all(
      Array.from({ length: 200 }, () =>
        subscribeSse(gateway.url, CALL_EVENTS, callFilter(id), auth),
      ),
    );
    const started = Date.now();
    for (let index = 0; index < 50; index += 1) {
      await post(gateway, id, 'in-progress', { analysis: `step ${index}` });
    }
    const received = await Promise.all(
      subscribers.map((subscriber) => subscriber.take(50, 15_000)),
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    for (const events of received) {
      expect(events.map((result) => result.data.callEvents.type)).toEqual([
        'CREATED',
        ...Array.from({ length: 49 }, () => 'UPDATED'),
      ]);
    }
    const origin = new URL(gateway.url).origin;
    const open = async () => {
      const text = await (await fetch(`${origin}/metrics`, { headers: auth })).text();
      return Number(/^switchboard_subscriptions_open (\d+)$/m.exec(text)?.[1]);
    };
    expect(await open()).toBeGreaterThanOrEqual(200);
    for (const subscriber of subscribers) subscriber.close();
    // Every stream, its queue and its registration go with its client: back to the baseline.
    await expect.poll(open, { timeout: 5000 }).toBe(0);
  }, 30_000);
});
