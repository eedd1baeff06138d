import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';
import { REDIS_COMMAND_TIMEOUT_MS, type RedisKeyspace } from '../stores/redis.js';
import {
  callKey,
  UnknownCursorError,
  CALL_EVENT_TYPES,
  isFinalStatus,
  type CallEvent,
  type EventLog,
  type MessageEvent,
  type LoggedEvent,
} from './event-log.js';
import { StreamSet, SubscriberBudget } from './event-stream.js';
import { CALL_STATE_TTL_MS, type EventLogLimits } from './memory-event-log.js';
import type { CallObservation, MessageObservation } from './sink.js';

/** How long one XREAD waits for new entries before it asks again. */
const BLOCK_MS = 5000;
const READ_COUNT = 500;
/** How long a new subscription waits for the reader to know where it starts. */
const POSITION_WAIT_MS = 2000;

/**
 * Derives the call event type against the call's last state and appends the event, in one step
 * so that replicas observing the same call at once still see CREATED once and in order.
 * KEYS: the stream, the call's state key (or the stream again for a message).
 * ARGV: retention, status ('' for a message), state TTL in ms, the event's JSON, '1' when the
 * status is final (`isFinalStatus`, so the list of final statuses lives in one place).
 */
const APPEND_SCRIPT = `
local kind = ''
if ARGV[2] ~= '' then
  local previous = redis.call('GET', KEYS[2])
  if not previous then kind = 'CREATED'
  elseif previous == ARGV[2] then kind = 'UPDATED'
  elseif ARGV[5] == '1' then kind = 'ENDED'
  else kind = 'STATUS_CHANGED' end
  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
end
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', 't', kind, 'e', ARGV[4])
return id
`;

/** An event as one stream entry holds it: all but its cursor (the entry id) and type (`t`). */
type StoredEvent = Omit<CallEvent, 'cursor' | 'type'> | Omit<MessageEvent, 'cursor'>;

/** Stream ids (`<ms>-<seq>`) in order. */
function compareIds(a: string, b: string): number {
  const [aMs = '0', aSeq = '0'] = a.split('-');
  const [bMs = '0', bSeq = '0'] = b.split('-');
  const ms = BigInt(aMs) - BigInt(bMs);
  if (ms !== 0n) return ms < 0n ? -1 : 1;
  const seq = BigInt(aSeq) - BigInt(bSeq);
  return seq === 0n ? 0 : seq < 0n ? -1 : 1;
}

const STREAM_ID = /^\d{1,20}-\d{1,20}$/;

/**
 * The log shared by every replica on one Redis: a stream (`XADD … MAXLEN ~ retention`, so at
 * least the retention is kept) whose ids are the cursors, read live by one blocking `XREAD` per
 * process on a connection of its own, and replayed with `XRANGE`. A call's last state is a key
 * of its own with a TTL.
 */
export class RedisEventLog implements EventLog {
  private readonly streams: StreamSet;
  private reader: Redis | null = null;
  /** Resolves once the reader has read the stream's newest id, where it starts. */
  private readerPositioned: Promise<void> = Promise.resolve();
  private positioned: () => void = () => {};
  private closed = false;
  private readonly streamKey: string;

  constructor(
    private readonly redis: RedisKeyspace,
    private readonly limits: EventLogLimits,
    private readonly logger: Logger,
  ) {
    this.streams = new StreamSet(limits.budget ?? new SubscriberBudget(limits.maxSubscribers));
    this.streamKey = redis.key('events', 'log');
  }

  async observeCall({ provider, call, occurredAt }: CallObservation): Promise<void> {
    const stored: StoredEvent = {
      stream: 'call',
      occurredAt: occurredAt.toISOString(),
      provider,
      call,
    };
    await this.append(
      this.redis.key('events', 'call', callKey(provider, call.providerId)),
      call.status,
      stored,
    );
  }

  async observeMessage({ message, occurredAt }: MessageObservation): Promise<void> {
    const stored: StoredEvent = {
      stream: 'message',
      occurredAt: occurredAt.toISOString(),
      message,
    };
    await this.append(this.streamKey, '', stored);
  }

