import { GraphQLError } from 'graphql';
import type { Config } from './config.js';
import { clientScope } from './context.js';
import {
  PERSISTED_ONLY_MESSAGE,
  PERSISTED_NOT_FOUND_MESSAGE,
  persistedOperationId,
} from './plugins/use-persisted-operations.js';
import { rateLimitedMessage } from './plugins/use-rate-limit.js';
import type { RateLimiter } from './stores/rate-limit.js';

/** What a graphql-ws `subscribe` message carries that admission looks at. */
export interface WsOperation {
  query?: string | null;
  extensions?: Record<string, unknown> | null;
}

/** The text of a WebSocket operation to run, or the error it gets instead of running. */
export type WsAdmit = (
  operation: WsOperation,
  initial: { request: Request; req: unknown },
  scope: string,
) => Promise<string | GraphQLError>;

/**
 * The checks an HTTP request meets in yoga's `onRequest` and `onParams` hooks
 * (src/plugins/use-rate-limit.ts, src/plugins/use-persisted-operations.ts), for operations over
 * graphql-ws, which yoga's envelope runs without those hooks: each operation counts against its
 * client's SWITCHBOARD_RATE_LIMIT, and with a persisted-operations manifest it is resolved by hash,
 * or refused when the graph accepts persisted operations only.
 */
export function wsAdmission(options: {
  config: Config;
  manifest: ReadonlyMap<string, string> | null;
  rateLimiter: RateLimiter | null;
  keysRequired: boolean;
}): WsAdmit {
  const { config, manifest, rateLimiter, keysRequired } = options;
  return async (operation, initial, scope) => {
    if (rateLimiter) {
      const verdict = await rateLimiter.consume(scope, clientScope(initial, keysRequired));
      if (!verdict.allowed) {
        return new GraphQLError(
          rateLimitedMessage(config.rateLimitPerMinute, verdict.retryAfterSeconds),
          { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: verdict.retryAfterSeconds } },
        );
      }
    }
    const hash =
      manifest === null
        ? null
        : persistedOperationId({ extensions: operation.extensions ?? undefined });
    if (manifest !== null && hash !== null) {
      const text = manifest.get(hash);
      if (text === undefined) {
        return new GraphQLError(PERSISTED_NOT_FOUND_MESSAGE, {
          extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
        });
      }
      return text;
    }
    if (manifest !== null && config.persistedOnly) {
      return new GraphQLError(PERSISTED_ONLY_MESSAGE, {
        extensions: { code: 'PERSISTED_QUERY_ONLY' },
      });
    }
    if (typeof operation.query !== 'string' || operation.query.length === 0) {
      return new GraphQLError(
        'Send a query, or extensions.persistedQuery of a persisted operation',
        {
          extensions: { code: 'BAD_REQUEST' },
        },
      );
    }
    return operation.query;
  };
}
