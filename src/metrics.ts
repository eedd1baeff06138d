import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { UpstreamAttempt } from './http/upstream-client.js';

/** The gateway's Prometheus metrics; one registry per gateway so tests can run several. */
export interface Metrics {
  registry: Registry;
  graphqlDuration: Histogram<'tenant' | 'operation'>;
  graphqlErrors: Counter<'tenant' | 'operation' | 'code'>;
  upstreamRequests: Counter<'tenant' | 'vendor' | 'route' | 'status'>;
  upstreamDuration: Histogram<'tenant' | 'vendor' | 'route'>;
  upstreamErrors: Counter<'tenant' | 'vendor' | 'route' | 'code'>;
  upstreamRetries: Counter<'tenant' | 'vendor' | 'route'>;
  idempotencyReplays: Counter<'mutation'>;
  cacheHits: Counter<'vendor'>;
  cacheMisses: Counter<'vendor'>;
  /**
   * One upstream attempt of `tenant`'s connectors (`-` without a tenants file). Tenant ids come
   * from the tenants file, so the label is bounded by it.
   */
  recordAttempt(attempt: UpstreamAttempt, tenant: string): void;
  /** One lookup of the read cache (src/http/read-cache.ts). */
  recordCacheLookup(vendor: string, hit: boolean): void;
  /** Where the document cache gauge reads its size from at each scrape. */
  measureDocumentCache(bytes: () => number): void;
  /** Likewise for the in-process read cache (none with Redis). */
  measureReadCache(bytes: () => number): void;
  /** Where the open-subscriptions gauge reads the process's count from. */
  measureSubscriptions(open: () => number): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const graphqlDuration = new Histogram({
    name: 'switchboard_graphql_request_duration_seconds',
    help: 'GraphQL operations by name, from request to response.',
    labelNames: ['tenant', 'operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const graphqlErrors = new Counter({
    name: 'switchboard_graphql_errors_total',
    help: 'Errors in GraphQL responses, by operation and code.',
    labelNames: ['tenant', 'operation', 'code'] as const,
    registers: [registry],
  });
  const upstreamRequests = new Counter({
    name: 'switchboard_upstream_requests_total',
    help: 'Upstream HTTP attempts by vendor, route and status (0 when no answer came).',
    labelNames: ['tenant', 'vendor', 'route', 'status'] as const,
    registers: [registry],
  });
  const upstreamDuration = new Histogram({
    name: 'switchboard_upstream_request_duration_seconds',
    help: 'Upstream HTTP attempt latency by vendor and route.',
    labelNames: ['tenant', 'vendor', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const upstreamErrors = new Counter({
    name: 'switchboard_upstream_errors_total',
    help: 'Failed upstream attempts by vendor, route and error code.',
    labelNames: ['tenant', 'vendor', 'route', 'code'] as const,
    registers: [registry],
  });
  const upstreamRetries = new Counter({
    name: 'switchboard_upstream_retries_total',
    help: 'Upstream attempts that were retries of an earlier one.',
    labelNames: ['tenant', 'vendor', 'route'] as const,
    registers: [registry],
  });
  const idempotencyReplays = new Counter({
    name: 'switchboard_idempotency_replays_total',
    help: 'Mutations answered from an earlier run with the same idempotency key.',
    labelNames: ['mutation'] as const,
    registers: [registry],
  });
  const cacheHits = new Counter({
    name: 'switchboard_cache_hits_total',
    help: 'Vendor reads answered from the read cache, by vendor.',
    labelNames: ['vendor'] as const,
    registers: [registry],
  });
  const cacheMisses = new Counter({
    name: 'switchboard_cache_misses_total',
    help: 'Cacheable vendor reads the read cache could not answer (the vendor was asked), by vendor.',
    labelNames: ['vendor'] as const,
    registers: [registry],
  });
  let documentCacheBytes = () => 0;
  new Gauge({
    name: 'switchboard_document_cache_bytes',
    help: 'Estimated bytes held by the parsed-document cache (text and trees).',
    registers: [registry],
    collect() {
      this.set(documentCacheBytes());
    },
  });
  let readCacheBytes = () => 0;
  new Gauge({
    name: 'switchboard_cache_bytes',
    help: 'Estimated bytes held by the in-process read cache (0 when the cache is in Redis or off).',
    registers: [registry],
    collect() {
      this.set(readCacheBytes());
    },
  });
  let openSubscriptions = () => 0;
  new Gauge({
    name: 'switchboard_subscriptions_open',
    help: 'Open subscriptions (SSE and graphql-ws) of this process, every tenant together.',
    registers: [registry],
    collect() {
      this.set(openSubscriptions());
    },
  });
  return {
    registry,
    graphqlDuration,
    graphqlErrors,
    upstreamRequests,
    upstreamDuration,
    upstreamErrors,
    upstreamRetries,
    idempotencyReplays,
    cacheHits,
    cacheMisses,
    recordAttempt(attempt, tenant) {
      const labels = { tenant, vendor: attempt.provider, route: attempt.route };
      upstreamRequests.inc({ ...labels, status: String(attempt.status ?? 0) });
      upstreamDuration.observe(labels, attempt.ms / 1000);
      if (attempt.code !== null) upstreamErrors.inc({ ...labels, code: attempt.code });
      if (attempt.attempt > 1) upstreamRetries.inc(labels);
    },
    recordCacheLookup(vendor, hit) {
      (hit ? cacheHits : cacheMisses).inc({ vendor });
    },
    measureDocumentCache(bytes) {
      documentCacheBytes = bytes;
    },
    measureReadCache(bytes) {
      readCacheBytes = bytes;
    },
    measureSubscriptions(open) {
      openSubscriptions = open;
    },
  };
}
