import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** The window requests are counted over, in seconds; each client's starts at its first request. */
export const RATE_LIMIT_WINDOW_SECONDS = 60;

/**
 * The scope every request is counted in until there are tenants (`-`, as in the other stores'
 * keys). Counters are kept per scope and client, so a tenant can be given counters, and a
 * budget, of its own without touching anyone else's.
 */
export const DEFAULT_RATE_LIMIT_SCOPE = '-';

/**
 * Clients one process counts on their own within a window, at most. Past it, further new
 * clients share one counter per scope until the window of the oldest ones ends, so a flood of
 * distinct addresses (a whole IPv6 block) cannot grow the process's memory without end.
 */
export const MAX_COUNTED_CLIENTS = 10_000;

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts `/graphql` requests per client; in memory, or shared by every replica through Redis. */
export interface RateLimiter {
  /**
   * Counts one request of `client` in `scope` and says whether it is within the limit.
   * `scope` is a name the server chooses (never client input); `client` may be anything, as it
   * is hashed before it becomes a key.
   */
  consume(scope: string, client: string): Promise<RateLimitVerdict>;
}

/** `<scope>:<digest of the client>`: a key of fixed length whatever the client sent. */
export function rateLimitKey(scope: string, client: string): string {
  return `${scope}:${createHash('sha256').update(client, 'utf8').digest('base64url')}`;
}

/** The verdict of a rate-limiter-flexible outcome. */
export function verdictOf(outcome: RateLimiterRes, allowed: boolean): RateLimitVerdict {
  if (allowed) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)) };
}

/** The limit for one process alone (no REDIS_URL). */
export class InMemoryRateLimiter implements RateLimiter {
  private readonly limiter: RateLimiterMemory;
  /** The clients with a counter of their own in the current window. */
  private readonly counted: LRUCache<string, true>;

  constructor(options: { perMinute: number; maxClients?: number }) {
    this.limiter = new RateLimiterMemory({
      points: options.perMinute,
      duration: RATE_LIMIT_WINDOW_SECONDS,
    });
    this.counted = new LRUCache<string, true>({
      max: options.maxClients ?? MAX_COUNTED_CLIENTS,
      ttl: RATE_LIMIT_WINDOW_SECONDS * 1000,
      // Expired clients leave at once, so `size` is the number of live counters.
      ttlAutopurge: true,
    });
  }

  async consume(scope: string, client: string): Promise<RateLimitVerdict> {
    let key = rateLimitKey(scope, client);
    if (!this.counted.has(key)) {
      if (this.counted.size < this.counted.max) this.counted.set(key, true);
      else key = `${scope}:overflow`;
    }
    try {
      return verdictOf(await this.limiter.consume(key), true);
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) return verdictOf(outcome, false);
      throw outcome;
    }
  }
}