  async open(after: string | null, client = '-'): Promise<AsyncIterableIterator<LoggedEvent>> {
    if (after !== null) await this.checkCursor(after);
    this.streams.check(client);
    this.startReader();
    const stream = this.streams.create(client);
    // Live events wait while the retained ones are read, from the moment the stream can get any.
    if (after !== null) stream.hold();
    // Once the reader knows where it starts, every event appended after open() returns reaches
    // this stream (it was registered before that position was read).
    // Not beyond a moment while Redis is unreachable: the stream then starts when it is back.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.readerPositioned,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, POSITION_WAIT_MS);
      }),
    ]);
    clearTimeout(timer);
    if (after === null) return stream;
    let last = after;
    try {
      for (;;) {
        const entries = await this.redis.client.xrange(
          this.streamKey,
          `(${last}`,
          '+',
          'COUNT',
          READ_COUNT,
        );
        for (const [id, fields] of entries) {
          const event = this.decode(id, fields);
          if (event) stream.replay(event);
          last = id;
        }
        if (entries.length < READ_COUNT || stream.done) break;
      }
    } catch (error) {
      stream.end();
      throw error;
    }
    const replayedUpTo = last;
    stream.release((event) => compareIds(event.cursor, replayedUpTo) > 0);
    return stream;
  }

  async close(reason?: Error): Promise<void> {
    this.closed = true;
    this.positioned();
    this.streams.endAll(reason);
    this.reader?.disconnect();
    this.reader = null;
  }

  private async append(stateKey: string, status: string, stored: StoredEvent): Promise<void> {
    await this.redis.client.eval(
      APPEND_SCRIPT,
      2,
      this.streamKey,
      stateKey,
      String(this.limits.retention),
      status,
      String(CALL_STATE_TTL_MS),
      JSON.stringify(stored),
      stored.stream === 'call' && isFinalStatus(stored.call.status) ? '1' : '',
    );
  }

  /** A cursor is known while its entry is still in the stream. */
  private async checkCursor(cursor: string): Promise<void> {
    if (!STREAM_ID.test(cursor)) throw new UnknownCursorError(cursor);
    const entries = await this.redis.client.xrange(this.streamKey, cursor, cursor);
    if (entries.length === 0) throw new UnknownCursorError(cursor);
  }

  private decode(id: string, fields: string[]): LoggedEvent | null {
    const values = new Map<string, string>();
    for (let index = 0; index + 1 < fields.length; index += 2) {
      values.set(fields[index]!, fields[index + 1]!);
    }
    const text = values.get('e');
    if (text === undefined) return null;
    // Written by append() from an event this class built; nothing else writes these keys.
    const stored = JSON.parse(text) as StoredEvent;
    if (stored.stream === 'message') return { ...stored, cursor: id };
    const type = CALL_EVENT_TYPES.find((name) => name === values.get('t'));
    return type ? { ...stored, cursor: id, type } : null;
  }

  /** One blocking reader per process, started with the first subscriber. */
  private startReader(): void {
    if (this.reader || this.closed) return;
    const reader = this.redis.client.duplicate({
      // Longer than the blocking read itself: a half-open connection fails and is retried.
      commandTimeout: BLOCK_MS + REDIS_COMMAND_TIMEOUT_MS,
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
    });
    reader.on('error', () => {});
    this.reader = reader;
    this.readerPositioned = new Promise<void>((resolve) => {
      this.positioned = resolve;
    });
    void this.readLoop(reader);
  }

  private async readLoop(reader: Redis): Promise<void> {
    let last: string | null = null;
    let failing = false;
    while (!this.closed && this.reader === reader) {
      try {
        if (last === null) {
          const newest = await reader.xrevrange(this.streamKey, '+', '-', 'COUNT', 1);
          last = newest[0]?.[0] ?? '0-0';
          this.positioned();
        }
        const answer: Array<[string, Array<[string, string[]]>]> | null = await reader.xread(
          'COUNT',
          READ_COUNT,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          this.streamKey,
          last,
        );
        failing = false;
        for (const [, entries] of answer ?? []) {
          for (const [id, fields] of entries) {
            last = id;
            const event = this.decode(id, fields);
            if (event) this.streams.push(event);
          }
        }
      } catch (error) {
        if (this.closed) return;
        if (!failing) {
          this.logger.warn(
            { err: { message: error instanceof Error ? error.message : String(error) } },
            'event log reader lost redis; retrying',
          );
        }
        failing = true;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }
}
