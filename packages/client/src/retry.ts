/**
 * When a read is sent again. Only queries (and a subscription's reconnects) are: a mutation that
 * got no answer may have reached the vendor, so sending it again could place a second call
 * (README.md, "Mutations": writes are never retried; an `idempotencyKey` makes a repeat by hand
 * safe).
 */
export interface RetryOptions {
  /** Attempts a query gets in all, the first included; 1 turns retries off. @default 3 */
  attempts?: number;
  /** The wait before the first retry; it doubles for each retry after, with jitter. @default 250 */
  baseDelayMs?: number;
  /**
   * The longest wait between attempts. A `Retry-After` longer than this is not waited for: the
   * error is thrown at once. @default 5000
   */
  maxDelayMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

export function retryPolicy(options: RetryOptions = {}): RetryPolicy {
  return {
    attempts: Math.max(1, Math.floor(options.attempts ?? 3)),
    baseDelayMs: Math.max(0, options.baseDelayMs ?? 250),
    maxDelayMs: Math.max(0, options.maxDelayMs ?? 5000),
  };
}

/** Answers a proxy or the gateway gives while it cannot serve for a moment. */
const RETRIED_STATUSES = new Set([502, 503, 504]);

/**
 * `Retry-After` in milliseconds: seconds or an HTTP date (RFC 9110 §10.2.3,
 * https://www.rfc-editor.org/rfc/rfc9110#field.retry-after); null when absent or unreadable.
 */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Exponential backoff with jitter: half the step fixed, half random, at most `maxDelayMs`. */
export function backoffMs(policy: RetryPolicy, retry: number): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return step / 2 + Math.random() * (step / 2);
}

/**
 * How long to wait before sending a read again after this HTTP answer, or null when it must not
 * be sent again: 502, 503 and 504 back off (or wait their `Retry-After`), 429 waits its
 * `Retry-After` and is not retried without one.
 */
export function retryDelayForStatus(
  policy: RetryPolicy,
  retry: number,
  status: number,
  retryAfter: string | null,
): number | null {
  const after = retryAfterMs(retryAfter);
  if (status === 429) return after !== null && after <= policy.maxDelayMs ? after : null;
  if (!RETRIED_STATUSES.has(status)) return null;
  if (after === null) return backoffMs(policy, retry);
  return after <= policy.maxDelayMs ? after : null;
}

/** Waits, or rejects with the signal's reason once it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
