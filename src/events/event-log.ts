import { createHash } from 'node:crypto';
import type { Call, CallStatus } from '../model/call.js';
import type { Message } from '../model/message.js';
import type { CallProvider } from '../model/provider.js';
import type { EventSink } from './sink.js';

export const CALL_EVENT_TYPES = ['CREATED', 'STATUS_CHANGED', 'UPDATED', 'ENDED'] as const;
export type CallEventType = (typeof CALL_EVENT_TYPES)[number];

/** The statuses after which a call does not change any more: reaching one is `ENDED`. */
const FINAL_STATUSES: ReadonlySet<CallStatus> = new Set([
  'COMPLETED',
  'FAILED',
  'NO_ANSWER',
  'BUSY',
  'CANCELED',
]);

/** README, "Live calls": the event type of a call's new state against the last one seen. */
export function callEventType(previous: CallStatus | null, status: CallStatus): CallEventType {
  if (previous === null) return 'CREATED';
  if (previous === status) return 'UPDATED';
  return FINAL_STATUSES.has(status) ? 'ENDED' : 'STATUS_CHANGED';
}

export function isFinalStatus(status: CallStatus): boolean {
  return FINAL_STATUSES.has(status);
}

export interface CallEvent {
  stream: 'call';
  cursor: string;
  type: CallEventType;
  occurredAt: string;
  provider: CallProvider;
  call: Call;
}

export interface MessageEvent {
  stream: 'message';
  cursor: string;
  occurredAt: string;
  message: Message;
}

export type LoggedEvent = CallEvent | MessageEvent;

/** `after` names no retained event: never seen, from another log, or trimmed away. */
export class UnknownCursorError extends Error {
  override name = 'UnknownCursorError';
  constructor(readonly cursor: string) {
    super(`cursor "${cursor.slice(0, 100)}" is unknown or has expired: subscribe without after`);
  }
}

/** Every open subscription of the process is in use. */
export class TooManySubscribersError extends Error {
  override name = 'TooManySubscribersError';
  constructor(
    readonly limit: number,
    readonly scope: 'server' | 'client' = 'server',
  ) {
    super(
      scope === 'server'
        ? `this server holds its maximum of ${limit} subscriptions; retry later`
        : `this client holds its maximum of ${limit} subscriptions; end one first`,
    );
  }
}

/**
 * The one ordered log of live events. Observations go in (it derives call event types against
 * the last known state and gives each event its cursor); subscribers read it from a cursor on.
 */
export interface EventLog extends EventSink {
  /**
   * The retained events after `after` (none without it), then every new one, until the stream
   * is returned or the log closes. Rejects with UnknownCursorError before anything is read.
   */
  /**
   * A stream of the events after `after` (null: from now), for `client` (who asks, as
   * `clientScope` names it: the per-client subscription limit counts it).
   */
  open(after: string | null, client?: string): Promise<AsyncIterableIterator<LoggedEvent>>;
  /** Ends every open stream: normally, or failed with `reason` (its tenant was removed). */
  close(reason?: Error): Promise<void>;
}

/** The key of a call's last known state: one per vendor call. */
export function callKey(provider: CallProvider, providerId: string): string {
  // Of fixed length: the vendor chooses its ids' length, and this becomes a Redis key.
  return `${provider}:${createHash('sha256').update(providerId, 'utf8').digest('base64url').slice(0, 22)}`;
}
