import type { GraphQLError } from 'graphql';
import { requireConnector, type Connectors, type ConnectorSet } from './connectors.js';
import { providerNotConfigured } from './errors.js';
import type { Logger } from './logger.js';
import type { IdempotencyStore } from './mutations/idempotency.js';
import type { Metrics } from './metrics.js';
import type { CallProvider } from './model/provider.js';
import type { CallConnector } from './vendors/types.js';
import { createLoaders, type Loaders } from './loaders/index.js';

export interface Context {
  request: Request;
  connectors: ConnectorSet;
  logger: Logger;
  idempotency: IdempotencyStore;
  metrics: Metrics;
  /** Errors of fields that still return data (a merged list missing one vendor's items). */
  collectedErrors: GraphQLError[];
  reportError(error: GraphQLError): void;
  /** A vendor's connector, or a PROVIDER_NOT_CONFIGURED error. */
  vendor<K extends keyof Connectors>(key: K): NonNullable<Connectors[K]>;
  /** The call vendor's connector, or a PROVIDER_NOT_CONFIGURED error. */
  callConnector(provider: CallProvider): CallConnector;
  loaders: Loaders;
}

/** What lives as long as the gateway and every request shares. */
export interface Services {
  connectors: ConnectorSet;
  logger: Logger;
  idempotency: IdempotencyStore;
  metrics: Metrics;
}

export function createContext(
  { connectors, logger, idempotency, metrics }: Services,
  request: Request,
): Context {
  const collectedErrors: GraphQLError[] = [];
  const callConnector = (provider: CallProvider): CallConnector => {
    const connector = connectors.callConnector(provider);
    if (!connector) throw providerNotConfigured(provider);
    return connector;
  };
  return {
    request,
    connectors,
    logger,
    idempotency,
    metrics,
    collectedErrors,
    reportError: (error) => {
      const key = errorKey(error);
      if (!collectedErrors.some((known) => errorKey(known) === key)) collectedErrors.push(error);
    },
    callConnector,
    vendor: (key) => requireConnector(connectors.connectors, key),
    loaders: createLoaders(connectors),
  };
}

/** One entry per failing path and vendor. */
function errorKey(error: GraphQLError): string {
  return `${JSON.stringify(error.path ?? [])}|${String(error.extensions['provider'] ?? '')}|${String(error.extensions['code'] ?? '')}`;
}
