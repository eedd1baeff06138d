import { TooManySubscribersError, type LoggedEvent } from './event-log.js';

/**
 * Events queued for one subscriber beyond this are more than it reads: it is ended rather than
 * let grow without bound.
 */
export const MAX_QUEUED_EVENTS = 10_000;

/**
 * One subscriber's stream: events are pushed by the log and pulled by the subscription, in
 * order. `onEnd` runs once, whichever side ends it.
 */
export class EventStream implements AsyncIterableIterator<LoggedEvent> {
  private readonly queue: LoggedEvent[] = [];
  private waiting: ((result: IteratorResult<LoggedEvent>) => void) | null = null;
  private failWaiting: ((error: Error) => void) | null = null;
  private ended = false;
  private failure: Error | null = null;

  /** Live events that arrived while the replay was read, when one is being read. */
  private held: LoggedEvent[] | null = null;
  /**
   * After a replay, whether a live event is past it. Kept for good: the log's reader can lag
   * behind the replay's own read, so an event the replay gave may still arrive live later.
   */
  private isNew: ((event: LoggedEvent) => boolean) | null = null;

  constructor(private readonly onEnd: () => void) {}

  /** Keeps live events aside until `release`, while retained ones are replayed. */
  hold(): void {
    this.held = [];
  }

  /** Replays are done: the held live events the replay did not already hold follow it. */
  release(isNew: (event: LoggedEvent) => boolean): void {
    const held = this.held ?? [];
    this.held = null;
    this.isNew = isNew;
    for (const event of held) this.push(event);
  }

  push(event: LoggedEvent): void {
    if (this.ended) return;
    if (this.isNew && !this.isNew(event)) return;
    if (this.held) {
      if (this.held.length >= MAX_QUEUED_EVENTS) {
        this.fail(new Error('the subscriber fell too far behind and was disconnected'));
      } else {
        this.held.push(event);
      }
      return;
    }
    if (this.handToWaiting(event)) return;
    if (this.queue.length >= MAX_QUEUED_EVENTS) {
      this.fail(new Error('the subscriber fell too far behind and was disconnected'));
      return;
    }
    this.queue.push(event);
  }

  /**
   * Replayed events go straight to the queue, ahead of any held live one, and outside the cap on
   * live ones: the log's retention already bounds them, and it may be as large as the cap.
   */
  replay(event: LoggedEvent): void {
    if (this.ended || this.handToWaiting(event)) return;
    this.queue.push(event);
  }

  /** Gives `event` to a pending `next()`, if one waits; false when none does. */
  private handToWaiting(event: LoggedEvent): boolean {
    const resolve = this.waiting;
    if (!resolve) return false;
    this.waiting = null;
    this.failWaiting = null;
    resolve({ value: event, done: false });
    return true;
  }

  /** Whether the stream has ended (read to its end, returned or failed). */
  get done(): boolean {
    return this.ended;
  }

  /** Ends the stream once what is queued has been read. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.onEnd();
    if (this.waiting && this.queue.length === 0) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: undefined, done: true });
    }
  }

  fail(error: Error): void {
    if (this.ended) return;
    this.failure = error;
    this.queue.length = 0;
    const reject = this.failWaiting;
    this.waiting = null;
    this.failWaiting = null;
    this.end();
    reject?.(error);
  }

  next(): Promise<IteratorResult<LoggedEvent>> {
    const event = this.queue.shift();
    if (event) return Promise.resolve({ value: event, done: false });
    if (this.failure) return Promise.reject(this.failure);
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.failWaiting = reject;
    });
  }

  return(): Promise<IteratorResult<LoggedEvent>> {
    this.queue.length = 0;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<LoggedEvent> {
    return this;
  }
}

/**
 * The open subscriptions of a process, counted against SWITCHBOARD_MAX_SUBSCRIBERS whichever
 * tenant's log they read: one budget for every log of the process.
 */
/**
 * The process's subscriptions: at most `limit` in all (SWITCHBOARD_MAX_SUBSCRIBERS) and
 * `perClient` for any one client (SWITCHBOARD_MAX_SUBSCRIBERS_PER_CLIENT), so one client cannot
 * take every slot. Only clients holding a subscription are counted, so the map is bounded by
 * `limit`.
 */
export class SubscriberBudget {
  used = 0;
  private readonly byClient = new Map<string, number>();

  constructor(
    readonly limit: number,
    readonly perClient: number = limit,
  ) {}

  get full(): boolean {
    return this.used >= this.limit;
  }

  /** Throws the error that says which limit `client` meets, if it may not take a slot now. */
  check(client: string): void {
    if (this.full) throw new TooManySubscribersError(this.limit, 'server');
    if ((this.byClient.get(client) ?? 0) >= this.perClient) {
      throw new TooManySubscribersError(this.perClient, 'client');
    }
  }

  /** Takes a slot for `client`, or throws as `check` does. */
  take(client: string): void {
    this.check(client);
    this.byClient.set(client, (this.byClient.get(client) ?? 0) + 1);
    this.used += 1;
  }

  give(client: string): void {
    const held = this.byClient.get(client) ?? 0;
    if (held <= 1) this.byClient.delete(client);
    else this.byClient.set(client, held - 1);
    this.used -= 1;
  }
}

/** The open streams of one log, each counted in the process's budget while it is open. */
export class StreamSet {
  private readonly open = new Set<EventStream>();

  constructor(private readonly budget: SubscriberBudget) {}

  get limit(): number {
    return this.budget.limit;
  }

  get size(): number {
    return this.open.size;
  }

  /** Throws the budget's error when `client` may not open another stream now. */
  check(client: string): void {
    this.budget.check(client);
  }

  /** A stream for `client`, counted in the budget until it ends; throws when over a limit. */
  create(client: string, onEnd: () => void = () => {}): EventStream {
    this.budget.take(client);
    const stream = new EventStream(() => {
      if (this.open.delete(stream)) this.budget.give(client);
      onEnd();
    });
    this.open.add(stream);
    return stream;
  }

  push(event: LoggedEvent): void {
    for (const stream of this.open) stream.push(event);
  }

  /** Ends every stream: as a normal end, or failed with `reason` (its tenant was removed). */
  endAll(reason?: Error): void {
    for (const stream of [...this.open]) {
      if (reason) stream.fail(reason);
      else stream.end();
    }
  }
}
