import { z } from 'zod';
import {
  ConfigError,
  read,
  vendor,
  httpUrl,
  integer,
  existingFile,
  flag,
  corsOrigins,
  redisUrl,
  redisPrefix,
  webhookSecret,
  type Env,
} from './config-values.js';
export { ConfigError } from './config-values.js';
import type { TracingOptions } from './telemetry/tracing.js';
import { VENDORS, type VendorConfigs, type VendorKey } from './vendors/registry.js';
import { readTenantsFile, type TenantSettings } from './tenants/tenants-file.js';

export type { VendorConfigs };

/** Abuse limits, each on by default (README, "Operating Switchboard"). */
export interface Limits {
  /** @default 8 */
  maxDepth: number;
  /** @default 15 */
  maxAliases: number;
  /** @default 2000 */
  maxTokens: number;
  /** @default 10 */
  maxDirectives: number;
  /** Estimated objects an operation may return, lists counted at their `first`. @default 10000 */
  maxCost: number;
  /** Largest `/graphql` request body. @default 65_536 */
  maxBodyBytes: number;
  /**
   * Bytes the parsed-document cache may hold, keys (the documents' text) and parsed trees
   * estimated together; documents over DOCUMENT_CACHE_MAX_ENTRY_BYTES are never cached.
   * @default 16_777_216
   */
  documentCacheBytes: number;
  /** Upstream requests (retries included) one operation may cause. @default 250 */
  maxUpstreamRequests: number;
  /**
   * Calls one `callStats` may read, as the vendors' first pages count them; past it the query
   * is refused before any further page. @default 20_000
   */
  maxStatsCalls: number;
}

/**
 * Bounds on client sockets, so slow or stalled clients cannot hold the process's file
 * descriptors (README, "Operating Switchboard").
 */
export interface SocketLimits {
  /** Time a client has to send the request headers. @default 10_000 */
  headersTimeoutMs: number;
  /** Time a client has to send the whole request, body included. @default 30_000 */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. @default 5000 */
  keepAliveTimeoutMs: number;
  /** Open client connections at most; past it new ones are closed on arrival. @default 1000 */
  maxConnections: number;
}

