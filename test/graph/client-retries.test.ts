import { createSwitchboardClient, type SwitchboardClient } from '@switchboard/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFlakyFront, type FlakyFront } from '../support/flaky-front.js';
import { rejection } from '../support/client-errors.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { openSubscriptions, postWebhook, webhookSecret } from '../support/live.js';
import { redisTestsEnabled, TEST_REDIS_URL, testPrefix } from '../support/redis.js';
import { oviaStartCallInput } from '../support/sandbox-inputs.js';

/*
 * The partner client's retries (README.md, "Partner client"), seen on the wire: a real HTTP front
 * between the client and the real gateway answers 503, 429, drops or loses requests as planned
 * and counts what it received. Queries are sent again; mutations never are.
 */

let t: TestGateway;
let front: FlakyFront;
let client: SwitchboardClient;
beforeAll(async () => {
  t = await startTestGateway({}, { sandboxLive: { stepDelayMs: 100 } });
  front = await startFlakyFront(t.url);
  client = createSwitchboardClient({ url: front.url, retry: { baseDelayMs: 10 } });
});
afterEach(() => front.reset());
afterAll(async () => {
  await front.close();
  await t.close();
});

const oviaPosts = () => t.gateway.sandbox!.requests('ovia').filter((r) => r.method === 'POST');

const startCall = (toNumber: string, idempotencyKey?: string) =>
  client.startCall({
    input: { ovia: { ...oviaStartCallInput(toNumber).ovia, direction: 'OUTBOUND' } },
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });

describe('queries', () => {
  it('are sent again after 503, 502 and a dropped connection, then answer', async () => {
    front.plan({ status: 503 }, { status: 502 }, 'reset');
    const retried = createSwitchboardClient({
      url: front.url,
      retry: { attempts: 4, baseDelayMs: 10 },
    });
    const { calls } = await retried.listCalls({ first: 2 });
    expect(calls.edges).toHaveLength(2);
    expect(front.of('NewestCalls').map((request) => request.step)).toEqual([
      { status: 503 },
      { status: 502 },
      'reset',
      'proxy',
    ]);
  });

  it('give up after the attempts, with the last status', async () => {
    front.plan({ status: 503 }, { status: 503 }, { status: 504 }, 'proxy');
    const error = await rejection(client.listCalls({ first: 2 }));
    expect(error).toMatchObject({ code: 'HTTP_ERROR', status: 504, attempts: 3 });
    expect(error.message).toBe('NewestCalls: the gateway answered 504 (HTTP_ERROR, HTTP 504)');
    expect(front.of('NewestCalls')).toHaveLength(3);
  });

  it('wait out a 429 with Retry-After', async () => {
    const rateLimited = {
      status: 429,
      retryAfter: '1',
      body: { errors: [{ message: 'Too many requests', extensions: { code: 'RATE_LIMITED' } }] },
    };
    front.plan(rateLimited);
    const started = Date.now();
    const { calls } = await client.listCalls({ first: 1 });
    expect(calls.edges).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(front.of('NewestCalls')).toHaveLength(2);

    // A wait longer than maxDelayMs is not waited for: the gateway's own error, at once.
    front.plan({ ...rateLimited, retryAfter: '60' });
    const error = await rejection(client.listCalls({ first: 1 }));
    expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429, attempts: 1 });
    expect(front.of('NewestCalls')).toHaveLength(3);
  });

  it('are not sent again for a GraphQL error', async () => {
    const error = await rejection(client.callDetail({ id: 'not-an-id' }));
    expect(error.code).toBe('INVALID_INPUT');
    expect(front.of('CallDetail')).toHaveLength(1);
  });
});

describe('mutations are never sent again', () => {
  it('not after a 503 nor a dropped connection, which reached no vendor', async () => {
    const before = oviaPosts().length;
    front.plan({ status: 503 });
    expect(await rejection(startCall('+14155550191'))).toMatchObject({
      code: 'HTTP_ERROR',
      status: 503,
      attempts: 1,
    });
    front.plan('reset');
    expect(await rejection(startCall('+14155550191'))).toMatchObject({
      code: 'NETWORK_ERROR',
      attempts: 1,
    });
    expect(front.of('StartCall')).toHaveLength(2);
    expect(oviaPosts().length).toBe(before);
  });

  it('not after an answer that was lost on the way back: the call was placed once', async () => {
    const before = oviaPosts().length;
    front.plan('lost');
    const error = await rejection(startCall('+14155550192', 'lost-answer-1'));
    expect(error).toMatchObject({ code: 'NETWORK_ERROR', attempts: 1 });
    expect(front.of('StartCall')).toHaveLength(1);
    expect(oviaPosts().length - before).toBe(1);
    // Repeating it by hand with the same key returns the call placed, without a second one.
    const { startCall: repeated } = await startCall('+14155550192', 'lost-answer-1');
    expect(repeated.call?.to).toBe('+14155550192');
    expect(oviaPosts().length - before).toBe(1);
  });

  it('not after a timeout', async () => {
    const impatient = createSwitchboardClient({ url: front.url, timeoutMs: 300 });
    front.plan('hang');
    const error = await rejection(
      impatient.startCall({
        input: { ovia: { ...oviaStartCallInput('+14155550193').ovia, direction: 'OUTBOUND' } },
      }),
    );
    expect(error).toMatchObject({ code: 'TIMEOUT', attempts: 1 });
    expect(front.of('StartCall')).toHaveLength(1);
  });
});

