import { describe, expect, it } from 'vitest';
import { loadConfig, vendorEnvironment } from '../../src/config.js';
import {
  InMemoryRateLimiter,
  RATE_LIMIT_WINDOW_SECONDS,
  rateLimitKey,
} from '../../src/stores/rate-limit.js';

describe('InMemoryRateLimiter', () => {
  it('allows the limit per client and window, then says when to retry', async () => {
    const limiter = new InMemoryRateLimiter({ perMinute: 2 });
    expect(await limiter.consume('default', 'ip:10.0.0.1')).toEqual({ allowed: true });
    expect(await limiter.consume('default', 'ip:10.0.0.1')).toEqual({ allowed: true });
    const refused = await limiter.consume('default', 'ip:10.0.0.1');
    expect(refused.allowed).toBe(false);
    if (refused.allowed) return;
    expect(refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(RATE_LIMIT_WINDOW_SECONDS);
    // Another client, and the same client in another scope, have budgets of their own.
    expect(await limiter.consume('default', 'ip:10.0.0.2')).toEqual({ allowed: true });
    expect(await limiter.consume('tenant-b', 'ip:10.0.0.1')).toEqual({ allowed: true });
  });

  it('counts clients past its bound under one shared counter instead of growing', async () => {
    const limiter = new InMemoryRateLimiter({ perMinute: 1, maxClients: 2 });
    expect(await limiter.consume('default', 'a')).toEqual({ allowed: true });
    expect(await limiter.consume('default', 'b')).toEqual({ allowed: true });
    // c and d arrive once two clients are counted: they share the overflow counter.
    expect(await limiter.consume('default', 'c')).toEqual({ allowed: true });
    expect((await limiter.consume('default', 'd')).allowed).toBe(false);
    // The counted ones keep their own.
    expect((await limiter.consume('default', 'a')).allowed).toBe(false);
  });
});

describe('rateLimitKey', () => {
  it('hashes the client into a key of fixed length, so client input never becomes the key', () => {
    const long = rateLimitKey('-', `ip:${'f'.repeat(10_000)}`);
    const short = rateLimitKey('-', 'ip:127.0.0.1');
    expect(long).toMatch(/^-:[\w-]{43}$/);
    expect(short).toMatch(/^-:[\w-]{43}$/);
    expect(long).not.toBe(short);
    expect(short).not.toContain('127.0.0.1');
  });
});

describe('vendorEnvironment', () => {
  it('writes the variables loadConfig reads the same vendors back from', () => {
    const vendors = {
      freya: { baseUrl: 'http://127.0.0.1:4101', apiKey: 'fk', workspaceId: 'ws' },
      cx: { baseUrl: 'http://127.0.0.1:4104', username: 'u', password: 'p' },
    };
    const env = vendorEnvironment(vendors);
    expect(env).toEqual({
      FREYA_BASE_URL: 'http://127.0.0.1:4101',
      FREYA_API_KEY: 'fk',
      FREYA_WORKSPACE_ID: 'ws',
      CX_BASE_URL: 'http://127.0.0.1:4104',
      CX_USERNAME: 'u',
      CX_PASSWORD: 'p',
    });
    expect(loadConfig(env).vendors).toEqual(vendors);
  });
});
