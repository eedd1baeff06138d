import { Redis } from 'ioredis';

/** Deletes every key under `prefix` (a bench's own), leaving the rest of Redis alone. */
export async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** The same, on a connection of its own to `url`. */
export async function deletePrefixAt(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url);
  try {
    await deletePrefix(redis, prefix);
  } finally {
    redis.disconnect();
  }
}
