import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { operationOf, requestBody, type Operation } from './documents.js';
import { errorDetails, graphqlError, isRecord, SwitchboardError } from './errors.js';
import { retryDelayForStatus, backoffMs, retryPolicy, sleep, type RetryOptions } from './retry.js';
import {
  AddCallNoteDocument,
  CallDetailDocument,
  CallStatsDocument,
  Contact360Document,
  CreateTaskDocument,
  DashboardDocument,
  LiveCallsDocument,
  LiveMessagesDocument,
  NewestCallsDocument,
  SendWhatsAppTemplateDocument,
  StartCallDocument,
  type AddCallNoteMutationVariables,
  type CallDetailQueryVariables,
  type CallStatsQueryVariables,
  type Contact360QueryVariables,
  type CreateTaskMutationVariables,
  type DashboardQueryVariables,
  type LiveCallsSubscriptionVariables,
  type LiveMessagesSubscriptionVariables,
  type NewestCallsQueryVariables,
  type SendWhatsAppTemplateMutationVariables,
  type StartCallMutationVariables,
} from './generated/graphql.js';
import { SseSubscriptions, type SwitchboardSubscription } from './subscribe.js';

export interface SwitchboardClientOptions {
  /** The graph's endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  /**
   * A client key of the gateway (`SWITCHBOARD_API_KEYS`, or one of a tenant's `apiKeys`), sent as
   * `Authorization: Bearer <key>`. None for a graph without keys.
   */
  apiKey?: string;
  /**
   * Tenant id → API key, for a gateway with a tenants file, where the key selects the tenant
   * (README.md, "Tenants"). `client.forTenant(id)` is a client with that tenant's key.
   */
  tenants?: Readonly<Record<string, string>>;
  /**
   * Send each operation as its hash (`extensions.persistedQuery.sha256Hash`) instead of its text,
   * for a gateway started with SWITCHBOARD_PERSISTED_OPERATIONS. @default false
   */
  persisted?: boolean;
  /** Retries of queries (never of mutations). */
  retry?: RetryOptions;
  /** How long one attempt of a query or mutation may take. @default 30000 */
  timeoutMs?: number;
  /** More headers for every request. */
  headers?: Readonly<Record<string, string>>;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  /** Abandons the request (and its retries); it then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** The variables argument: optional when the operation has no required variable. */
export type VariablesArgument<TVariables> = {} extends TVariables
  ? [variables?: TVariables, options?: RequestOptions]
  : [variables: TVariables, options?: RequestOptions];

/** Only a subscription's variables: it is ended with `close()` or by leaving `for await`. */
export type SubscriptionVariablesArgument<TVariables> = {} extends TVariables
  ? [variables?: TVariables]
  : [variables: TVariables];

type Answer =
  | { kind: 'graphql'; status: number; data: unknown; errors: ReturnType<typeof errorDetails> }
  | { kind: 'other'; status: number };

async function readAnswer(response: Response): Promise<Answer> {
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  if (isRecord(json) && ('data' in json || 'errors' in json)) {
    return {
      kind: 'graphql',
      status: response.status,
      data: json.data ?? null,
      errors: errorDetails(json.errors),
    };
  }
  return { kind: 'other', status: response.status };
}

/** The error for an answer that is not data. */
function answerError(answer: Answer, operation: Operation, attempts: number): SwitchboardError {
  const context = { operationName: operation.name, status: answer.status, attempts };
  if (answer.kind === 'graphql' && answer.errors.length > 0) {
    return graphqlError(answer.errors, { ...context, data: answer.data });
  }
  const ok = answer.status >= 200 && answer.status < 300;
  return new SwitchboardError({
    ...context,
    code: ok ? 'BAD_RESPONSE' : 'HTTP_ERROR',
    message: ok ? 'the answer is not a GraphQL response' : `the gateway answered ${answer.status}`,
  });
}

/**
 * A typed client for Switchboard: `request()` runs any typed document (the ones this package
 * ships, or your own from GraphQL Code Generator) and resolves to its data; `subscribe()` streams
 * a subscription over SSE. Every failure rejects with a {@link SwitchboardError}.
 */
export class SwitchboardClient {
  /** The tenant whose key this client sends (`forTenant`), if any. */
  readonly tenant: string | undefined;
  readonly #options: SwitchboardClientOptions;
  readonly #fetch: typeof fetch;
  readonly #retry: ReturnType<typeof retryPolicy>;
  #subscriptions: SseSubscriptions | undefined;

