import type { ConnectorSet, ProviderMode } from '../connectors.js';
import { UpstreamError } from '../errors.js';
import type { Provider } from '../model/provider.js';

/** A probe answer is reused this long, so status pages and dashboards never hammer the vendors. */
export const PROBE_REUSE_MS = 5000;

export interface VendorStatus {
  provider: Provider;
  mode: ProviderMode;
  ok: boolean;
  /** The error code of a failed probe (UPSTREAM_TIMEOUT, UPSTREAM_UNAVAILABLE, …). */
  code: string | null;
  /** When the vendor's answer (or failure) arrived. */
  checkedAt: Date;
}

/** Redis as `/status` shows it, when REDIS_URL is set. */
export interface RedisStatus {
  ok: boolean;
  /** `REDIS_UNAVAILABLE` when it did not answer. */
  code: string | null;
  checkedAt: Date;
}

/**
 * Each configured vendor's last probe, for one set of connectors (a tenant's). One instance
 * lives as long as the connectors, so `/status` and `providers { health }` share their probes.
 */
export class VendorHealth {
  private last: { startedAt: number; value: Promise<VendorStatus[]> } | undefined;
  private readonly probeAll: () => Promise<VendorStatus[]>;

  constructor(
    connectors: ConnectorSet,
    private readonly now: () => number = Date.now,
  ) {
    const modes = new Map(connectors.providers.map((setup) => [setup.provider, setup.mode]));
    // A probe is shared by every request that asks within PROBE_REUSE_MS, so it is the tenant's
    // background work (`ConnectorSet.probes`), never charged to the request that started it.
    this.probeAll = () =>
      Promise.all(
        connectors.probes().map(async ({ provider, ping }): Promise<VendorStatus> => {
          const mode = modes.get(provider) ?? 'DISABLED';
          try {
            await ping();
            return { provider, mode, ok: true, code: null, checkedAt: new Date(this.now()) };
          } catch (error) {
            const code = error instanceof UpstreamError ? error.code : 'UNEXPECTED';
            return { provider, mode, ok: false, code, checkedAt: new Date(this.now()) };
          }
        }),
      );
  }

  /** Each vendor with a connector, probed at most once per PROBE_REUSE_MS. */
  vendors(): Promise<VendorStatus[]> {
    const at = this.now();
    if (!this.last || at - this.last.startedAt >= PROBE_REUSE_MS) {
      this.last = { startedAt: at, value: this.probeAll() };
    }
    return this.last.value;
  }

  async vendor(provider: Provider): Promise<VendorStatus | null> {
    return (await this.vendors()).find((status) => status.provider === provider) ?? null;
  }
}

/**
 * What the process knows about its own health: whether it is draining (readiness) and whether
 * its Redis answers. Vendors are each tenant's (`VendorHealth`).
 */
export class GatewayHealth {
  private drainingSince: number | null = null;
  private pingRedis: (() => Promise<unknown>) | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** From the first SIGTERM on, `/readyz` answers 503 so load balancers stop sending. */
  startDraining(): void {
    this.drainingSince ??= this.now();
  }

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  /** Makes `redis()` report this connection (the gateway calls it when REDIS_URL is set). */
  watchRedis(ping: () => Promise<unknown>): void {
    this.pingRedis = ping;
  }

  /**
   * Redis asked now, or null without it. Never reused: a ping costs Redis next to nothing and
   * fails at once while the connection is down, and a Redis that is back should show so at once.
   */
  async redis(): Promise<RedisStatus | null> {
    if (!this.pingRedis) return null;
    try {
      await this.pingRedis();
      return { ok: true, code: null, checkedAt: new Date(this.now()) };
    } catch {
      return { ok: false, code: 'REDIS_UNAVAILABLE', checkedAt: new Date(this.now()) };
    }
  }
}
