import type { DocumentNode } from 'graphql';
import type { YogaServerOptions } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';

/**
 * Documents longer than this are parsed every time: the cache is for the small set of operations
 * an application sends again and again, and a large one padded with comments or whitespace would
 * otherwise be kept under its whole text.
 */
export const DOCUMENT_CACHE_MAX_ENTRY_BYTES = 16_384;

/**
 * A parsed tree takes a few times its text in memory; this factor (measured with
 * bench/document-cache.ts) keeps the byte budget honest without walking every tree.
 */
const TREE_BYTES_PER_CHARACTER = 6;

function entrySize(key: string): number {
  // The key is the document's text (UTF-16 in memory), the value its tree.
  return key.length * 2 + key.length * TREE_BYTES_PER_CHARACTER;
}

function boundedCache<T extends object>(maxBytes: number): LRUCache<string, T> {
  return new LRUCache<string, T>({
    max: 1024,
    maxSize: maxBytes,
    maxEntrySize: Math.min(entrySize('x'.repeat(DOCUMENT_CACHE_MAX_ENTRY_BYTES)), maxBytes),
    sizeCalculation: (_value, key) => entrySize(key),
    ttl: 3_600_000,
  });
}

/**
 * graphql-yoga's parse and validation caches with a byte budget instead of its default of 1024
 * entries of any size (which ~1 900 padded 1 MB documents took to a 2 GB heap). Parse errors are
 * kept under the same rules. A budget of 0 turns the caches off.
 */
export function documentCaches(maxBytes: number): {
  options: NonNullable<YogaServerOptions<object, object>['parserAndValidationCache']>;
  /** The estimated bytes both caches hold now. */
  bytes: () => number;
} {
  if (maxBytes === 0) return { options: false, bytes: () => 0 };
  const documentCache = boundedCache<DocumentNode>(maxBytes / 2);
  const errorCache = boundedCache<object>(maxBytes / 2);
  return {
    options: {
      documentCache,
      errorCache,
      // Validation results are kept in a WeakMap keyed by the parsed tree, so they live and die
      // with the document cache's entries.
      validationCache: true,
    },
    bytes: () => documentCache.calculatedSize + errorCache.calculatedSize,
  };
}
