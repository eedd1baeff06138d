import { createHash, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';

/** Paths orchestrators probe without credentials. */
const OPEN_PATHS = new Set(['/healthz', '/readyz']);

/** Vendor webhooks are authenticated by their signature (src/events/webhooks.ts), not by keys. */
function isOpenPath(pathname: string): boolean {
  return OPEN_PATHS.has(pathname) || pathname.startsWith('/webhooks/');
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * The token of an `Authorization: Bearer <token>` header, or '' for any other header. The scheme
 * is case-insensitive (RFC 9110 §11.1), so `bearer` and `BEARER` work as well.
 */
export function bearerToken(header: string | null): string {
  const match = /^bearer +(\S.*)$/i.exec(header ?? '');
  return match ? match[1]!.trim() : '';
}

/**
 * Whether an `Authorization` value (`Bearer <key>`) holds one of the keys. Keys are compared as
 * SHA-256 digests in constant time, and every key is compared, so neither the length nor the
 * position of a match shows in the timing. Also used for graphql-ws's `connection_init`.
 */
export function apiKeyMatcher(apiKeys: string[]): (authorization: string) => boolean {
  const digests = apiKeys.map(digest);
  return (authorization) => {
    const presented = digest(bearerToken(authorization));
    let matched = false;
    for (const known of digests) matched = timingSafeEqual(known, presented) || matched;
    return matched;
  };
}

/** The client keys a gateway accepts right now (a reload of the tenants file changes them). */
export interface ClientKeys {
  /** Whether requests need a key at all. */
  readonly required: boolean;
  /** Whether an `Authorization` value (`Bearer <key>`) holds a valid key. */
  matches(authorization: string): boolean;
}

/**
 * With client keys configured, every request but the health probes and webhooks needs
 * `Authorization: Bearer <key>`.
 */
export function useClientAuth(keys: ClientKeys): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (!keys.required || isOpenPath(url.pathname)) return;
      if (keys.matches(request.headers.get('authorization') ?? '')) return;
      endResponse(
        fetchAPI.Response.json(
          {
            errors: [
              {
                message: 'A valid API key is required: Authorization: Bearer <key>',
                extensions: { code: 'UNAUTHENTICATED' },
              },
            ],
          },
          { status: 401, headers: { 'www-authenticate': 'Bearer' } },
        ),
      );
    },
  };
}
