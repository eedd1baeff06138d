import { createHash } from 'node:crypto';
import type { ConnectorSet } from '../connectors.js';
import { UpstreamError } from '../errors.js';
import { backgroundCaller } from '../http/operation-scope.js';
import type { Logger } from '../logger.js';
import type { Call } from '../model/call.js';
import type { CallProvider } from '../model/provider.js';
import type { RedisKeyspace } from '../stores/redis.js';
import { VENDORS, type VendorKey } from '../vendors/registry.js';
import type { CallConnector } from '../vendors/types.js';
import { PollLease } from './poll-lease.js';
import type { EventSink } from './sink.js';

/*
 * The poller (README, "Live calls"): every `intervalMs` it reads the first page
 * of each polled vendor's call list, newest first, and hands what changed to the event sink. Its
 * first look at a vendor is a baseline: the calls it finds emit nothing until they change.
 */

export interface PolledVendor {
  provider: CallProvider;
  connector: CallConnector;
}

export interface PollerOptions {
  vendors: PolledVendor[];
  sink: EventSink;
  /** SWITCHBOARD_POLL_INTERVAL_MS. */
  intervalMs: number;
  logger: Logger;
  /** With Redis, one replica polls at a time (a lease); without, this process always polls. */
  redis?: RedisKeyspace | null;
  /**
   * Calls read per vendor and look.
   * @default 50
   */
  pageSize?: number;
  /**
   * Calls whose last state is remembered, per vendor; the longest unseen are forgotten first.
   * @default 1000
   */
  maxTracked?: number;
}

/** Every configured or sandboxed call vendor that has no webhook secret, so does not push. */
export function vendorsToPoll(
  connectors: ConnectorSet,
  webhookSecrets: Partial<Record<VendorKey, string>>,
): PolledVendor[] {
  // Always the vendor itself: a cached page would hide the changes the poller looks for.
  const polling = connectors.forCaller(backgroundCaller('bypass'));
  return VENDORS.flatMap((vendor) => {
    if (vendor.calls === undefined || webhookSecrets[vendor.key] !== undefined) return [];
    const connector = polling.callConnector(vendor.calls.provider);
    return connector ? [{ provider: vendor.calls.provider, connector }] : [];
  });
}

interface VendorState {
  /** A digest of each call's last state, by vendor id; null until the baseline was taken. */
  seen: Map<string, string> | null;
  /** No request before this time (a 429's Retry-After). */
  pausedUntil: number;
  failing: boolean;
}

export class CallPoller {
  private readonly states = new Map<CallProvider, VendorState>();
  private readonly lease: PollLease | null;
  /** With a lease, how often it is renewed or asked for: twice per interval. */
  private readonly tickMs: number;
  private readonly pageSize: number;
  private readonly maxTracked: number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private stopped = false;
  private holding = false;
  private lastPoll = 0;
  private leaseFailing = false;

  constructor(private readonly options: PollerOptions) {
    const { intervalMs, redis } = options;
    // Renewed every half interval and living 1.25 intervals, a lease left by a dead holder is
    // taken within 1.75 intervals by a replica asking every half interval.
    this.lease = redis ? new PollLease(redis, Math.ceil(intervalMs * 1.25)) : null;
    this.tickMs = redis ? Math.max(1, Math.floor(intervalMs / 2)) : intervalMs;
    this.pageSize = options.pageSize ?? 50;
    this.maxTracked = options.maxTracked ?? 1000;
    for (const { provider } of options.vendors) {
      this.states.set(provider, { seen: null, pausedUntil: 0, failing: false });
    }
  }

  /** Whether this replica holds the lease (always, without Redis). */
  get polling(): boolean {
    return this.lease === null || this.holding;
  }

  start(): void {
    if (this.timer !== undefined || this.stopped || this.options.vendors.length === 0) return;
    this.schedule(0);
  }

