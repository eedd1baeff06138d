import { createClient, NetworkError, type Client, type ExecutionResult } from 'graphql-sse';
import { cursorOf, requestBody, type Operation } from './documents.js';
import {
  errorDetails,
  graphqlError,
  isRecord,
  SwitchboardError,
  type SwitchboardErrorDetail,
} from './errors.js';
import { backoffMs, retryDelayForStatus, sleep, type RetryPolicy } from './retry.js';

/** A running subscription: iterate it with `for await`; leaving the loop ends it. */
export interface SwitchboardSubscription<TData> extends AsyncIterableIterator<TData> {
  /**
   * The `cursor` of the last event received (or the `after` it was started with): subscribe
   * again with `after: cursor` to go on where it stopped (README.md, "Live calls").
   */
  readonly cursor: string | undefined;
  /** Ends the subscription; a pending `next()` resolves as done. */
  close(): Promise<void>;
}

export interface SseSubscriptionsOptions {
  url: string;
  headers: () => Record<string, string>;
  fetch: typeof fetch;
  persisted: boolean;
  retry: RetryPolicy;
}

/**
 * GraphQL over SSE in distinct-connections mode, as graphql-yoga serves it (README.md, "Live
 * calls"), through graphql-sse's client
 * (https://github.com/enisdenjo/graphql-sse/blob/master/PROTOCOL.md). Its own reconnects are off:
 * it would resubscribe with the first variables, while a resumed stream must carry the last
 * cursor as `after`.
 */
export class SseSubscriptions {
  readonly #options: SseSubscriptionsOptions;
  readonly #client: Client;

  constructor(options: SseSubscriptionsOptions) {
    this.#options = options;
    this.#client = createClient({
      url: options.url,
      headers: options.headers,
      fetchFn: options.persisted ? withoutQueryText(options.fetch) : options.fetch,
      retryAttempts: 0,
    });
  }

  subscribe<TData>(
    operation: Operation,
    variables: Record<string, unknown>,
  ): SwitchboardSubscription<TData> {
    return new Subscription<TData>(this.#client, this.#options, operation, variables);
  }
}

/**
 * graphql-sse always sends `query`; a persisted operation is sent without it, or a persisted-only
 * gateway refuses it (README.md, "Persisted operations").
 */
function withoutQueryText(fetchImpl: typeof fetch): typeof fetch {
  return (input, init) => {
    if (typeof init?.body !== 'string') return fetchImpl(input, init);
    const body: unknown = JSON.parse(init.body);
    if (isRecord(body)) delete body.query;
    return fetchImpl(input, { ...init, body: JSON.stringify(body) });
  };
}

/**
 * The GraphQL errors of a refused subscription's body: JSON, or (graphql-yoga answers a 400 to
 * an event-stream request so) one event stream whose `data:` lines hold them.
 */
function refusalDetails(text: string): SwitchboardErrorDetail[] {
  const payloads = [text, ...text.split('\n').filter((line) => line.startsWith('data:'))];
  for (const payload of payloads) {
    try {
      const json: unknown = JSON.parse(payload.replace(/^data:/, ''));
      const details = isRecord(json) ? errorDetails(json.errors) : [];
      if (details.length > 0) return details;
    } catch {
      // Not this one.
    }
  }
  return [];
}

class Subscription<TData> implements SwitchboardSubscription<TData> {
  readonly #client: Client;
  readonly #options: SseSubscriptionsOptions;
  readonly #operation: Operation;
  readonly #variables: Record<string, unknown>;
  readonly #events: AsyncGenerator<TData, undefined>;
  #cursor: string | undefined;
  #current: AsyncIterableIterator<ExecutionResult<TData, unknown>> | undefined;
  #closed = false;

  constructor(
    client: Client,
    options: SseSubscriptionsOptions,
    operation: Operation,
    variables: Record<string, unknown>,
  ) {
    this.#client = client;
    this.#options = options;
    this.#operation = operation;
    this.#variables = variables;
    const after = variables.after;
    this.#cursor = typeof after === 'string' ? after : undefined;
    this.#events = this.#run();
  }

