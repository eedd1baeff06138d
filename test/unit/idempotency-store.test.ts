import { describe, expect, it } from 'vitest';
import { InMemoryIdempotencyStore } from '../../src/stores/memory-idempotency.js';
import { fingerprint } from '../../src/mutations/run-mutation.js';

const claim = (key: string, fingerprint = 'f', scope = 'client-a', tenant = '-') => ({
  tenant,
  scope,
  key,
  fingerprint,
});
const kept =
  <T>(value: T) =>
  async () => ({ value });

describe('InMemoryIdempotencyStore', () => {
  it('runs a key once, replays it, refuses another fingerprint, forgets it after the TTL', async () => {
    let now = 1_000;
    const store = new InMemoryIdempotencyStore({ ttlMs: 100, now: () => now });
    let runs = 0;
    const task = async () => ({ value: ++runs });
    expect(await store.run(claim('k', 'a'), task)).toEqual({ kind: 'fresh', value: 1 });
    expect(await store.run(claim('k', 'a'), task)).toEqual({ kind: 'replayed', value: 1 });
    expect(await store.run(claim('k', 'b'), task)).toEqual({ kind: 'conflict' });
    now += 100;
    expect(await store.run(claim('k', 'b'), task)).toEqual({ kind: 'fresh', value: 2 });
  });

  it('shares one in-flight run between concurrent callers', async () => {
    const store = new InMemoryIdempotencyStore();
    let runs = 0;
    const slow = () =>
      new Promise<{ value: number }>((resolve) => setTimeout(() => resolve({ value: ++runs }), 20));
    const results = await Promise.all(
      Array.from({ length: 10 }, () => store.run(claim('k'), slow)),
    );
    expect(runs).toBe(1);
    expect(results.filter((result) => result.kind === 'fresh')).toHaveLength(1);
    expect(new Set(results.map((result) => ('value' in result ? result.value : null)))).toEqual(
      new Set([1]),
    );
  });

  it('keeps the keys of different scopes apart', async () => {
    const store = new InMemoryIdempotencyStore();
    expect(await store.run(claim('k', 'a', 'client-a'), kept('A'))).toEqual({
      kind: 'fresh',
      value: 'A',
    });
    expect(await store.run(claim('k', 'b', 'client-b'), kept('B'))).toEqual({
      kind: 'fresh',
      value: 'B',
    });
    expect(await store.run(claim('k', 'a', 'client-a'), kept('again'))).toEqual({
      kind: 'replayed',
      value: 'A',
    });
    // The same client scope and key in another tenant is another key.
    expect(await store.run(claim('k', 'a', 'client-a', 'acme'), kept('acme'))).toEqual({
      kind: 'fresh',
      value: 'acme',
    });
  });

  it('refuses new keys when full instead of forgetting live ones', async () => {
    const store = new InMemoryIdempotencyStore({ maxKeys: 3 });
    for (const key of ['a', 'b', 'c']) await store.run(claim(key), kept(key));
    let ran = false;
    const task = async () => {
      ran = true;
      return { value: 'new' };
    };
    expect(await store.run(claim('d', 'f', 'client-b'), task)).toEqual({
      kind: 'unavailable',
      reason: 'capacity',
    });
    expect(ran).toBe(false);
    expect(store.size).toBe(3);
    expect(await store.run(claim('a'), kept('again'))).toEqual({ kind: 'replayed', value: 'a' });
  });

  it('caps the keys of one scope, leaving room for the others', async () => {
    const store = new InMemoryIdempotencyStore({ maxKeys: 10, maxKeysPerScope: 2 });
    await store.run(claim('a'), kept('a'));
    await store.run(claim('b'), kept('b'));
    expect(await store.run(claim('c'), kept('c'))).toEqual({
      kind: 'unavailable',
      reason: 'client-quota',
      limit: 2,
    });
    expect(await store.run(claim('c', 'f', 'client-b'), kept('B'))).toEqual({
      kind: 'fresh',
      value: 'B',
    });
    expect(await store.run(claim('a'), kept('again'))).toEqual({ kind: 'replayed', value: 'a' });
  });

  it('counts the size of kept outcomes against its byte budget', async () => {
    const store = new InMemoryIdempotencyStore({ maxBytes: 4_096 });
    await store.run(claim('big'), kept('x'.repeat(5_000)));
    expect(store.bytes).toBeGreaterThan(5_000);
    expect(await store.run(claim('small', 'f', 'client-b'), kept('y'))).toEqual({
      kind: 'unavailable',
      reason: 'capacity',
    });
    expect(await store.run(claim('big'), kept('again'))).toMatchObject({ kind: 'replayed' });
  });

  it('reclaims expired keys to make room', async () => {
    let now = 0;
    const store = new InMemoryIdempotencyStore({ ttlMs: 100, maxKeys: 2, now: () => now });
    await store.run(claim('a'), kept('a'));
    now = 50;
    await store.run(claim('b'), kept('b'));
    expect(await store.run(claim('c'), kept('c'))).toMatchObject({ kind: 'unavailable' });
    now = 100;
    expect(await store.run(claim('c'), kept('c'))).toEqual({ kind: 'fresh', value: 'c' });
    expect(await store.run(claim('b'), kept('again'))).toEqual({ kind: 'replayed', value: 'b' });
    expect(store.size).toBe(2);
  });

  it('times a key from when its run settled, never expiring one in flight', async () => {
    let now = 0;
    const store = new InMemoryIdempotencyStore({ ttlMs: 100, now: () => now });
    let finish!: (value: { value: string }) => void;
    const first = store.run(
      claim('k'),
      () => new Promise<{ value: string }>((resolve) => (finish = resolve)),
    );
    now = 500;
    const repeat = store.run(claim('k'), kept('second'));
    finish({ value: 'first' });
    expect(await first).toEqual({ kind: 'fresh', value: 'first' });
    expect(await repeat).toEqual({ kind: 'replayed', value: 'first' });
    now = 599;
    expect(await store.run(claim('k'), kept('third'))).toEqual({
      kind: 'replayed',
      value: 'first',
    });
  });

  it('forgets a key whose task threw, so it can run again', async () => {
    const store = new InMemoryIdempotencyStore();
    await expect(
      store.run(claim('k'), async () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect(await store.run(claim('k'), kept('ok'))).toEqual({ kind: 'fresh', value: 'ok' });
    expect(store.size).toBe(1);
  });

  it('forgets a released key, and a caller waiting on it runs it itself', async () => {
    const store = new InMemoryIdempotencyStore({ maxKeysPerScope: 1 });
    let release!: () => void;
    const first = store.run(
      claim('k'),
      () =>
        new Promise<{ value: string; release: boolean }>(
          (resolve) => (release = () => resolve({ value: 'not sent', release: true })),
        ),
    );
    const waiting = store.run(claim('k'), kept('sent'));
    release();
    expect(await first).toEqual({ kind: 'fresh', value: 'not sent' });
    expect(await waiting).toEqual({ kind: 'fresh', value: 'sent' });
    expect(await store.run(claim('k'), kept('again'))).toEqual({ kind: 'replayed', value: 'sent' });
    expect(store.size).toBe(1);
  });
});

describe('fingerprint', () => {
  it('ignores member order and undefined members, and tells values apart', () => {
    expect(fingerprint({ a: 1, b: [1, { c: 2, d: undefined }] })).toBe(
      fingerprint({ b: [1, { c: 2 }], a: 1 }),
    );
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
    expect(fingerprint({ at: new Date(0) })).toBe(fingerprint({ at: new Date(0) }));
  });
});
