/**
 * Idempotency for mutations (CONTRACT §4): a key runs upstream at most once while it lives;
 * repeats get the first outcome, concurrent repeats wait for it, another input under the same key
 * is a conflict. The store is an interface so a shared one (Redis, PostgreSQL) can replace the
 * in-memory one when several gateway processes serve the same clients.
 */
export type IdempotentResult<T> =
  { kind: 'fresh'; value: T } | { kind: 'replayed'; value: T } | { kind: 'conflict' };

export interface IdempotencyStore {
  run<T>(key: string, fingerprint: string, task: () => Promise<T>): Promise<IdempotentResult<T>>;
}

interface Entry {
  fingerprint: string;
  outcome: Promise<unknown>;
  expiresAt: number;
}

export interface InMemoryIdempotencyOptions {
  /** How long a key is remembered. @default 86_400_000 (24 h) */
  ttlMs?: number;
  /** Keys kept at most; the oldest go first. @default 10_000 */
  maxEntries?: number;
  now?: () => number;
}

export class InMemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: InMemoryIdempotencyOptions = {}) {
    this.ttlMs = options.ttlMs ?? 86_400_000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  async run<T>(
    key: string,
    fingerprint: string,
    task: () => Promise<T>,
  ): Promise<IdempotentResult<T>> {
    const now = this.now();
    const known = this.entries.get(key);
    if (known && known.expiresAt > now) {
      if (known.fingerprint !== fingerprint) return { kind: 'conflict' };
      // The entry was created by a call with this fingerprint, whose task returns T.
      const value = (await known.outcome) as T;
      return { kind: 'replayed', value };
    }
    if (known) this.entries.delete(key);
    const outcome = task();
    this.entries.set(key, { fingerprint, outcome, expiresAt: now + this.ttlMs });
    this.evict(now);
    try {
      return { kind: 'fresh', value: await outcome };
    } catch (error) {
      // A task that threw before reaching the vendor may run again under the same key.
      this.entries.delete(key);
      throw error;
    }
  }

  private evict(now: number): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && entry.expiresAt > now) break;
      this.entries.delete(key);
    }
  }
}
