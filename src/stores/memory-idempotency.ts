import type {
  Attempt,
  IdempotencyClaim,
  IdempotencyRefusal,
  IdempotencyStore,
  IdempotentResult,
} from './idempotency.js';

interface Entry {
  scope: string;
  fingerprint: string;
  /** The first attempt's value, or null when it released the key. */
  outcome: Promise<{ value: unknown } | null>;
  bytes: number;
}

export interface InMemoryIdempotencyOptions {
  /** How long a key is remembered once its attempt settled. @default 86_400_000 (24 h) */
  ttlMs?: number;
  /** Live keys held at most, in flight included. @default 10_000 */
  maxKeys?: number;
  /** Live keys one scope (client) may hold. @default 1_000 */
  maxKeysPerScope?: number;
  /** Approximate bytes held at most: keys and the JSON size of the stored outcomes. @default 64 MiB */
  maxBytes?: number;
  now?: () => number;
}

/** What an entry costs beyond its strings and outcome: the map slots and bookkeeping objects. */
const ENTRY_OVERHEAD_BYTES = 256;

/**
 * The idempotency store of one process (no REDIS_URL): keys live in this process's memory and
 * are lost when it exits.
 */
export class InMemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, Entry>();
  /**
   * Expiry of the settled entries in settling order, which is expiry order since every entry lives
   * the same TTL: reclaiming stops at the first live one. In-flight entries never expire.
   */
  private readonly expiries = new Map<string, number>();
  private readonly keysPerScope = new Map<string, number>();
  private heldBytes = 0;
  private readonly ttlMs: number;
  private readonly maxKeys: number;
  private readonly maxKeysPerScope: number;
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor(options: InMemoryIdempotencyOptions = {}) {
    this.ttlMs = options.ttlMs ?? 86_400_000;
    this.maxKeys = options.maxKeys ?? 10_000;
    this.maxKeysPerScope = options.maxKeysPerScope ?? 1_000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.now = options.now ?? Date.now;
  }

  /** Keys held, expired ones not yet reclaimed included. */
  get size(): number {
    return this.entries.size;
  }

  /** Approximate bytes held. */
  get bytes(): number {
    return this.heldBytes;
  }

  async run<T>(
    claim: IdempotencyClaim,
    task: () => Promise<Attempt<T>>,
  ): Promise<IdempotentResult<T>> {
    const id = JSON.stringify([claim.tenant, claim.scope, claim.key]);
    const scope = JSON.stringify([claim.tenant, claim.scope]);
    for (;;) {
      this.reclaim(this.now());
      const known = this.entries.get(id);
      if (!known) break;
      if (known.fingerprint !== claim.fingerprint) return { kind: 'conflict' };
      // The entry was created by a call with this fingerprint, whose task returns T.
      const settled = await known.outcome;
      if (settled) return { kind: 'replayed', value: settled.value as T };
      // The first attempt released the key: whoever gets here first claims it anew.
    }
    const refusal = this.refusal(scope);
    if (refusal) return { kind: 'unavailable', ...refusal };

    let settle!: (outcome: { value: unknown } | null) => void;
    const entry: Entry = {
      scope,
      fingerprint: claim.fingerprint,
      outcome: new Promise((resolve) => (settle = resolve)),
      bytes: ENTRY_OVERHEAD_BYTES + id.length + claim.fingerprint.length,
    };
    this.add(id, entry);
    let attempt: Attempt<T>;
    try {
      attempt = await task();
    } catch (error) {
      this.remove(id);
      settle(null);
      throw error;
    }
    if (attempt.release) {
      this.remove(id);
      settle(null);
    } else {
      const outcomeBytes = approximateBytes(attempt.value);
      entry.bytes += outcomeBytes;
      this.heldBytes += outcomeBytes;
      this.expiries.set(id, this.now() + this.ttlMs);
      settle({ value: attempt.value });
    }
    return { kind: 'fresh', value: attempt.value };
  }

  private refusal(scope: string): IdempotencyRefusal | null {
    if ((this.keysPerScope.get(scope) ?? 0) >= this.maxKeysPerScope) {
      return { reason: 'client-quota', limit: this.maxKeysPerScope };
    }
    if (this.entries.size >= this.maxKeys || this.heldBytes >= this.maxBytes) {
      return { reason: 'capacity' };
    }
    return null;
  }

  private reclaim(now: number): void {
    for (const [id, expiresAt] of this.expiries) {
      if (expiresAt > now) break;
      this.remove(id);
    }
  }

  private add(id: string, entry: Entry): void {
    this.entries.set(id, entry);
    this.keysPerScope.set(entry.scope, (this.keysPerScope.get(entry.scope) ?? 0) + 1);
    this.heldBytes += entry.bytes;
  }

  private remove(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.expiries.delete(id);
    this.heldBytes -= entry.bytes;
    const held = (this.keysPerScope.get(entry.scope) ?? 1) - 1;
    if (held > 0) this.keysPerScope.set(entry.scope, held);
    else this.keysPerScope.delete(entry.scope);
  }
}

/** The JSON size of a stored outcome, close enough to bound memory by; never throws. */
function approximateBytes(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0;
  } catch {
    // Not JSON-serialisable (a cycle, a BigInt): count it as a large outcome rather than free.
    return 64 * 1024;
  }
}
