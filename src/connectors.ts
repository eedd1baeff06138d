import { providerNotConfigured } from './errors.js';
import type { Logger } from './logger.js';
import type { CallProvider, Provider } from './model/provider.js';
import { backgroundCaller, type Caller } from './http/operation-scope.js';
import type { UpstreamClient } from './http/upstream-client.js';
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
  /**
   * The same vendors with connectors whose requests are `caller`'s (its operation's allowance,
   * read mode and write ledger): what one request's context holds. Built per request, which
   * costs a handful of small objects; the clients, their connections and caches are shared.
   */
  forCaller(caller: Caller): ConnectorSet;
}

/** One registered vendor with a configuration, and its connector for background work. */
interface Configured {
  vendor: VendorDefinition;
  config: VendorBaseConfig;
  connector: { readonly http: UpstreamClient };
}

/**
 * The set over `configured`, whose connectors are `connect`'s. Registry definitions are used
 * here through the common `VendorDefinition` shape: each was type-checked against its own
 * configuration and connector where it is declared (src/vendors/<vendor>/vendor.ts).
 */
function assemble(
  configured: Configured[],
  providers: ProviderSetup[],
  probes: ConnectorSet['probes'],
  connect: (entry: Configured) => { readonly http: UpstreamClient },
): ConnectorSet {
  const connectors: Connectors = {};
  const byCallProvider = new Map<Provider, CallConnector>();
  for (const entry of configured) {
    const connector = connect(entry);
    Object.assign(connectors, { [entry.vendor.key]: connector });
    const callConnector = entry.vendor.calls?.connector(connector);
    if (callConnector) byCallProvider.set(entry.vendor.provider, callConnector);
  }
  return {
    connectors,
    providers,
    callConnector: (provider) => byCallProvider.get(provider),
    clients: () => configured.map((entry) => entry.connector.http),
    probes,
    forCaller: (caller) =>
      assemble(configured, providers, probes, ({ vendor, config, connector }) =>
        vendor.connect(config, connector.http.forCaller(caller)),
      ),
  };
}

/**
 * Builds a connector for every registered vendor (src/vendors/registry.ts) that is configured
 * (LIVE) or, failing that, served by the sandbox (SANDBOX). `sandbox` holds the sandbox's vendor
 * configurations when it runs. The set's own connectors are for background work (the poller,
 * webhooks); a request uses `forCaller`'s.
 */
export function createConnectors(options: {
  live: VendorConfigs;
  sandbox: VendorConfigs | null;
  timeoutMs: number;
  logger: Logger;
}): ConnectorSet {
  const { live, sandbox, timeoutMs, logger } = options;
  const connectorOptions: ConnectorOptions = { timeoutMs, logger };
  const configured: Configured[] = [];
  const providers = VENDORS.map((vendor: Vendor): ProviderSetup => {
    const liveConfig: VendorBaseConfig | undefined = live[vendor.key];
    const config = liveConfig ?? sandbox?.[vendor.key];
    const mode: ProviderMode = liveConfig ? 'LIVE' : config ? 'SANDBOX' : 'DISABLED';
    const definition: VendorDefinition = vendor;
    if (config) {
      configured.push({
        vendor: definition,
        config,
        connector: definition.create(config, connectorOptions),
      });
    }
    return { provider: vendor.provider, mode, baseUrl: config?.baseUrl ?? null };
  });
  // A probe asks the vendor itself: a cached answer would hide an outage.
  const probing = backgroundCaller('bypass');
  const probeList = configured.map(({ vendor, config, connector }) => {
    const probe = vendor.probe(vendor.connect(config, connector.http.forCaller(probing)));
    return { provider: vendor.provider, ping: () => probe.fetchPage(probe.start, 1) };
  });
  return assemble(
    configured,
    providers,
    () => probeList,
    (entry) => entry.connector,
  );
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