describe('subscriptions', () => {
  it('reconnect after a broken stream, resuming after the last cursor', async () => {
    front.plan('cut');
    const events = client.callEvents({ filter: { providers: ['OVIA'] } });
    // Calls started by the tests above may still be moving: only this one's events count.
    let callId: string | undefined;
    const received: string[] = [];
    const cursors: string[] = [];
    const done = (async () => {
      for await (const { callEvents } of events) {
        cursors.push(callEvents.cursor);
        if (callEvents.call.id !== callId) continue;
        received.push(`${callEvents.type} ${callEvents.call.status}`);
        if (callEvents.type === 'ENDED') break;
      }
    })();
    await expect.poll(() => front.of('LiveCalls').length).toBe(1);
    callId = (await startCall('+14155550194')).startCall.call!.id;
    await done;
    // The sandbox moves an Ovia call queued → ringing → in progress → completed.
    expect(received).toEqual([
      'CREATED QUEUED',
      'STATUS_CHANGED RINGING',
      'STATUS_CHANGED IN_PROGRESS',
      'ENDED COMPLETED',
    ]);
    const [first, second] = front.of('LiveCalls');
    expect(first!.step).toBe('cut');
    expect(first!.variables.after).toBeUndefined();
    expect(second!.variables.after).toBe(cursors[0]);
    expect(front.of('LiveCalls')).toHaveLength(2);
  });

  it('reconnect after a 503 on connecting, and stop at a 401', async () => {
    front.plan({ status: 503 });
    const events = client.callEvents({ filter: { providers: ['OVIA'] } });
    const first = events.next();
    await expect.poll(() => front.of('LiveCalls').length).toBe(2);
    const { startCall: started } = await startCall('+14155550195');
    let event = await first;
    while (!event.done && event.value.callEvents.call.id !== started.call!.id) {
      event = await events.next();
    }
    expect(event.value?.callEvents.call.id).toBe(started.call!.id);
    await events.close();

    front.plan({
      status: 401,
      body: {
        errors: [
          { message: 'A valid API key is required', extensions: { code: 'UNAUTHENTICATED' } },
        ],
      },
    });
    const refused = await rejection(client.callEvents().next());
    expect(refused).toMatchObject({ code: 'UNAUTHENTICATED', status: 401, attempts: 1 });
    expect(front.of('LiveCalls')).toHaveLength(3);
  });
});

describe('a subscription when the gateway shuts down', () => {
  it('ends, without an error (README, "Live calls": reconnect elsewhere with the cursor)', async () => {
    const g = await startTestGateway();
    let drained = false;
    try {
      const events = createSwitchboardClient({ url: g.url }).callEvents();
      const ended = (async () => {
        let count = 0;
        for await (const _ of events) count += 1;
        return count;
      })();
      await expect.poll(() => openSubscriptions(g.url)).toBe(1);
      // The drain closes everything the gateway holds, as close() would.
      await g.gateway.drain({ delayMs: 50, timeoutMs: 500 });
      drained = true;
      await expect(ended).resolves.toBe(0);
    } finally {
      if (!drained) await g.close();
    }
  });
});

const redis = await redisTestsEnabled('test/graph/client-retries.test.ts');

describe.skipIf(!redis)(
  'a subscription when its gateway drains, with a replica on the same Redis',
  () => {
    it('goes on from its last cursor on the other replica, missing and repeating nothing', async () => {
      const keys = testPrefix();
      const secret = webhookSecret();
      const env = {
        REDIS_URL: TEST_REDIS_URL,
        SWITCHBOARD_REDIS_PREFIX: keys.prefix,
        OVIA_WEBHOOK_SECRET: secret,
      };
      const [a, b] = await Promise.all([startTestGateway(env), startTestGateway(env)]);
      const balancer = await startFlakyFront(a.url);
      let drained = false;
      const post = async (gateway: TestGateway, id: string) => {
        const answer = await postWebhook(gateway.url, 'ovia', secret, {
          type: 'call.updated',
          data: { id, direction: 'inbound', from_number: '+14155550142', status: 'queued' },
        });
        expect(answer.status).toBe(204);
      };
      try {
        const events = createSwitchboardClient({ url: balancer.url }).callEvents({
          filter: { providers: ['OVIA'] },
        });
        const seen: string[] = [];
        const reading = (async () => {
          for await (const { callEvents } of events) {
            seen.push(callEvents.call.providerId);
            if (seen.length === 3) break;
          }
        })();
        await expect.poll(() => openSubscriptions(a.url)).toBe(1);
        await post(a, 'call_before_drain');
        await expect.poll(() => seen.length).toBe(1);
        // The balancer moves on to B; A drains, which ends its streams.
        balancer.route(b.url);
        await a.gateway.drain({ delayMs: 50, timeoutMs: 500 });
        drained = true;
        // Accepted while the client reconnects (it waits a backoff first): it must not be missed.
        await post(b, 'call_during_reconnect');
        await expect.poll(() => openSubscriptions(b.url)).toBe(1);
        await post(b, 'call_after_reconnect');
        await reading;
        expect(seen).toEqual([
          'call_before_drain',
          'call_during_reconnect',
          'call_after_reconnect',
        ]);
        // The client came back with the cursor of the last event it had.
        const resumed = balancer.requests.filter(
          (request) => request.variables.after !== undefined,
        );
        expect(resumed).toHaveLength(1);
      } finally {
        await balancer.close();
        await Promise.all([drained ? undefined : a.close(), b.close()]);
        await keys.cleanup();
      }
    }, 30_000);
  },
);
