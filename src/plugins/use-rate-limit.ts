import type { Plugin } from 'graphql-yoga';
import {
  DEFAULT_RATE_LIMIT_SCOPE,
  RATE_LIMIT_WINDOW_SECONDS,
  type RateLimiter,
} from '../stores/rate-limit.js';

export function rateLimitedMessage(perMinute: number, retryAfterSeconds: number): string {
  return `Too many requests: at most ${perMinute} per ${RATE_LIMIT_WINDOW_SECONDS} s per client; retry in ${retryAfterSeconds} s`;
}

/**
 * At most `perMinute` `/graphql` requests per client and window (README, "Many replicas"); the
 * next get 429 with `Retry-After` before anything is parsed, so they reach no vendor. Registered
 * after client auth, so a request without a valid key is refused with 401 and counts against
 * nobody; health probes, `/status` and `/metrics` are answered before it and never counted.
 */
export function useRateLimit(options: {
  limiter: RateLimiter;
  perMinute: number;
  /** Who is asking (the API key's digest, or the peer address), as `clientScope` names it. */
  clientOf(initial: { request: Request }): string;
  /** The scope a request is counted in. @default () => DEFAULT_RATE_LIMIT_SCOPE */
  scopeOf?(request: Request): string;
}): Plugin {
  const { limiter, perMinute, clientOf } = options;
  const scopeOf = options.scopeOf ?? (() => DEFAULT_RATE_LIMIT_SCOPE);
  return {
    async onRequest({ request, serverContext, url, endResponse, fetchAPI }) {
      if (url.pathname !== '/graphql') return;
      const client = clientOf({ ...serverContext, request });
      const verdict = await limiter.consume(scopeOf(request), client);
      if (verdict.allowed) return;
      endResponse(
        fetchAPI.Response.json(
          {
            errors: [
              {
                message: rateLimitedMessage(perMinute, verdict.retryAfterSeconds),
                extensions: { code: 'RATE_LIMITED' },
              },
            ],
          },
          { status: 429, headers: { 'retry-after': String(verdict.retryAfterSeconds) } },
        ),
      );
    },
  };
}
