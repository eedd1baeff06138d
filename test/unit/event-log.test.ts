import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import {
  callEventType,
  TooManySubscribersError,
  UnknownCursorError,
  type LoggedEvent,
} from '../../src/events/event-log.js';
import { InMemoryEventLog } from '../../src/events/memory-event-log.js';
import { EventStream, SubscriberBudget } from '../../src/events/event-stream.js';
import { call } from '../support/calls.js';

async function read(stream: AsyncIterableIterator<LoggedEvent>, count: number) {
  const events: LoggedEvent[] = [];
  while (events.length < count) {
    const next = await stream.next();
    if (next.done) break;
    events.push(next.value);
  }
  return events;
}

describe('call event types', () => {
  it('derives them from the last known status', () => {
    expect(callEventType(null, 'COMPLETED')).toBe('CREATED');
    expect(callEventType('QUEUED', 'RINGING')).toBe('STATUS_CHANGED');
    expect(callEventType('RINGING', 'RINGING')).toBe('UPDATED');
    for (const status of ['COMPLETED', 'FAILED', 'NO_ANSWER', 'BUSY', 'CANCELED'] as const) {
      expect(callEventType('IN_PROGRESS', status)).toBe('ENDED');
    }
    expect(callEventType('COMPLETED', 'COMPLETED')).toBe('UPDATED');
  });
});

describe('the in-memory event log', () => {
  const limits = { retention: 10_000, maxSubscribers: 10 };
  const at = new Date('2026-03-01T10:00:00Z');

  it('keeps at least the retention and calls an older cursor expired, naming it', async () => {
    const log = new InMemoryEventLog(limits);
    const observe = (id: string) =>
      log.observeCall({ provider: 'OVIA', call: call(id, 'QUEUED'), occurredAt: at });
    const cursorOf = async (id: string) => {
      const stream = await log.open(null);
      await observe(id);
      const [event] = await read(stream, 1);
      await stream.return!();
      return event!.cursor;
    };
    const oldest = await cursorOf('oldest');
    for (let index = 0; index < 1_999; index += 1) await observe(`a${index}`);
    // The 10 000th newest once the rest is in: still there to resume from.
    const kept = await cursorOf('kept');
    for (let index = 0; index < 9_999; index += 1) await observe(`b${index}`);
    await expect(log.open(oldest)).rejects.toThrow(UnknownCursorError);
    await expect(log.open(oldest)).rejects.toThrow(oldest);
    const resumed = await log.open(kept);
    const replayed = await read(resumed, 9_999);
    expect(replayed.map((event) => event.stream === 'call' && event.call.providerId)).toEqual(
      Array.from({ length: 9_999 }, (_, index) => `b${index}`),
    );
    await log.close();
    expect(await resumed.next()).toEqual({ value: undefined, done: true });
  });

  it('replays more retained events than a live subscriber may fall behind', async () => {
    const log = new InMemoryEventLog(limits);
    const first = await log.open(null);
    await log.observeCall({ provider: 'OVIA', call: call('first', 'QUEUED'), occurredAt: at });
    const [oldest] = await read(first, 1);
    await first.return!();
    for (let index = 0; index < 10_050; index += 1) {
      await log.observeCall({
        provider: 'OVIA',
        call: call(`r${index}`, 'QUEUED'),
        occurredAt: at,
      });
    }
    const resumed = await log.open(oldest!.cursor);
    const replayed = await read(resumed, 10_050);
    expect(replayed).toHaveLength(10_050);
    expect(replayed.at(-1)).toMatchObject({ call: { providerId: 'r10049' } });
  });

  it('disconnects a subscriber that falls 10 000 events behind', async () => {
    const log = new InMemoryEventLog(limits);
    const slow = await log.open(null);
    for (let index = 0; index < 10_001; index += 1) {
      await log.observeCall({
        provider: 'OVIA',
        call: call(`s${index}`, 'QUEUED'),
        occurredAt: at,
      });
    }
    await expect(slow.next()).rejects.toThrow(/fell too far behind/);
  });

  it('refuses a cursor of another log (a restarted process)', async () => {
    const one = new InMemoryEventLog(limits);
    const other = new InMemoryEventLog(limits);
    const stream = await one.open(null);
    await one.observeCall({ provider: 'OVIA', call: call('x', 'QUEUED'), occurredAt: at });
    const [event] = await read(stream, 1);
    await expect(other.open(event!.cursor)).rejects.toThrow(UnknownCursorError);
  });

  it('keeps at most retentionBytes of events, even below the retention, and the newest always', async () => {
    const transcript = 'x'.repeat(10_000);
    const big = (id: string) => ({ ...call(id, 'COMPLETED'), transcript });
    const eventBytes = (log: InMemoryEventLog, id: string) =>
      log.observeCall({ provider: 'OVIA', call: big(id), occurredAt: at });
    const log = new InMemoryEventLog({ ...limits, retentionBytes: 1_048_576 });
    const first = await log.open(null);
    for (let index = 0; index < 300; index += 1) await eventBytes(log, `c${index}`);
    const all = await read(first, 300);
    await first.return!();
    // The rule, replayed on the events' JSON sizes: whenever the kept ones add up past 1 MiB,
    // the oldest go until they are down to nine tenths of it.
    const size = (event: LoggedEvent) => JSON.stringify(event).length;
    let firstKept = 0;
    let bytes = 0;
    all.forEach((event, index) => {
      bytes += size(event);
      if (bytes <= 1_048_576) return;
      while (bytes > 1_048_576 * 0.9 && firstKept < index) bytes -= size(all[firstKept++]!);
    });
    const fits = all.length - firstKept;
    // About 90 to 100 events of ~10 KB fit in 1 MiB: the older ones are gone, far below 10 000.
    expect(fits).toBeGreaterThan(80);
    expect(fits).toBeLessThan(110);
    await expect(log.open(all[firstKept - 1]!.cursor)).rejects.toThrow(UnknownCursorError);
    const resumed = await log.open(all[firstKept]!.cursor);
    const replayed = await read(resumed, fits - 1);
    expect(replayed.map((event) => event.stream === 'call' && event.call.providerId)).toEqual(
      all.slice(firstKept + 1).map((event) => event.stream === 'call' && event.call.providerId),
    );
    await resumed.return!();
    // One event past the whole budget is still kept (it is the newest), and nothing before it.
    const tiny = new InMemoryEventLog({ ...limits, retentionBytes: 1_048_576 });
    const stream = await tiny.open(null);
    await tiny.observeCall({ provider: 'OVIA', call: call('small', 'QUEUED'), occurredAt: at });
    await tiny.observeCall({
      provider: 'OVIA',
      call: { ...call('huge', 'COMPLETED'), transcript: 'y'.repeat(1_100_000) },
      occurredAt: at,
    });
    const [small, huge] = await read(stream, 2);
    await stream.return!();
    await expect(tiny.open(small!.cursor)).rejects.toThrow(UnknownCursorError);
    await expect(tiny.open(huge!.cursor)).resolves.toBeDefined();
  });

  it('gives one client at most its share of the subscriptions, and frees a slot when one ends', async () => {
    const budget = new SubscriberBudget(10, 2);
    const log = new InMemoryEventLog({ ...limits, budget });
    const a1 = await log.open(null, 'key:a');
    await log.open(null, 'key:a');
    const refused = log.open(null, 'key:a');
    await expect(refused).rejects.toThrow(TooManySubscribersError);
    await expect(log.open(null, 'key:a')).rejects.toThrow(
      'this client holds its maximum of 2 subscriptions; end one first',
    );
    // Another client is not held back, and the refused ones took no slot.
    await log.open(null, 'key:b');
    expect(budget.used).toBe(3);
    await a1.return!();
    expect(budget.used).toBe(2);
    await expect(log.open(null, 'key:a')).resolves.toBeDefined();
    await log.close();
    expect(budget.used).toBe(0);
    // The whole server's limit still comes first.
    const full = new InMemoryEventLog({ ...limits, budget: new SubscriberBudget(1, 5) });
    await full.open(null, 'key:a');
    await expect(full.open(null, 'key:c')).rejects.toThrow(
      'this server holds its maximum of 1 subscriptions; retry later',
    );
  });
});

