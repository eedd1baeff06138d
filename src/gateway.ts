import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  checkTenantsFit,
  ConfigError,
  loadConfig,
  type Config,
  type SocketLimits,
} from './config.js';
import { createLogger, type Logger } from './logger.js';
import type { Fault, SandboxVendor } from './sandbox/faults.js';
import type { LiveOptions } from './sandbox/live.js';
import type { Sandbox } from './sandbox/server.js';
import { createMetrics, type Metrics } from './metrics.js';
import { GatewayHealth } from './services/health.js';
import type { IdempotencyStore } from './stores/idempotency.js';
import { InMemoryIdempotencyStore } from './stores/memory-idempotency.js';
import { CLAIM_MARGIN_MS, RedisIdempotencyStore } from './stores/redis-idempotency.js';
import { RedisConnection } from './stores/redis.js';
import { InMemoryReadCacheStore } from './stores/read-cache.js';
import { RedisReadCacheStore } from './stores/redis-read-cache.js';
import { ReadCache } from './http/read-cache.js';
import { InMemoryRateLimiter, type RateLimiter } from './stores/rate-limit.js';
import { RedisRateLimiter } from './stores/redis-rate-limit.js';
import { startTracing, type Tracing } from './telemetry/tracing.js';
import { createSwitchboardYoga, type SwitchboardYoga } from './yoga.js';
import { SubscriberBudget } from './events/event-stream.js';
import { loopbackOrigin } from './events/sandbox-webhooks.js';
import { serveGraphQLWs } from './graphql-ws.js';
import { loadPersistedOperations } from './plugins/use-persisted-operations.js';
import { wsAdmission } from './ws-admission.js';
import { TenantDirectory, type ReloadOutcome } from './tenants/directory.js';
import { SINGLE_TENANT } from './tenants/tenant.js';
import { readTenantsFile, type TenantSettings } from './tenants/tenants-file.js';

export interface Gateway {
  config: Config;
  url: string;
  yoga: SwitchboardYoga;
  metrics: Metrics;
  /** The embedded sandbox of the one tenant without a tenants file, when it runs. */
  sandbox: Sandbox | null;
  server: Server;
  health: GatewayHealth;
  /** The one Redis connection of the process when REDIS_URL is set, shared by every store. */
  redis: RedisConnection | null;
  /**
   * The tenants (README, "Tenants"): each with its connectors, health, sandbox and live event log
   * (shared through Redis when REDIS_URL is set). One, `-`, without a tenants file.
   */
  tenants: TenantDirectory;
  /**
   * SIGHUP: reads the tenants file again and applies it. An invalid file changes nothing and is
   * logged in one line naming the problem; the outcome is null then.
   */
  reloadTenants(): Promise<ReloadOutcome | null>;
  /** Trace export when OTEL_EXPORTER_OTLP_ENDPOINT is set; drain and close flush it. */
  tracing: Tracing | null;
  /**
   * The SIGTERM shutdown. `/readyz` answers 503 at once while the listener keeps serving for
   * `delayMs` (SWITCHBOARD_DRAIN_DELAY_MS), then it closes and in-flight requests have
   * `timeoutMs` (SHUTDOWN_TIMEOUT_MS) to finish; those still running are answered 503
   * SHUTTING_DOWN and the vendor connections dropped, so it takes at most `delayMs + timeoutMs`
   * whatever the vendors do.
   */
  drain(options?: { delayMs?: number; timeoutMs?: number }): Promise<void>;
  close(): Promise<void>;
}

/**
 * Of the shutdown budget, the part kept at its end for writing the SHUTTING_DOWN answers before
 * the sockets are destroyed.
 */
const FINAL_ANSWER_MS = 250;

const SHUTTING_DOWN_BODY = JSON.stringify({
  errors: [
    {
      message: 'The server is shutting down and this request did not finish in time; retry it.',
      extensions: { code: 'SHUTTING_DOWN' },
    },
  ],
});

/** A request cut short by the shutdown still gets an HTTP answer, never a reset socket. */
function answerShuttingDown(response: ServerResponse): void {
  if (response.writableEnded) return;
  // A streamed answer (its status already sent) can only be ended where it stands.
  if (response.headersSent) {
    response.end();
    return;
  }
  response.writeHead(503, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(SHUTTING_DOWN_BODY),
    connection: 'close',
  });
  response.end(SHUTTING_DOWN_BODY);
}

/**
 * Node checks the header and request timeouts only on this interval (30 s by default), which
 * would let a stalled socket outlive its timeout by as much again.
 */
function connectionsCheckingInterval(limits: SocketLimits): number {
  return Math.max(10, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4)));
}

function delay(ms: number): { done: Promise<void>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return { done, cancel: () => clearTimeout(timer) };
}

/** The one tenant of a gateway without a tenants file: the environment's vendors and keys. */
function singleTenant(config: Config): TenantSettings {
  return {
    id: SINGLE_TENANT,
    apiKeys: config.apiKeys,
    vendors: config.vendors,
    webhookSecrets: config.events.webhookSecrets,
    // The same data set as always: seed 0.
    sandbox: config.sandbox ? { seed: 0 } : null,
  };
}

