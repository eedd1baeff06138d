import { createHash } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { Provider } from '../model/provider.js';
import { routeName, type Route } from './route.js';

/**
 * How a caller's reads use the cache (src/http/operation-scope.ts, `Caller`): `use` (the default)
 * answers from it when it can; `refresh` (a request with `Cache-Control: no-cache`) asks the
 * vendor and stores the fresh answer; `bypass` (`no-store`, the health probes and the poller)
 * asks the vendor and stores nothing.
 */
export type ReadMode = 'use' | 'refresh' | 'bypass';

/** The read mode a request's `Cache-Control` header asks for. */
export function readModeOf(cacheControl: string | null): ReadMode {
  if (cacheControl === null) return 'use';
  const directives = cacheControl
    .toLowerCase()
    .split(',')
    .map((directive) => directive.trim());
  if (directives.includes('no-store')) return 'bypass';
  if (directives.includes('no-cache') || directives.includes('max-age=0')) return 'refresh';
  return 'use';
}

/**
 * Where the read cache keeps what it knows, under keys it builds (already scoped and bounded):
 * entries, a vendor answer's text together with the generations it was read under, and
 * generations, one opaque token per tag.
 *
 * A generation is never "none" once a read has looked at it: `lookup` gives a tag without one a
 * fresh token first. So forgetting a generation (an invalidation, an eviction, an expiry) makes
 * every entry recorded under it stale, and a token is never handed out twice. Two stores
 * implement it (src/stores/): `InMemoryReadCacheStore` (one process, a byte budget) and
 * `RedisReadCacheStore` (every process sharing one Redis and prefix).
 */
export interface ReadCacheStore {
  /**
   * The entry under `key` (null when there is none) and the generation of each of `tags`, taking
   * a fresh one, kept for `ttlMs`, for a tag that has none.
   */
  lookup(
    key: string,
    tags: readonly string[],
    ttlMs: number,
  ): Promise<{ entry: string | null; generations: string[] }>;
  /** Keeps `entry` for `ttlMs`, and the tags' generations at least as long. */
  store(key: string, entry: string, tags: readonly string[], ttlMs: number): Promise<void>;
  /** Forgets the tags' generations, so every entry recorded under them is stale. */
  invalidate(tags: readonly string[]): Promise<void>;
}

/** A read as the upstream client is about to send it. */
export interface CacheableRead {
  provider: Provider;
  /** A digest of what else tells two configurations of one vendor apart (its credentials). */
  identity: string;
  route: Route;
  /** The whole URL: base, path with its parameters, query. */
  url: string;
  params?: Record<string, string | number> | undefined;
  body?: unknown;
  /** The caller's read mode; not part of the key. */
  mode: ReadMode;
}

export interface ReadCacheOptions {
  /** How long an answer is reused. */
  ttlMs: number;
  /** Answers larger than this (bytes of their text) are never stored. */
  maxEntryBytes: number;
  logger: Logger;
  /** Called once per lookup of a cacheable read in `use` mode. */
  onLookup?: (provider: Provider, hit: boolean) => void;
}

/** Scopes are chosen by the server (a tenant's id, `-` for the single tenant), never by clients. */
const SCOPE = /^[\w.-]{1,64}$/;

/** Invalidations that could not be delivered, kept for a retry; past this many, the oldest go. */
const MAX_PENDING_INVALIDATIONS = 10_000;
const RETRY_INVALIDATIONS_MS = 1000;

function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64url');
}

/** A tag with the route's path parameters filled in: `call:{id}` → `call:6650…`. */
export function fillTag(tag: string, params: Record<string, string | number> = {}): string {
  return tag.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`cache tag ${tag} names a missing parameter ${name}`);
    return String(value);
  });
}

/**
 * The read cache of vendor answers. It sits in the upstream client: a cacheable read (a route
 * with `cache` tags) that answered 2xx and passed its schema is kept as the text the vendor sent,
 * keyed by scope, vendor, credentials, method, URL and body, and parsed again with the route's
 * schema when reused, so a cached answer goes through exactly what a fresh one does. Failures are
 * never kept. A write (a route with `invalidates` tags) forgets the generations of its tags once it
 * has been sent, whatever its outcome, so every entry read under them is stale.
 *
 * The store failing (Redis down) never fails a request: reads go to the vendor uncached, and an
 * invalidation that could not be delivered is retried, reads depending on it bypassing the cache
 * in this process until it is.
 */
export class ReadCache {
  private readonly pending = new Set<string>();
  private retryTimer: NodeJS.Timeout | null = null;
  private failing = false;

  constructor(
    private readonly store: ReadCacheStore,
    private readonly options: ReadCacheOptions,
  ) {}

