import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { createYoga, type YogaServerInstance, type YogaServerOptions } from 'graphql-yoga';
import type { Config } from './config.js';
import { getOperationAST, GraphQLError, type DocumentNode, type ExecutionArgs } from 'graphql';
import {
  clientScope,
  createContext,
  type Context,
  type RequestTenant,
  type Services,
} from './context.js';
import { DEFAULT_QUERY, graphiqlTabs, renderSwitchboardGraphiQL } from './graphiql.js';
import { corsPolicy } from './plugins/cors.js';
import { documentCaches } from './plugins/document-cache.js';
import { useCacheControl } from './plugins/use-cache-control.js';
import { useClientAuth, type ClientKeys } from './plugins/use-client-auth.js';
import type { GatewayHealth } from './services/health.js';
import { useCollectedErrors } from './plugins/use-collected-errors.js';
import { useHealth } from './plugins/use-health.js';
import { useLimits } from './plugins/use-limits.js';
import { useObservability } from './plugins/use-observability.js';
import { useRateLimit } from './plugins/use-rate-limit.js';
import { usePersistedOperations } from './plugins/use-persisted-operations.js';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { OperationLabels, operationNames } from './plugins/operation-labels.js';
import { schema, subgraphSchema } from './schema/index.js';
import type { RateLimiter } from './stores/rate-limit.js';
import type { Tracing } from './telemetry/tracing.js';

export type SwitchboardYoga = YogaServerInstance<Record<string, never>, Context>;

/** How requests find their tenant (src/tenants/directory.ts): by their `Authorization` key. */
export interface TenantLookup extends ClientKeys {
  forAuthorization(authorization: string | null): RequestTenant | null;
}

/**
 * The tenant of each request, looked up once (one digest of its key) and then the same for all
 * of its plugins and its context, even if a reload of the tenants file lands in between.
 */
function tenantsByRequest(tenants: TenantLookup): (request: Request) => RequestTenant | null {
  const known = new WeakMap<Request, RequestTenant | null>();
  return (request) => {
    let tenant = known.get(request);
    if (tenant === undefined) {
      tenant = tenants.forAuthorization(request.headers.get('authorization'));
      known.set(request, tenant);
    }
    return tenant;
  };
}

/** The tenant of a request the auth plugin let through (a removed key can arrive over a socket). */
function requireTenant(tenant: RequestTenant | null): RequestTenant {
  if (!tenant) {
    throw new GraphQLError('A valid API key is required: Authorization: Bearer <key>', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  return tenant;
}

/**
 * Which operations graphql-jit compiles (bench/README.md, "Speed (issue 15)"): queries only, since
 * it coerces variables itself and does not enforce `@oneOf` (StartCallInput), and only a document
 * run before, i.e. one the parse cache holds as the same object, so that a client sending a new
 * document every time cannot make each one pay for a compilation as well. The set is weak: it
 * forgets documents as the parse cache does.
 */
function compiledOnceSeenTwice(): (args: ExecutionArgs) => boolean {
  const seen = new WeakSet<DocumentNode>();
  return ({ document, operationName }) => {
    if (getOperationAST(document, operationName)?.operation !== 'query') return false;
    if (seen.has(document)) return true;
    seen.add(document);
    return false;
  };
}

export function createSwitchboardYoga(
  services: Services & {
    config: Config;
    /** SWITCHBOARD_RATE_LIMIT's counters; null when it is 0. */
    rateLimiter?: RateLimiter | null;
    /** Trace export (OTEL_EXPORTER_OTLP_ENDPOINT); null or absent when off. */
    tracing?: Tracing | null;
    /** Readiness and Redis, for the health endpoints. */
    health: GatewayHealth;
    tenants: TenantLookup;
    /** SWITCHBOARD_PERSISTED_OPERATIONS as `loadPersistedOperations` read it; null when unset. */
    manifest: ReadonlyMap<string, string> | null;
  },
): SwitchboardYoga {
  const { tenants } = services;
  const tenantOf = tenantsByRequest(tenants);
  const { config, logger, metrics } = services;
  const caches = documentCaches(config.limits.documentCacheBytes);
  metrics.measureDocumentCache(caches.bytes);
  // Its hashes serve persisted operations, its names bound the metric labels.
  const { manifest } = services;
  const plugins: NonNullable<YogaServerOptions<Record<string, never>, Context>['plugins']> = [
    // First, so that the plugins after it that wrap execution (the operation's upstream scope
    // in useObservability) wrap the compiled executor rather than be replaced by it.
    useGraphQlJit({}, { enableIf: compiledOnceSeenTwice() }),
    useClientAuth(tenants),
    useHealth(services.health, (request) => tenantOf(request)?.health ?? null),
    useObservability({
      logger,
      metrics,
      maxUpstreamRequests: config.limits.maxUpstreamRequests,
      tracing: services.tracing ?? null,
      tenantOf: (request) => tenantOf(request)?.id ?? '-',
      operationLabels: new OperationLabels(
        manifest === null ? null : operationNames(manifest.values()),
      ),
    }),
    // After auth (a request without a valid key counts against nobody) and observability (a
    // refused request still gets its log line and request id), before parsing and the limits.
    ...(services.rateLimiter
      ? [
          useRateLimit({
            limiter: services.rateLimiter,
            perMinute: config.rateLimitPerMinute,
            clientOf: (initial) => clientScope(initial, tenants.required),
            scopeOf: (request) => tenantOf(request)?.id ?? '-',
          }),
        ]
      : []),
    ...useLimits(config.limits, { blockFieldSuggestions: config.production }),
    useCacheControl(),
  ];
  if (!config.introspection) plugins.push(useDisableIntrospection());
  // Browsers send "simple" cross-site requests (GET, forms) without a preflight; production asks
  // those for a custom header, so another site cannot make a user's browser call the graph.
  if (config.production) {
    plugins.push(
      useCSRFPrevention({ requestHeaders: ['x-graphql-client-name', 'x-graphql-csrf'] }),
    );
  }
  // Runs on the request parameters, so before parsing, limits and execution whatever its place.
  if (manifest !== null) {
    plugins.push(usePersistedOperations({ operations: manifest, only: config.persistedOnly }));
  }
  plugins.push(useCollectedErrors());

  return createYoga<Record<string, never>, Context>({
    // The subgraph schema is the same graph plus the federation entry points (README, "Federation").
    schema: config.federation ? subgraphSchema() : schema,
    context: (initial) =>
      createContext(
        services,
        requireTenant(tenantOf(initial.request)),
        initial.request,
        clientScope(initial, tenants.required),
      ),
    graphqlEndpoint: '/graphql',
    cors: corsPolicy({ origins: config.corsOrigins, production: config.production }),
    graphiql: config.graphiql
      ? { title: 'Switchboard', defaultQuery: DEFAULT_QUERY, defaultTabs: graphiqlTabs() }
      : false,
    renderGraphiQL: renderSwitchboardGraphiQL,
    landingPage: false,
    maskedErrors: true,
    batching: false,
    // useLimits' body limit (src/plugins/use-limits.ts) already refuses a POST over
    // SWITCHBOARD_MAX_BODY_BYTES by its Content-Length, or without one when chunked, and node's
    // parser never reads past a declared length. yoga's own limit would pipe every body through a
    // counting stream as well, which cost ≈ 7 % of the CPU of a small request (bench/README.md,
    // "Speed (issue 15)").
    maxRequestBodySize: false,
    parserAndValidationCache: caches.options,
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error(args.map(String).join(' ')),
    },
    plugins,
  });
}