/**
 * `/webhooks/<vendor>` of the one tenant, or `/webhooks/<tenant>/<vendor>` with a tenants file
 * (README, "Tenants"); an unknown tenant is answered 404 like an unknown vendor.
 */
function webhookTarget(
  tenants: TenantDirectory,
  pathname: string,
): { receive(request: IncomingMessage, response: ServerResponse): Promise<void> } | null {
  if (!pathname.startsWith('/webhooks/')) return null;
  const parts = pathname.slice('/webhooks/'.length).replace(/\/$/, '').split('/');
  const [tenantId, vendor] = tenants.single ? [SINGLE_TENANT, parts[0]] : parts;
  const expected = tenants.single ? 1 : 2;
  const tenant = parts.length === expected && tenantId ? tenants.get(tenantId) : undefined;
  return {
    receive: async (request, response) => {
      if (tenant && vendor) return tenant.receiveWebhook(request, response, vendor);
      request.resume();
      const body = JSON.stringify({ error: 'no webhooks are received here' });
      response.writeHead(404, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
      });
      response.end(body);
    },
  };
}

/** SWITCHBOARD_RATE_LIMIT's counters: shared through Redis when there is one, else in memory. */
function rateLimiterFor(
  config: Config,
  redis: RedisConnection | null,
  logger: Logger,
): RateLimiter | null {
  const perMinute = config.rateLimitPerMinute;
  if (perMinute === 0) return null;
  return redis
    ? new RedisRateLimiter({ redis, perMinute, logger })
    : new InMemoryRateLimiter({ perMinute });
}

/**
 * SWITCHBOARD_CACHE_TTL_MS's read cache of vendor answers: in Redis when there is one, shared by
 * every replica, else in this process within its byte budget.
 */
function readCacheFor(
  config: Config,
  redis: RedisConnection | null,
  logger: Logger,
  metrics: Metrics,
): ReadCache | null {
  if (config.cacheTtlMs === 0) return null;
  let store: RedisReadCacheStore | InMemoryReadCacheStore;
  if (redis) {
    store = new RedisReadCacheStore(redis);
  } else {
    const memory = new InMemoryReadCacheStore({ maxBytes: config.cacheMaxBytes });
    metrics.measureReadCache(() => memory.bytes);
    store = memory;
  }
  return new ReadCache(store, {
    ttlMs: config.cacheTtlMs,
    maxEntryBytes: config.cacheMaxEntryBytes,
    logger,
    onLookup: metrics.recordCacheLookup,
  });
}

/**
 * Reads the configuration, starts the sandbox when asked, and serves the graph. `npm start` and
 * the end-to-end tests both come through here, so tests run the product as users do.
 */
