import { describe, expect, it } from 'vitest';
import {
  fillTag,
  readModeOf,
  ReadCache,
  type CacheableRead,
  type ReadMode,
} from '../../src/http/read-cache.js';
import { routeName, type Route } from '../../src/http/route.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { InMemoryReadCacheStore } from '../../src/stores/read-cache.js';
import { VENDORS } from '../../src/vendors/registry.js';

const logger = createLogger({ level: 'silent' });

const getCall: Route = {
  method: 'GET',
  path: '/api/v1/calls/{id}',
  source: 'assumed',
  capability: 'calls.get',
  cache: ['call:{id}'],
};
const listCalls: Route = {
  method: 'GET',
  path: '/api/v1/calls',
  source: 'assumed',
  capability: 'calls.list',
  cache: ['calls'],
};
const addNote: Route = {
  method: 'POST',
  path: '/api/v1/calls/{id}/notes',
  source: 'doc',
  capability: 'notes.add',
  invalidates: ['call:{id}', 'calls'],
};

const read = (route: Route, id?: string, mode: ReadMode = 'use'): CacheableRead => ({
  provider: 'HAPPYROBOT',
  identity: 'credentials-digest',
  route,
  url: `http://vendor.test${route.path.replace('{id}', id ?? '')}`,
  ...(id === undefined ? {} : { params: { id } }),
  mode,
});

/** A vendor answering `answers` in turn, counting how often it is asked. */
function vendor(...answers: Array<string | Error>) {
  let asked = 0;
  return {
    get asked() {
      return asked;
    },
    fetch: async () => {
      const answer = answers[Math.min(asked, answers.length - 1)]!;
      asked += 1;
      if (answer instanceof Error) throw answer;
      return { value: JSON.parse(answer) as unknown, text: answer };
    },
  };
}

const parse = (text: string) => ({ value: JSON.parse(text) as unknown });

function cache(options: { maxBytes?: number; maxEntryBytes?: number; ttlMs?: number } = {}) {
  const store = new InMemoryReadCacheStore({ maxBytes: options.maxBytes ?? 1_000_000 });
  const lookups: boolean[] = [];
  const readCache = new ReadCache(store, {
    ttlMs: options.ttlMs ?? 60_000,
    maxEntryBytes: options.maxEntryBytes ?? 100_000,
    logger,
    onLookup: (_, hit) => lookups.push(hit),
  });
  return { store, readCache, scoped: readCache.forScope('-'), lookups };
}

describe('the vendor route tables', () => {
  const routes = VENDORS.flatMap((definition) =>
    Object.entries(definition.routes).map(([name, route]) => ({
      name: `${definition.key}.${name} (${routeName(route)})`,
      route,
    })),
  );

  it.each(routes)('$name says what it reads or what it makes stale', ({ route }) => {
    if (route.method === 'GET') {
      expect(route.cache?.length).toBeGreaterThan(0);
      expect(route.invalidates).toBeUndefined();
    } else {
      // A write invalidates; a read sent as POST (a search) is cached instead.
      expect(route.cache === undefined).not.toBe(route.invalidates === undefined);
    }
    const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
    for (const tag of [...(route.cache ?? []), ...(route.invalidates ?? [])]) {
      for (const [, name] of tag.matchAll(/\{(\w+)\}/g)) expect(params).toContain(name);
    }
  });

  it('marks LlamadaPro’s contact search, a POST, as a cacheable read', () => {
    const search = routes.find((entry) => entry.name.includes('POST /api/v1/contacts/search'));
    expect(search?.route.cache).toEqual(['contacts', 'contact:*']);
  });
});

describe('readModeOf', () => {
  it.each([
    [null, 'use'],
    ['max-age=60', 'use'],
    ['no-cache', 'refresh'],
    ['No-Cache', 'refresh'],
    ['max-age=0', 'refresh'],
    ['private, no-cache', 'refresh'],
    ['no-store', 'bypass'],
    ['no-cache, no-store', 'bypass'],
  ])('reads Cache-Control %j as %s', (header, mode) => {
    expect(readModeOf(header)).toBe(mode);
  });
});

describe('fillTag', () => {
  it('fills path parameters in and refuses a missing one', () => {
    expect(fillTag('call:{id}', { id: 'abc' })).toBe('call:abc');
    expect(fillTag('calls')).toBe('calls');
    expect(() => fillTag('call:{id}', {})).toThrow(/missing parameter id/);
  });
});

