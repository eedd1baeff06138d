import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import {
  postWebhook,
  subscribeSse,
  subscribeWs,
  webhookSecret,
  wsClient,
} from '../support/live.js';

const OVIA_SECRET = webhookSecret();
const CALL_EVENTS = 'subscription { callEvents { cursor type call { providerId } } }';

describe('live event limits and lifecycle', () => {
  let gateway: TestGateway | null = null;
  afterEach(async () => {
    await gateway?.close();
    gateway = null;
  });

  it('refuses a subscription past SWITCHBOARD_MAX_SUBSCRIBERS and takes one again once one ends', async () => {
    gateway = await startTestGateway({ SWITCHBOARD_MAX_SUBSCRIBERS: '2' });
    const first = await subscribeSse(gateway.url, CALL_EVENTS);
    const second = await subscribeSse(gateway.url, CALL_EVENTS);
    const third = await subscribeSse(gateway.url, CALL_EVENTS);
    const [refused] = await third.take(1);
    expect(refused?.errors?.[0]?.extensions?.code).toBe('TOO_MANY_SUBSCRIPTIONS');
    third.close();
    first.close();
    // The server notices the closed connection shortly after; retry until then.
    const deadline = Date.now() + 5000;
    let accepted = false;
    while (!accepted && Date.now() < deadline) {
      const again = await subscribeSse(gateway.url, CALL_EVENTS);
      // Accepted: a 200 stream that stays open with nothing to say (the take times out), not one
      // that answers an error or ends.
      const early = await again.take(1, 200).then(
        (results) => ({ results, error: null }),
        (error: Error) => ({ results: [], error }),
      );
      accepted =
        again.status === 200 &&
        early.results.length === 0 &&
        /only 0 of 1/.test(early.error?.message ?? '');
      again.close();
      if (!accepted) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(accepted).toBe(true);
    second.close();
  });

  it('gives one API key at most SWITCHBOARD_MAX_SUBSCRIBERS_PER_CLIENT, over SSE and graphql-ws together', async () => {
    gateway = await startTestGateway({
      SWITCHBOARD_API_KEYS: 'key-a,key-b',
      SWITCHBOARD_MAX_SUBSCRIBERS_PER_CLIENT: '2',
    });
    const url = gateway.url;
    const asA = { authorization: 'Bearer key-a' };
    const first = await subscribeSse(url, CALL_EVENTS, {}, asA);
    const socket = wsClient(url, asA.authorization);
    const second = subscribeWs(socket, CALL_EVENTS);
    // A stream that stays open with nothing to say was accepted; an error or an end was not.
    const openAndQuiet = async (stream: { take: typeof first.take }) =>
      stream.take(1, 300).then(
        (results) => results,
        (error: Error) => (/only 0 of 1/.test(error.message) ? 'open' : error.message),
      );
    expect(await openAndQuiet(first)).toBe('open');
    expect(await openAndQuiet(second)).toBe('open');
    for (const third of [
      await subscribeSse(url, CALL_EVENTS, {}, asA),
      subscribeWs(socket, CALL_EVENTS),
    ]) {
      const [refused] = await third.take(1);
      expect(refused?.errors?.[0]).toMatchObject({
        message: 'this client holds its maximum of 2 subscriptions; end one first',
        extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' },
      });
      third.close();
    }
    // Another key is not held back by the first one's.
    const other = await subscribeSse(url, CALL_EVENTS, {}, { authorization: 'Bearer key-b' });
    expect(await openAndQuiet(other)).toBe('open');
    other.close();
    first.close();
    second.close();
    await socket.dispose();
  });

  it('ends open subscriptions on both transports when the gateway drains', async () => {
    gateway = await startTestGateway({ OVIA_WEBHOOK_SECRET: OVIA_SECRET });
    const sse = await subscribeSse(gateway.url, CALL_EVENTS);
    const client = wsClient(gateway.url);
    const socket = subscribeWs(client, CALL_EVENTS);
    const id = `call_${randomUUID()}`;
    // A delivered event shows the socket's subscription is live before the drain.
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await postWebhook(gateway.url, 'ovia', OVIA_SECRET, {
        type: 'call.updated',
        data: { id, status: 'queued' },
      });
      if ((await socket.take(1, 200).catch(() => [])).length > 0) break;
    }
    await sse.take(1).catch(() => []);
    const started = Date.now();
    await gateway.gateway.drain({ delayMs: 0, timeoutMs: 3000 });
    gateway = null;
    expect(Date.now() - started).toBeLessThan(2500);
    // Whatever was still queued, then the end.
    await expect(sse.take(1000, 1000)).rejects.toThrow(/ended/);
    await expect(socket.take(1000, 1000)).rejects.toThrow(/ended|1001/);
    await client.dispose();
  });

  it('keeps idle streams alive at least every 15 seconds on SSE and graphql-ws', async () => {
    gateway = await startTestGateway();
    const sse = await subscribeSse(gateway.url, CALL_EVENTS);
    let serverPings = 0;
    const client = wsClient(gateway.url, undefined, {
      ping: (received) => {
        if (received) serverPings += 1;
      },
    });
    const socket = subscribeWs(client, CALL_EVENTS);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const sseBefore = sse.comments();
    await new Promise((resolve) => setTimeout(resolve, 14_000));
    expect(sse.comments()).toBeGreaterThan(sseBefore);
    expect(serverPings).toBeGreaterThanOrEqual(1);
    sse.close();
    socket.close();
    await client.dispose();
  }, 25_000);
});
