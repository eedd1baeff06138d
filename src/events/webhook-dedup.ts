import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { RedisKeyspace } from '../stores/redis.js';

/**
 * How long a `webhook-id` is remembered: a replay is refused by its timestamp once it is more
 * than 5 minutes old, so ids need to be remembered only for twice that.
 */
export const WEBHOOK_ID_TTL_MS = 10 * 60 * 1000;

/** Which `webhook-id`s were accepted already, per vendor. */
export interface WebhookDedup {
  /** True the first time an id is claimed; false for a repeat. */
  claim(vendor: string, id: string): Promise<boolean>;
  /** Forgets a claimed id whose event could not be logged, so the vendor's retry gets through. */
  release(vendor: string, id: string): Promise<void>;
}

/** In this process, at most `max` ids (the oldest forgotten first). */
export class InMemoryWebhookDedup implements WebhookDedup {
  private readonly seen: LRUCache<string, true>;

  constructor(max = 100_000) {
    this.seen = new LRUCache({ max, ttl: WEBHOOK_ID_TTL_MS });
  }

  async claim(vendor: string, id: string): Promise<boolean> {
    const key = dedupKey(vendor, id);
    if (this.seen.has(key)) return false;
    this.seen.set(key, true);
    return true;
  }

  async release(vendor: string, id: string): Promise<void> {
    this.seen.delete(dedupKey(vendor, id));
  }
}

/** Shared by every replica on the Redis: `SET NX PX`, one key per id, expiring on its own. */
export class RedisWebhookDedup implements WebhookDedup {
  constructor(private readonly redis: RedisKeyspace) {}

  async claim(vendor: string, id: string): Promise<boolean> {
    const answer = await this.redis.client.set(
      this.key(vendor, id),
      '1',
      'PX',
      WEBHOOK_ID_TTL_MS,
      'NX',
    );
    return answer === 'OK';
  }

  async release(vendor: string, id: string): Promise<void> {
    await this.redis.client.del(this.key(vendor, id));
  }

  private key(vendor: string, id: string): string {
    return this.redis.key('webhook', dedupKey(vendor, id));
  }
}

/**
 * A fixed-length key for a vendor's webhook id: the id is the sender's choice (signed, but of any
 * length), so neither the in-process cache nor Redis keeps it as it came.
 */
function dedupKey(vendor: string, id: string): string {
  return `${vendor}:${createHash('sha256').update(id, 'utf8').digest('base64url').slice(0, 22)}`;
}
