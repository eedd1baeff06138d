import type { VendorConfigs } from './config.js';
import { providerNotConfigured } from './errors.js';
import type { Logger } from './logger.js';
import { CALL_PROVIDERS, type CallProvider, type Provider } from './model/provider.js';
import { createCxConnector, type CxConnector } from './vendors/cx/client.js';
import { createFreyaConnector, type FreyaConnector } from './vendors/freya/client.js';
import {
  createHappyRobotConnector,
  type HappyRobotConnector,
} from './vendors/happyrobot/client.js';
import {
  createLlamadaProConnector,
  type LlamadaProConnector,
} from './vendors/llamadapro/client.js';
import { createOviaConnector, type OviaConnector } from './vendors/ovia/client.js';
import type { CallConnector } from './vendors/types.js';
import type { UpstreamClient } from './http/upstream-client.js';
import type { PagedSource } from './paging/paged-source.js';

export type ProviderMode = 'LIVE' | 'SANDBOX' | 'DISABLED';

/** The connectors of one running gateway; a vendor that is neither configured nor sandboxed has none. */
export interface Connectors {
  freya?: FreyaConnector;
  ovia?: OviaConnector;
  llamadapro?: LlamadaProConnector;
  cx?: CxConnector;
  happyrobot?: HappyRobotConnector;
}

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
  /** A cheap one-item read per vendor with a connector, for readiness probes. */
  probes(): Array<{ provider: Provider; ping: () => Promise<unknown> }>;
}

/**
 * Builds a connector for every vendor that is configured (LIVE) or, failing that, served by the
 * sandbox (SANDBOX). `sandbox` holds the sandbox's vendor configurations when it runs.
 */
export function createConnectors(options: {
  live: VendorConfigs;
  sandbox: VendorConfigs | null;
  timeoutMs: number;
  logger: Logger;
}): ConnectorSet {
  const { live, sandbox, timeoutMs, logger } = options;
  const connectorOptions = { timeoutMs, logger };
  const pick = <K extends keyof VendorConfigs>(key: K) => {
    const config = live[key] ?? sandbox?.[key];
    const mode: ProviderMode = live[key] ? 'LIVE' : sandbox?.[key] ? 'SANDBOX' : 'DISABLED';
    return { config, mode, baseUrl: config?.baseUrl ?? null };
  };
  const freya = pick('freya');
  const ovia = pick('ovia');
  const llamadapro = pick('llamadapro');
  const cx = pick('cx');
  const happyrobot = pick('happyrobot');

  const connectors: Connectors = {};
  if (freya.config) connectors.freya = createFreyaConnector(freya.config, connectorOptions);
  if (ovia.config) connectors.ovia = createOviaConnector(ovia.config, connectorOptions);
  if (llamadapro.config) {
    connectors.llamadapro = createLlamadaProConnector(llamadapro.config, connectorOptions);
  }
  if (cx.config) connectors.cx = createCxConnector(cx.config, connectorOptions);
  if (happyrobot.config) {
    connectors.happyrobot = createHappyRobotConnector(happyrobot.config, connectorOptions);
  }

  const byCallProvider: Record<CallProvider, CallConnector | undefined> = {
    OVIA: connectors.ovia,
    LLAMADAPRO: connectors.llamadapro,
    CX: connectors.cx,
    HAPPYROBOT: connectors.happyrobot,
  };
  const setups: ProviderSetup[] = [
    { provider: 'FREYA', mode: freya.mode, baseUrl: freya.baseUrl },
    { provider: 'OVIA', mode: ovia.mode, baseUrl: ovia.baseUrl },
    { provider: 'LLAMADAPRO', mode: llamadapro.mode, baseUrl: llamadapro.baseUrl },
    { provider: 'CX', mode: cx.mode, baseUrl: cx.baseUrl },
    { provider: 'HAPPYROBOT', mode: happyrobot.mode, baseUrl: happyrobot.baseUrl },
  ];
  return {
    connectors,
    providers: setups,
    callConnector: (provider) => byCallProvider[provider],
    clients: () => [
      ...(connectors.freya ? [connectors.freya.http] : []),
      ...CALL_PROVIDERS.flatMap((provider) => byCallProvider[provider]?.http ?? []),
    ],
    probes: () => [
      ...(connectors.freya
        ? [{ provider: 'FREYA' as const, ping: firstItem(connectors.freya.problemPages({})) }]
        : []),
      ...CALL_PROVIDERS.flatMap((provider) => {
        const connector = byCallProvider[provider];
        return connector ? [{ provider, ping: firstItem(connector.callPages({}).source) }] : [];
      }),
    ],
  };
}

function firstItem(source: PagedSource<unknown>): () => Promise<unknown> {
  return () => source.fetchPage(source.start, 1);
}

export const PROVIDER_OF: Record<keyof Connectors, Provider> = {
  freya: 'FREYA',
  ovia: 'OVIA',
  llamadapro: 'LLAMADAPRO',
  cx: 'CX',
  happyrobot: 'HAPPYROBOT',
};

/** The vendor's connector, or a PROVIDER_NOT_CONFIGURED error naming it. */
export function requireConnector<K extends keyof Connectors>(
  connectors: Connectors,
  key: K,
): NonNullable<Connectors[K]> {
  const connector = connectors[key];
  if (!connector) throw providerNotConfigured(PROVIDER_OF[key]);
  return connector;
}
