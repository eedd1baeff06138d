import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  retryAfterMs,
  retryDelayForStatus,
  retryPolicy,
} from '../../packages/client/src/retry.js';

/* The partner client's retry rules (packages/client/src/retry.ts; README.md, "Partner client"). */

const policy = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 });

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-12-02T10:00:00Z');
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('Wed, 02 Dec 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 02 Dec 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon')).toBeNull();
    expect(retryAfterMs(null)).toBeNull();
  });
});

describe('which answers a read is sent again after', () => {
  it('502, 503 and 504 back off; a Retry-After within maxDelayMs is waited', () => {
    for (const status of [502, 503, 504]) {
      const wait = retryDelayForStatus(policy, 1, status, null)!;
      expect(wait).toBeGreaterThanOrEqual(50);
      expect(wait).toBeLessThanOrEqual(100);
    }
    expect(retryDelayForStatus(policy, 1, 503, '1')).toBe(1000);
    expect(retryDelayForStatus(policy, 1, 503, '2')).toBeNull();
  });

  it('429 only with a Retry-After it can wait for', () => {
    expect(retryDelayForStatus(policy, 1, 429, '1')).toBe(1000);
    expect(retryDelayForStatus(policy, 1, 429, null)).toBeNull();
    expect(retryDelayForStatus(policy, 1, 429, '5')).toBeNull();
  });

  it('never other statuses', () => {
    for (const status of [200, 400, 401, 403, 404, 500]) {
      expect(retryDelayForStatus(policy, 1, status, '1')).toBeNull();
    }
  });

  it('doubles the backoff up to maxDelayMs', () => {
    expect(backoffMs(policy, 3)).toBeGreaterThanOrEqual(200);
    expect(backoffMs(policy, 3)).toBeLessThanOrEqual(400);
    expect(backoffMs(policy, 10)).toBeLessThanOrEqual(1000);
    expect(backoffMs(policy, 10)).toBeGreaterThanOrEqual(500);
  });

  it('takes at least one attempt', () => {
    expect(retryPolicy({ attempts: 0 }).attempts).toBe(1);
    expect(retryPolicy().attempts).toBe(3);
  });
});
