import { createHash, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../logger.js';
import type {
  Attempt,
  IdempotencyClaim,
  IdempotencyStore,
  IdempotentResult,
} from './idempotency.js';
import type { RedisConnection } from './redis.js';

/**
 * What a claim adds to UPSTREAM_TIMEOUT_MS (README, "Many replicas"): room for storing the answer
 * after the vendor's, and for a renewal arriving late under load. Well under the 30 s the
 * contract allows, so a dead replica's keys answer IDEMPOTENCY_KEY_IN_DOUBT soon after it died.
 */
export const CLAIM_MARGIN_MS = 2000;

/**
 * The segment of every key that will hold the tenant's id (CONTRACT §9); `-` until tenants exist.
 * Tenant ids, scope digests and key digests never collide with the fixed names below (`keys`,
 * `bytes`, `settled`), which sit at other depths or have other lengths.
 */
const NO_TENANT = '-';

/** What an entry costs beyond its key and value: the hash's fields and the index members. */
const ENTRY_OVERHEAD_BYTES = 256;

/** Expired entries dropped from the global index per claim, so no script runs long. */
const RECLAIM_BATCH = 256;

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
 * The idempotency store shared by every process given the same Redis and prefix (CONTRACT §7).
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
    const record = this.connection.key('idem', NO_TENANT, scope, key);
    return {
      record,
      scopeIndex: this.connection.key('idem', NO_TENANT, scope, 'keys'),
      globalIndex: this.connection.key('idem', 'keys'),
      bytesCounter: this.connection.key('idem', 'bytes'),
      scopeMember: key,
      globalMember: `${NO_TENANT}:${scope}:${key}`,
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

/**
 * One Lua script, run by its SHA1 and sent whole only when Redis does not know it (after a
 * restart, or the first time).
 */
class LuaScript {
  private readonly source: string;
  private readonly sha: string;

  constructor(body: string) {
    this.source = `${LUA_HELPERS}\n${body}`;
    this.sha = createHash('sha1').update(this.source).digest('hex');
  }

  async run(redis: Redis, keys: string[], args: Array<string | number>): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}

// Redis's clock, so every process judges leases and expiries by the same time; integers written
// with %.0f, since Lua's own formatting of a large number may use an exponent.
const LUA_HELPERS = `
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function int(n) return string.format('%.0f', n) end
local function ours(record, owner)
  return redis.call('HGET', record, 'owner') == owner
    and redis.call('HGET', record, 'state') == 'pending'
end`;

/**
 * KEYS: record, scope index, global index, byte counter. ARGV: fingerprint, owner, ttl, claim
 * ttl, max keys per scope, max keys, max bytes, scope member, global member, claim bytes.
 */
const CLAIM = new LuaScript(`
local now = now_ms()
local state = redis.call('HGET', KEYS[1], 'state')
if state then
  if redis.call('HGET', KEYS[1], 'fp') ~= ARGV[1] then return {'conflict'} end
  if state == 'done' then return {'done', redis.call('HGET', KEYS[1], 'value')} end
  if state ~= 'pending' then return {'not-kept'} end
  local left = tonumber(redis.call('HGET', KEYS[1], 'leaseUntil')) - now
  if left > 0 then return {'pending', left} end
  return {'in-doubt'}
end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', int(now))
local expired = redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', int(now), 'LIMIT', 0, ${RECLAIM_BATCH})
if #expired > 0 then
  local freed = 0
  for _, member in ipairs(expired) do
    freed = freed + tonumber(string.match(member, '|(%d+)$'))
  end
  redis.call('ZREM', KEYS[3], unpack(expired))
  redis.call('DECRBY', KEYS[4], int(freed))
end
local held = redis.call('ZCARD', KEYS[3])
if held == 0 then redis.call('DEL', KEYS[4]) end
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[5]) then return {'refused', 'client-quota'} end
if held >= tonumber(ARGV[6]) or tonumber(redis.call('GET', KEYS[4]) or '0') >= tonumber(ARGV[7]) then
  return {'refused', 'capacity'}
end
local expires = int(now + tonumber(ARGV[3]))
redis.call('HSET', KEYS[1], 'state', 'pending', 'fp', ARGV[1], 'owner', ARGV[2],
  'takenAt', int(now), 'leaseUntil', int(now + tonumber(ARGV[4])), 'bytes', ARGV[10])
redis.call('PEXPIREAT', KEYS[1], expires)
redis.call('ZADD', KEYS[2], expires, ARGV[8])
redis.call('PEXPIREAT', KEYS[2], expires)
redis.call('ZADD', KEYS[3], expires, ARGV[9] .. '|' .. ARGV[10])
redis.call('PEXPIREAT', KEYS[3], expires)
redis.call('INCRBY', KEYS[4], ARGV[10])
redis.call('PEXPIREAT', KEYS[4], expires)
return {'claimed'}
`);

/** KEYS: record. ARGV: owner, claim ttl. */
const RENEW = new LuaScript(`
if not ours(KEYS[1], ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'leaseUntil', int(now_ms() + tonumber(ARGV[2])))
return 1
`);

/**
 * KEYS: record, global index, byte counter. ARGV: owner, new state, value, bytes, global member,
 * channel. The entry keeps the expiry its claim set.
 */
const FINISH = new LuaScript(`
if not ours(KEYS[1], ARGV[1]) then return 0 end
local old = redis.call('HGET', KEYS[1], 'bytes')
redis.call('HSET', KEYS[1], 'state', ARGV[2], 'bytes', ARGV[4])
redis.call('HDEL', KEYS[1], 'leaseUntil')
if ARGV[2] == 'done' then redis.call('HSET', KEYS[1], 'value', ARGV[3]) end
local score = redis.call('ZSCORE', KEYS[2], ARGV[5] .. '|' .. old)
if score then
  redis.call('ZREM', KEYS[2], ARGV[5] .. '|' .. old)
  redis.call('ZADD', KEYS[2], score, ARGV[5] .. '|' .. ARGV[4])
  redis.call('INCRBY', KEYS[3], int(tonumber(ARGV[4]) - tonumber(old)))
end
redis.call('PUBLISH', ARGV[6], KEYS[1])
return 1
`);

/**
 * KEYS: record, scope index, global index, byte counter. ARGV: owner, scope member, global
 * member, channel. Deletes only a claim still held by this owner: compare and delete in one step.
 */
const RELEASE = new LuaScript(`
if not ours(KEYS[1], ARGV[1]) then return 0 end
local bytes = redis.call('HGET', KEYS[1], 'bytes')
redis.call('DEL', KEYS[1])
redis.call('ZREM', KEYS[2], ARGV[2])
if redis.call('ZREM', KEYS[3], ARGV[3] .. '|' .. bytes) == 1 then
  redis.call('DECRBY', KEYS[4], bytes)
end
redis.call('PUBLISH', ARGV[4], KEYS[1])
return 1
`);

const claimReply = z.union([
  z.tuple([z.literal('claimed')]),
  z.tuple([z.literal('conflict')]),
  z.tuple([z.literal('done'), z.string()]),
  z.tuple([z.literal('not-kept')]),
  z.tuple([z.literal('in-doubt')]),
  z.tuple([z.literal('pending'), z.number()]),
  z.tuple([z.literal('refused'), z.enum(['client-quota', 'capacity'])]),
]);
type ClaimReply = z.infer<typeof claimReply>;

/**
 * Who waits for which key in this process, woken by the one channel every process publishes
 * settled keys on. Subscribed on first use; ioredis subscribes again after a reconnect, and every
 * waiter then looks again, since messages sent meanwhile were lost.
 */
class SettledKeys {
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
class Watch {
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
