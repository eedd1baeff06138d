import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import {
  ExponentialBackoff,
  TaskCancelledError,
  TimeoutStrategy,
  decorrelatedJitterGenerator,
  handleWhen,
  retry,
  timeout,
  wrap,
  type IBackoff,
  type IBackoffFactory,
  type IRetryBackoffContext,
} from 'cockatiel';
import { Agent, request as undiciRequest } from 'undici';
import type { z } from 'zod';
import { UpstreamError, type UpstreamErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Provider } from '../model/provider.js';
import { currentScope } from './operation-scope.js';
import type { ScopedReadCache } from './read-cache.js';
import { fillPath, routeName, type Route } from './route.js';

export type QueryValue = string | number | boolean | null | undefined;

export interface UpstreamRequest<T> {
  route: Route;
  params?: Record<string, string | number>;
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema: z.ZodType<T>;
}

export interface UpstreamClientOptions {
  provider: Provider;
  baseUrl: string;
  /** The vendor's auth header(s); sent on every request, never logged or echoed. */
  headers: Record<string, string>;
  /** Budget for one request, retries included. */
  timeoutMs: number;
  logger: Logger;
  /** GET attempts at most, the first included. @default 3 */
  maxAttempts?: number;
  /** First backoff delay before jitter. @default 50 */
  initialBackoffMs?: number;
}

/** One line per upstream attempt; what metrics and logs need, and nothing secret. */
export interface UpstreamAttempt {
  provider: Provider;
  route: string;
  status: number | null;
  ms: number;
  attempt: number;
  code: UpstreamErrorCode | null;
}

/** What one attempt got back: enough to map errors, never headers beyond Retry-After. */
interface UpstreamAnswer {
  status: number;
  retryAfter: string | null;
  text: string;
}

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

/** Socket errors raised while connecting, before a request is written: the vendor saw nothing. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/**
 * The writes (non-GET requests) of one task that may have reached a vendor. A mutation's
 * idempotency key is released only when its failed attempt made none: a write that failed
 * before being sent is not counted, one whose fate is unknown (timeout, reset, 5xx) is.
 */
export class WriteLedger {
  maybeDelivered = 0;
}

const ledgers = new AsyncLocalStorage<WriteLedger>();

export function withWriteLedger<T>(ledger: WriteLedger, task: () => Promise<T>): Promise<T> {
  return ledgers.run(ledger, task);
}

/**
 * The one HTTP client every vendor connector uses: timeout budget, retries for GETs (connection
 * errors, 502/503/504, 429 honouring Retry-After, exponential backoff with jitter), error mapping
 * to our codes, and zod validation of the answer. Policies come from cockatiel; the parts that
 * are ours are the error mapping and making Retry-After count against the budget.
 */
export class UpstreamClient {
  readonly provider: Provider;
  private readonly options: Required<UpstreamClientOptions>;
  private readonly baseUrl: string;
  readonly attemptListeners: Array<(attempt: UpstreamAttempt) => void> = [];
  /**
   * undici's own request API on a keep-alive pool per vendor: the same HTTP stack as `fetch`
   * without the WHATWG layers, which cost more CPU than our whole resolver work per call.
   */
  private readonly agent = new Agent({ keepAliveTimeout: 10_000, connections: 64 });
  private readCache: ScopedReadCache | null = null;
  /** A digest of the auth headers: answers read with other credentials are never reused. */
  private readonly identity: string;

  constructor(options: UpstreamClientOptions) {
    this.provider = options.provider;
    this.options = { maxAttempts: 3, initialBackoffMs: 50, ...options };
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.identity = createHash('sha256')
      .update(JSON.stringify(Object.entries(options.headers).sort()))
      .digest('base64url');
  }

  /**
   * From now on, reads of routes with `cache` tags go through `cache` and writes of routes with
   * `invalidates` tags make those reads stale (src/http/read-cache.ts). The gateway sets it when
   * SWITCHBOARD_CACHE_TTL_MS is above 0.
   */
  useReadCache(cache: ScopedReadCache): void {
    this.readCache = cache;
  }

