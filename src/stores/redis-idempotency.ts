import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  CLAIM,
  FINISH,
  RELEASE,
  RENEW,
  claimReply,
  type ClaimReply,
} from './redis-idempotency-scripts.js';
import type { Logger } from '../logger.js';
import type {
  Attempt,
  IdempotencyClaim,
  IdempotencyStore,
  IdempotentResult,
} from './idempotency.js';
import type { RedisConnection } from './redis.js';
import { SettledKeys, type Watch } from './settled-keys.js';

/**
 * What a claim adds to UPSTREAM_TIMEOUT_MS (README, "Many replicas"): room for storing the answer
 * after the vendor's, and for a renewal arriving late under load. Well under the 30 s the
 * contract allows, so a dead replica's keys answer IDEMPOTENCY_KEY_IN_DOUBT soon after it died.
 */
export const CLAIM_MARGIN_MS = 2000;

/** What an entry costs beyond its key and value: the hash's fields and the index members. */
const ENTRY_OVERHEAD_BYTES = 256;

/** How long past a claim's end a waiter sleeps before it looks again (clock steps, Redis latency). */
const LEASE_SLACK_MS = 25;

export interface RedisIdempotencyOptions {
  /**
   * How long a key is remembered, counted from its claim: the result replaces the claim and keeps
   * the time it has left. @default 86_400_000 (24 h)
   */
  ttlMs?: number;
  /**
   * How long a claim outlives its last renewal: the holder renews it every third of this while its
   * attempt runs, so it ends this long after the holder dies. The gateway gives
   * UPSTREAM_TIMEOUT_MS + CLAIM_MARGIN_MS.
   */
  claimTtlMs: number;
  /** Live keys held at most, by every process sharing the Redis together. @default 10_000 */
  maxKeys?: number;
  /** Live keys one scope (client) may hold. @default 1_000 */
  maxKeysPerScope?: number;
  /** Approximate bytes of every entry together: keys and stored results. @default 64 MiB */
  maxBytes?: number;
  /**
   * Largest result kept for replay (its JSON). The attempt that produced a larger one still
   * answers it; the key stays pinned and repeats get `in-doubt` (`not-kept`). @default 262_144
   */
  maxResultBytes?: number;
  logger: Logger;
}

