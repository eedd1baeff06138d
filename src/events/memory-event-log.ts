import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { CallStatus } from '../model/call.js';
import {
  callEventType,
  callKey,
  UnknownCursorError,
  type EventLog,
  type LoggedEvent,
} from './event-log.js';
import { StreamSet, SubscriberBudget } from './event-stream.js';
import type { CallObservation, MessageObservation } from './sink.js';

/** How long a call's last known state is kept after its last event. */
export const CALL_STATE_TTL_MS = 24 * 60 * 60 * 1000;

export interface EventLogLimits {
  /** Events kept for `after` (SWITCHBOARD_EVENT_RETENTION). */
  retention: number;
  /**
   * Bytes the in-memory log keeps at most, each event estimated as its JSON's length
   * (SWITCHBOARD_EVENT_RETENTION_BYTES; the objects in memory take more than their JSON, so this
   * bounds the heap they hold in proportion, not exactly); the Redis log leaves this to Redis's
   * own `maxmemory`.
   * @default 268_435_456
   */
  retentionBytes?: number;
  /** Open streams at most (SWITCHBOARD_MAX_SUBSCRIBERS). */
  maxSubscribers: number;
  /** The process's budget when several logs share it (one per tenant); else one of its own. */
  budget?: SubscriberBudget;
  /** Calls whose last state is kept. @default 100_000 */
  maxCalls?: number;
}

/**
 * The log of one process, without Redis: the last `retention` events in memory (trimmed in
 * batches, so at least that many are always there), cursors of this process only.
 */
export class InMemoryEventLog implements EventLog {
  /** Cursors name this log's life, so one from a restarted process is unknown, not misread. */
  private readonly epoch = randomBytes(4).toString('hex');
  private readonly events: LoggedEvent[] = [];
  /** The estimated size of each of `events`, and their sum. */
  private readonly sizes: number[] = [];
  private bytes = 0;
  /** The sequence number of `events[0]`. */
  private firstSeq = 1;
  private nextSeq = 1;
  private readonly calls: LRUCache<string, CallStatus>;
  private readonly streams: StreamSet;

  constructor(private readonly limits: EventLogLimits) {
    this.calls = new LRUCache({ max: limits.maxCalls ?? 100_000, ttl: CALL_STATE_TTL_MS });
    this.streams = new StreamSet(limits.budget ?? new SubscriberBudget(limits.maxSubscribers));
  }

  async observeCall({ provider, call, occurredAt }: CallObservation): Promise<void> {
    const key = callKey(provider, call.providerId);
    const type = callEventType(this.calls.get(key) ?? null, call.status);
    this.calls.set(key, call.status);
    this.append({
      stream: 'call',
      cursor: this.cursor(this.nextSeq),
      type,
      occurredAt: occurredAt.toISOString(),
      provider,
      call,
    });
  }

  async observeMessage({ message, occurredAt }: MessageObservation): Promise<void> {
    this.append({
      stream: 'message',
      cursor: this.cursor(this.nextSeq),
      occurredAt: occurredAt.toISOString(),
      message,
    });
  }

  async open(after: string | null, client = '-'): Promise<AsyncIterableIterator<LoggedEvent>> {
    const from = after === null ? null : this.sequenceOf(after);
    const stream = this.streams.create(client);
    // Synchronous with the registration: nothing can be appended in between.
    if (from !== null) {
      for (let index = from + 1 - this.firstSeq; index < this.events.length; index += 1) {
        stream.replay(this.events[index]!);
      }
    }
    return stream;
  }

  async close(reason?: Error): Promise<void> {
    this.streams.endAll(reason);
  }

  private append(event: LoggedEvent): void {
    const size = JSON.stringify(event).length;
    this.nextSeq += 1;
    this.events.push(event);
    this.sizes.push(size);
    this.bytes += size;
    // Trimmed a tenth at a time, never below the retention unless the bytes are past theirs; a
    // cursor trimmed that way is unknown, as an expired one is (README, "Live calls").
    const excess = this.events.length - this.limits.retention;
    if (excess > Math.max(1, Math.floor(this.limits.retention / 10))) this.trim(excess);
    const maxBytes = this.limits.retentionBytes ?? 268_435_456;
    if (this.bytes > maxBytes) {
      // Down to nine tenths at once, so that a log at its bytes is not spliced on every append.
      let count = 0;
      for (let over = this.bytes - maxBytes * 0.9; over > 0; count += 1) over -= this.sizes[count]!;
      // The newest event stays even when it alone is past the bytes: it is being delivered.
      this.trim(Math.min(count, this.events.length - 1));
    }
    this.streams.push(event);
  }

  private trim(count: number): void {
    if (count <= 0) return;
    this.events.splice(0, count);
    for (const size of this.sizes.splice(0, count)) this.bytes -= size;
    this.firstSeq += count;
  }

  private cursor(seq: number): string {
    return `${this.epoch}-${seq}`;
  }

  /** The sequence number of a cursor still retained (or the last one given), else an error. */
  private sequenceOf(cursor: string): number {
    const match = /^([0-9a-f]{8})-([1-9][0-9]{0,15})$/.exec(cursor);
    const seq = match ? Number(match[2]) : NaN;
    if (!match || match[1] !== this.epoch || seq < this.firstSeq || seq >= this.nextSeq) {
      throw new UnknownCursorError(cursor);
    }
    return seq;
  }
}
