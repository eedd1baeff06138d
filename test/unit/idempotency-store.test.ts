import { describe, expect, it } from 'vitest';
import { InMemoryIdempotencyStore } from '../../src/mutations/idempotency.js';
import { fingerprint } from '../../src/mutations/run-mutation.js';

describe('InMemoryIdempotencyStore', () => {
  it('runs a key once, replays it, refuses another fingerprint, forgets it after the TTL', async () => {
    let now = 1_000;
    const store = new InMemoryIdempotencyStore({ ttlMs: 100, now: () => now });
    let runs = 0;
    const task = async () => ++runs;
    expect(await store.run('k', 'a', task)).toEqual({ kind: 'fresh', value: 1 });
    expect(await store.run('k', 'a', task)).toEqual({ kind: 'replayed', value: 1 });
    expect(await store.run('k', 'b', task)).toEqual({ kind: 'conflict' });
    now += 100;
    expect(await store.run('k', 'b', task)).toEqual({ kind: 'fresh', value: 2 });
  });

  it('shares one in-flight run between concurrent callers', async () => {
    const store = new InMemoryIdempotencyStore();
    let runs = 0;
    const slow = () => new Promise<number>((resolve) => setTimeout(() => resolve(++runs), 20));
    const results = await Promise.all(Array.from({ length: 10 }, () => store.run('k', 'f', slow)));
    expect(runs).toBe(1);
    expect(results.filter((result) => result.kind === 'fresh')).toHaveLength(1);
    expect(
      new Set(results.map((result) => (result.kind === 'conflict' ? null : result.value))),
    ).toEqual(new Set([1]));
  });

  it('stays within its size bound, dropping the oldest keys', async () => {
    const store = new InMemoryIdempotencyStore({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd', 'e']) await store.run(key, 'f', async () => key);
    expect(store.size).toBe(3);
    expect(await store.run('a', 'f', async () => 'again')).toEqual({
      kind: 'fresh',
      value: 'again',
    });
    expect(await store.run('e', 'f', async () => 'again')).toEqual({
      kind: 'replayed',
      value: 'e',
    });
  });

  it('forgets a key whose task threw, so it can run again', async () => {
    const store = new InMemoryIdempotencyStore();
    await expect(
      store.run('k', 'f', async () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect(await store.run('k', 'f', async () => 'ok')).toEqual({ kind: 'fresh', value: 'ok' });
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
