import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig, type Config, type SocketLimits, type VendorConfigs } from './config.js';
import { createConnectors, type ConnectorSet } from './connectors.js';
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
import { ReadCache, SINGLE_TENANT_SCOPE } from './http/read-cache.js';
import { InMemoryRateLimiter, type RateLimiter } from './stores/rate-limit.js';
import { RedisRateLimiter } from './stores/redis-rate-limit.js';
import { startTracing, type Tracing } from './telemetry/tracing.js';
import { createSwitchboardYoga, type SwitchboardYoga } from './yoga.js';
import type { EventLog } from './events/event-log.js';
import { InMemoryEventLog } from './events/memory-event-log.js';
import { RedisEventLog } from './events/redis-event-log.js';
import { InMemoryWebhookDedup, RedisWebhookDedup } from './events/webhook-dedup.js';
import { createWebhookHandler, WEBHOOK_PATH } from './events/webhooks.js';
import { CallPoller, vendorsToPoll } from './events/poller.js';
import { loopbackOrigin, sandboxWebhookSecrets } from './events/sandbox-webhooks.js';
import { serveGraphQLWs } from './graphql-ws.js';

export interface Gateway {
  config: Config;
  url: string;
  yoga: SwitchboardYoga;
  connectors: ConnectorSet;
  metrics: Metrics;
  sandbox: Sandbox | null;
  server: Server;
  health: GatewayHealth;
  /** The one Redis connection of the process when REDIS_URL is set, shared by every store. */
  redis: RedisConnection | null;
  /**
   * The live event log (an EventSink): webhooks and the poller hand it what they see, and
   * subscriptions read it. Shared through Redis when REDIS_URL is set.
   */
  events: EventLog;
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

/**
 * Imported here and only in sandbox mode, so that a production process never loads the fake
 * vendors or their data set.
 */
async function startEmbeddedSandbox(
  faults: Partial<Record<SandboxVendor, Fault>> | undefined,
  live: LiveOptions | undefined,
): Promise<{ sandbox: Sandbox; vendors: VendorConfigs }> {
  const { sandboxVendorConfigs, startSandbox } = await import('./sandbox/server.js');
  const sandbox = await startSandbox({ ...(faults ? { faults } : {}), ...(live ? { live } : {}) });
  return { sandbox, vendors: sandboxVendorConfigs(sandbox) };
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
  const config = loadConfig(options.env ?? process.env);
  const logger = options.logger ?? createLogger();
  const embedded = config.sandbox
    ? await startEmbeddedSandbox(options.sandboxFaults, options.sandboxLive)
    : null;
  const sandbox = embedded?.sandbox ?? null;
  const connectors = createConnectors({
    live: config.vendors,
    sandbox: embedded?.vendors ?? null,
    timeoutMs: config.upstreamTimeoutMs,
    logger,
  });
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
  if (tracing) for (const client of connectors.clients()) client.useTracing(tracing);
  for (const client of connectors.clients()) client.attemptListeners.push(metrics.recordAttempt);
  const readCache = readCacheFor(config, redis, logger, metrics);
  // One tenant today; each tenant's connectors will get the cache in their own scope.
  const tenantCache = readCache?.forScope(SINGLE_TENANT_SCOPE);
  if (tenantCache) for (const client of connectors.clients()) client.useReadCache(tenantCache);
  const health = new GatewayHealth(connectors);
  if (redis) health.watchRedis(() => redis.client.ping());
  const rateLimiter = rateLimiterFor(config, redis, logger);
  const eventLimits = {
    retention: config.events.retention,
    maxSubscribers: config.events.maxSubscribers,
  };
  const events: EventLog = redis
    ? new RedisEventLog(redis, eventLimits, logger)
    : new InMemoryEventLog(eventLimits);
  // Sandboxed vendors push their walks with a secret shared in-process (given to it below).
  const sandboxSecrets = sandbox
    ? sandboxWebhookSecrets(connectors, config.events.webhookSecrets)
    : {};
  const webhookSecrets = { ...config.events.webhookSecrets, ...sandboxSecrets };
  const receiveWebhook = createWebhookHandler({
    secrets: webhookSecrets,
    sink: events,
    dedup: redis ? new RedisWebhookDedup(redis) : new InMemoryWebhookDedup(),
    logger,
    maxBodyBytes: config.events.webhookMaxBodyBytes,
  });
  const yoga = createSwitchboardYoga({
    config,
    connectors,
    logger,
    idempotency,
    metrics,
    health,
    rateLimiter,
    tracing,
    events,
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
      const webhook = WEBHOOK_PATH.exec((request.url ?? '/').split('?')[0] ?? '/');
      if (webhook) {
        receiveWebhook(request, response, webhook[1]!).catch((error: unknown) => {
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
    apiKeys: config.apiKeys,
    maxMessageBytes: config.limits.maxBodyBytes,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}/graphql`;
  sandbox?.sendWebhooks({ baseUrl: loopbackOrigin(config.host, port), secrets: sandboxSecrets });
  const poller =
    config.events.pollIntervalMs > 0
      ? new CallPoller({
          vendors: vendorsToPoll(connectors, webhookSecrets),
          sink: events,
          intervalMs: config.events.pollIntervalMs,
          logger,
          redis,
        })
      : null;
  poller?.start();
  return {
    config,
    url,
    yoga,
    connectors,
    metrics,
    sandbox,
    server,
    health,
    redis,
    events,
    tracing,
    drain: async ({ delayMs = config.drainDelayMs, timeoutMs = config.shutdownTimeoutMs } = {}) => {
      health.startDraining();
      phase = 'draining';
      await delay(delayMs).done;

      await poller?.stop();
      // Open subscriptions end now (SSE answers finish, sockets close with 1001): clients
      // reconnect to another replica with their last cursor.
      await events.close();
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
      await Promise.all(connectors.clients().map((client) => client.destroy()));
      readCache?.close();
      await redis?.close();
      // Last, so the spans of requests cut short by the shutdown are exported too.
      await tracing?.shutdown();
      await sandbox?.close();
    },
    close: async () => {
      await poller?.stop();
      await events.close();
      await graphqlWs.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(connectors.clients().map((client) => client.close()));
      readCache?.close();
      await redis?.close();
      // Last, so the spans of requests cut short by the shutdown are exported too.
      await tracing?.shutdown();
      await sandbox?.close();
    },
  };
}
