import type { Plugin } from 'graphql-yoga';
import type { GatewayHealth, VendorHealth } from '../services/health.js';

/**
 * `GET /healthz`: 200 while the process is up. `GET /readyz`: 200 while it takes traffic, 503
 * once it drains; vendors play no part, since every replica shares them and one vendor's outage
 * would otherwise take every replica out (Redis neither: the graph serves without it). `GET
 * /status`: each vendor's last probe, and Redis when it is configured, 200 whatever they say
 * (client auth applies, as it names the vendors and their state). With tenants, the vendors are
 * those of the key's tenant (`vendorsOf`).
 */
export function useHealth(
  health: GatewayHealth,
  vendorsOf: (request: Request) => VendorHealth | null,
): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET') return;
      switch (url.pathname) {
        case '/healthz':
          endResponse(fetchAPI.Response.json({ status: 'ok' }));
          return;
        case '/readyz':
          endResponse(
            health.draining
              ? fetchAPI.Response.json({ status: 'draining' }, { status: 503 })
              : fetchAPI.Response.json({ status: 'ready' }),
          );
          return;
        case '/status': {
          const [vendors, redis] = await Promise.all([
            vendorsOf(request)?.vendors() ?? [],
            health.redis(),
          ]);
          const healthy = vendors.every((vendor) => vendor.ok) && (redis?.ok ?? true);
          endResponse(
            fetchAPI.Response.json(
              {
                status: healthy ? 'ok' : 'degraded',
                draining: health.draining,
                vendors: Object.fromEntries(
                  vendors.map(({ provider, mode, ok, code, checkedAt }) => [
                    provider,
                    { mode, ok, code, checkedAt: checkedAt.toISOString() },
                  ]),
                ),
                ...(redis
                  ? {
                      redis: {
                        ok: redis.ok,
                        code: redis.code,
                        checkedAt: redis.checkedAt.toISOString(),
                      },
                    }
                  : {}),
              },
              { headers: { 'cache-control': 'no-store' } },
            ),
          );
          return;
        }
        default:
          return;
      }
    },
  };
}