export async function startGateway(
  options: {
    env?: Record<string, string | undefined>;
    logger?: Logger;
    sandboxFaults?: Partial<Record<SandboxVendor, Fault>>;
    /** How the sandbox's started calls move (tests shorten the steps). */
    sandboxLive?: LiveOptions;
  } = {},
): Promise<Gateway> {
  const env = options.env ?? process.env;
  const config = loadConfig(env);
  const logger = options.logger ?? createLogger();
  // Connects in the background: the gateway starts, and serves, while Redis is down.
  const redis = config.redis ? new RedisConnection(config.redis, logger) : null;
  const idempotencyLimits = {
    ttlMs: config.idempotencyTtlMs,
    maxKeys: config.idempotencyMaxKeys,
    maxKeysPerScope: config.idempotencyMaxKeysPerClient,
    maxBytes: config.idempotencyMaxBytes,
  };
  const idempotency: IdempotencyStore = redis
    ? new RedisIdempotencyStore(redis, {
        ...idempotencyLimits,
        claimTtlMs: config.upstreamTimeoutMs + CLAIM_MARGIN_MS,
        logger,
      })
    : new InMemoryIdempotencyStore(idempotencyLimits);
  const metrics = createMetrics();
  // The OpenTelemetry SDK is imported only here, and only with an endpoint configured.
  const tracing = config.tracing ? await startTracing(config.tracing) : null;
  const readCache = readCacheFor(config, redis, logger, metrics);
  const health = new GatewayHealth();
  if (redis) health.watchRedis(() => redis.client.ping());
  const rateLimiter = rateLimiterFor(config, redis, logger);
  const subscribers = new SubscriberBudget(
    config.events.maxSubscribers,
    config.events.maxSubscribersPerClient,
  );
  metrics.measureSubscriptions(() => subscribers.used);
  const tenants = await TenantDirectory.open(
    config.tenants?.tenants ?? [singleTenant(config)],
    {
      config,
      logger,
      metrics,
      tracing,
      redis,
      readCache,
      subscribers,
      ...(options.sandboxFaults ? { sandboxFaults: options.sandboxFaults } : {}),
      ...(options.sandboxLive ? { sandboxLive: options.sandboxLive } : {}),
    },
    config.tenants === null,
  );
  // Read once, for HTTP requests (yoga's plugin) and WebSocket operations alike.
  const manifest =
    config.persistedOperations === null
      ? null
      : loadPersistedOperations(config.persistedOperations);
  const yoga = createSwitchboardYoga({
    config,
    logger,
    idempotency,
    metrics,
    health,
    tenants,
    rateLimiter,
    tracing,
    manifest,
  });
  const inFlight = new Set<ServerResponse>();
  /** 'serving', then 'draining' from SIGTERM, then 'final' once in-flight requests are cut off. */
  let phase: 'serving' | 'draining' | 'final' = 'serving';
  const { sockets } = config;
  const server = createServer(
    {
      headersTimeout: sockets.headersTimeoutMs,
      requestTimeout: sockets.requestTimeoutMs,
      keepAliveTimeout: sockets.keepAliveTimeoutMs,
      connectionsCheckingInterval: connectionsCheckingInterval(sockets),
    },
    (request, response) => {
      if (phase === 'final') {
        answerShuttingDown(response);
        return;
      }
      // Clients move to a fresh connection, which the load balancer sends to another replica.
      if (phase === 'draining') response.shouldKeepAlive = false;
      inFlight.add(response);
      response.once('close', () => inFlight.delete(response));
      const webhook = webhookTarget(tenants, (request.url ?? '/').split('?')[0] ?? '/');
      if (webhook) {
        webhook.receive(request, response).catch((error: unknown) => {
          logger.error({ err: { message: String(error) } }, 'webhook failed');
          if (!response.headersSent) response.writeHead(500);
          response.end();
        });
        return;
      }
      void yoga(request, response);
    },
  );
  // Past the cap Node closes new connections on arrival, so stalled clients cannot use up the
  // process's file descriptors.
  server.maxConnections = sockets.maxConnections;
  const graphqlWs = serveGraphQLWs(server, yoga, {
    keys: tenants,
    admit: wsAdmission({ config, manifest, rateLimiter, keysRequired: tenants.required }),
    maxMessageBytes: config.limits.maxBodyBytes,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}/graphql`;
  tenants.start(loopbackOrigin(config.host, port));
  return {
    config,
    url,
    yoga,
    metrics,
    sandbox: tenants.get(SINGLE_TENANT)?.sandbox ?? null,
    server,
    health,
    redis,
    tenants,
    tracing,
    reloadTenants: async () => {
      if (config.tenants === null) return null;
      let settings: TenantSettings[];
      try {
        settings = readTenantsFile(config.tenants.file, env);
        checkTenantsFit(settings, config.workers);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        logger.error(`tenants not reloaded, the old configuration stays: ${error.message}`);
        return null;
      }
      try {
        const outcome = await tenants.reload(settings);
        logger.info(outcome, 'tenants reloaded');
        return outcome;
      } catch (error) {
        logger.error(
          `tenants not reloaded, the old configuration stays: ${error instanceof Error ? error.message : String(error)}`,
        );
        return null;
      }
    },
    drain: async ({ delayMs = config.drainDelayMs, timeoutMs = config.shutdownTimeoutMs } = {}) => {
      health.startDraining();
      phase = 'draining';
      await delay(delayMs).done;

      await tenants.stopPolling();
      // Open subscriptions end now (SSE answers finish, sockets close with 1001): clients
      // reconnect to another replica with their last cursor.
      await tenants.closeEvents();
      await graphqlWs.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive sockets would hold close() open; busy ones finish their response first.
      server.closeIdleConnections();
      const idleTimer = setInterval(() => server.closeIdleConnections(), 100);
      const finalAnswers = Math.min(FINAL_ANSWER_MS, Math.floor(timeoutMs / 4));
      const cutOff = delay(timeoutMs - finalAnswers);
      await Promise.race([closed, cutOff.done]);
      cutOff.cancel();
      if (inFlight.size > 0) {
        phase = 'final';
        for (const response of inFlight) answerShuttingDown(response);
        const deadline = delay(finalAnswers);
        await Promise.race([closed, deadline.done]);
        deadline.cancel();
      }
      clearInterval(idleTimer);
      server.closeAllConnections();
      // destroy(), not close(): close() waits for requests a hanging vendor never answers.
      await tenants.closeConnections('destroy');
      readCache?.close();
      await redis?.close();
      // Last, so the spans of requests cut short by the shutdown are exported too.
      await tracing?.shutdown();
      await tenants.closeSandboxes();
    },
    close: async () => {
      await tenants.stopPolling();
      await tenants.closeEvents();
      await graphqlWs.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await tenants.closeConnections('close');
      readCache?.close();
      await redis?.close();
      // Last, so the spans of requests cut short by the shutdown are exported too.
      await tracing?.shutdown();
      await tenants.closeSandboxes();
    },
  };
}
