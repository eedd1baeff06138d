import { once } from 'node:events';
import { createServer, Socket, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { ReadCache, type CacheableRead } from '../../src/http/read-cache.js';
import type { Route } from '../../src/http/route.js';
import { createLogger } from '../../src/logger.js';
import { RedisReadCacheStore } from '../../src/stores/redis-read-cache.js';
import { RedisConnection } from '../../src/stores/redis.js';
import { redisTestsEnabled, testPrefix, TEST_REDIS_URL } from '../support/redis.js';

const enabled = await redisTestsEnabled('test/unit/redis-read-cache.test.ts');
const { prefix, cleanup } = testPrefix();
const logger = createLogger({ level: 'silent' });
const connections: RedisConnection[] = [];

afterAll(async () => {
  await Promise.all(connections.map((connection) => connection.close()));
  if (enabled) await cleanup();
});

const getTask: Route = {
  method: 'GET',
  path: '/api/v1/tasks/{taskId}',
  source: 'doc',
  capability: 'tasks.get',
  cache: ['task:{taskId}'],
};
const updateTask: Route = {
  method: 'PUT',
  path: '/api/v1/tasks/{taskId}',
  source: 'doc',
  capability: 'tasks.update',
  invalidates: ['task:{taskId}', 'tasks'],
};

let n = 0;
/** A task id no other test of this file reads. */
const freshTask = () => `task-${++n}`;
const read = (taskId: string): CacheableRead => ({
  provider: 'LLAMADAPRO',
  identity: 'credentials-digest',
  route: getTask,
  url: `http://vendor.test/api/v1/tasks/${taskId}`,
  params: { taskId },
  mode: 'use',
});
const parse = (text: string) => ({ value: JSON.parse(text) as unknown });

/** A vendor that answers its version, counting how often it is asked. */
function vendor() {
  let asked = 0;
  return {
    get asked() {
      return asked;
    },
    fetch: async () => {
      asked += 1;
      const text = JSON.stringify({ version: asked });
      return { value: JSON.parse(text) as unknown, text };
    },
  };
}

async function connected(url = TEST_REDIS_URL): Promise<RedisConnection> {
  const connection = new RedisConnection({ url, prefix }, logger);
  connections.push(connection);
  if (connection.client.status !== 'ready') await once(connection.client, 'ready');
  return connection;
}

/** One gateway process's cache: its own connection to the shared Redis. */
async function replica(url?: string) {
  const connection = await connected(url);
  const store = new RedisReadCacheStore(connection);
  return Object.assign(
    new ReadCache(store, { ttlMs: 60_000, maxEntryBytes: 100_000, logger }).forScope('-'),
    { connection },
  );
}

/** A TCP hop in front of Redis that can be cut and restored, as a network outage would. */
async function cuttableRedis(): Promise<{ url: string; cut(): Promise<void>; restore(): void }> {
  const target = new URL(TEST_REDIS_URL);
  const sockets = new Set<Socket>();
  let server: Server;
  const listen = (port: number) => {
    server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(Number(target.port || 6379), target.hostname);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    server.listen(port, '127.0.0.1');
    return once(server, 'listening');
  };
  await listen(0);
  const { port } = server!.address() as { port: number };
  return {
    url: `redis://127.0.0.1:${port}`,
    cut: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    restore: () => void listen(port),
  };
}

describe.skipIf(!enabled)('ReadCache over Redis', () => {
  it('shares answers and invalidations between replicas', async () => {
    const [a, b] = [await replica(), await replica()];
    const upstream = vendor();
    const taskId = freshTask();
    await a.read(read(taskId), parse, upstream.fetch);
    expect(await b.read(read(taskId), parse, upstream.fetch)).toEqual({ version: 1 });
    await b.invalidate('LLAMADAPRO', updateTask, { taskId });
    expect(await a.read(read(taskId), parse, upstream.fetch)).toEqual({ version: 2 });
    expect(await b.read(read(taskId), parse, upstream.fetch)).toEqual({ version: 2 });
    expect(upstream.asked).toBe(2);
  });

  it('keeps no answer read on one replica while another invalidated it', async () => {
    const [a, b] = [await replica(), await replica()];
    const taskId = freshTask();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    const slow = async () => {
      asked += 1;
      if (asked === 1) await gate;
      const text = JSON.stringify({ version: asked });
      return { value: JSON.parse(text) as unknown, text };
    };
    const pending = a.read(read(taskId), parse, slow);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await b.invalidate('LLAMADAPRO', updateTask, { taskId });
    release();
    expect(await pending).toEqual({ version: 1 });
    expect(await b.read(read(taskId), parse, slow)).toEqual({ version: 2 });
  });

  it('reads uncached while Redis is unreachable and delivers a missed invalidation once it is back', async () => {
    const hop = await cuttableRedis();
    const cache = await replica(hop.url);
    const other = await replica();
    const upstream = vendor();
    const taskId = freshTask();
    await cache.read(read(taskId), parse, upstream.fetch);

    await hop.cut();
    // A write while Redis is out of reach: the entry in Redis is now stale, and Redis cannot
    // be told.
    await cache.invalidate('LLAMADAPRO', updateTask, { taskId });
    expect(await cache.read(read(taskId), parse, upstream.fetch)).toEqual({ version: 2 });
    hop.restore();
    await once(cache.connection.client, 'ready');

    // Within a couple of retry intervals, the invalidation reaches Redis: no replica gets the
    // stale entry.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await other.read(read(taskId), parse, upstream.fetch)).toEqual({ version: 3 });
    expect(await cache.read(read(taskId), parse, upstream.fetch)).toEqual({ version: 3 });
    expect(upstream.asked).toBe(3);
  }, 15_000);
});