/**
 * The idempotency store shared by every process given the same Redis and prefix (README, "Many replicas").
 *
 * Each key is one hash at `<prefix>idem:<tenant|->:<scope digest>:<key digest>` (SHA-256 digests,
 * so client input never becomes a raw Redis key), expiring `ttlMs` after its claim:
 * - claimed: `state=pending`, the fingerprint's digest, the owner (one UUID per attempt), when it
 *   was taken and `leaseUntil`, which the owner pushes forward while its attempt runs;
 * - settled: `state=done` with the result's JSON, or `state=not-kept` when it was too large.
 *
 * A claim that was never settled, whose lease has passed, is the in-doubt marker: its holder
 * died (or lost Redis) after its request may have reached the vendor. Since it is the same hash
 * as the claim, written in one step, a holder killed at any point leaves it behind.
 *
 * Concurrent repeats wait for `<prefix>idem:settled`, the channel every settle and release is
 * published on (the record's key as message), re-reading the key after subscribing and at least
 * once per lease, so a lost message costs a wait, never a wrong answer.
 *
 * Bounds: a ZSET per scope (`…:<scope digest>:keys`) and one for every entry (`idem:keys`, each
 * member carrying its bytes) scored by expiry, plus a byte counter (`idem:bytes`), all updated in
 * the same scripts as the entries; expired members are dropped when a new key is claimed.
 *
 * While Redis cannot be reached every claim is refused (`store-down`) before the task runs.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly connection: RedisConnection;
  private readonly settled: SettledKeys;
  private readonly ttlMs: number;
  private readonly claimTtlMs: number;
  private readonly maxKeys: number;
  private readonly maxKeysPerScope: number;
  private readonly maxBytes: number;
  private readonly maxResultBytes: number;
  private readonly logger: Logger;

  constructor(connection: RedisConnection, options: RedisIdempotencyOptions) {
    this.connection = connection;
    this.settled = new SettledKeys(connection, connection.key('idem', 'settled'));
    this.ttlMs = options.ttlMs ?? 86_400_000;
    this.claimTtlMs = options.claimTtlMs;
    this.maxKeys = options.maxKeys ?? 10_000;
    this.maxKeysPerScope = options.maxKeysPerScope ?? 1_000;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.maxResultBytes = options.maxResultBytes ?? 256 * 1024;
    this.logger = options.logger;
  }

  async run<T>(
    claim: IdempotencyClaim,
    task: () => Promise<Attempt<T>>,
  ): Promise<IdempotentResult<T>> {
    const entry = this.entryOf(claim);
    const owner = randomUUID();
    let watch: Watch | null = null;
    try {
      for (;;) {
        watch?.reset();
        let reply: ClaimReply;
        try {
          reply = claimReply.parse(
            await CLAIM.run(
              this.redis,
              [entry.record, entry.scopeIndex, entry.globalIndex, entry.bytesCounter],
              [
                entry.fingerprint,
                owner,
                this.ttlMs,
                this.claimTtlMs,
                this.maxKeysPerScope,
                this.maxKeys,
                this.maxBytes,
                entry.scopeMember,
                entry.globalMember,
                entry.claimBytes,
              ],
            ),
          );
        } catch (error) {
          this.logger.debug({ err: errorInfo(error) }, 'idempotency store unreachable');
          return { kind: 'unavailable', reason: 'store-down' };
        }
        switch (reply[0]) {
          case 'claimed':
            watch?.close();
            watch = null;
            return await this.runClaimed(entry, owner, task);
          case 'conflict':
            return { kind: 'conflict' };
          case 'done':
            // Stored by an attempt with this fingerprint, whose task returns T.
            return { kind: 'replayed', value: JSON.parse(reply[1]) as T };
          case 'not-kept':
            return { kind: 'in-doubt', reason: 'not-kept' };
          case 'in-doubt':
            return { kind: 'in-doubt', reason: 'claim-expired' };
          case 'refused':
            return reply[1] === 'client-quota'
              ? { kind: 'unavailable', reason: 'client-quota', limit: this.maxKeysPerScope }
              : { kind: 'unavailable', reason: 'capacity' };
          case 'pending':
            if (!watch) {
              // Listen first, then look again: a settle published in between is not missed.
              watch = this.settled.watch(entry.record);
              await this.settled.ready(reply[1]);
              continue;
            }
            await watch.next(reply[1] + LEASE_SLACK_MS);
            continue;
        }
      }
    } finally {
      watch?.close();
    }
  }

  private get redis(): Redis {
    return this.connection.client;
  }

  private entryOf(claim: IdempotencyClaim): Entry {
    const scope = digest(claim.scope);
    const key = digest(claim.key);
    // The tenant's id (`-` with one tenant), scope digests and key digests never collide with
    // the fixed names (`keys`, `bytes`, `settled`), which sit at other depths.
    const tenant = claim.tenant;
    const record = this.connection.key('idem', tenant, scope, key);
    return {
      record,
      scopeIndex: this.connection.key('idem', tenant, scope, 'keys'),
      globalIndex: this.connection.key('idem', 'keys'),
      bytesCounter: this.connection.key('idem', 'bytes'),
      scopeMember: key,
      globalMember: `${tenant}:${scope}:${key}`,
      fingerprint: digest(claim.fingerprint),
      claimBytes: ENTRY_OVERHEAD_BYTES + record.length,
    };
  }

  private async runClaimed<T>(
    entry: Entry,
    owner: string,
    task: () => Promise<Attempt<T>>,
  ): Promise<IdempotentResult<T>> {
    const renewal = setInterval(
      () => void this.renew(entry, owner),
      Math.max(10, Math.floor(this.claimTtlMs / 3)),
    );
    renewal.unref();
    let attempt: Attempt<T>;
    try {
      attempt = await task();
    } catch (error) {
      clearInterval(renewal);
      await this.release(entry, owner);
      throw error;
    }
    clearInterval(renewal);
    if (attempt.release) await this.release(entry, owner);
    else await this.keep(entry, owner, attempt.value);
    return { kind: 'fresh', value: attempt.value };
  }

  private async renew(entry: Entry, owner: string): Promise<void> {
    try {
      await RENEW.run(this.redis, [entry.record], [owner, this.claimTtlMs]);
    } catch (error) {
      // The claim then ends on time, and its repeats answer IN_DOUBT: what a dead holder gets.
      this.logger.debug({ err: errorInfo(error) }, 'idempotency claim not renewed');
    }
  }

  /**
   * Stores the attempt's value for replay. When that fails (Redis went away meanwhile) the value
   * still goes to this caller; the claim then ends as in doubt, which is all a repeat can know.
   */
  private async keep(entry: Entry, owner: string, value: unknown): Promise<void> {
    const json = jsonOf(value);
    const bytes = json === null ? null : Buffer.byteLength(json, 'utf8');
    const kept = json !== null && bytes !== null && bytes <= this.maxResultBytes;
    if (!kept) {
      this.logger.warn(
        { bytes, maxResultBytes: this.maxResultBytes },
        'idempotency result too large to keep: repeats of its key get IDEMPOTENCY_KEY_IN_DOUBT',
      );
    }
    try {
      const stored = await FINISH.run(
        this.redis,
        [entry.record, entry.globalIndex, entry.bytesCounter],
        [
          owner,
          kept ? 'done' : 'not-kept',
          kept ? json : '',
          entry.claimBytes + (kept ? (bytes ?? 0) : 0),
          entry.globalMember,
          this.settled.channel,
        ],
      );
      if (stored !== 1) this.logger.warn('idempotency result not stored: the claim had ended');
    } catch (error) {
      this.logger.warn(
        { err: errorInfo(error) },
        'idempotency result not stored: repeats of its key get IDEMPOTENCY_KEY_IN_DOUBT',
      );
    }
  }

  /** Forgets a claim that is still this attempt's, so a repeat runs. */
  private async release(entry: Entry, owner: string): Promise<void> {
    try {
      await RELEASE.run(
        this.redis,
        [entry.record, entry.scopeIndex, entry.globalIndex, entry.bytesCounter],
        [owner, entry.scopeMember, entry.globalMember, this.settled.channel],
      );
    } catch (error) {
      // Kept, then: repeats answer IN_DOUBT once the claim ends, though nothing was sent.
      this.logger.warn({ err: errorInfo(error) }, 'idempotency key not released');
    }
  }
}

interface Entry {
  record: string;
  scopeIndex: string;
  globalIndex: string;
  bytesCounter: string;
  scopeMember: string;
  globalMember: string;
  fingerprint: string;
  claimBytes: number;
}

/** 132 bits of SHA-256: fixed-length key parts whatever the client sent. */
function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64url').slice(0, 22);
}

/** The value's JSON, or null when it has none (undefined, a cycle, a BigInt). */
function jsonOf(value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    return null;
  }
}

function errorInfo(error: unknown): { message: string } {
  return { message: error instanceof Error ? error.message : String(error) };
}
