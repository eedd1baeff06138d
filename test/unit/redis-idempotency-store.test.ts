import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import type { Attempt } from '../../src/stores/idempotency.js';
import {
  RedisIdempotencyStore,
  type RedisIdempotencyOptions,
} from '../../src/stores/redis-idempotency.js';
import { RedisConnection } from '../../src/stores/redis.js';
import { redisTestsEnabled, testPrefix, TEST_REDIS_URL } from '../support/redis.js';

const enabled = await redisTestsEnabled('test/unit/redis-idempotency-store.test.ts');
const { prefix, cleanup } = testPrefix();
const logger = createLogger({ level: 'silent' });
const connections: RedisConnection[] = [];
let inspect: Redis;

/** A connection of its own, as another gateway process would have, once it is up. */
async function connection(url = TEST_REDIS_URL): Promise<RedisConnection> {
  const made = new RedisConnection({ url, prefix }, logger);
  connections.push(made);
  if (made.client.status !== 'ready') await once(made.client, 'ready');
  return made;
}

async function store(
  options: Partial<RedisIdempotencyOptions> = {},
  via?: RedisConnection,
): Promise<RedisIdempotencyStore> {
  return new RedisIdempotencyStore(via ?? (await connection()), {
    claimTtlMs: 5000,
    logger,
    ...options,
  });
}

let n = 0;
/** A key no other test of this file uses. */
const fresh = (name: string) => `${name}-${++n}`;
const claim = (key: string, fingerprint = 'f', scope = 'ip:127.0.0.1', tenant = '-') => ({
  tenant,
  scope,
  key,
  fingerprint,
});
const kept =
  <T>(value: T) =>
  async (): Promise<Attempt<T>> => ({ value });
const later = <T>(ms: number, value: T) =>
  new Promise<Attempt<T>>((resolve) => setTimeout(() => resolve({ value }), ms));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function keysUnder(pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await inspect.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
    found.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  return found;
}

beforeAll(async () => {
  if (enabled) inspect = new Redis(TEST_REDIS_URL);
});
afterAll(async () => {
  await Promise.all(connections.map((made) => made.close()));
  if (!enabled) return;
  inspect.disconnect();
  await cleanup();
});