describe('event configuration', () => {
  it('reads webhook secrets, retention and the subscriber cap', () => {
    const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    const config = loadConfig({
      OVIA_WEBHOOK_SECRET: secret,
      SWITCHBOARD_EVENT_RETENTION: '50000',
      SWITCHBOARD_MAX_SUBSCRIBERS: '200',
      SWITCHBOARD_MAX_SUBSCRIBERS_PER_CLIENT: '20',
      SWITCHBOARD_EVENT_RETENTION_BYTES: '2097152',
    });
    expect(config.events).toMatchObject({
      webhookSecrets: { ovia: secret },
      retention: 50_000,
      maxSubscribers: 200,
      maxSubscribersPerClient: 20,
      retentionBytes: 2_097_152,
      webhookMaxBodyBytes: 1_048_576,
    });
    expect(loadConfig({}).events).toMatchObject({
      webhookSecrets: {},
      retention: 10_000,
      maxSubscribersPerClient: 100,
      retentionBytes: 268_435_456,
    });
    expect(() => loadConfig({ SWITCHBOARD_EVENT_RETENTION_BYTES: '1000' })).toThrow(
      /SWITCHBOARD_EVENT_RETENTION_BYTES must be at least 1048576/,
    );
  });

  it('names a webhook secret that is not whsec_<base64>, and a retention under 10 000', () => {
    expect(() => loadConfig({ CX_WEBHOOK_SECRET: 'hunter2' })).toThrow(
      new ConfigError(
        'CX_WEBHOOK_SECRET must be whsec_ followed by the base64 of at least 24 random bytes',
      ),
    );
    expect(() => loadConfig({ CX_WEBHOOK_SECRET: 'whsec_c2hvcnQ=' })).toThrow(/CX_WEBHOOK_SECRET/);
    expect(() => loadConfig({ SWITCHBOARD_EVENT_RETENTION: '100' })).toThrow(
      /SWITCHBOARD_EVENT_RETENTION must be at least 10000/,
    );
  });
});

describe('a resumed subscriber stream', () => {
  const at = '2026-03-01T10:00:00Z';
  const event = (cursor: string): LoggedEvent => ({
    stream: 'call',
    cursor,
    type: 'CREATED',
    occurredAt: at,
    provider: 'OVIA',
    call: call(cursor, 'QUEUED'),
  });
  const after = (cursor: string) => (candidate: LoggedEvent) => candidate.cursor > cursor;

  it('gives each event once when the live reader lags behind the replay', async () => {
    const stream = new EventStream(() => {});
    stream.hold();
    stream.push(event('2')); // live, while the replay is read
    stream.replay(event('1'));
    stream.replay(event('2'));
    stream.release(after('2'));
    // The reader reaches what the replay already gave only now, then goes on.
    stream.push(event('2'));
    stream.push(event('3'));
    expect((await read(stream, 3)).map((one) => one.cursor)).toEqual(['1', '2', '3']);
  });
});
