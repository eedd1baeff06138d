import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config.js';
import { createConnectors, type ConnectorSet, type VendorConfigs } from '../connectors.js';
import type { EventLog } from '../events/event-log.js';
import { SubscriberBudget } from '../events/event-stream.js';
import { InMemoryEventLog } from '../events/memory-event-log.js';
import { CallPoller, vendorsToPoll } from '../events/poller.js';
import { RedisEventLog } from '../events/redis-event-log.js';
import { sandboxWebhookSecrets } from '../events/sandbox-webhooks.js';
import {
  InMemoryWebhookDedup,
  RedisWebhookDedup,
  type WebhookDedup,
} from '../events/webhook-dedup.js';
import { createWebhookHandler } from '../events/webhooks.js';
import type { ReadCache } from '../http/read-cache.js';
import type { IdScope } from '../ids.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import { CALL_PROVIDERS, type CallProvider } from '../model/provider.js';
import type { Fault, SandboxVendor } from '../sandbox/faults.js';
import type { LiveOptions } from '../sandbox/live.js';
import type { Sandbox } from '../sandbox/server.js';
import { VendorHealth } from '../services/health.js';
import type { RedisConnection } from '../stores/redis.js';
import type { Tracing } from '../telemetry/tracing.js';
import type { VendorKey } from '../vendors/registry.js';
import type { TenantSettings } from './tenants-file.js';

/** The tenant of a gateway without a tenants file: its ids carry no scope, its keys no prefix. */
export const SINGLE_TENANT = '-';

/** What every tenant of the process shares: built once by the gateway. */
export interface TenantShared {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  tracing: Tracing | null;
  redis: RedisConnection | null;
  /** The read cache; each tenant reads and writes it in a scope of its own. */
  readCache: ReadCache | null;
  /** One budget of open subscriptions for the whole process. */
  subscribers: SubscriberBudget;
  /** Faults the tests give the embedded sandboxes. */
  sandboxFaults?: Partial<Record<SandboxVendor, Fault>>;
  /** How the sandboxes' started calls move (tests shorten the steps). */
  sandboxLive?: LiveOptions;
}

/**
 * A tenant's live events: its log and its webhook dedup. They belong to the tenant's id, not to
 * one reading of the tenants file, so a reload that changes a tenant keeps its subscriptions and
 * cursors (README, "Tenants").
 */
export interface TenantEvents {
  log: EventLog;
  dedup: WebhookDedup;
}

function openEvents(id: string, shared: TenantShared): TenantEvents {
  const { config, redis, logger } = shared;
  const limits = {
    retention: config.events.retention,
    retentionBytes: config.events.retentionBytes,
    maxSubscribers: config.events.maxSubscribers,
    budget: shared.subscribers,
  };
  if (!redis) return { log: new InMemoryEventLog(limits), dedup: new InMemoryWebhookDedup() };
  const keyspace = redis.forTenant(id);
  return {
    log: new RedisEventLog(keyspace, limits, logger.child({ tenant: id })),
    dedup: new RedisWebhookDedup(keyspace),
  };
}

/**
 * Imported here and only for a tenant served by the sandbox, so that a production process never
 * loads the fake vendors or their data set.
 */
async function startEmbeddedSandbox(
  seed: number,
  shared: TenantShared,
): Promise<{ sandbox: Sandbox; vendors: VendorConfigs }> {
  const { sandboxVendorConfigs, startSandbox } = await import('../sandbox/server.js');
  const sandbox = await startSandbox({
    seed,
    ...(shared.sandboxFaults ? { faults: shared.sandboxFaults } : {}),
    ...(shared.sandboxLive ? { live: shared.sandboxLive } : {}),
  });
  return { sandbox, vendors: sandboxVendorConfigs(sandbox) };
}

/**
 * Whether two readings of a tenant configure it alike (then a reload leaves it running). Its keys
 * are left out: rotating a key changes who reaches the tenant, not the tenant itself.
 */
export function settingsFingerprint(settings: TenantSettings): string {
  const { apiKeys: _keys, ...rest } = settings;
  return createHash('sha256').update(JSON.stringify(rest), 'utf8').digest('base64url');
}

/**
 * One customer of the gateway (README, "Tenants"): its keys, its vendors' connectors and their
 * health, its embedded sandbox when it has one, its live events, webhooks and poller. Every
 * request runs against exactly one tenant, chosen by its key.
 */