  /** Closes the keep-alive connections to the vendor. */
  close(): Promise<void> {
    return this.agent.close();
  }

  /**
   * Drops the connections to the vendor at once; requests still waiting fail. `close()` waits for
   * them, which a hanging vendor can stretch to the whole upstream timeout.
   */
  destroy(): Promise<void> {
    return this.agent.destroy();
  }

  async request<T>(request: UpstreamRequest<T>): Promise<T> {
    const cache = this.readCache;
    const { route } = request;
    if (cache === null) return (await this.send(request, this.buildUrl(request))).value;
    if (route.cache) {
      const url = this.buildUrl(request);
      return cache.read(
        {
          provider: this.provider,
          identity: this.identity,
          route,
          url,
          params: request.params,
          body: request.body,
        },
        (text) => this.reinterpret(text, request.schema),
        () => this.send(request, url),
      );
    }
    try {
      return (await this.send(request, this.buildUrl(request))).value;
    } finally {
      // Sent or not, answered or not: the vendor may have applied it.
      if (route.invalidates) await cache.invalidate(this.provider, route, request.params);
    }
  }

  /** The request sent, with retries for GETs, and its answer parsed; the text comes along. */
  private async send<T>(
    request: UpstreamRequest<T>,
    url: string,
  ): Promise<{ value: T; text: string }> {
    const { route } = request;
    const name = routeName(route);
    const deadline = Date.now() + this.options.timeoutMs;
    const budgetTimeout = timeout(this.options.timeoutMs, TimeoutStrategy.Aggressive);

    const attemptOnce = async (
      attempt: number,
      signal: AbortSignal,
    ): Promise<{ value: T; text: string }> => {
      const scope = currentScope();
      if (scope && !scope.take()) {
        throw new UpstreamError(
          'FAN_OUT_LIMITED',
          `this operation reached its limit of ${scope.maxUpstreamRequests} upstream requests; ${this.provider} was not asked`,
          { provider: this.provider, route: name, sent: false },
        );
      }
      const started = performance.now();
      let status: number | null = null;
      // Counted before sending: a budget timeout may end the task before this attempt settles.
      const ledger = route.method === 'GET' ? undefined : ledgers.getStore();
      if (ledger) ledger.maybeDelivered += 1;
      try {
        const answer = await this.exchange(route, url, request.body, signal);
        status = answer.status;
        const value = this.interpret(name, answer, request.schema);
        this.report({ route: name, status, started, attempt, code: null });
        return { value, text: answer.text };
      } catch (error) {
        const mapped = this.mapError(error, name, status);
        if (ledger && !mapped.sent) ledger.maybeDelivered -= 1;
        this.report({ route: name, status, started, attempt, code: mapped.code });
        throw mapped;
      }
    };

    try {
      if (route.method !== 'GET') {
        // Writes are never retried: a second POST could dial a phone twice.
        return await budgetTimeout.execute(({ signal }) => attemptOnce(1, signal));
      }
      const retryPolicy = retry(
        handleWhen((error) => isRetryable(error) && retryFitsBudget(error, deadline)),
        {
          maxAttempts: this.options.maxAttempts - 1,
          backoff: new RetryAfterBackoff(
            new ExponentialBackoff({
              generator: decorrelatedJitterGenerator,
              initialDelay: this.options.initialBackoffMs,
              maxDelay: 1000,
            }),
          ),
        },
      );
      return await wrap(budgetTimeout, retryPolicy).execute(({ signal, attempt }) =>
        attemptOnce(attempt + 1, signal),
      );
    } catch (error) {
      if (error instanceof UpstreamError) throw error;
      if (error instanceof TaskCancelledError) {
        throw new UpstreamError(
          'UPSTREAM_TIMEOUT',
          `${this.provider} did not answer ${name} within ${this.options.timeoutMs} ms`,
          { provider: this.provider, route: name },
        );
      }
      throw this.mapError(error, name, null);
    }
  }

