import type { RedisConnection } from './redis.js';

/**
 * Who waits for which key in this process, woken by the one channel every process publishes
 * settled keys on. Subscribed on first use; ioredis subscribes again after a reconnect, and every
 * waiter then looks again, since messages sent meanwhile were lost.
 */
export class SettledKeys {
  readonly channel: string;
  private readonly connection: RedisConnection;
  private readonly watches = new Map<string, Set<Watch>>();
  private subscription: Promise<void> | null = null;
  private listening = false;

  constructor(connection: RedisConnection, channel: string) {
    this.connection = connection;
    this.channel = channel;
  }

  watch(key: string): Watch {
    const watch = new Watch(() => {
      const set = this.watches.get(key);
      set?.delete(watch);
      if (set?.size === 0) this.watches.delete(key);
    });
    const set = this.watches.get(key) ?? new Set<Watch>();
    set.add(watch);
    this.watches.set(key, set);
    return watch;
  }

  /** Resolves once subscribed, or after `withinMs` (the waiter then relies on its timer). */
  async ready(withinMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, withinMs);
    });
    try {
      await Promise.race([this.subscribe().catch(() => undefined), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private subscribe(): Promise<void> {
    const subscriber = this.connection.subscriber();
    if (!this.listening) {
      this.listening = true;
      subscriber.on('message', (channel: string, key: string) => {
        if (channel !== this.channel) return;
        for (const watch of this.watches.get(key) ?? []) watch.signal();
      });
      subscriber.on('ready', () => {
        for (const set of this.watches.values()) for (const watch of set) watch.signal();
      });
    }
    this.subscription ??= subscriber.subscribe(this.channel).then(
      () => undefined,
      (error: unknown) => {
        this.subscription = null;
        throw error;
      },
    );
    return this.subscription;
  }
}

/** One waiter's view of its key: signalled since its last `reset`, or not yet. */
export class Watch {
  private signalled = false;
  private wake: (() => void) | null = null;
  private readonly onClose: () => void;

  constructor(onClose: () => void) {
    this.onClose = onClose;
  }

  signal(): void {
    this.signalled = true;
    this.wake?.();
  }

  reset(): void {
    this.signalled = false;
  }

  /** Resolves at the next signal (at once if one came since `reset`), or after `ms`. */
  next(ms: number): Promise<void> {
    if (this.signalled) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(), ms);
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      this.wake = done;
    });
  }

  close(): void {
    this.wake?.();
    this.onClose();
  }
}