  /** Stops polling, waits for a look in progress, and gives the lease up. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    if (this.lease && this.holding) {
      this.holding = false;
      await this.lease.release().catch(() => undefined);
    }
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = null;
        if (!this.stopped) this.schedule(this.tickMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    const wasHolding = this.holding;
    if (this.lease) {
      try {
        this.holding = await this.lease.hold();
        if (this.leaseFailing) this.options.logger.info('poller: Redis is back');
        this.leaseFailing = false;
      } catch (error) {
        // Without Redis no replica can tell it is the only one polling: none does.
        this.holding = false;
        if (!this.leaseFailing) {
          this.options.logger.warn(
            { err: { message: error instanceof Error ? error.message : String(error) } },
            'poller: Redis is unreachable, polling paused',
          );
        }
        this.leaseFailing = true;
      }
      if (!this.holding) return;
      if (!wasHolding) {
        // Another replica polled meanwhile: go on from the states it last saw, so that a change
        // made during the hand-over is reported once, by this replica.
        await this.loadShared();
        this.lastPoll = 0;
      }
    }
    const now = Date.now();
    // A quarter interval of slack, so ticks that run a little early still poll.
    if (now - this.lastPoll < this.options.intervalMs * 0.75) return;
    this.lastPoll = now;
    await Promise.all(this.options.vendors.map((vendor) => this.look(vendor)));
  }

  private async look({ provider, connector }: PolledVendor): Promise<void> {
    const state = this.states.get(provider);
    if (!state || Date.now() < state.pausedUntil) return;
    let calls: Call[];
    try {
      const { source } = connector.callPages({});
      const size = Math.min(this.pageSize, source.maxPageSize);
      const page = await source.fetchPage(source.start, size);
      calls = page.items;
      if (state.failing) this.options.logger.info({ provider }, 'poller: vendor answers again');
      state.failing = false;
    } catch (error) {
      if (error instanceof UpstreamError && error.code === 'UPSTREAM_RATE_LIMITED') {
        state.pausedUntil = Date.now() + Math.max(error.retryAfterMs ?? 0, this.options.intervalMs);
      }
      if (!state.failing) {
        this.options.logger.warn(
          { provider, err: { message: error instanceof Error ? error.message : String(error) } },
          'poller: vendor read failed',
        );
      }
      state.failing = true;
      return;
    }
    const baseline = state.seen === null;
    const seen = (state.seen ??= new Map());
    const occurredAt = new Date();
    const changed: Array<{ call: Call; before: string | undefined }> = [];
    const written = new Map<string, string>();
    const forgotten: string[] = [];
    // Oldest first, so calls that appeared together are reported in the order they began.
    for (const call of [...calls].reverse()) {
      const digest = createHash('sha256').update(JSON.stringify(call)).digest('base64url');
      const before = seen.get(call.providerId);
      seen.delete(call.providerId);
      seen.set(call.providerId, digest);
      if (before !== digest) written.set(call.providerId, digest);
      if (!baseline && before !== digest) changed.push({ call, before });
    }
    while (seen.size > this.maxTracked) {
      const oldest = seen.keys().next();
      if (oldest.done) break;
      seen.delete(oldest.value);
      forgotten.push(oldest.value);
    }
    for (const { call, before } of changed) {
      if (this.stopped) return;
      try {
        await this.options.sink.observeCall({ provider, call, occurredAt });
      } catch (error) {
        // Not logged, so not seen: the next look finds the change again (at least once).
        if (before === undefined) seen.delete(call.providerId);
        else seen.set(call.providerId, before);
        written.delete(call.providerId);
        this.options.logger.warn(
          { provider, err: { message: error instanceof Error ? error.message : String(error) } },
          'poller: the event log refused an observation',
        );
      }
    }
    await this.saveShared(provider, written, forgotten);
  }

  private sharedKey(provider: CallProvider): string | null {
    return this.options.redis ? this.options.redis.key('events', 'poll-seen', provider) : null;
  }

  /** Takes over the states the last holder saw (a baseline where it left none). */
  private async loadShared(): Promise<void> {
    const redis = this.options.redis;
    for (const [provider, state] of this.states) {
      const key = this.sharedKey(provider);
      state.seen = null;
      if (!redis || key === null) continue;
      try {
        const stored = await redis.client.hgetall(key);
        const entries = Object.entries(stored);
        const excess = entries.slice(0, Math.max(0, entries.length - this.maxTracked));
        if (excess.length > 0) await redis.client.hdel(key, ...excess.map(([id]) => id));
        if (entries.length > 0) state.seen = new Map(entries.slice(excess.length));
      } catch {
        // Unreadable: this replica starts from a baseline of its own.
      }
    }
  }

  /** What the next holder goes on from: the digests that changed, minus the calls forgotten. */
  private async saveShared(
    provider: CallProvider,
    written: Map<string, string>,
    forgotten: string[],
  ): Promise<void> {
    const redis = this.options.redis;
    const key = this.sharedKey(provider);
    if (!redis || key === null || (written.size === 0 && forgotten.length === 0)) return;
    try {
      const batch = redis.client.multi();
      if (written.size > 0) batch.hset(key, Object.fromEntries(written));
      if (forgotten.length > 0) batch.hdel(key, ...forgotten);
      // Kept a day after the last poll: a poller stopped for longer starts from a new baseline.
      batch.pexpire(key, 86_400_000);
      await batch.exec();
    } catch {
      // The next holder may report these changes again: at least once, never lost.
    }
  }
}