describe('ReadCache over the in-memory store', () => {
  it('reuses an answer, and counts the hit', async () => {
    const { scoped, lookups } = cache();
    const upstream = vendor('{"id":"a","notes":[]}');
    const first = await scoped.read(read(getCall, 'a'), parse, upstream.fetch);
    const second = await scoped.read(read(getCall, 'a'), parse, upstream.fetch);
    expect(second).toEqual(first);
    expect(upstream.asked).toBe(1);
    expect(lookups).toEqual([false, true]);
  });

  it('never keeps a failure', async () => {
    const { scoped } = cache();
    const upstream = vendor(new Error('HTTP 503'), '{"id":"a"}');
    await expect(scoped.read(read(getCall, 'a'), parse, upstream.fetch)).rejects.toThrow('503');
    await expect(scoped.read(read(getCall, 'a'), parse, upstream.fetch)).resolves.toEqual({
      id: 'a',
    });
    expect(upstream.asked).toBe(2);
  });

  it('makes stale what a write invalidates, and only that', async () => {
    const { scoped } = cache();
    const a = vendor('{"id":"a","notes":[]}', '{"id":"a","notes":["new"]}');
    const b = vendor('{"id":"b"}');
    const list = vendor('{"data":[]}', '{"data":["a"]}');
    await scoped.read(read(getCall, 'a'), parse, a.fetch);
    await scoped.read(read(getCall, 'b'), parse, b.fetch);
    await scoped.read(read(listCalls), parse, list.fetch);

    await scoped.invalidate('HAPPYROBOT', addNote, { id: 'a' });

    expect(await scoped.read(read(getCall, 'a'), parse, a.fetch)).toEqual({
      id: 'a',
      notes: ['new'],
    });
    expect(await scoped.read(read(listCalls), parse, list.fetch)).toEqual({ data: ['a'] });
    await scoped.read(read(getCall, 'b'), parse, b.fetch);
    expect([a.asked, list.asked, b.asked]).toEqual([2, 2, 1]);
  });

  it('keeps no answer read while a write made it stale', async () => {
    const { scoped } = cache();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    const slow = async () => {
      asked += 1;
      if (asked === 1) await gate;
      const text = `{"version":${asked}}`;
      return { value: JSON.parse(text) as unknown, text };
    };
    const pending = scoped.read(read(getCall, 'a'), parse, slow);
    // The write lands while the read is on its way: its answer may predate the write.
    await new Promise((resolve) => setTimeout(resolve, 10));
    await scoped.invalidate('HAPPYROBOT', addNote, { id: 'a' });
    release();
    expect(await pending).toEqual({ version: 1 });
    expect(await scoped.read(read(getCall, 'a'), parse, slow)).toEqual({ version: 2 });
  });

  it('never shares an entry between scopes, vendors or credentials', async () => {
    const { readCache } = cache();
    const upstream = vendor('{"id":"a"}');
    const base = read(getCall, 'a');
    await readCache.forScope('acme').read(base, parse, upstream.fetch);
    await readCache.forScope('globex').read(base, parse, upstream.fetch);
    await readCache.forScope('acme').read({ ...base, provider: 'OVIA' }, parse, upstream.fetch);
    await readCache.forScope('acme').read({ ...base, identity: 'other' }, parse, upstream.fetch);
    await readCache.forScope('acme').read(base, parse, upstream.fetch);
    expect(upstream.asked).toBe(4);
    expect(() => readCache.forScope('a tenant')).toThrow(/scope/);
  });

  it('asks again when a cached text no longer passes the schema', async () => {
    const { scoped } = cache();
    const upstream = vendor('{"id":"a"}');
    await scoped.read(read(getCall, 'a'), parse, upstream.fetch);
    await scoped.read(read(getCall, 'a'), () => null, upstream.fetch);
    expect(upstream.asked).toBe(2);
  });

  it('in no-cache mode asks the vendor and keeps the answer; in no-store, keeps nothing', async () => {
    const { scoped } = cache();
    const upstream = vendor('{"v":1}', '{"v":2}', '{"v":3}');
    await scoped.read(read(listCalls), parse, upstream.fetch);
    expect(await scoped.read(read(listCalls, undefined, 'refresh'), parse, upstream.fetch)).toEqual(
      { v: 2 },
    );
    expect(await scoped.read(read(listCalls), parse, upstream.fetch)).toEqual({ v: 2 });
    expect(await scoped.read(read(listCalls, undefined, 'bypass'), parse, upstream.fetch)).toEqual({
      v: 3,
    });
    expect(await scoped.read(read(listCalls), parse, upstream.fetch)).toEqual({ v: 2 });
    expect(upstream.asked).toBe(3);
  });

  it('expires entries after the TTL', async () => {
    const { scoped } = cache({ ttlMs: 50 });
    const upstream = vendor('{"v":1}');
    await scoped.read(read(listCalls), parse, upstream.fetch);
    await scoped.read(read(listCalls), parse, upstream.fetch);
    await new Promise((resolve) => setTimeout(resolve, 80));
    await scoped.read(read(listCalls), parse, upstream.fetch);
    expect(upstream.asked).toBe(2);
  });

  it('stays within its byte budget and keeps no answer over the entry limit', async () => {
    const maxBytes = 100_000;
    const { store, scoped } = cache({ maxBytes, maxEntryBytes: 5_000 });
    const text = JSON.stringify({ padding: 'x'.repeat(1_000) });
    for (let n = 0; n < 500; n += 1) {
      await scoped.read(read(getCall, `call-${n}`), parse, async () => ({ value: n, text }));
      expect(store.bytes).toBeLessThanOrEqual(maxBytes);
    }
    expect(store.bytes).toBeGreaterThan(maxBytes * 0.8);

    const big = vendor(JSON.stringify({ padding: 'x'.repeat(6_000) }));
    await scoped.read(read(getCall, 'big'), parse, big.fetch);
    await scoped.read(read(getCall, 'big'), parse, big.fetch);
    expect(big.asked).toBe(2);
  });
});

describe('configuration', () => {
  it('is off by default, with a 64 MiB budget and 1 MiB entries', () => {
    expect(loadConfig({})).toMatchObject({
      cacheTtlMs: 0,
      cacheMaxBytes: 67_108_864,
      cacheMaxEntryBytes: 1_048_576,
    });
  });

  it.each([
    ['SWITCHBOARD_CACHE_TTL_MS', '-1'],
    ['SWITCHBOARD_CACHE_MAX_BYTES', 'lots'],
    ['SWITCHBOARD_CACHE_MAX_BYTES', '100'],
    ['SWITCHBOARD_CACHE_MAX_ENTRY_BYTES', '1.5'],
  ])('stops at a bad %s (%j), naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^${name} `));
  });
});
