import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../logger.js';
import {
  RATE_LIMIT_WINDOW_SECONDS,
  rateLimitKey,
  verdictOf,
  type RateLimiter,
  type RateLimitVerdict,
} from './rate-limit.js';
import type { RedisConnection } from './redis.js';

/**
 * The limit shared by every replica given the same Redis: one counter per scope and client at
 * `<prefix>ratelimit:<scope>:<digest>`, expiring with its window.
 *
 * While Redis is unreachable requests pass uncounted (fail open): the limit protects the vendors
 * from floods, it guards no correctness, and refusing every request because a counter cannot be
 * read would turn a Redis outage into a full one. One line is logged when counting stops and one
 * when it resumes.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly limiter: RateLimiterRedis;
  private readonly logger: Logger;
  private failing = false;

  constructor(options: { redis: RedisConnection; perMinute: number; logger: Logger }) {
    this.logger = options.logger;
    this.limiter = new RateLimiterRedis({
      storeClient: options.redis.client,
      keyPrefix: options.redis.key('ratelimit'),
      points: options.perMinute,
      duration: RATE_LIMIT_WINDOW_SECONDS,
      // Fail at once while the connection is down instead of waiting for a command timeout.
      rejectIfRedisNotReady: true,
    });
  }

  async consume(scope: string, client: string): Promise<RateLimitVerdict> {
    let verdict: RateLimitVerdict;
    try {
      verdict = verdictOf(await this.limiter.consume(rateLimitKey(scope, client)), true);
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) return this.failOpen(outcome);
      verdict = verdictOf(outcome, false);
    }
    if (this.failing) {
      this.failing = false;
      this.logger.info('rate limit: Redis is back, requests are counted again');
    }
    return verdict;
  }

  private failOpen(error: unknown): RateLimitVerdict {
    if (!this.failing) {
      this.failing = true;
      this.logger.warn(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'rate limit: Redis is unreachable, requests pass uncounted until it is back',
      );
    }
    return { allowed: true };
  }
}