  private buildUrl(request: UpstreamRequest<unknown>): string {
    const url = new URL(this.baseUrl + fillPath(request.route, request.params));
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.set(key, String(value));
    }
    return url.toString();
  }

  private async exchange(
    route: Route,
    url: string,
    body: unknown,
    signal: AbortSignal,
  ): Promise<UpstreamAnswer> {
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.headers };
    let payload: string | undefined;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await undiciRequest(url, {
      method: route.method,
      headers,
      body: payload,
      signal,
      dispatcher: this.agent,
    });
    const retryAfter = response.headers['retry-after'];
    return {
      status: response.statusCode,
      retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
      text: await response.body.text(),
    };
  }

  private interpret<T>(name: string, answer: UpstreamAnswer, schema: z.ZodType<T>): T {
    const { status, text } = answer;
    const details = { provider: this.provider, route: name, status };
    if (status === 404) {
      throw new UpstreamError(
        'NOT_FOUND',
        `${this.provider} has no such object (${name})`,
        details,
      );
    }
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(answer.retryAfter);
      throw new UpstreamError('UPSTREAM_RATE_LIMITED', `${this.provider} rate-limited ${name}`, {
        ...details,
        ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
      });
    }
    if (status >= 500) {
      throw new UpstreamError(
        'UPSTREAM_UNAVAILABLE',
        `${this.provider} failed with HTTP ${status} on ${name}`,
        details,
      );
    }
    if (status >= 400) {
      throw new UpstreamError(
        'UPSTREAM_REJECTED',
        `${this.provider} rejected ${name} with HTTP ${status}`,
        details,
      );
    }
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new UpstreamError(
        'UPSTREAM_BAD_RESPONSE',
        `${this.provider} answered ${name} with a body that is not JSON`,
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
        `${this.provider} answered ${name} with an unexpected body (at ${where})`,
        details,
      );
    }
    return parsed.data;
  }

  /** A cached answer's text through the route's schema again; null when it no longer passes. */
  private reinterpret<T>(text: string, schema: z.ZodType<T>): { value: T } | null {
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      return null;
    }
    const parsed = schema.safeParse(json);
    return parsed.success ? { value: parsed.data } : null;
  }

  private mapError(error: unknown, name: string, status: number | null): UpstreamError {
    if (error instanceof UpstreamError) return error;
    if (error instanceof TaskCancelledError || isAbortError(error)) {
      return new UpstreamError(
        'UPSTREAM_TIMEOUT',
        `${this.provider} did not answer ${name} within ${this.options.timeoutMs} ms`,
        { provider: this.provider, route: name },
      );
    }
    // undici rejects with a socket or connection error for refused or reset connections and
    // cut-off bodies.
    return new UpstreamError(
      'UPSTREAM_UNAVAILABLE',
      `${this.provider} could not be reached on ${name}`,
      {
        provider: this.provider,
        route: name,
        ...(status === null ? {} : { status }),
        sent: status !== null || !failedBeforeSending(error),
      },
    );
  }

  private report(entry: {
    route: string;
    status: number | null;
    started: number;
    attempt: number;
    code: UpstreamErrorCode | null;
  }): void {
    const attempt: UpstreamAttempt = {
      provider: this.provider,
      route: entry.route,
      status: entry.status,
      ms: Math.round((performance.now() - entry.started) * 10) / 10,
      attempt: entry.attempt,
      code: entry.code,
    };
    // A failed attempt is worth an operator's attention; a good one is the everyday record.
    const level = attempt.code === null ? 'info' : 'warn';
    this.options.logger[level](
      { requestId: currentScope()?.requestId, upstream: attempt },
      'upstream request',
    );
    for (const listener of this.attemptListeners) listener(attempt);
  }
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

/** Happy-eyeballs connects fail with an AggregateError of one error per address tried. */
function failedBeforeSending(error: unknown): boolean {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.every(failedBeforeSending);
  }
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && NOT_SENT_CODES.has(code);
}

function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
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