export interface Config {
  port: number;
  host: string;
  upstreamTimeoutMs: number;
  /** Client keys for `Authorization: Bearer`; empty means the graph is open. */
  apiKeys: string[];
  /** Whether unconfigured vendors are served by the embedded sandbox. */
  sandbox: boolean;
  /** How long a mutation's idempotency key is remembered. @default 86_400_000 */
  idempotencyTtlMs: number;
  /** Live idempotency keys held at most; past it new keys are refused, none is forgotten. @default 10_000 */
  idempotencyMaxKeys: number;
  /** Live idempotency keys one client (API key, or IP without keys) may hold. @default 1_000 */
  idempotencyMaxKeysPerClient: number;
  /** Approximate bytes the kept mutation outcomes may take. @default 67_108_864 (64 MiB) */
  idempotencyMaxBytes: number;
  /** `NODE_ENV=production`: introspection, suggestions and GraphiQL off unless enabled. */
  production: boolean;
  introspection: boolean;
  graphiql: boolean;
  /**
   * Serve the Apollo Federation v2 subgraph schema (schema.subgraph.graphql): entities keyed by
   * `id`, `_service` and `_entities`. @default false
   */
  federation: boolean;
  /** How long in-flight requests may take to finish after SIGTERM. @default 10_000 */
  shutdownTimeoutMs: number;
  /**
   * After SIGTERM, how long the listener keeps accepting (with `/readyz` at 503) before it
   * closes and SHUTDOWN_TIMEOUT_MS starts. @default 1000
   */
  drainDelayMs: number;
  sockets: SocketLimits;
  /**
   * Path of a persisted-documents manifest (`{ "sha256:<hex>": document }`, as `npm run codegen`
   * writes packages/client/src/generated/persisted-documents.json); its operations can be sent
   * by hash.
   * @default null (no persisted operations)
   */
  persistedOperations: string | null;
  /**
   * Refuse every operation that is not in the manifest, sent by hash.
   * @default true in production when a manifest is set, else false
   */
  persistedOnly: boolean;
  /**
   * Origins granted CORS (`*` any, without credentials); null when SWITCHBOARD_CORS_ORIGINS is
   * unset: then any origin with credentials outside production, none in production.
   */
  corsOrigins: string[] | null;
  /** Shared state for every process given the same Redis (README, "Many replicas"). */
  redis: RedisSettings | null;
  /** node:cluster worker processes on one port; more than 1 needs Redis. @default 1 */
  workers: number;
  /** How long vendor reads are reused; 0 turns the read cache off. @default 0 */
  cacheTtlMs: number;
  /**
   * Bytes the in-process read cache may hold (used without Redis), entries and their
   * bookkeeping estimated together. @default 67_108_864 (64 MiB)
   */
  cacheMaxBytes: number;
  /** Vendor answers larger than this are never cached, in memory or in Redis. @default 1_048_576 */
  cacheMaxEntryBytes: number;
  /** `/graphql` requests per minute per client (API key, or IP without keys); 0 is off. @default 0 */
  rateLimitPerMinute: number;
  /**
   * Trace export (README, "Traces"): set by OTEL_EXPORTER_OTLP_ENDPOINT (or
   * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT); null, and no OpenTelemetry code loaded, without it.
   */
  tracing: TracingOptions | null;
  limits: Limits;
  vendors: VendorConfigs;
  /**
   * SWITCHBOARD_TENANTS_FILE (README, "Tenants"): its path and its tenants as read at start-up;
   * null without one, when the environment's vendors and keys make the one tenant.
   */
  tenants: { file: string; tenants: TenantSettings[] } | null;
  /** Live events: webhooks in, subscriptions out (README, "Live calls"). */
  events: EventSettings;
}

/** Webhooks in and subscriptions out (README, "Live calls"). */
export interface EventSettings {
  /**
   * Each vendor's Standard Webhooks secret (`whsec_<base64>`, from `<VENDOR>_WEBHOOK_SECRET`);
   * a vendor without one answers 404 on `/webhooks/<vendor>`.
   */
  webhookSecrets: Partial<Record<VendorKey, string>>;
  /** Events kept for resuming with `after`. @default 10_000 */
  retention: number;
  /** Largest webhook body. @default 1_048_576 */
  webhookMaxBodyBytes: number;
  /** Open subscriptions per process, SSE and WebSocket together. @default 1000 */
  maxSubscribers: number;
  /** Open subscriptions of one client (API key, or IP without keys). @default 100 */
  maxSubscribersPerClient: number;
  /**
   * Bytes the in-memory log of one tenant keeps at most (events estimated as their JSON); past
   * it the oldest go even below `retention`. @default 268_435_456
   */
  retentionBytes: number;
  /**
   * How often call vendors without a webhook secret are polled for their newest calls; 0 is off.
   * @default 0
   */
  pollIntervalMs: number;
}

export interface RedisSettings {
  /** `redis://host:port[/db]` (or `rediss://` for TLS). */
  url: string;
  /** Prefix of every key and channel Switchboard writes. @default 'switchboard:' */
  prefix: string;
}

function socketLimits(env: Env): SocketLimits {
  const limits: SocketLimits = {
    headersTimeoutMs: read(env, 'SWITCHBOARD_HEADERS_TIMEOUT_MS', integer(10_000, 1, 600_000)),
    requestTimeoutMs: read(env, 'SWITCHBOARD_REQUEST_TIMEOUT_MS', integer(30_000, 1, 3_600_000)),
    keepAliveTimeoutMs: read(env, 'SWITCHBOARD_KEEP_ALIVE_TIMEOUT_MS', integer(5000, 1, 600_000)),
    maxConnections: read(env, 'SWITCHBOARD_MAX_CONNECTIONS', integer(1000, 1, 1_000_000)),
  };
  // Node refuses to start an HTTP server configured otherwise; say so in the variables' terms.
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new ConfigError(
      'SWITCHBOARD_HEADERS_TIMEOUT_MS must be at most SWITCHBOARD_REQUEST_TIMEOUT_MS',
    );
  }
  return limits;
}

