import { randomBytes, randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import { Webhook } from 'standardwebhooks';
import WebSocket from 'ws';

/** A fresh Standard Webhooks secret, as `<VENDOR>_WEBHOOK_SECRET` takes it. */
export function webhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export interface SignedWebhook {
  id?: string;
  /** @default now */
  timestamp?: Date;
  /** Replaces the computed signature header. */
  signature?: string | null;
}

/** POSTs `{ type, data }` to `/webhooks/<vendor>`, signed with `secret` as a vendor would. */
export async function postWebhook(
  graphqlUrl: string,
  vendor: string,
  secret: string,
  body: unknown,
  options: SignedWebhook = {},
): Promise<Response> {
  const id = options.id ?? `msg_${randomUUID()}`;
  const timestamp = options.timestamp ?? new Date();
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
  };
  const signature =
    options.signature === undefined
      ? new Webhook(secret).sign(id, timestamp, text)
      : options.signature;
  if (signature !== null) headers['webhook-signature'] = signature;
  return fetch(new URL(`/webhooks/${vendor}`, graphqlUrl), { method: 'POST', headers, body: text });
}

export interface EventSubscription<T> {
  /** The next `count` results (data or errors), or a failure after `timeoutMs`. */
  take(count: number, timeoutMs?: number): Promise<T[]>;
  close(): void;
}

interface Pending<T> {
  results: T[];
  waiters: Array<() => void>;
  error: Error | null;
  done: boolean;
}

function pending<T>(): Pending<T> {
  return { results: [], waiters: [], error: null, done: false };
}

function wake<T>(state: Pending<T>): void {
  for (const waiter of state.waiters.splice(0)) waiter();
}

async function take<T>(state: Pending<T>, count: number, timeoutMs: number): Promise<T[]> {
  const deadline = Date.now() + timeoutMs;
  while (state.results.length < count) {
    if (state.error) throw state.error;
    if (state.done) throw new Error(`the stream ended after ${state.results.length} results`);
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new Error(`only ${state.results.length} of ${count} results within ${timeoutMs} ms`);
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, left);
      state.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  return state.results.splice(0, count);
}

export type Result = { data?: any; errors?: Array<{ message: string; extensions?: any }> };

/** A subscription over GraphQL over SSE (distinct connections): POST with text/event-stream. */
export async function subscribeSse(
  graphqlUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<EventSubscription<Result> & { status: number; comments: () => number }> {
  const abort = new AbortController();
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: abort.signal,
  });
  const state = pending<Result>();
  let comments = 0;
  void (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      const reader = response.body.getReader();
      for (;;) {
        const { value: chunk, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          if (lines.every((line) => line.startsWith(':'))) comments += 1;
          const event = lines
            .find((line) => line.startsWith('event:'))
            ?.slice(6)
            .trim();
          const data = lines
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trim())
            .join('\n');
          if (event === 'complete') state.done = true;
          else if (data) state.results.push(JSON.parse(data));
          wake(state);
        }
      }
      state.done = true;
    } catch (error) {
      if (!abort.signal.aborted)
        state.error = error instanceof Error ? error : new Error(String(error));
    }
    wake(state);
  })();
  return {
    status: response.status,
    comments: () => comments,
    take: (count, timeoutMs = 5000) => take(state, count, timeoutMs),
    close: () => abort.abort(),
  };
}

/** A graphql-ws client on `/graphql` (subprotocol graphql-transport-ws). */
export function wsClient(
  graphqlUrl: string,
  authorization?: string,
  on: { ping?: (received: boolean) => void } = {},
): Client {
  return createClient({
    on: on.ping ? { ping: on.ping } : {},
    url: graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: authorization ? { authorization } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** A subscription over graphql-ws. */
export function subscribeWs(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): EventSubscription<Result> {
  const state = pending<Result>();
  const dispose = client.subscribe(
    { query, variables },
    {
      next: (value) => {
        state.results.push(value as Result);
        wake(state);
      },
      error: (error) => {
        // A closed socket reports its CloseEvent (code and reason), not an Error.
        const close = error as { code?: number; reason?: string };
        state.error =
          error instanceof Error
            ? error
            : new Error(`socket closed: ${close.code ?? '?'} ${close.reason ?? ''}`);
        wake(state);
      },
      complete: () => {
        state.done = true;
        wake(state);
      },
    },
  );
  return { take: (count, timeoutMs = 5000) => take(state, count, timeoutMs), close: dispose };
}

/**
 * One operation over graphql-ws, to its end: its results, or the errors the server answered its
 * `subscribe` message with instead of running it (graphql-ws's `error` message).
 */
export function executeWs(
  client: Client,
  payload: {
    query: string;
    variables?: Record<string, unknown>;
    extensions?: Record<string, unknown>;
  },
): Promise<{ results: Result[]; refused: Array<{ message: string; extensions?: any }> | null }> {
  return new Promise((resolve, reject) => {
    const results: Result[] = [];
    client.subscribe(payload, {
      next: (value) => {
        results.push(value as Result);
      },
      error: (error) => {
        if (Array.isArray(error)) resolve({ results, refused: error });
        else reject(error instanceof Error ? error : new Error('socket closed'));
      },
      complete: () => resolve({ results, refused: null }),
    });
  });
}

/** `switchboard_subscriptions_open` from the gateway's /metrics: its open SSE and WebSocket streams. */
export async function openSubscriptions(
  graphqlUrl: string,
  headers: Record<string, string> = {},
): Promise<number> {
  const text = await (await fetch(new URL('/metrics', graphqlUrl), { headers })).text();
  return Number(/^switchboard_subscriptions_open (\d+)$/m.exec(text)?.[1]);
}
