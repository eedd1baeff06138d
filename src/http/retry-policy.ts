import {
  ExponentialBackoff,
  decorrelatedJitterGenerator,
  handleWhen,
  retry,
  type IBackoff,
  type IBackoffFactory,
  type IRetryBackoffContext,
  type RetryPolicy,
} from 'cockatiel';
import { UpstreamError } from '../errors.js';

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/**
 * The retry policy of one GET: up to `maxAttempts` attempts in all on connection errors,
 * 502/503/504 and 429, exponential backoff with decorrelated jitter from `initialBackoffMs` to 1 s,
 * stretched to the vendor's Retry-After, and only while the wait fits before `deadline`.
 */
export function getRetryPolicy(options: {
  maxAttempts: number;
  initialBackoffMs: number;
  deadline: number;
}): RetryPolicy {
  return retry(
    handleWhen((error) => isRetryable(error) && retryFitsBudget(error, options.deadline)),
    {
      maxAttempts: options.maxAttempts - 1,
      backoff: new RetryAfterBackoff(
        new ExponentialBackoff({
          generator: decorrelatedJitterGenerator,
          initialDelay: options.initialBackoffMs,
          maxDelay: 1000,
        }),
      ),
    },
  );
}

function isRetryable(error: unknown): boolean {
  if (!(error instanceof UpstreamError)) return false;
  if (error.code === 'UPSTREAM_UNAVAILABLE') {
    return error.status === undefined || RETRYABLE_STATUSES.has(error.status);
  }
  return error.code === 'UPSTREAM_RATE_LIMITED';
}

/** A Retry-After longer than what is left of the budget is not worth waiting for. */
function retryFitsBudget(error: unknown, deadline: number): boolean {
  const wait = error instanceof UpstreamError ? (error.retryAfterMs ?? 0) : 0;
  return Date.now() + wait < deadline;
}

export function parseRetryAfter(header: string | null): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Exponential backoff with jitter, stretched to the vendor's Retry-After when it asks for more. */
class RetryAfterBackoff implements IBackoffFactory<IRetryBackoffContext<unknown>> {
  constructor(private readonly inner: IBackoffFactory<IRetryBackoffContext<unknown>>) {}

  next(context: IRetryBackoffContext<unknown>): IBackoff<IRetryBackoffContext<unknown>> {
    const innerBackoff = this.inner.next(context);
    const result = context.result;
    const error = 'error' in result ? result.error : undefined;
    const retryAfter = error instanceof UpstreamError ? (error.retryAfterMs ?? 0) : 0;
    return {
      duration: Math.max(innerBackoff.duration, retryAfter),
      next: (nextContext) => new RetryAfterBackoff(innerBackoff).next(nextContext),
    };
  }
}