  /** The cache as one scope sees it: no key of another scope is ever read or written. */
  forScope(scope: string): ScopedReadCache {
    if (!SCOPE.test(scope)) throw new Error(`a read cache scope must match ${SCOPE.source}`);
    return {
      read: (read, parse, fetch) => this.read(scope, read, parse, fetch),
      invalidate: (provider, route, params) => this.invalidate(scope, provider, route, params),
    };
  }

  /** Stops the invalidation retries (the process is closing). */
  close(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private async read<T>(
    scope: string,
    read: CacheableRead,
    parse: (text: string) => { value: T } | null,
    fetch: () => Promise<{ value: T; text: string }>,
  ): Promise<T> {
    const { mode } = read;
    const tags = read.route.cache ?? [];
    if (tags.length === 0 || mode === 'bypass') return (await fetch()).value;
    const tagKeys = tags.map((tag) => tagKey(scope, read.provider, fillTag(tag, read.params)));
    // An invalidation of one of its tags has not reached the store yet: what it holds may be stale.
    if (tagKeys.some((key) => this.pending.has(key))) return (await fetch()).value;

    const key = entryKey(scope, read);
    let generations: string[] | null = null;
    try {
      const found = await this.store.lookup(key, tagKeys, this.options.ttlMs);
      this.recovered();
      generations = found.generations;
      if (mode === 'use') {
        const cached = found.entry === null ? null : cachedText(found.entry, generations);
        const hit = cached === null ? null : parse(cached);
        this.options.onLookup?.(read.provider, hit !== null);
        if (hit !== null) return hit.value;
      }
    } catch (error) {
      this.failed(error);
      if (mode === 'use') this.options.onLookup?.(read.provider, false);
    }

    const fresh = await fetch();
    if (generations !== null && Buffer.byteLength(fresh.text) <= this.options.maxEntryBytes) {
      try {
        await this.store.store(
          key,
          `${generations.join(' ')}\n${fresh.text}`,
          tagKeys,
          this.options.ttlMs,
        );
      } catch (error) {
        this.failed(error);
      }
    }
    return fresh.value;
  }

  private async invalidate(
    scope: string,
    provider: Provider,
    route: Route,
    params: Record<string, string | number> | undefined,
  ): Promise<void> {
    const tags = route.invalidates ?? [];
    if (tags.length === 0) return;
    let keys: string[] = [];
    try {
      keys = tags.map((tag) => tagKey(scope, provider, fillTag(tag, params)));
      await this.store.invalidate(keys);
      this.recovered();
    } catch (error) {
      this.failed(error);
      this.retryLater(keys);
    }
  }

  private retryLater(keys: string[]): void {
    for (const key of keys) {
      this.pending.delete(key);
      this.pending.add(key);
    }
    for (const key of this.pending) {
      if (this.pending.size <= MAX_PENDING_INVALIDATIONS) break;
      this.pending.delete(key);
    }
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      const keys = [...this.pending];
      this.store.invalidate(keys).then(
        () => {
          for (const key of keys) this.pending.delete(key);
          this.recovered();
        },
        () => this.retryLater([]),
      );
    }, RETRY_INVALIDATIONS_MS);
    this.retryTimer.unref();
  }

  /** One line per outage, not one per request. */
  private failed(error: unknown): void {
    if (this.failing) return;
    this.failing = true;
    this.options.logger.warn(
      { err: { message: error instanceof Error ? error.message : String(error) } },
      'read cache unavailable: vendor reads go uncached until it is back',
    );
  }

  private recovered(): void {
    if (!this.failing) return;
    this.failing = false;
    this.options.logger.info('read cache is back');
  }
}

/** What an upstream client holds: the cache in the scope of its connectors' tenant. */
export interface ScopedReadCache {
  /**
   * The answer to a cacheable read: from the cache when an entry is current and `parse` accepts
   * it, else from `fetch`, whose answer is then stored (failures propagate and are not stored).
   */
  read<T>(
    read: CacheableRead,
    parse: (text: string) => { value: T } | null,
    fetch: () => Promise<{ value: T; text: string }>,
  ): Promise<T>;
  /** Makes the reads a write changes stale; never throws. */
  invalidate(
    provider: Provider,
    route: Route,
    params: Record<string, string | number> | undefined,
  ): Promise<void>;
}

/** `e:<scope>:<vendor>:<digest>`: bounded whatever ids, queries or bodies the read carries. */
function entryKey(scope: string, read: CacheableRead): string {
  const what = JSON.stringify([read.identity, routeName(read.route), read.url, read.body ?? null]);
  return `e:${scope}:${read.provider}:${digest(what)}`;
}

function tagKey(scope: string, provider: Provider, tag: string): string {
  return `g:${scope}:${provider}:${digest(tag)}`;
}

/** The entry's text when it was recorded under exactly the current generations, else null. */
function cachedText(entry: string, generations: readonly string[]): string | null {
  const end = entry.indexOf('\n');
  if (end < 0 || entry.slice(0, end) !== generations.join(' ')) return null;
  return entry.slice(end + 1);
}
