import { LRUCache } from 'lru-cache';
import type { ReadCacheStore } from '../http/read-cache.js';

/**
 * Per item, what the LRU's bookkeeping and the Map slot cost besides the strings; strings are
 * counted at two bytes a character (UTF-16), as the document cache counts them.
 */
const ITEM_OVERHEAD_BYTES = 64;

function itemBytes(key: string, value: string): number {
  return ITEM_OVERHEAD_BYTES + 2 * (key.length + value.length);
}

/**
 * The read cache of one process, within a byte budget that entries and generations share:
 * least recently used items go first. Losing a generation to eviction only makes its entries
 * stale (see ReadCacheStore). Answers over the entry limit never reach it (ReadCache checks).
 */
export class InMemoryReadCacheStore implements ReadCacheStore {
  private readonly items: LRUCache<string, string>;
  /** Generations are this process's counter: never the same token twice. */
  private nextGeneration = 0;

  constructor(options: { maxBytes: number }) {
    this.items = new LRUCache<string, string>({
      maxSize: options.maxBytes,
      maxEntrySize: options.maxBytes,
      sizeCalculation: (value, key) => itemBytes(key, value),
    });
  }

  /** The estimated bytes held now (entries and generations). */
  get bytes(): number {
    return this.items.calculatedSize;
  }

  /** Items held now, live or expired but not yet dropped. */
  get size(): number {
    return this.items.size;
  }

  lookup(
    key: string,
    tags: readonly string[],
    ttlMs: number,
  ): Promise<{ entry: string | null; generations: string[] }> {
    const entry = this.items.get(key) ?? null;
    const generations = tags.map((tag) => {
      const known = this.items.get(tag);
      if (known !== undefined) return known;
      const fresh = String((this.nextGeneration += 1));
      this.items.set(tag, fresh, { ttl: ttlMs });
      return fresh;
    });
    return Promise.resolve({ entry, generations });
  }

  store(key: string, entry: string, tags: readonly string[], ttlMs: number): Promise<void> {
    for (const tag of tags) {
      const generation = this.items.get(tag);
      if (generation !== undefined) this.items.set(tag, generation, { ttl: ttlMs });
    }
    this.items.set(key, entry, { ttl: ttlMs });
    return Promise.resolve();
  }

  invalidate(tags: readonly string[]): Promise<void> {
    for (const tag of tags) this.items.delete(tag);
    return Promise.resolve();
  }
}
