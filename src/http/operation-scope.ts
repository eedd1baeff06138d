import type { ReadMode } from './read-cache.js';
import type { WriteLedger } from './write-ledger.js';

/**
 * What one GraphQL operation may still ask of the vendors. Every upstream attempt made while the
 * operation runs (in resolvers, loaders, retries) is counted here, whichever connector makes it.
 */
export class OperationScope {
  upstreamRequests = 0;

  constructor(
    readonly requestId: string,
    /** At most this many upstream attempts; past it, requests fail without being sent. */
    readonly maxUpstreamRequests: number,
  ) {}

  /** The attempts the operation may still make. */
  get remaining(): number {
    return Math.max(0, this.maxUpstreamRequests - this.upstreamRequests);
  }

  /** Counts one attempt; false when the operation has used its allowance. */
  take(): boolean {
    if (this.upstreamRequests >= this.maxUpstreamRequests) return false;
    this.upstreamRequests += 1;
    return true;
  }
}

/**
 * Whose upstream requests these are, carried explicitly from the request's context to the
 * upstream client (src/http/upstream-client.ts, `forCaller`): each request's connectors are
 * built over a view of the tenant's clients bound to the request's caller (src/connectors.ts).
 * It replaces AsyncLocalStorage, whose promise hooks run for every promise of the process once
 * any store is entered and cost 5–12 % of a request's CPU (bench/README.md, "Third sitting").
 */
export interface Caller {
  /** The operation whose allowance every attempt is taken from; null outside one. */
  operation: OperationScope | null;
  /** How reads use the read cache (src/http/read-cache.ts). */
  readMode: ReadMode;
  /** While a mutation runs, the ledger its writes are counted in (src/http/write-ledger.ts). */
  ledger: WriteLedger | null;
}

/** A caller outside any request: background work, which uses the cache and counts nothing. */
export function backgroundCaller(readMode: ReadMode = 'use'): Caller {
  return { operation: null, readMode, ledger: null };
}
