import { createHash, timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';

/** Paths orchestrators probe without credentials. */
const OPEN_PATHS = new Set(['/healthz', '/readyz']);

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
 * With client keys configured, every request but the health probes needs
 * `Authorization: Bearer <key>`. Keys are compared as SHA-256 digests in constant time, and every
 * key is compared, so neither the length nor the position of a match shows in the timing.
 */
export function useClientAuth(apiKeys: string[]): Plugin {
  const digests = apiKeys.map(digest);
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (digests.length === 0 || OPEN_PATHS.has(url.pathname)) return;
      const header = request.headers.get('authorization') ?? '';
      const presented = digest(bearerToken(header));
      let matched = false;
      for (const known of digests) matched = timingSafeEqual(known, presented) || matched;
      if (matched) return;
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
