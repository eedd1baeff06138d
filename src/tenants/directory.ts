import { GraphQLError } from 'graphql';
import { createHash } from 'node:crypto';
import { apiKeyMatcher, bearerToken, type ClientKeys } from '../plugins/use-client-auth.js';
import { settingsFingerprint, SINGLE_TENANT, Tenant, type TenantShared } from './tenant.js';
import type { TenantSettings } from './tenants-file.js';

/** Ends the subscriptions of a tenant the tenants file no longer lists; clients see it as is. */
export class TenantRemovedError extends GraphQLError {
  constructor() {
    super('this tenant was removed from the gateway configuration', {
      extensions: { code: 'TENANT_REMOVED' },
    });
  }
}

/** What a reload changed, tenant ids by kind: for its log line and the tests. */
export interface ReloadOutcome {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
}

function digest(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('base64url');
}

/**
 * The tenants of the process, by id and by client key (README, "Tenants"). Without a tenants
 * file it holds one tenant, `-`, configured from the environment. A request's key selects its
 * tenant; a reload swaps the whole directory at once, so a request sees one reading of the file
 * from start to end.
 */
export class TenantDirectory implements ClientKeys {
  private byId = new Map<string, Tenant>();
  /** sha256 of each key → its tenant. A lookup by digest shows nothing of a key in its timing. */
  private byKey = new Map<string, Tenant>();
  /** The reload running, if any; the next waits for it. */
  private reloading: Promise<unknown> = Promise.resolve();
  /** From the shutdown on, nothing more is reloaded or started. */
  private closed = false;
  /** `http://host:port/webhooks` once the gateway listens. */
  private webhooksBase: string | null = null;
  /** One tenant configured from the environment: its keys, if any, are matched as before. */
  private readonly singleKeys: ((authorization: string) => boolean) | null;

  private constructor(
    private readonly shared: TenantShared,
    readonly single: boolean,
  ) {
    this.singleKeys = single ? apiKeyMatcher(shared.config.apiKeys) : null;
  }

  /** A directory of the file's tenants, or (`single`) of the one the environment configures. */
  static async open(
    settings: TenantSettings[],
    shared: TenantShared,
    single: boolean,
  ): Promise<TenantDirectory> {
    const directory = new TenantDirectory(shared, single);
    await directory.apply(settings);
    return directory;
  }

  get required(): boolean {
    return !this.single || this.shared.config.apiKeys.length > 0;
  }

  matches(authorization: string): boolean {
    if (this.singleKeys) return this.singleKeys(authorization);
    return this.byKey.has(digest(bearerToken(authorization)));
  }

  /** The tenant of a request with this `Authorization` header (checked by the auth plugin). */
  forAuthorization(authorization: string | null): Tenant | null {
    if (this.single) return this.byId.get(SINGLE_TENANT) ?? null;
    return this.byKey.get(digest(bearerToken(authorization))) ?? null;
  }

  get(id: string): Tenant | undefined {
    return this.byId.get(id);
  }

  list(): Tenant[] {
    return [...this.byId.values()];
  }

  /** Where a tenant's webhooks arrive: `/webhooks/<vendor>` alone, else `/webhooks/<tenant>/<vendor>`. */
  webhooksUrl(base: string, tenant: Tenant): string {
    return this.single ? base : `${base}/${tenant.id}`;
  }

  /** Once the gateway listens at `origin`: sandboxes post there, pollers start. */
  start(origin: string): void {
    this.webhooksBase = `${origin}/webhooks`;
    for (const tenant of this.list()) tenant.start(this.webhooksUrl(this.webhooksBase, tenant));
  }

  /**
   * Applies a new reading of the tenants file: unchanged tenants go on untouched (their requests
   * and subscriptions too), changed ones get new connectors but keep their events, added ones
   * start, removed ones have their subscriptions ended with an error. Nothing changes when a
   * tenant cannot be built (its sandbox fails to start): the error is thrown.
   */
  async reload(settings: TenantSettings[]): Promise<ReloadOutcome> {
    if (this.single) throw new Error('a gateway without a tenants file has nothing to reload');
    // One reload at a time, each from what the one before left (two SIGHUPs close together).
    const run = this.reloading.then(() => {
      if (this.closed) throw new Error('the gateway is shutting down');
      return this.apply(settings);
    });
    this.reloading = run.catch(() => undefined);
    return run;
  }

  private async apply(settings: TenantSettings[]): Promise<ReloadOutcome> {
    const outcome: ReloadOutcome = { added: [], changed: [], removed: [], unchanged: [] };
    const next = new Map<string, Tenant>();
    const opened: Tenant[] = [];
    try {
      for (const entry of settings) {
        const known = this.byId.get(entry.id);
        if (known && known.fingerprint === settingsFingerprint(entry)) {
          next.set(entry.id, known);
          outcome.unchanged.push(entry.id);
          continue;
        }
        const tenant = await Tenant.open(entry, this.shared, {
          single: this.single,
          ...(known ? { events: known.liveEvents } : {}),
        });
        opened.push(tenant);
        next.set(entry.id, tenant);
        (known ? outcome.changed : outcome.added).push(entry.id);
      }
    } catch (error) {
      for (const tenant of opened) {
        await tenant.closeConnections('destroy');
        await tenant.closeSandbox();
      }
      throw error;
    }
    const retired = [...this.byId.values()].filter((tenant) => next.get(tenant.id) !== tenant);
    const byKey = new Map<string, Tenant>();
    // From this reading: a tenant kept as it was may have new keys.
    for (const entry of settings) {
      const tenant = next.get(entry.id)!;
      for (const key of entry.apiKeys) byKey.set(digest(key), tenant);
    }
    this.byId = next;
    this.byKey = byKey;
    for (const tenant of retired) if (!next.has(tenant.id)) outcome.removed.push(tenant.id);
    if (this.webhooksBase !== null) {
      for (const tenant of opened) tenant.start(this.webhooksUrl(this.webhooksBase, tenant));
    }
    await Promise.all(retired.map((tenant) => this.retire(tenant, !next.has(tenant.id))));
    return outcome;
  }

  /**
   * A reading of a tenant no longer served: its poller stops, a removed tenant's subscriptions
   * end with TenantRemovedError, and its vendor pools close once the requests still running on
   * them finish (new ones are refused, which such a request reports as a vendor error).
   */
  private async retire(tenant: Tenant, removed: boolean): Promise<void> {
    await tenant.stopPolling();
    if (removed) await tenant.events.close(new TenantRemovedError());
    await tenant.closeConnections('close');
    await tenant.closeSandbox();
  }

  /** The shutdown's first step: no reload after it, and the one running is waited for. */
  async stopPolling(): Promise<void> {
    this.closed = true;
    await this.reloading;
    await Promise.all(this.list().map((tenant) => tenant.stopPolling()));
  }

  async closeEvents(): Promise<void> {
    await Promise.all(this.list().map((tenant) => tenant.events.close()));
  }

  async closeConnections(how: 'close' | 'destroy'): Promise<void> {
    await Promise.all(this.list().map((tenant) => tenant.closeConnections(how)));
  }

  async closeSandboxes(): Promise<void> {
    await Promise.all(this.list().map((tenant) => tenant.closeSandbox()));
  }
}
