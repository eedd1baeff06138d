import { once } from 'node:events';
import { createServer, Socket, type AddressInfo, type Server } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { redisTestsEnabled, TEST_REDIS_URL, testPrefix } from '../support/redis.js';

const enabled = await redisTestsEnabled('test/graph/rate-limit-redis.test.ts');

const CALLS_ON_OVIA =
  '{ calls(first: 1, filter: { providers: [OVIA] }) { edges { node { id } } } }';

async function status(t: TestGateway, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: CALLS_ON_OVIA }),
  });
  await response.arrayBuffer();
  return response.status;
}

const started: TestGateway[] = [];
const prefixes: Array<{ cleanup(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((t) => t.close()));
  await Promise.all(prefixes.splice(0).map((prefix) => prefix.cleanup()));
});

async function gateway(env: Record<string, string>): Promise<TestGateway> {
  const t = await startTestGateway(env);
  started.push(t);
  return t;
}

function sharedPrefix(): string {
  const prefix = testPrefix();
  prefixes.push(prefix);
  return prefix.prefix;
}

let redis: Redis | null = null;
afterAll(() => redis?.disconnect());
async function keysUnder(prefix: string): Promise<string[]> {
  redis ??= new Redis(TEST_REDIS_URL);
  return redis.keys(`${prefix}*`);
}

/** Until `check` holds, every 50 ms, for at most `ms`. */
async function eventually(check: () => Promise<boolean> | boolean, ms = 10_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A TCP relay to the test Redis that can be cut and restored, so a gateway sees Redis go away
 * and come back while the real Redis (shared with other tests) stays up.
 */
async function redisRelay(): Promise<{
  url: string;
  cut(): Promise<void>;
  restore(): Promise<void>;
}> {
  const target = new URL(TEST_REDIS_URL);
  const sockets = new Set<Socket>();
  let server: Server;
  let port = 0;
  const listen = async () => {
    server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(Number(target.port || 6379), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  };
  await listen();
  return {
    url: `redis://127.0.0.1:${port}`,
    async cut() {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
    restore: listen,
  };
}

describe.runIf(enabled)('SWITCHBOARD_RATE_LIMIT shared through Redis', () => {
  it('counts the requests of one client at every replica sharing the prefix', async () => {
    const prefix = sharedPrefix();
    const env = {
      REDIS_URL: TEST_REDIS_URL,
      SWITCHBOARD_REDIS_PREFIX: prefix,
      SWITCHBOARD_RATE_LIMIT: '5',
    };
    const [one, two] = [await gateway(env), await gateway(env)];
    // Requests that arrive before the connection is up pass uncounted (see the last test).
    await eventually(() => one.gateway.redis!.ready && two.gateway.redis!.ready);
    expect([await status(one), await status(one), await status(one)]).toEqual([200, 200, 200]);
    expect([await status(two), await status(two)]).toEqual([200, 200]);
    two.gateway.sandbox!.resetLog();
    expect(await status(two)).toBe(429);
    expect(two.gateway.sandbox!.requests()).toEqual([]);
    expect(await status(one)).toBe(429);

    // One counter, named by a digest of the client, not by the address itself.
    const keys = await keysUnder(prefix);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(new RegExp(`^${prefix}ratelimit:-:[\\w-]{43}$`));
    const ttl = await redis!.ttl(keys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60);
  });

  it('keeps no counter for requests refused by client auth', async () => {
    const prefix = sharedPrefix();
    const t = await gateway({
      REDIS_URL: TEST_REDIS_URL,
      SWITCHBOARD_REDIS_PREFIX: prefix,
      SWITCHBOARD_RATE_LIMIT: '5',
      SWITCHBOARD_API_KEYS: 'key-a',
    });
    await eventually(() => t.gateway.redis!.ready);
    for (let index = 0; index < 8; index += 1) {
      expect(await status(t, { authorization: `Bearer guess-${index}` })).toBe(401);
    }
    expect(await keysUnder(`${prefix}ratelimit:`)).toEqual([]);
    expect(await status(t, { authorization: 'Bearer key-a' })).toBe(200);
    expect(await keysUnder(`${prefix}ratelimit:`)).toHaveLength(1);
  });

  it('lets requests through uncounted while Redis is unreachable, saying so once', async () => {
    const relay = await redisRelay();
    const prefix = sharedPrefix();
    const t = await gateway({
      REDIS_URL: relay.url,
      SWITCHBOARD_REDIS_PREFIX: prefix,
      SWITCHBOARD_RATE_LIMIT: '2',
    });
    await eventually(() => t.gateway.redis!.ready);
    expect(await status(t)).toBe(200);
    expect(await keysUnder(prefix)).toHaveLength(1);

    await relay.cut();
    await eventually(() => !t.gateway.redis!.ready);
    expect([await status(t), await status(t), await status(t)]).toEqual([200, 200, 200]);
    const unreachable = () =>
      t.logs.filter((line) => line.includes('rate limit: Redis is unreachable')).length;
    expect(unreachable()).toBe(1);

    // Once it is back the count goes on where it was: one request left in this window.
    await relay.restore();
    await eventually(() => t.gateway.redis!.ready);
    expect([await status(t), await status(t)]).toEqual([200, 429]);
    expect(unreachable()).toBe(1);
    expect(t.logs.join('')).toContain('rate limit: Redis is back, requests are counted again');
    await relay.cut();
  }, 30_000);
});