export class Tenant {
  readonly id: string;
  /** How this tenant's ids are scoped (null for the single tenant). */
  readonly idScope: IdScope;
  readonly settings: TenantSettings;
  readonly fingerprint: string;
  readonly connectors: ConnectorSet;
  readonly health: VendorHealth;
  /** Its event log and webhook dedup, kept across reloads. */
  readonly liveEvents: TenantEvents;
  /** The call vendors a `calls` without `providers` reads. */
  readonly callProviders: readonly CallProvider[];
  readonly sandbox: Sandbox | null;
  /** The secrets of the webhooks received for it, the sandbox's own included. */
  readonly webhookSecrets: Partial<Record<VendorKey, string>>;
  /** `POST /webhooks[/<tenant>]/<vendor>`. */
  readonly receiveWebhook: (
    request: IncomingMessage,
    response: ServerResponse,
    vendor: string,
  ) => Promise<void>;
  private readonly sandboxSecrets: Partial<Record<VendorKey, string>>;
  private poller: CallPoller | null = null;
  private readonly shared: TenantShared;

  private constructor(
    settings: TenantSettings,
    shared: TenantShared,
    events: TenantEvents,
    embedded: { sandbox: Sandbox; vendors: VendorConfigs } | null,
    single: boolean,
  ) {
    const { config, logger, metrics, tracing, readCache } = shared;
    this.shared = shared;
    this.id = settings.id;
    this.idScope = single ? null : settings.id;
    this.settings = settings;
    this.fingerprint = settingsFingerprint(settings);
    this.liveEvents = events;
    this.sandbox = embedded?.sandbox ?? null;
    const log = single ? logger : logger.child({ tenant: settings.id });
    this.connectors = createConnectors({
      live: settings.vendors,
      sandbox: embedded?.vendors ?? null,
      timeoutMs: config.upstreamTimeoutMs,
      logger: log,
    });
    const cache = readCache?.forScope(settings.id);
    for (const client of this.connectors.clients()) {
      if (tracing) client.useTracing(tracing);
      client.attemptListeners.push((attempt) => metrics.recordAttempt(attempt, settings.id));
      if (cache) client.useReadCache(cache);
    }
    this.health = new VendorHealth(this.connectors);
    // With one tenant every call vendor is listed, unconfigured ones as errors, as before
    // tenants; a tenant lists the vendors it has (README, "Tenants").
    this.callProviders = single
      ? CALL_PROVIDERS
      : CALL_PROVIDERS.filter((provider) => this.connectors.callConnector(provider) !== undefined);
    // Sandboxed vendors push their walks with a secret shared in-process (sendSandboxWebhooks).
    this.sandboxSecrets = this.sandbox
      ? sandboxWebhookSecrets(this.connectors, settings.webhookSecrets)
      : {};
    this.webhookSecrets = { ...settings.webhookSecrets, ...this.sandboxSecrets };
    this.receiveWebhook = createWebhookHandler({
      secrets: this.webhookSecrets,
      sink: events.log,
      dedup: events.dedup,
      logger: log,
      maxBodyBytes: config.events.webhookMaxBodyBytes,
    });
  }

  /** The live event log: webhooks and the poller write it, subscriptions read it. */
  get events(): EventLog {
    return this.liveEvents.log;
  }

  /**
   * Builds the tenant: its sandbox first when it has one, then its connectors. `events` are the
   * ones of the same tenant id before a reload, kept.
   */
  static async open(
    settings: TenantSettings,
    shared: TenantShared,
    options: { single: boolean; events?: TenantEvents },
  ): Promise<Tenant> {
    const embedded = settings.sandbox
      ? await startEmbeddedSandbox(settings.sandbox.seed, shared)
      : null;
    const events = options.events ?? openEvents(settings.id, shared);
    return new Tenant(settings, shared, events, embedded, options.single);
  }

  /**
   * Once the gateway listens: the sandbox posts its walks to this tenant's webhook URL, and the
   * poller starts for call vendors without a webhook secret.
   */
  start(webhooksUrl: string): void {
    this.sandbox?.sendWebhooks({ webhooksUrl, secrets: this.sandboxSecrets });
    const { config, logger, redis } = this.shared;
    if (config.events.pollIntervalMs <= 0 || this.poller) return;
    this.poller = new CallPoller({
      vendors: vendorsToPoll(this.connectors, this.webhookSecrets),
      sink: this.events,
      intervalMs: config.events.pollIntervalMs,
      logger: this.idScope === null ? logger : logger.child({ tenant: this.id }),
      redis: redis?.forTenant(this.id) ?? null,
    });
    this.poller.start();
  }

  async stopPolling(): Promise<void> {
    await this.poller?.stop();
    this.poller = null;
  }

  /**
   * Closes the vendor pools: `close` lets the requests still running on them finish, `destroy`
   * drops them (the shutdown's deadline has passed).
   */
  async closeConnections(how: 'close' | 'destroy'): Promise<void> {
    await Promise.all(
      this.connectors
        .clients()
        .map((client) => (how === 'destroy' ? client.destroy() : client.close())),
    );
  }

  /** Ends the sandbox's walks and servers, last: requests cut short may still reach it. */
  async closeSandbox(): Promise<void> {
    await this.sandbox?.close();
  }
}