  constructor(options: SwitchboardClientOptions, tenant?: string) {
    this.#options = options;
    this.tenant = tenant;
    // Called unbound: some fetch implementations refuse another `this`.
    const fetchImpl = options.fetch ?? globalThis.fetch;
    this.#fetch = (input, init) => fetchImpl(input, init);
    this.#retry = retryPolicy(options.retry);
  }

  /** A client sending the key `tenants[id]`, otherwise configured as this one. */
  forTenant(id: string): SwitchboardClient {
    const tenants = this.#options.tenants ?? {};
    const apiKey = Object.hasOwn(tenants, id) ? tenants[id] : undefined;
    if (apiKey === undefined) {
      throw new TypeError(`no API key for tenant "${id}": add it to the client's tenants option`);
    }
    return new SwitchboardClient({ ...this.#options, apiKey }, id);
  }

  /** The headers of every request: the key, a client name, then the configured headers. */
  #headers(): Record<string, string> {
    const { apiKey, headers } = this.#options;
    return {
      // Also the custom header a production gateway asks of requests without a preflight.
      'x-graphql-client-name': '@switchboard/client',
      ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
      ...headers,
    };
  }

  /**
   * Runs a query or a mutation and resolves to its data. Queries are sent again after a network
   * failure, a timeout, 502/503/504 or a 429 with `Retry-After` (see `retry`); mutations are
   * sent once. Any GraphQL error rejects, the partial data in the error's `data`.
   */
  async request<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    ...[variables, options = {}]: VariablesArgument<TVariables>
  ): Promise<TData> {
    const operation = operationOf(document);
    if (operation.type === 'subscription') {
      throw new TypeError(
        `${operation.name ?? 'this operation'} is a subscription: use subscribe()`,
      );
    }
    const body = JSON.stringify(
      requestBody(operation, variables ?? {}, this.#options.persisted === true),
    );
    const attempts = operation.type === 'query' ? this.#retry.attempts : 1;
    const timeoutMs = this.#options.timeoutMs ?? 30_000;
    for (let attempt = 1; ; attempt += 1) {
      const timeout = AbortSignal.timeout(timeoutMs);
      const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
      let answer: Answer;
      let wait: number | null;
      try {
        const response = await this.#fetch(this.#options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json;q=0.9',
            ...this.#headers(),
          },
          body,
          signal,
        });
        answer = await readAnswer(response);
        wait = retryDelayForStatus(
          this.#retry,
          attempt,
          answer.status,
          response.headers.get('retry-after'),
        );
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason;
        const failure = new SwitchboardError({
          code: timeout.aborted ? 'TIMEOUT' : 'NETWORK_ERROR',
          message: timeout.aborted
            ? `no answer within ${timeoutMs} ms`
            : `the request failed: ${describeCause(error)}`,
          operationName: operation.name,
          attempts: attempt,
          cause: error,
        });
        if (attempt >= attempts) throw failure;
        await sleep(backoffMs(this.#retry, attempt), options.signal);
        continue;
      }
      if (wait !== null && attempt < attempts) {
        await sleep(wait, options.signal);
        continue;
      }
      if (answer.kind === 'graphql' && answer.errors.length === 0 && isRecord(answer.data)) {
        // The document's type says what its data is; the gateway validated it against the schema.
        return answer.data as TData;
      }
      throw answerError(answer, operation, attempt);
    }
  }