/**
 * Whether unconfigured vendors are served by the sandbox: by default when no vendor is
 * configured, except in production, where fake data is served only when asked for explicitly.
 */
function sandboxFlag(env: Env, anyVendorConfigured: boolean, production: boolean): boolean {
  const sandbox = read(env, 'SWITCHBOARD_SANDBOX', flag(!anyVendorConfigured));
  if (production && !anyVendorConfigured && env.SWITCHBOARD_SANDBOX !== '1') {
    throw new ConfigError(
      'NODE_ENV=production with no vendor configured: set a vendor (e.g. OVIA_BASE_URL) or SWITCHBOARD_SANDBOX=1 to serve the sandbox on purpose',
    );
  }
  return sandbox;
}

/**
 * The standard OpenTelemetry exporter variables, as far as they decide whether and where traces
 * go; the exporter reads the rest (headers, timeout) itself. `OTEL_SDK_DISABLED=true` or
 * `OTEL_TRACES_EXPORTER=none` turn tracing off even with an endpoint.
 */
function tracingOptions(env: Env): TracingOptions | null {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return null;
  if (env.OTEL_TRACES_EXPORTER?.trim().toLowerCase() === 'none') return null;
  const tracesUrl = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
    ? read(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', httpUrl)
    : env.OTEL_EXPORTER_OTLP_ENDPOINT
      ? `${read(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', httpUrl).replace(/\/+$/, '')}/v1/traces`
      : null;
  if (tracesUrl === null) return null;
  const protocolVariable = env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL
    ? 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL'
    : 'OTEL_EXPORTER_OTLP_PROTOCOL';
  return {
    tracesUrl,
    protocol: read(
      env,
      protocolVariable,
      z
        .enum(['http/protobuf', 'http/json'], {
          error: 'must be http/protobuf or http/json (grpc is not supported)',
        })
        .default('http/protobuf'),
    ),
    serviceName: read(env, 'OTEL_SERVICE_NAME', z.string().trim().min(1).default('switchboard')),
  };
}

/**
 * The variables that configure these vendors, as `loadConfig` reads them back: how the cluster
 * primary hands its one sandbox to the workers.
 */
export function vendorEnvironment(vendors: VendorConfigs): Record<string, string> {
  const env: Record<string, string> = {};
  for (const definition of VENDORS) {
    const config: object | undefined = vendors[definition.key];
    if (!config) continue;
    const members = new Map<string, unknown>(Object.entries(config));
    env[`${definition.env.prefix}_BASE_URL`] = String(members.get('baseUrl'));
    for (const [member, variable] of Object.entries<string>(definition.env.credentials)) {
      env[variable] = String(members.get(member));
    }
  }
  return env;
}

function eventSettings(env: Env): EventSettings {
  const webhookSecrets: Partial<Record<VendorKey, string>> = {};
  for (const definition of VENDORS) {
    const secret = read(env, `${definition.env.prefix}_WEBHOOK_SECRET`, webhookSecret);
    if (secret !== undefined) webhookSecrets[definition.key] = secret;
  }
  return {
    webhookSecrets,
    retention: read(env, 'SWITCHBOARD_EVENT_RETENTION', integer(10_000, 10_000, 10_000_000)),
    webhookMaxBodyBytes: read(
      env,
      'SWITCHBOARD_WEBHOOK_MAX_BODY_BYTES',
      integer(1_048_576, 1024, 67_108_864),
    ),
    maxSubscribers: read(env, 'SWITCHBOARD_MAX_SUBSCRIBERS', integer(1000, 1, 1_000_000)),
    maxSubscribersPerClient: read(
      env,
      'SWITCHBOARD_MAX_SUBSCRIBERS_PER_CLIENT',
      integer(100, 1, 1_000_000),
    ),
    retentionBytes: read(
      env,
      'SWITCHBOARD_EVENT_RETENTION_BYTES',
      integer(268_435_456, 1_048_576, 17_179_869_184),
    ),
    pollIntervalMs: read(env, 'SWITCHBOARD_POLL_INTERVAL_MS', integer(0, 0, 86_400_000)),
  };
}

/**
 * The variables a tenants file replaces: each vendor's base URL, credentials and webhook secret,
 * and the client keys. Setting one beside a tenants file would leave unclear whose it is.
 */
function tenantVariables(): string[] {
  return [
    'SWITCHBOARD_API_KEYS',
    ...VENDORS.flatMap((definition) => [
      `${definition.env.prefix}_BASE_URL`,
      ...Object.values<string>(definition.env.credentials),
      `${definition.env.prefix}_WEBHOOK_SECRET`,
    ]),
  ];
}

/**
 * What the rest of the configuration asks of the tenants, at start-up and at every reload: a
 * tenant's sandbox is a set of fake vendors in its process, so workers would each have their own.
 */
export function checkTenantsFit(tenants: readonly TenantSettings[], workers: number): void {
  if (workers > 1 && tenants.some((tenant) => tenant.sandbox !== null)) {
    throw new ConfigError(
      'SWITCHBOARD_WORKERS above 1 with tenants served by a sandbox: each worker would hold a sandbox of its own; run one worker, or give those tenants vendors',
    );
  }
}

/** SWITCHBOARD_TENANTS_FILE, read and checked; null when it is not set. */
function tenantsOf(env: Env): Config['tenants'] {
  const file = env.SWITCHBOARD_TENANTS_FILE?.trim();
  if (!file) return null;
  const clash = tenantVariables().find((name) => (env[name] ?? '').trim() !== '');
  if (clash) {
    throw new ConfigError(
      `SWITCHBOARD_TENANTS_FILE and ${clash} are both set: with a tenants file, vendors, keys and webhook secrets are configured per tenant in the file`,
    );
  }
  return { file, tenants: readTenantsFile(file, env) };
}

/** Parses the environment (README, "Configuration"); throws a ConfigError naming the first bad variable. */
export function loadConfig(env: Env = process.env): Config {
  // First: beside a tenants file the vendor variables are a clash, not a half-set vendor.
  const tenants = tenantsOf(env);
  const vendors: VendorConfigs = {};
  for (const definition of VENDORS) {
    // Read through the definition's own `env`, so the entry has its configuration's members.
    const config = vendor(env, definition.env.prefix, definition.env.credentials);
    if (config) Object.assign(vendors, { [definition.key]: config });
  }

  const production = env.NODE_ENV === 'production';
  const url = read(env, 'REDIS_URL', redisUrl);
  const redis = url ? { url, prefix: read(env, 'SWITCHBOARD_REDIS_PREFIX', redisPrefix) } : null;
  const workers = read(env, 'SWITCHBOARD_WORKERS', integer(1, 1, 64));
  if (tenants) checkTenantsFit(tenants.tenants, workers);
  if (workers > 1 && redis === null) {
    throw new ConfigError(
      'SWITCHBOARD_WORKERS above 1 needs REDIS_URL: workers share idempotency keys, the cache and rate limits through it',
    );
  }
  const persistedOperations = read(env, 'SWITCHBOARD_PERSISTED_OPERATIONS', existingFile);
  const persistedOnly = read(
    env,
    'SWITCHBOARD_PERSISTED_ONLY',
    flag(production && persistedOperations !== null),
  );
  if (persistedOnly && persistedOperations === null) {
    throw new ConfigError('SWITCHBOARD_PERSISTED_ONLY needs SWITCHBOARD_PERSISTED_OPERATIONS');
  }
  return {
    port: read(env, 'PORT', integer(4000, 0, 65_535)),
    host: read(env, 'HOST', z.string().trim().min(1).default('127.0.0.1')),
    upstreamTimeoutMs: read(env, 'UPSTREAM_TIMEOUT_MS', integer(5000, 1, 600_000)),
    apiKeys: (env.SWITCHBOARD_API_KEYS ?? '')
      .split(',')
      .map((key) => key.trim())
      .filter((key) => key !== ''),
    // With a tenants file each tenant says whether the sandbox serves it.
    sandbox: tenants ? false : sandboxFlag(env, Object.keys(vendors).length > 0, production),
    idempotencyTtlMs: read(env, 'IDEMPOTENCY_TTL_MS', integer(86_400_000, 1, 7 * 86_400_000)),
    idempotencyMaxKeys: read(
      env,
      'SWITCHBOARD_IDEMPOTENCY_MAX_KEYS',
      integer(10_000, 1, 10_000_000),
    ),
    idempotencyMaxKeysPerClient: read(
      env,
      'SWITCHBOARD_IDEMPOTENCY_MAX_KEYS_PER_CLIENT',
      integer(1_000, 1, 10_000_000),
    ),
    idempotencyMaxBytes: read(
      env,
      'SWITCHBOARD_IDEMPOTENCY_MAX_BYTES',
      integer(67_108_864, 65_536, 17_179_869_184),
    ),
    production,
    introspection: read(env, 'SWITCHBOARD_INTROSPECTION', flag(!production)),
    graphiql: read(env, 'SWITCHBOARD_GRAPHIQL', flag(!production)),
    federation: read(env, 'SWITCHBOARD_FEDERATION', flag(false)),
    shutdownTimeoutMs: read(env, 'SHUTDOWN_TIMEOUT_MS', integer(10_000, 0, 600_000)),
    drainDelayMs: read(env, 'SWITCHBOARD_DRAIN_DELAY_MS', integer(1000, 0, 600_000)),
    sockets: socketLimits(env),
    persistedOperations,
    persistedOnly,
    corsOrigins: read(env, 'SWITCHBOARD_CORS_ORIGINS', corsOrigins),
    redis,
    workers,
    cacheTtlMs: read(env, 'SWITCHBOARD_CACHE_TTL_MS', integer(0, 0, 86_400_000)),
    cacheMaxBytes: read(env, 'SWITCHBOARD_CACHE_MAX_BYTES', integer(67_108_864, 65_536, 2 ** 34)),
    cacheMaxEntryBytes: read(
      env,
      'SWITCHBOARD_CACHE_MAX_ENTRY_BYTES',
      integer(1_048_576, 1024, 67_108_864),
    ),
    rateLimitPerMinute: read(env, 'SWITCHBOARD_RATE_LIMIT', integer(0, 0, 1_000_000)),
    tracing: tracingOptions(env),
    limits: {
      maxDepth: read(env, 'SWITCHBOARD_MAX_DEPTH', integer(8, 1, 100)),
      maxAliases: read(env, 'SWITCHBOARD_MAX_ALIASES', integer(15, 0, 1000)),
      maxTokens: read(env, 'SWITCHBOARD_MAX_TOKENS', integer(2000, 10, 1_000_000)),
      maxDirectives: read(env, 'SWITCHBOARD_MAX_DIRECTIVES', integer(10, 0, 1000)),
      maxCost: read(env, 'SWITCHBOARD_MAX_COST', integer(10_000, 1, 100_000_000)),
      maxBodyBytes: read(env, 'SWITCHBOARD_MAX_BODY_BYTES', integer(65_536, 1024, 100_000_000)),
      documentCacheBytes: read(
        env,
        'SWITCHBOARD_DOCUMENT_CACHE_BYTES',
        integer(16_777_216, 0, 1_073_741_824),
      ),
      maxUpstreamRequests: read(env, 'SWITCHBOARD_MAX_UPSTREAM_REQUESTS', integer(250, 1, 100_000)),
      maxStatsCalls: read(env, 'SWITCHBOARD_STATS_MAX_CALLS', integer(20_000, 1, 10_000_000)),
    },
    vendors,
    tenants,
    events: eventSettings(env),
  };
}
