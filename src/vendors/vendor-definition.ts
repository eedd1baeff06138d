import type { Route } from '../http/route.js';
import type { UpstreamClient } from '../http/upstream-client.js';
import type { Call } from '../model/call.js';
import type { Message } from '../model/message.js';
import type { Problem } from '../model/problem.js';
import type { CallProvider, Provider } from '../model/provider.js';
import type { PagedSource } from '../paging/paged-source.js';
import type { CallConnector, ConnectorOptions } from './types.js';

/** What every vendor's configuration holds besides its credentials. */
export interface VendorBaseConfig {
  baseUrl: string;
}

/** A vendor reached with one API key (Ovia, LlamadaPro, HappyRobot). */
export interface BearerConfig extends VendorBaseConfig {
  apiKey: string;
}

/**
 * One vendor as the gateway sees it: its names, its environment variables, its routes (whose
 * capabilities it announces) and how to build its connector. src/vendors/registry.ts lists them;
 * configuration, connectors, `providers` and the Provider enum's descriptions all read that list.
 */
export interface VendorDefinition<
  Key extends string = string,
  Config extends VendorBaseConfig = VendorBaseConfig,
  Connector extends { readonly http: UpstreamClient } = { readonly http: UpstreamClient },
> {
  /** The vendor's name in configuration and URLs, e.g. `ovia`. */
  key: Key;
  provider: Provider;
  /** What the vendor brings to the graph, shown on the Provider enum value. */
  description: string;
  /**
   * `<prefix>_BASE_URL` configures the vendor; `credentials` names the variable of each other
   * member of its configuration, all required once the base URL is set.
   */
  env: { prefix: string; credentials: { [Member in Exclude<keyof Config, 'baseUrl'>]: string } };
  routes: Readonly<Record<string, Route>>;
  /** Capabilities that come from other routes' answers rather than a route of their own. */
  derivedCapabilities?: readonly string[];
  create(config: Config, options: ConnectorOptions): Connector;
  /**
   * The connector over `http`, a view of the one `create` built (`UpstreamClient.forCaller`):
   * each request gets its own, so that its vendor requests are its own (src/connectors.ts).
   */
  connect(config: Config, http: UpstreamClient): Connector;
  /** A cheap one-item read, for `/status` and `providers { health }`. */
  probe(connector: Connector): PagedSource<unknown>;
  /** The vendor's webhook events (assumed: no vendor documents its own), in its `webhooks.ts`. */
  webhook?: WebhookParser;
  /** For the vendors that serve calls: the connector as the merged `calls` list uses it. */
  calls?: { provider: CallProvider; connector(connector: Connector): CallConnector };
}

/** Keeps each definition's own types (its key, config and connector) for the registry. */
export function defineVendor<
  const Key extends string,
  Config extends VendorBaseConfig,
  Connector extends { readonly http: UpstreamClient },
>(definition: VendorDefinition<Key, Config, Connector>): VendorDefinition<Key, Config, Connector> {
  return definition;
}

/** The vendor's announced capabilities: its routes' and the derived ones, each once. */
export function capabilitiesOf(definition: VendorDefinition): string[] {
  return [
    ...new Set([
      ...Object.values(definition.routes).map((route) => route.capability),
      ...(definition.derivedCapabilities ?? []),
    ]),
  ];
}

/** What one webhook reported, mapped to the unified types. */
export type WebhookPayload =
  | { kind: 'call'; call: Call }
  | { kind: 'message'; message: Message }
  | { kind: 'problem'; problem: Problem }
  /** An event type the gateway does not know: accepted and dropped. */
  | { kind: 'ignored' };

/**
 * Reads the `data` of one webhook of a vendor, given its `type`: the mapped object, or null when
 * `data` is not the object that type carries.
 */
export type WebhookParser = (type: string, data: unknown) => WebhookPayload | null;
