import type { YogaServerOptions } from 'graphql-yoga';

type CorsFactory = Extract<
  NonNullable<YogaServerOptions<object, object>['cors']>,
  (...args: never[]) => unknown
>;

/**
 * The CORS grant for one request (README, "Operating Switchboard"). yoga's own option reflects
 * any origin with credentials, even for `*`; here a listed origin gets its own name back with
 * credentials, `*` is granted to anyone without them (yoga writes the caller's origin back), and any other origin gets no CORS headers at all.
 */
export function corsPolicy(options: {
  origins: string[] | null;
  production: boolean;
}): CorsFactory {
  const { origins, production } = options;
  // Retry-After is not a CORS-safelisted response header: a browser app sees it only when named.
  const exposedHeaders = ['x-request-id', 'retry-after'];
  if (origins === null) {
    // A development convenience; production lists its origins or grants none.
    return production ? () => false : () => ({ credentials: true, exposedHeaders });
  }
  const listed = new Set(origins.filter((origin) => origin !== '*'));
  const any = origins.includes('*');
  return (request) => {
    const origin = request.headers.get('origin');
    if (origin === null) return false;
    if (listed.has(origin)) return { origin, credentials: true, exposedHeaders };
    if (any) return { origin: '*', credentials: false, exposedHeaders };
    return false;
  };
}
