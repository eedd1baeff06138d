/**
 * Idempotency for mutations (README, "Mutations"): a key runs upstream at most once while it lives;
 * repeats get the first outcome, concurrent repeats wait for it, another input under the same key
 * is a conflict. Keys belong to one client (`scope`): two clients never see each other's keys.
 *
 * A store never forgets a live key to make room: when it is full it refuses new keys instead
 * (`unavailable`), since forgetting one would let its repeat reach the vendor a second time.
 *
 * Two stores implement it: `InMemoryIdempotencyStore` (one process) and `RedisIdempotencyStore`
 * (every process sharing one Redis). Both claim `(scope, key)` atomically with its fingerprint,
 * make concurrent claimants wait for the first attempt's value, drop the claim when that attempt
 * asks for `release` (or throws), and refuse new keys rather than evict live ones.
 */
export interface IdempotencyClaim {
  /** The tenant the client belongs to (`-` with one tenant); tenants never share keys. */
  tenant: string;
  /** Whose key it is: a digest of the client's API key, or its address. */
  scope: string;
  /** The client's key, qualified by the mutation it was sent with. */
  key: string;
  /** A digest of the validated input; the same key with another one is a conflict. */
  fingerprint: string;
}

/** What one run of a claimed key produced. */
export interface Attempt<T> {
  value: T;
  /**
   * Nothing reached the vendor, so the key is forgotten and a repeat runs again; the value goes
   * to this caller only.
   */
  release?: boolean;
}

export type IdempotencyRefusal =
  /** This client holds as many live keys as one client may. */
  | { reason: 'client-quota'; limit: number }
  /** The store holds as many keys, or bytes, as it may. */
  | { reason: 'capacity' }
  /** The store cannot be reached (Redis down): nothing can be claimed or checked. */
  | { reason: 'store-down' };

/**
 * Why a repeat can neither replay the first outcome nor run again: the first attempt's holder
 * stopped (a replica killed mid-call) before it stored what the vendor answered, so whether the
 * write happened is unknown (`claim-expired`); or it finished but its value was too large to keep
 * (`not-kept`).
 */
export type InDoubtReason = 'claim-expired' | 'not-kept';

export type IdempotentResult<T> =
  | { kind: 'fresh'; value: T }
  | { kind: 'replayed'; value: T }
  | { kind: 'conflict' }
  | { kind: 'in-doubt'; reason: InDoubtReason }
  | ({ kind: 'unavailable' } & IdempotencyRefusal);

export interface IdempotencyStore {
  run<T>(claim: IdempotencyClaim, task: () => Promise<Attempt<T>>): Promise<IdempotentResult<T>>;
}