describe.runIf(enabled)('RedisIdempotencyStore', () => {
  it('runs a key once, replays it, refuses another fingerprint, and keeps scopes apart', async () => {
    const a = await store();
    const key = fresh('k');
    let runs = 0;
    const task = async () => ({ value: { run: ++runs, at: '2026-01-01T00:00:00.000Z' } });
    expect(await a.run(claim(key, 'x'), task)).toEqual({
      kind: 'fresh',
      value: { run: 1, at: '2026-01-01T00:00:00.000Z' },
    });
    expect(await a.run(claim(key, 'x'), task)).toEqual({
      kind: 'replayed',
      value: { run: 1, at: '2026-01-01T00:00:00.000Z' },
    });
    expect(await a.run(claim(key, 'y'), task)).toEqual({ kind: 'conflict' });
    expect(await a.run(claim(key, 'y', 'key:other-client'), task)).toMatchObject({
      kind: 'fresh',
      value: { run: 2 },
    });
    // The same client scope and key in another tenant is another key.
    expect(await a.run(claim(key, 'x', 'ip:127.0.0.1', 'acme'), task)).toMatchObject({
      kind: 'fresh',
      value: { run: 3 },
    });
    expect(runs).toBe(3);
  });

  it('is shared by every process: concurrent claims through two connections run once', async () => {
    const [a, b] = [await store(), await store()];
    const key = fresh('shared');
    let runs = 0;
    const task = () => {
      runs += 1;
      return later(150, 'placed');
    };
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? a : b).run(claim(key), task)),
    );
    expect(runs).toBe(1);
    expect(results.filter((result) => result.kind === 'fresh')).toHaveLength(1);
    expect(results.filter((result) => result.kind === 'replayed')).toHaveLength(9);
    expect(new Set(results.map((result) => ('value' in result ? result.value : null)))).toEqual(
      new Set(['placed']),
    );
  });

  it('wakes a waiter in another process when the result is stored, long before the claim ends', async () => {
    const [a, b] = [await store({ claimTtlMs: 6000 }), await store({ claimTtlMs: 6000 })];
    const key = fresh('wake');
    const first = a.run(claim(key), () => later(200, 'first'));
    await sleep(50);
    const started = performance.now();
    const repeat = await b.run(claim(key), kept('second'));
    expect(repeat).toEqual({ kind: 'replayed', value: 'first' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await first).toEqual({ kind: 'fresh', value: 'first' });
  });

  it('names its keys by digests, with room for a tenant, and never by the client’s key', async () => {
    const a = await store();
    const clientKey = `order-${'9'.repeat(240)}`;
    await a.run(claim(`startCall:${clientKey}`, 'f', 'key:some-client-digest'), kept('ok'));
    const keys = await keysUnder(`${prefix}*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key.startsWith(`${prefix}idem:`)).toBe(true);
      expect(key).not.toContain('order-');
      expect(key).not.toContain('some-client');
      expect(key.length).toBeLessThan(prefix.length + 60);
    }
    const records = keys.filter((key) =>
      new RegExp(`^${prefix}idem:-:[\\w-]{22}:[\\w-]{22}$`).test(key),
    );
    expect(records.length).toBeGreaterThan(0);
  });

  it('leaves an in-doubt marker when the holder dies: a repeat after the claim ends never runs', async () => {
    const holder = await connection();
    const a = await store({ claimTtlMs: 300 }, holder);
    const b = await store({ claimTtlMs: 300 });
    const key = fresh('dies');
    let finish!: (attempt: Attempt<string>) => void;
    const first = a.run(
      claim(key),
      () => new Promise<Attempt<string>>((resolve) => (finish = resolve)),
    );
    await sleep(50);
    // The holder's process is gone: no renewal, no result.
    holder.client.disconnect();
    let ran = false;
    const started = performance.now();
    const repeat = await b.run(claim(key), async () => {
      ran = true;
      return { value: 'second call' };
    });
    expect(repeat).toEqual({ kind: 'in-doubt', reason: 'claim-expired' });
    expect(ran).toBe(false);
    expect(performance.now() - started).toBeLessThan(1500);

    // The marker lives as long as the key would have: the full TTL, not the claim's.
    const ttls = await Promise.all(
      (await keysUnder(`${prefix}idem:-:*`)).map(async (name) =>
        (await inspect.type(name)) === 'hash' && (await inspect.hget(name, 'state')) === 'pending'
          ? inspect.pttl(name)
          : null,
      ),
    );
    expect(ttls.filter((ttl) => ttl !== null && ttl > 23 * 3_600_000)).toHaveLength(1);

    // The dead holder's answer comes too late to be stored; repeats stay in doubt.
    finish({ value: 'first call' });
    expect(await first).toEqual({ kind: 'fresh', value: 'first call' });
    expect(await b.run(claim(key), kept('third call'))).toEqual({
      kind: 'in-doubt',
      reason: 'claim-expired',
    });
  });

  it('keeps a live holder’s claim past its TTL by renewing it', async () => {
    const [a, b] = [await store({ claimTtlMs: 200 }), await store({ claimTtlMs: 200 })];
    const key = fresh('renewed');
    const first = a.run(claim(key), () => later(700, 'slow but alive'));
    await sleep(50);
    expect(await b.run(claim(key), kept('second'))).toEqual({
      kind: 'replayed',
      value: 'slow but alive',
    });
    expect(await first).toEqual({ kind: 'fresh', value: 'slow but alive' });
  });

  it('forgets a released key, and a waiter in another process runs it itself', async () => {
    const [a, b] = [await store(), await store()];
    const key = fresh('released');
    const first = a.run(claim(key), async () => {
      await sleep(150);
      return { value: 'not sent', release: true };
    });
    await sleep(30);
    const waiting = b.run(claim(key), kept('sent'));
    expect(await first).toEqual({ kind: 'fresh', value: 'not sent' });
    expect(await waiting).toEqual({ kind: 'fresh', value: 'sent' });
    expect(await a.run(claim(key), kept('again'))).toEqual({ kind: 'replayed', value: 'sent' });
  });

  it('forgets a key whose task threw', async () => {
    const a = await store();
    const key = fresh('threw');
    await expect(a.run(claim(key), async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await a.run(claim(key), kept('ok'))).toEqual({ kind: 'fresh', value: 'ok' });
  });

  it('releases only a claim that is still its own', async () => {
    // The first claim outlives its key (a 200 ms TTL), another takes the key, then the first
    // attempt releases: the second claim must survive it.
    const [a, b, c] = [
      await store({ ttlMs: 200 }),
      await store({ ttlMs: 10_000 }),
      await store({ ttlMs: 10_000 }),
    ];
    const key = fresh('stale');
    const first = a.run(claim(key), async () => {
      await sleep(400);
      return { value: 'first, not sent', release: true };
    });
    await sleep(250);
    let secondRuns = 0;
    const second = b.run(claim(key), async () => {
      secondRuns += 1;
      await sleep(400);
      return { value: 'second' };
    });
    expect(await first).toEqual({ kind: 'fresh', value: 'first, not sent' });
    let thirdRan = false;
    const third = await c.run(claim(key), async () => {
      thirdRan = true;
      return { value: 'third' };
    });
    expect(third).toEqual({ kind: 'replayed', value: 'second' });
    expect(thirdRan).toBe(false);
    expect(await second).toEqual({ kind: 'fresh', value: 'second' });
    expect(secondRuns).toBe(1);
  });

  it('caps the keys of one client, leaving room for the others', async () => {
    const a = await store({ maxKeysPerScope: 2 });
    const scope = `key:${fresh('quota')}`;
    await a.run(claim('a', 'f', scope), kept('a'));
    await a.run(claim('b', 'f', scope), kept('b'));
    let ran = false;
    expect(
      await a.run(claim('c', 'f', scope), async () => {
        ran = true;
        return { value: 'c' };
      }),
    ).toEqual({ kind: 'unavailable', reason: 'client-quota', limit: 2 });
    expect(ran).toBe(false);
    expect(await a.run(claim('c', 'f', `${scope}-other`), kept('B'))).toEqual({
      kind: 'fresh',
      value: 'B',
    });
    expect(await a.run(claim('a', 'f', scope), kept('again'))).toEqual({
      kind: 'replayed',
      value: 'a',
    });
  });

  it('refuses new keys past its key and byte budgets, and reclaims expired ones', async () => {
    // A prefix of its own, so the store-wide counts are this test's alone.
    const own = testPrefix();
    const via = new RedisConnection({ url: TEST_REDIS_URL, prefix: own.prefix }, logger);
    connections.push(via);
    await once(via.client, 'ready');
    try {
      const counted = await store({ ttlMs: 400, maxKeys: 2 }, via);
      await counted.run(claim('a', 'f', 'c1'), kept('a'));
      await counted.run(claim('b', 'f', 'c2'), kept('b'));
      expect(await counted.run(claim('c', 'f', 'c3'), kept('c'))).toEqual({
        kind: 'unavailable',
        reason: 'capacity',
      });
      await sleep(450);
      expect(await counted.run(claim('c', 'f', 'c3'), kept('c'))).toEqual({
        kind: 'fresh',
        value: 'c',
      });

      const sized = await store({ maxBytes: 4096 }, via);
      await sized.run(claim('big', 'f', 'c4'), kept('x'.repeat(5000)));
      expect(await sized.run(claim('small', 'f', 'c5'), kept('y'))).toEqual({
        kind: 'unavailable',
        reason: 'capacity',
      });
      expect(await sized.run(claim('big', 'f', 'c4'), kept('again'))).toMatchObject({
        kind: 'replayed',
      });
    } finally {
      await own.cleanup();
    }
  });

  it('answers a result too large to keep once, and pins its key for the repeats', async () => {
    const a = await store({ maxResultBytes: 1000 });
    const key = fresh('large');
    let runs = 0;
    const task = async () => ({ value: `${++runs}`.repeat(2000) });
    expect(await a.run(claim(key), task)).toEqual({ kind: 'fresh', value: '1'.repeat(2000) });
    expect(await a.run(claim(key), task)).toEqual({ kind: 'in-doubt', reason: 'not-kept' });
    expect(await a.run(claim(key, 'other'), task)).toEqual({ kind: 'conflict' });
    expect(runs).toBe(1);
  });

  it('refuses every key, running nothing, while Redis cannot be reached', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const unreachable = new RedisConnection({ url: `redis://127.0.0.1:${port}`, prefix }, logger);
    connections.push(unreachable);
    const down = await store({}, unreachable);
    let ran = false;
    const started = performance.now();
    expect(
      await down.run(claim(fresh('down')), async () => {
        ran = true;
        return { value: 'sent' };
      }),
    ).toEqual({ kind: 'unavailable', reason: 'store-down' });
    expect(ran).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