  /**
   * Streams a subscription over SSE (POST with `Accept: text/event-stream`), one item per
   * event's data. When the stream breaks (a network failure, 502/503/504, a 429) it reconnects
   * with backoff, passing the last event's `cursor` as `after` when the operation declares
   * `$after`, so no event is missed or repeated; the gateway ending the stream ends the iterator.
   * A GraphQL error (an unknown cursor, say) throws a {@link SwitchboardError}.
   */
  subscribe<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    ...[variables]: SubscriptionVariablesArgument<TVariables>
  ): SwitchboardSubscription<TData> {
    const operation = operationOf(document);
    if (operation.type !== 'subscription') {
      throw new TypeError(
        `${operation.name ?? 'this operation'} is not a subscription: use request()`,
      );
    }
    this.#subscriptions ??= new SseSubscriptions({
      url: this.#options.url,
      headers: () => this.#headers(),
      fetch: this.#fetch,
      persisted: this.#options.persisted === true,
      retry: this.#retry,
    });
    return this.#subscriptions.subscribe<TData>(operation, isRecord(variables) ? variables : {});
  }

  // The example operations (examples/operations/*.graphql), each `request()` or `subscribe()`
  // with its document: the variables and the data are typed by it.

  /** `NewestCalls`: the newest calls of every call vendor, merged newest first. */
  listCalls(...args: VariablesArgument<NewestCallsQueryVariables>) {
    return this.request(NewestCallsDocument, ...args);
  }
  /** `CallDetail`: one call with its transcript, notes, costs, problems and contact. */
  callDetail(...args: VariablesArgument<CallDetailQueryVariables>) {
    return this.request(CallDetailDocument, ...args);
  }
  /** `CallStats`: calls per vendor and status since a date. */
  callStats(...args: VariablesArgument<CallStatsQueryVariables>) {
    return this.request(CallStatsDocument, ...args);
  }
  /** `Contact360`: a contact found by phone number, with its calls, messages and tasks. */
  contact360(...args: VariablesArgument<Contact360QueryVariables>) {
    return this.request(Contact360Document, ...args);
  }
  /** `Dashboard`: calls with their contact, QA problems and agent. */
  dashboard(...args: VariablesArgument<DashboardQueryVariables>) {
    return this.request(DashboardDocument, ...args);
  }
  /** `StartCall` (never retried; pass an `idempotencyKey` to repeat it safely). */
  startCall(...args: VariablesArgument<StartCallMutationVariables>) {
    return this.request(StartCallDocument, ...args);
  }
  /** `AddCallNote`: a note on a HappyRobot call. */
  addCallNote(...args: VariablesArgument<AddCallNoteMutationVariables>) {
    return this.request(AddCallNoteDocument, ...args);
  }
  /** `CreateTask`: a LlamadaPro task on a conversation. */
  createTask(...args: VariablesArgument<CreateTaskMutationVariables>) {
    return this.request(CreateTaskDocument, ...args);
  }
  /** `SendWhatsAppTemplate`: an approved WhatsApp template through LlamadaPro. */
  sendWhatsAppTemplate(...args: VariablesArgument<SendWhatsAppTemplateMutationVariables>) {
    return this.request(SendWhatsAppTemplateDocument, ...args);
  }
  /** `LiveCalls`: `callEvents`, resumed from the last cursor after a broken stream. */
  callEvents(...args: SubscriptionVariablesArgument<LiveCallsSubscriptionVariables>) {
    return this.subscribe(LiveCallsDocument, ...args);
  }
  /** `LiveMessages`: `messageEvents`, resumed from the last cursor after a broken stream. */
  messageEvents(...args: SubscriptionVariablesArgument<LiveMessagesSubscriptionVariables>) {
    return this.subscribe(LiveMessagesDocument, ...args);
  }
}

/** `new SwitchboardClient(options)`. */
export function createSwitchboardClient(options: SwitchboardClientOptions): SwitchboardClient {
  return new SwitchboardClient(options);
}

function describeCause(error: unknown): string {
  const cause: unknown = error instanceof Error ? (error.cause ?? error) : error;
  if (cause instanceof Error) {
    const code: unknown = Reflect.get(cause, 'code');
    return typeof code === 'string' && !cause.message.includes(code)
      ? `${code} ${cause.message}`
      : cause.message;
  }
  return String(cause);
}
