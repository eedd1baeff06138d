import { createHash } from 'node:crypto';
import type { GraphQLError } from 'graphql';
import { requireConnector, type Connectors, type ConnectorSet } from './connectors.js';
import { providerNotConfigured } from './errors.js';
import { backgroundCaller, type Caller } from './http/operation-scope.js';
import type { Logger } from './logger.js';
import type { Limits } from './config.js';
import type { IdempotencyStore } from './stores/idempotency.js';
import type { Metrics } from './metrics.js';
import { bearerToken } from './plugins/use-client-auth.js';
import type { EventLog } from './events/event-log.js';
import type { VendorHealth } from './services/health.js';
import type { IdScope } from './ids.js';
import type { CallProvider } from './model/provider.js';
import type { CallConnector } from './vendors/types.js';
import { createLoaders, type Loaders } from './loaders/index.js';

export interface Context {
  request: Request;
  /** The tenant the request's key selects (`-` without a tenants file), for logs and stores. */
  tenant: string;
  /** How ids are scoped: the tenant's, so another tenant's ids are NOT_FOUND (src/ids.ts). */
  idScope: IdScope;
  /** The call vendors `calls` reads when its filter names none. */
  callProviders: readonly CallProvider[];
  /** Who is asking, as `clientScope` names it; idempotency keys belong to it. */
  client: string;
  /**
   * Whose vendor requests the request's connectors make: the operation's allowance (set when it
   * executes), the read mode of its `Cache-Control`, a running mutation's write ledger.
   */
  caller: Caller;
  /** The tenant's vendors, with connectors whose requests are `caller`'s. */
  connectors: ConnectorSet;
  logger: Logger;
  idempotency: IdempotencyStore;
  metrics: Metrics;
  /** The tenant's vendor probes, shared by `/status` and `providers { health }`. */
  health: VendorHealth;
  /** The live event log: webhooks and the poller write it, subscriptions read it. */
  events: EventLog;
  /** Errors of fields that still return data (a merged list missing one vendor's items). */
  collectedErrors: GraphQLError[];
  reportError(error: GraphQLError): void;
  /** A vendor's connector, or a PROVIDER_NOT_CONFIGURED error. */
  vendor<K extends keyof Connectors>(key: K): NonNullable<Connectors[K]>;
  /** The call vendor's connector, or a PROVIDER_NOT_CONFIGURED error. */
  callConnector(provider: CallProvider): CallConnector;
  loaders: Loaders;
  /** SWITCHBOARD_STATS_MAX_CALLS: calls one `callStats` may read. */
  statsMaxCalls: number;
}

/** What lives as long as the gateway and every request of every tenant shares. */
export interface Services {
  logger: Logger;
  idempotency: IdempotencyStore;
  metrics: Metrics;
}

/** What a request gets of its tenant (src/tenants/tenant.ts). */
export interface RequestTenant {
  id: string;
  idScope: IdScope;
  connectors: ConnectorSet;
  health: VendorHealth;
  events: EventLog;
  callProviders: readonly CallProvider[];
}

/** SWITCHBOARD_STATS_MAX_CALLS when no configuration comes with the services. */
const STATS_MAX_CALLS_DEFAULT = 20_000;

export function createContext(
  {
    logger,
    idempotency,
    metrics,
    config,
  }: Services & {
    config?: { limits: Pick<Limits, 'maxStatsCalls'> };
  },
  tenant: RequestTenant,
  request: Request,
  client: string,
): Context {
  const { health, events } = tenant;
  const caller = backgroundCaller();
  const connectors = tenant.connectors.forCaller(caller);
  const collectedErrors: GraphQLError[] = [];
  const callConnector = (provider: CallProvider): CallConnector => {
    const connector = connectors.callConnector(provider);
    if (!connector) throw providerNotConfigured(provider);
    return connector;
  };
  return {
    request,
    tenant: tenant.id,
    idScope: tenant.idScope,
    callProviders: tenant.callProviders,
    client,
    caller,
    connectors,
    logger,
    idempotency,
    metrics,
    health,
    events,
    collectedErrors,
    reportError: (error) => {
      const key = errorKey(error);
      if (!collectedErrors.some((known) => errorKey(known) === key)) collectedErrors.push(error);
    },
    callConnector,
    vendor: (key) => requireConnector(connectors.connectors, key),
    loaders: createLoaders(connectors),
    statsMaxCalls: config?.limits.maxStatsCalls ?? STATS_MAX_CALLS_DEFAULT,
  };
}

/**
 * Who a request comes from, so that one client's idempotency keys never meet another's: with
 * client keys configured, a digest of the bearer key (which the auth plugin has checked); else
 * the peer's address, from the `req` node's server hands yoga as server context. Forwarded-for
 * headers are not trusted: any client could name another's address in them.
 */
export function clientScope(initial: { request: Request }, keysRequired: boolean): string {
  if (keysRequired) {
    // The same reading of the header as the auth plugin's, so a scope is exactly one valid key.
    const key = bearerToken(initial.request.headers.get('authorization'));
    return `key:${createHash('sha256').update(key, 'utf8').digest('base64url')}`;
  }
  const { req } = initial as { req?: { socket?: { remoteAddress?: string } } };
  const address = req?.socket?.remoteAddress;
  return `ip:${address ? address.replace(/^::ffff:/, '') : 'unknown'}`;
}

/** One entry per failing path and vendor. */
function errorKey(error: GraphQLError): string {
  return `${JSON.stringify(error.path ?? [])}|${String(error.extensions['provider'] ?? '')}|${String(error.extensions['code'] ?? '')}`;
}
