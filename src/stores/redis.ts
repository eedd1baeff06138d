import { Redis } from 'ioredis';
import type { RedisSettings } from '../config.js';
import type { Logger } from '../logger.js';

/**
 * How long one Redis command may take before it fails. Redis answers in well under a
 * millisecond on a healthy network; a command that waits longer is treated like Redis being down
 * (fail closed for keyed mutations, uncached for reads) rather than holding the request.
 */
export const REDIS_COMMAND_TIMEOUT_MS = 1000;

/** What a store needs of Redis: the connections, and the keys it may write. */
export interface RedisKeyspace {
  readonly client: Redis;
  /** `prefix` + the parts joined by `:`. */
  key(...parts: string[]): string;
}

/**
 * The Redis connections of one gateway process, with the key prefix every key and channel takes.
 * Commands fail at once while Redis is unreachable (no offline queue), and the client keeps
 * reconnecting in the background, so the gateway starts and serves without Redis and recovers
 * without a restart once it is back.
 */
export class RedisConnection implements RedisKeyspace {
  readonly client: Redis;
  private subscriberClient: Redis | null = null;
  private up = false;
  private readonly settings: RedisSettings;
  private readonly logger: Logger;

  constructor(settings: RedisSettings, logger: Logger) {
    this.settings = settings;
    this.logger = logger;
    this.client = this.connect('commands');
  }

  /** `prefix` + the parts joined by `:`, e.g. `switchboard:idem:<scope>:<key>`. */
  key(...parts: string[]): string {
    return `${this.settings.prefix}${parts.join(':')}`;
  }

  /**
   * The same connections with every key of one tenant under `<prefix>t:<tenant>:` (README,
   * "Tenants"); with one tenant (`-`) the keys stay where they always were.
   */
  forTenant(tenant: string): RedisKeyspace {
    if (tenant === '-') return this;
    return { client: this.client, key: (...parts) => this.key('t', tenant, ...parts) };
  }

  /** Whether the command connection is up right now (for `/status`). */
  get ready(): boolean {
    return this.up;
  }

  /** A second connection for SUBSCRIBE (a subscribed connection can run no other command). */
  subscriber(): Redis {
    this.subscriberClient ??= this.connect('subscriber');
    return this.subscriberClient;
  }

  async close(): Promise<void> {
    await Promise.all(
      [this.client, this.subscriberClient].map(async (connection) => {
        if (!connection) return;
        try {
          await connection.quit();
        } catch {
          connection.disconnect();
        }
      }),
    );
  }

  private connect(role: 'commands' | 'subscriber'): Redis {
    const connection = new Redis(this.settings.url, {
      enableOfflineQueue: role === 'subscriber',
      maxRetriesPerRequest: 0,
      connectTimeout: 2000,
      commandTimeout: role === 'commands' ? REDIS_COMMAND_TIMEOUT_MS : undefined,
      // Keep trying for as long as the process lives, backing off to one attempt every 2 s.
      retryStrategy: (attempt) => Math.min(attempt * 100, 2000),
      lazyConnect: false,
    });
    let reported = false;
    connection.on('ready', () => {
      if (role === 'commands') this.up = true;
      if (reported) this.logger.info({ redis: role }, 'redis connection is back');
      reported = false;
    });
    // ioredis emits an error for every failed reconnect; one line per outage is enough.
    connection.on('error', (error: Error) => {
      if (role === 'commands') this.up = false;
      if (reported) return;
      reported = true;
      this.logger.warn({ redis: role, err: { message: error.message } }, 'redis is unreachable');
    });
    connection.on('end', () => {
      if (role === 'commands') this.up = false;
    });
    connection.on('close', () => {
      if (role === 'commands') this.up = false;
    });
    return connection;
  }
}
