import { createHash } from 'node:crypto';
import { TaskCancelledError } from 'cockatiel';
import { Agent } from 'undici';
import type { z } from 'zod';
import { UpstreamError, type UpstreamErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Provider } from '../model/provider.js';
import type { AttemptSpan, Tracing } from '../telemetry/tracing.js';
import { backgroundCaller, type Caller } from './operation-scope.js';
import { interpretAnswer, reparseAnswer, type UpstreamAnswer } from './answer.js';
import { withinBudget } from './budget.js';
import { AnswerTooLargeError, dispatchExchange } from './dispatch-exchange.js';
import { getRetryPolicy } from './retry-policy.js';
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
  /**
   * Bytes of one answer read at most (a 100-call page is ≈ 200 KB); a longer one is
   * UPSTREAM_BAD_RESPONSE. @default 16_777_216
   */
  maxAnswerBytes?: number;
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
 * The one HTTP client every vendor connector uses: timeout budget, retries for GETs (connection
 * errors, 502/503/504, 429 honouring Retry-After, exponential backoff with jitter), error mapping
 * to our codes, and zod validation of the answer. Policies come from cockatiel; the parts that
 * are ours are the error mapping and making Retry-After count against the budget.
 */
export class UpstreamClient {
  readonly provider: Provider;
  private readonly options: Required<UpstreamClientOptions>;
  private readonly baseUrl: string;
  /** `baseUrl`'s scheme, host and port: every request URL starts with it. */
  private readonly origin: string;
  readonly attemptListeners: Array<(attempt: UpstreamAttempt) => void> = [];
  /**
   * A keep-alive undici pool per vendor, driven through its `dispatch` (./dispatch-exchange.ts):
   * the same HTTP stack as `fetch` without the WHATWG and stream layers, which cost more CPU
   * than our whole resolver work per call.
   */
  private readonly agent = new Agent({ keepAliveTimeout: 10_000, connections: 64 });
  private readCache: ScopedReadCache | null = null;
  private tracing: Tracing | null = null;
  /** A digest of the auth headers: answers read with other credentials are never reused. */
  private readonly identity: string;
  /** Whose requests these are: background work's, unless this is a view (`forCaller`). */
  private caller: Caller = backgroundCaller();

  constructor(options: UpstreamClientOptions) {
    this.provider = options.provider;
    this.options = { maxAttempts: 3, initialBackoffMs: 50, maxAnswerBytes: 16_777_216, ...options };
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.origin = new URL(this.baseUrl).origin;
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

  /**
   * From now on every attempt is a client span under the operation's span and sends its
   * `traceparent`. The gateway sets it when an OTLP endpoint is configured.
   */
  useTracing(tracing: Tracing): void {
    this.tracing = tracing;
  }

  /**
   * This client as `caller` uses it: a view sharing everything with it (connections, cache,
   * tracing, listeners) whose attempts are taken from the caller's operation allowance, read in
   * its read mode and counted in its write ledger. A request's connectors are built over views
   * (src/connectors.ts); setup (`useReadCache`, `useTracing`, `close`) belongs to the client
   * itself.
   */
  forCaller(caller: Caller): UpstreamClient {
    const view: UpstreamClient = Object.create(this);
    view.caller = caller;
    return view;
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
          mode: this.caller.readMode,
        },
        (text) => reparseAnswer(text, request.schema),
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
    /** The code of the last failed attempt: why the next one is a retry. */
    let lastCode: UpstreamErrorCode | null = null;

    const attemptOnce = async (
      attempt: number,
      signal: AbortSignal,
    ): Promise<{ value: T; text: string }> => {
      // A retry whose backoff outlasted the budget: the caller has its UPSTREAM_TIMEOUT already,
      // so nothing is sent, counted or logged.
      if (signal.aborted) {
        throw new UpstreamError('UPSTREAM_TIMEOUT', `${this.provider} budget spent on ${name}`, {
          provider: this.provider,
          route: name,
          sent: false,
        });
      }
      const scope = this.caller.operation;
      if (scope && !scope.take()) {
        throw new UpstreamError(
          'FAN_OUT_LIMITED',
          `this operation reached its limit of ${scope.maxUpstreamRequests} upstream requests; ${this.provider} was not asked`,
          { provider: this.provider, route: name, sent: false },
        );
      }
      const started = performance.now();
      let status: number | null = null;
      const span = this.startSpan(route, url, attempt, lastCode);
      // Counted before sending: a budget timeout may end the task before this attempt settles.
      const ledger = route.method === 'GET' ? null : this.caller.ledger;
      if (ledger) ledger.maybeDelivered += 1;
      try {
        const answer = await this.exchange(route, url, request.body, signal, span?.headers);
        status = answer.status;
        const value = interpretAnswer(this.provider, name, answer, request.schema);
        span?.end({ status, code: null });
        this.report({ route: name, status, started, attempt, code: null });
        return { value, text: answer.text };
      } catch (error) {
        const mapped = this.mapError(error, name, status);
        if (ledger && !mapped.sent) ledger.maybeDelivered -= 1;
        lastCode = mapped.code;
        span?.end({ status, code: mapped.code });
        this.report({ route: name, status, started, attempt, code: mapped.code });
        throw mapped;
      }
    };

    try {
      if (route.method !== 'GET') {
        // Writes are never retried: a second POST could dial a phone twice.
        return await withinBudget(this.options.timeoutMs, (signal) => attemptOnce(1, signal));
      }
      const retryPolicy = getRetryPolicy({
        maxAttempts: this.options.maxAttempts,
        initialBackoffMs: this.options.initialBackoffMs,
        deadline,
      });
      return await withinBudget(this.options.timeoutMs, (signal) =>
        retryPolicy.execute(({ attempt }) => attemptOnce(attempt + 1, signal), signal),
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

  /** The route's template, never the URL: ids, phone numbers and queries stay out of traces. */
  private startSpan(
    route: Route,
    url: string,
    attempt: number,
    retryOf: UpstreamErrorCode | null,
  ): AttemptSpan | null {
    if (this.tracing === null) return null;
    const { hostname, port, protocol } = new URL(url);
    return this.tracing.startAttempt({
      vendor: this.provider,
      method: route.method,
      routeTemplate: route.path,
      attempt,
      retryOf,
      host: hostname,
      port: port === '' ? (protocol === 'https:' ? 443 : 80) : Number(port),
    });
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
    traceHeaders: Readonly<Record<string, string>> | undefined,
  ): Promise<UpstreamAnswer> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...traceHeaders,
      ...this.options.headers,
    };
    let payload: string | undefined;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    return dispatchExchange(this.agent, {
      origin: this.origin,
      path: url.slice(this.origin.length),
      method: route.method,
      headers,
      body: payload,
      signal,
      maxBytes: this.options.maxAnswerBytes,
    });
  }

  private mapError(error: unknown, name: string, status: number | null): UpstreamError {
    if (error instanceof UpstreamError) return error;
    if (error instanceof AnswerTooLargeError) {
      return new UpstreamError(
        'UPSTREAM_BAD_RESPONSE',
        `${this.provider} answered ${name} with more than ${error.maxBytes} bytes`,
        { provider: this.provider, route: name, ...(status === null ? {} : { status }) },
      );
    }
    // The budget's own TaskCancelledError is mapped in `send`; an attempt sees its abort.
    if (isAbortError(error)) {
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
      { requestId: this.caller.operation?.requestId, upstream: attempt },
      'upstream request',
    );
    for (const listener of this.attemptListeners) listener(attempt);
  }
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