  /** Aborted by `close()`, which so ends a wait before a reconnection at once. */
  readonly #stop = new AbortController();

  get cursor(): string | undefined {
    return this.#cursor;
  }

  async *#run(): AsyncGenerator<TData, undefined> {
    const operation = this.#operation;
    let failures = 0;
    for (;;) {
      if (this.#closed) return undefined;
      const variables =
        operation.resumable && this.#cursor !== undefined
          ? { ...this.#variables, after: this.#cursor }
          : this.#variables;
      const body = requestBody(operation, variables, this.#options.persisted);
      const stream = this.#client.iterate<TData, unknown>({
        ...body,
        // Dropped again on the wire in persisted mode (withoutQueryText).
        query: operation.text,
        variables,
      });
      this.#current = stream;
      try {
        for await (const result of stream) {
          if (result.errors && result.errors.length > 0) {
            throw graphqlError(errorDetails(result.errors), {
              operationName: operation.name,
              attempts: failures + 1,
              data: result.data,
            });
          }
          if (result.data === undefined || result.data === null) continue;
          this.#cursor = cursorOf(result.data) ?? this.#cursor;
          failures = 0;
          yield result.data;
        }
      } catch (error) {
        if (error instanceof SwitchboardError) throw error;
        if (this.#closed) return undefined;
        failures += 1;
        const { failure, wait } = await this.#failure(error, failures);
        if (wait === null || failures >= this.#options.retry.attempts) throw failure;
        if (!(await this.#pause(wait))) return undefined;
        continue;
      }
      // The gateway ended the stream: its drain does so that clients go on elsewhere with their
      // last cursor (README.md, "Live calls"). One with a cursor does; ending again and again
      // without an event in between counts as failing, and ends it at the attempt limit.
      if (this.#closed || !operation.resumable || this.#cursor === undefined) return undefined;
      failures += 1;
      if (failures >= this.#options.retry.attempts) return undefined;
      if (!(await this.#pause(backoffMs(this.#options.retry, failures)))) return undefined;
    }
  }

  /** What a broken stream failed with, and how long to wait before reconnecting (null: never). */
  async #failure(
    error: unknown,
    failures: number,
  ): Promise<{ failure: SwitchboardError; wait: number | null }> {
    const context = { operationName: this.#operation.name, attempts: failures };
    const response = error instanceof NetworkError ? error.response : undefined;
    if (response instanceof Response) {
      const details = refusalDetails(await response.text().catch(() => ''));
      const failure =
        details.length > 0
          ? graphqlError(details, { ...context, status: response.status })
          : new SwitchboardError({
              ...context,
              code: 'HTTP_ERROR',
              message: `the gateway answered ${response.status}`,
              status: response.status,
            });
      const wait = retryDelayForStatus(
        this.#options.retry,
        failures,
        response.status,
        response.headers.get('retry-after'),
      );
      return { failure, wait };
    }
    if (error instanceof NetworkError) {
      const failure = new SwitchboardError({
        ...context,
        code: 'NETWORK_ERROR',
        message: `the event stream failed: ${error.message}`,
        cause: error,
      });
      return { failure, wait: backoffMs(this.#options.retry, failures) };
    }
    const failure = new SwitchboardError({
      ...context,
      code: 'BAD_RESPONSE',
      message: `the event stream could not be read: ${error instanceof Error ? error.message : String(error)}`,
      cause: error,
    });
    return { failure, wait: null };
  }

  next(): Promise<IteratorResult<TData, undefined>> {
    return this.#events.next();
  }

  async return(): Promise<IteratorResult<TData, undefined>> {
    await this.close();
    return this.#events.return(undefined);
  }

  async throw(error?: unknown): Promise<IteratorResult<TData, undefined>> {
    await this.close();
    return this.#events.throw(error);
  }

  /** Waits `ms` before reconnecting; false when `close()` came meanwhile. */
  async #pause(ms: number): Promise<boolean> {
    try {
      await sleep(ms, this.#stop.signal);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#stop.abort();
    // Ends graphql-sse's stream, whose end then lets a pending next() finish.
    await this.#current?.return?.();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
