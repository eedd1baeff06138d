import { GraphQLError } from 'graphql';
import { z } from 'zod';
import type { Context } from '../context.js';
import {
  TooManySubscribersError,
  UnknownCursorError,
  type CallEvent,
  type LoggedEvent,
  type MessageEvent,
} from '../events/event-log.js';
import { invalidInput } from '../errors.js';
import { expectGlobalId } from '../ids.js';
import type { CallStatus } from '../model/call.js';
import { CALL_PROVIDERS, type CallProvider } from '../model/provider.js';

export interface CallEventFilterArgs {
  providers?: readonly string[] | null;
  callId?: string | null;
  status?: readonly CallStatus[] | null;
}

const cursorArgument = z.string().min(1).max(200).nullish();

/** Opens the log from `after`, with its errors as the graph gives them. */
async function openLog(ctx: Context, after: string | null | undefined) {
  const parsed = cursorArgument.safeParse(after);
  if (!parsed.success)
    throw invalidInput('after must be a cursor of an event', { field: ['after'] });
  try {
    return await ctx.events.open(parsed.data ?? null, ctx.client);
  } catch (error) {
    if (error instanceof UnknownCursorError) {
      throw new GraphQLError(error.message, {
        extensions: { code: 'INVALID_INPUT', field: ['after'], cursor: error.cursor },
      });
    }
    if (error instanceof TooManySubscribersError) {
      throw new GraphQLError(error.message, { extensions: { code: 'TOO_MANY_SUBSCRIPTIONS' } });
    }
    throw error;
  }
}

/**
 * The events of one kind that pass `keep`. Not an async generator: a client that leaves while
 * no event comes must end the log's stream at once, where a generator's `return()` would wait
 * for its pending `next()`.
 */
function only<T extends LoggedEvent>(
  stream: AsyncIterableIterator<LoggedEvent>,
  keep: (event: LoggedEvent) => event is T,
): AsyncIterableIterator<T> {
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      for (;;) {
        const result = await stream.next();
        if (result.done) return { value: undefined, done: true };
        if (keep(result.value)) return { value: result.value, done: false };
      }
    },
    async return() {
      await stream.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

/** `callEvents(filter, after)`: call events from the log, narrowed by the filter. */
export async function callEvents(
  ctx: Context,
  args: { filter?: CallEventFilterArgs | null; after?: string | null },
): Promise<AsyncIterable<CallEvent>> {
  const filter = args.filter ?? {};
  const providers = new Set<CallProvider>(
    filter.providers?.filter(isCallProviderName) ?? CALL_PROVIDERS,
  );
  const statuses = filter.status && filter.status.length > 0 ? new Set(filter.status) : null;
  let call: { provider: string; providerId: string } | null = null;
  if (filter.callId) {
    call = expectGlobalId(ctx, filter.callId, 'Call', 'filter.callId');
  }
  const stream = await openLog(ctx, args.after);
  return only(
    stream,
    (event): event is CallEvent =>
      event.stream === 'call' &&
      providers.has(event.provider) &&
      (statuses === null || statuses.has(event.call.status)) &&
      (call === null ||
        (call.provider === event.provider && call.providerId === event.call.providerId)),
  );
}

/** `messageEvents(contactId, after)`: LlamadaPro messages, of one contact when given. */
export async function messageEvents(
  ctx: Context,
  args: { contactId?: string | null; after?: string | null },
): Promise<AsyncIterable<MessageEvent>> {
  const contact = args.contactId
    ? expectGlobalId(ctx, args.contactId, 'Contact', 'contactId')
    : null;
  const stream = await openLog(ctx, args.after);
  return only(
    stream,
    (event): event is MessageEvent =>
      event.stream === 'message' &&
      (contact === null ||
        (contact.provider === event.message.provider &&
          contact.providerId === event.message.contactId)),
  );
}

function isCallProviderName(name: string): name is CallProvider {
  return CALL_PROVIDERS.some((provider) => provider === name);
}
