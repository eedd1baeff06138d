import type { Plugin } from 'graphql-yoga';
import type { ConnectorSet } from '../connectors.js';
import { UpstreamError } from '../errors.js';
import type { Provider } from '../model/provider.js';

/** Readiness answers are reused this long, so orchestrator probes never hammer the vendors. */
export const READINESS_CACHE_MS = 2000;

interface Readiness {
  ready: boolean;
  vendors: Partial<Record<Provider, { ok: boolean; code?: string }>>;
}

/**
 * `GET /healthz`: 200 while the process is up. `GET /readyz`: 200 when every vendor with a
 * connector answers a one-item list request, else 503 naming the failing vendors.
 */
export function useHealth(connectors: ConnectorSet): Plugin {
  let cached: { at: number; value: Promise<Readiness> } | undefined;
  const probe = async (): Promise<Readiness> => {
    const vendors: Readiness['vendors'] = {};
    await Promise.all(
      connectors.probes().map(async ({ provider, ping }) => {
        try {
          await ping();
          vendors[provider] = { ok: true };
        } catch (error) {
          vendors[provider] = {
            ok: false,
            code: error instanceof UpstreamError ? error.code : 'UNEXPECTED',
          };
        }
      }),
    );
    return { ready: Object.values(vendors).every((vendor) => vendor.ok), vendors };
  };
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method !== 'GET') return;
      if (url.pathname === '/healthz') {
        endResponse(fetchAPI.Response.json({ status: 'ok' }));
        return;
      }
      if (url.pathname !== '/readyz') return;
      if (!cached || Date.now() - cached.at > READINESS_CACHE_MS) {
        cached = { at: Date.now(), value: probe() };
      }
      const readiness = await cached.value;
      const failing = Object.entries(readiness.vendors)
        .filter(([, vendor]) => !vendor.ok)
        .map(([provider]) => provider);
      endResponse(
        fetchAPI.Response.json(
          {
            status: readiness.ready ? 'ready' : 'unavailable',
            failing,
            vendors: readiness.vendors,
          },
          { status: readiness.ready ? 200 : 503 },
        ),
      );
    },
  };
}
