import { randomUUID } from 'node:crypto';
import { Socket } from 'node:net';
import { Redis } from 'ioredis';

/** The Redis the tests use (CI starts it: .ci/run). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Whether something answers on the test Redis's port, checked once per test file. */
export async function redisIsUp(url = TEST_REDIS_URL): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port || 6379), hostname, () => {
      socket.write('PING\r\n');
      socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    });
  });
}

/**
 * Whether the Redis tests of this file run. Without Redis they are skipped with a line saying
 * why, except where REQUIRE_REDIS_TESTS=1 (CI), where a missing Redis fails the run instead.
 */
export async function redisTestsEnabled(file: string): Promise<boolean> {
  if (await redisIsUp()) return true;
  if (process.env.REQUIRE_REDIS_TESTS === '1') {
    throw new Error(`REQUIRE_REDIS_TESTS=1 but no Redis answers at ${TEST_REDIS_URL}`);
  }
  process.stderr.write(
    `skipping the Redis tests of ${file}: no Redis answers at ${TEST_REDIS_URL}\n`,
  );
  return false;
}

/** A key prefix of this test's own, and a way to delete only what it wrote. */
export function testPrefix(): { prefix: string; cleanup(): Promise<void> } {
  const prefix = `switchboard-test:${randomUUID()}:`;
  return {
    prefix,
    async cleanup() {
      const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
          if (keys.length > 0) await redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    },
  };
}
