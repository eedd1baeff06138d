import { randomBytes } from 'node:crypto';
import type { ReadCacheStore } from '../http/read-cache.js';
import type { RedisConnection } from './redis.js';

/** A generation token: random, so no two processes ever hand out the same one. */
function freshGeneration(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * The read cache shared by every process given the same Redis and prefix, under
 * `<prefix>cache:<key>`. Each operation is one round trip (a pipeline). A lookup takes a missing
 * generation with `SET … NX GET` (Redis 7 or later), which both reads the current token and sets
 * a fresh one when there is none, so no two readers can record different tokens for the same
 * state. Commands fail at once while Redis is unreachable; the caller then reads uncached.
 */
export class RedisReadCacheStore implements ReadCacheStore {
  constructor(private readonly redis: RedisConnection) {}

  async lookup(
    key: string,
    tags: readonly string[],
    ttlMs: number,
  ): Promise<{ entry: string | null; generations: string[] }> {
    const pipeline = this.redis.client.pipeline();
    pipeline.get(this.key(key));
    const fresh = tags.map(() => freshGeneration());
    tags.forEach((tag, index) => {
      pipeline.set(this.key(tag), fresh[index]!, 'PX', ttlMs, 'NX', 'GET');
    });
    const replies = await pipeline.exec();
    const values = (replies ?? []).map(([error, value]) => {
      if (error) throw error;
      return typeof value === 'string' ? value : null;
    });
    if (values.length !== tags.length + 1) throw new Error('redis answered a partial pipeline');
    return {
      entry: values[0] ?? null,
      // No earlier token: ours was set.
      generations: tags.map((_, index) => values[index + 1] ?? fresh[index]!),
    };
  }

  async store(key: string, entry: string, tags: readonly string[], ttlMs: number): Promise<void> {
    const pipeline = this.redis.client.pipeline();
    // A generation outlives the entries recorded under it; extending one that was replaced or
    // dropped meanwhile changes nothing for this entry, which stays stale.
    for (const tag of tags) pipeline.pexpire(this.key(tag), ttlMs);
    pipeline.set(this.key(key), entry, 'PX', ttlMs);
    const replies = await pipeline.exec();
    for (const [error] of replies ?? []) if (error) throw error;
  }

  async invalidate(tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    await this.redis.client.unlink(...tags.map((tag) => this.key(tag)));
  }

  private key(key: string): string {
    return this.redis.key('cache', key);
  }
}
