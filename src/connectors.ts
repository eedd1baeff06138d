import { providerNotConfigured } from './errors.js';
import type { Logger } from './logger.js';
import type { CallProvider, Provider } from './model/provider.js';
import { withReadMode } from './http/read-cache.js';
import type { UpstreamClient } from './http/upstream-client.js';
import type { PagedSource } from './paging/paged-source.js';
import {
  VENDORS,
  type Connectors,
  type Vendor,
  type VendorConfigs,
  type VendorKey,
} from './vendors/registry.js';
import type { CallConnector, ConnectorOptions } from './vendors/types.js';
import type { VendorBaseConfig, VendorDefinition } from './vendors/vendor-definition.js';

export type { Connectors, VendorConfigs, VendorKey };

export type ProviderMode = 'LIVE' | 'SANDBOX' | 'DISABLED';

export interface ProviderSetup {
  provider: Provider;
  mode: ProviderMode;
  baseUrl: string | null;
}

export interface ConnectorSet {
  connectors: Connectors;
  providers: ProviderSetup[];
  callConnector(provider: CallProvider): CallConnector | undefined;
  /** Every vendor's upstream client, for request accounting. */
  clients(): UpstreamClient[];
  /** A cheap one-item read per vendor with a connector, for `/status` and `providers { health }`. */
  probes(): Array<{ provider: Provider; ping: () => Promise<unknown> }>;
}

/** What one registered vendor got: its connector when it has a configuration. */
interface Built {
  vendor: VendorDefinition;
  connector: { readonly http: UpstreamClient } | undefined;
  callConnector: CallConnector | undefined;
  probe: PagedSource<unknown> | undefined;
}

/**
 * The vendor's connector from its configuration. Registry definitions are used here through the
 * common `VendorDefinition` shape: each was type-checked against its own configuration and
 * connector where it is declared (src/vendors/<vendor>/vendor.ts).
 */
function build(
  vendor: VendorDefinition,
  config: VendorBaseConfig | undefined,
  options: ConnectorOptions,
): Built {
  if (!config) return { vendor, connector: undefined, callConnector: undefined, probe: undefined };
  const connector = vendor.create(config, options);
  return {
    vendor,
    connector,
    callConnector: vendor.calls?.connector(connector),
    probe: vendor.probe(connector),
  };
}

/**
 * Builds a connector for every registered vendor (src/vendors/registry.ts) that is configured
 * (LIVE) or, failing that, served by the sandbox (SANDBOX). `sandbox` holds the sandbox's vendor
 * configurations when it runs.
 */
export function createConnectors(options: {
  live: VendorConfigs;
  sandbox: VendorConfigs | null;
  timeoutMs: number;
  logger: Logger;
}): ConnectorSet {
  const { live, sandbox, timeoutMs, logger } = options;
  const connectorOptions = { timeoutMs, logger };
  const connectors: Connectors = {};
  const built = VENDORS.map((vendor: Vendor) => {
    const liveConfig: VendorBaseConfig | undefined = live[vendor.key];
    const config = liveConfig ?? sandbox?.[vendor.key];
    const mode: ProviderMode = liveConfig ? 'LIVE' : config ? 'SANDBOX' : 'DISABLED';
    const entry = build(vendor, config, connectorOptions);
    if (entry.connector) Object.assign(connectors, { [vendor.key]: entry.connector });
    return {
      ...entry,
      setup: { provider: vendor.provider, mode, baseUrl: config?.baseUrl ?? null },
    };
  });

  const byCallProvider = new Map<Provider, CallConnector>();
  for (const entry of built) {
    if (entry.callConnector) byCallProvider.set(entry.vendor.provider, entry.callConnector);
  }
  return {
    connectors,
    providers: built.map((entry) => entry.setup),
    callConnector: (provider) => byCallProvider.get(provider),
    clients: () => built.flatMap((entry) => (entry.connector ? [entry.connector.http] : [])),
    probes: () =>
      built.flatMap(({ vendor, probe }) =>
        probe
          ? [
              {
                provider: vendor.provider,
                // A probe asks the vendor itself: a cached answer would hide an outage.
                ping: () => withReadMode('bypass', () => probe.fetchPage(probe.start, 1)),
              },
            ]
          : [],
      ),
  };
}

/** The registered vendor's Provider, by its key. */
export const PROVIDER_OF = Object.fromEntries(
  VENDORS.map((vendor) => [vendor.key, vendor.provider]),
) as Record<VendorKey, Provider>;

/** The vendor's connector, or a PROVIDER_NOT_CONFIGURED error naming it. */
export function requireConnector<K extends VendorKey>(
  connectors: Connectors,
  key: K,
): NonNullable<Connectors[K]> {
  const connector = connectors[key];
  if (!connector) throw providerNotConfigured(PROVIDER_OF[key]);
  return connector;
}
