import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { readModeOf } from '../http/read-cache.js';

/**
 * A request's `Cache-Control` for the read cache: `no-cache` (or `max-age=0`) reads every vendor
 * answer fresh and stores it for the requests after it; `no-store` reads fresh and stores nothing.
 * Anything else, or no header, uses the cache.
 */
export function useCacheControl(): Plugin<Context> {
  return {
    onExecute({ args }) {
      // The request's connectors read in their caller's mode (src/context.ts).
      args.contextValue.caller.readMode = readModeOf(
        args.contextValue.request.headers.get('cache-control'),
      );
    },
  };
}
