import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Context } from '../../src/context.js';
import { invalidInput, providerNotConfigured } from '../../src/errors.js';
import { backgroundCaller } from '../../src/http/operation-scope.js';
import { UpstreamClient } from '../../src/http/upstream-client.js';
import { createLogger } from '../../src/logger.js';
import { createMetrics } from '../../src/metrics.js';
import { InMemoryIdempotencyStore } from '../../src/stores/memory-idempotency.js';
import { runMutation } from '../../src/mutations/run-mutation.js';

// A vendor that accepts every POST, and a port where nothing listens.
let vendor: Server;
let vendorUrl: string;
let closedUrl: string;
let posts = 0;

beforeAll(async () => {
  vendor = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      posts += 1;
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `created-${posts}` }));
    });
  });
  await new Promise<void>((resolve) => vendor.listen(0, '127.0.0.1', resolve));
  vendorUrl = `http://127.0.0.1:${(vendor.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});
afterAll(async () => {
  await new Promise<void>((resolve) => vendor.close(() => resolve()));
});

const logger = createLogger({ level: 'silent' });
/** A client whose requests are the request's, as its connectors' are (src/connectors.ts). */
const client = (ctx: Context, baseUrl: string) =>
  new UpstreamClient({ provider: 'OVIA', baseUrl, headers: {}, timeoutMs: 1000, logger }).forCaller(
    ctx.caller,
  );
const create = {
  method: 'POST',
  path: '/things',
  source: 'assumed',
  capability: 'things.create',
} as const;
const created = z.object({ id: z.string() });

/** Just what runMutation reads from a request's context. */
function context(store = new InMemoryIdempotencyStore()): Context {
  return {
    tenant: '-',
    idScope: null,
    client: 'ip:127.0.0.1',
    caller: backgroundCaller(),
    idempotency: store,
    metrics: createMetrics(),
    logger,
  } as never;
}

const mutate = (ctx: Context, run: () => Promise<unknown>) =>
  runMutation(ctx, {
    name: 'createThing',
    args: { name: 'thing' },
    schema: z.object({ name: z.string() }),
    idempotencyKey: 'thing-1',
    run,
  });

describe('runMutation with an idempotency key', () => {
  it.each([
    ['PROVIDER_NOT_CONFIGURED', () => providerNotConfigured('OVIA')],
    ['INVALID_INPUT', () => invalidInput('give exactly one way', { field: ['input'] })],
  ])('releases the key after %s raised before any request', async (code, error) => {
    const ctx = context();
    const first = await mutate(ctx, async () => {
      throw error();
    });
    expect(first.userErrors).toEqual([expect.objectContaining({ code })]);
    const second = await mutate(ctx, async () => 'ran');
    expect(second).toEqual({ result: 'ran', userErrors: [] });
  });

  it('releases the key when the only write was refused before being sent', async () => {
    const ctx = context();
    const refused = await mutate(ctx, () =>
      client(ctx, closedUrl).request({ route: create, schema: created }),
    );
    expect(refused.userErrors).toEqual([
      expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', provider: 'OVIA' }),
    ]);
    const before = posts;
    const ran = await mutate(ctx, () =>
      client(ctx, vendorUrl).request({ route: create, schema: created }),
    );
    expect(ran.userErrors).toEqual([]);
    expect(posts).toBe(before + 1);
  });

  it('keeps the key when a write was delivered before a later request was refused', async () => {
    const ctx = context();
    const before = posts;
    const twoSteps = async () => {
      await client(ctx, vendorUrl).request({ route: create, schema: created });
      return client(ctx, closedUrl).request({ route: create, schema: created });
    };
    const first = await mutate(ctx, twoSteps);
    expect(first.userErrors).toEqual([expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE' })]);
    expect(await mutate(ctx, twoSteps)).toEqual(first);
    expect(posts).toBe(before + 1);
  });

  it('answers repeats IDEMPOTENCY_KEY_IN_DOUBT when an unexpected error followed a delivered write', async () => {
    const ctx = context();
    const before = posts;
    const brokenAfterWrite = async () => {
      await client(ctx, vendorUrl).request({ route: create, schema: created });
      throw new TypeError('a mapping bug');
    };
    await expect(mutate(ctx, brokenAfterWrite)).rejects.toThrow('a mapping bug');
    const repeat = await mutate(ctx, brokenAfterWrite);
    expect(repeat).toEqual({
      result: null,
      userErrors: [
        expect.objectContaining({ field: ['idempotencyKey'], code: 'IDEMPOTENCY_KEY_IN_DOUBT' }),
      ],
    });
    expect(posts).toBe(before + 1);
  });
});
