import type { z } from 'zod';
import { UpstreamError } from '../errors.js';
import type { Provider } from '../model/provider.js';
import { parseRetryAfter } from './retry-policy.js';

/** What one attempt got back: enough to map errors, never headers beyond Retry-After. */
export interface UpstreamAnswer {
  status: number;
  retryAfter: string | null;
  text: string;
}

/**
 * A vendor's answer as our codes say it: 404 NOT_FOUND, 429 UPSTREAM_RATE_LIMITED (with the
 * Retry-After asked for), 5xx UPSTREAM_UNAVAILABLE, other 4xx UPSTREAM_REJECTED, a body that is
 * not JSON or fails the route's schema UPSTREAM_BAD_RESPONSE; else the parsed body.
 */
export function interpretAnswer<T>(
  provider: Provider,
  name: string,
  answer: UpstreamAnswer,
  schema: z.ZodType<T>,
): T {
  const { status, text } = answer;
  const details = { provider: provider, route: name, status };
  if (status === 404) {
    throw new UpstreamError('NOT_FOUND', `${provider} has no such object (${name})`, details);
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(answer.retryAfter);
    throw new UpstreamError('UPSTREAM_RATE_LIMITED', `${provider} rate-limited ${name}`, {
      ...details,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  if (status >= 500) {
    throw new UpstreamError(
      'UPSTREAM_UNAVAILABLE',
      `${provider} failed with HTTP ${status} on ${name}`,
      details,
    );
  }
  if (status >= 400) {
    throw new UpstreamError(
      'UPSTREAM_REJECTED',
      `${provider} rejected ${name} with HTTP ${status}`,
      details,
    );
  }
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new UpstreamError(
      'UPSTREAM_BAD_RESPONSE',
      `${provider} answered ${name} with a body that is not JSON`,
      details,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    // Only the paths of the failing members: their values may hold personal data.
    const where = parsed.error.issues
      .slice(0, 3)
      .map((issue) => issue.path.join('.') || '(root)')
      .join(', ');
    throw new UpstreamError(
      'UPSTREAM_BAD_RESPONSE',
      `${provider} answered ${name} with an unexpected body (at ${where})`,
      details,
    );
  }
  return parsed.data;
}

/** A cached answer's text through the route's schema again; null when it no longer passes. */
export function reparseAnswer<T>(text: string, schema: z.ZodType<T>): { value: T } | null {
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { value: parsed.data } : null;
}
