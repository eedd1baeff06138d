import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';

/** Expired entries dropped from the global index per claim, so no script runs long. */
const RECLAIM_BATCH = 256;

/**
 * One Lua script, run by its SHA1 and sent whole only when Redis does not know it (after a
 * restart, or the first time).
 */
export class LuaScript {
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
export const CLAIM = new LuaScript(`
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
export const RENEW = new LuaScript(`
if not ours(KEYS[1], ARGV[1]) then return 0 end
redis.call('HSET', KEYS[1], 'leaseUntil', int(now_ms() + tonumber(ARGV[2])))
return 1
`);

/**
 * KEYS: record, global index, byte counter. ARGV: owner, new state, value, bytes, global member,
 * channel. The entry keeps the expiry its claim set.
 */
export const FINISH = new LuaScript(`
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
export const RELEASE = new LuaScript(`
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

export const claimReply = z.union([
  z.tuple([z.literal('claimed')]),
  z.tuple([z.literal('conflict')]),
  z.tuple([z.literal('done'), z.string()]),
  z.tuple([z.literal('not-kept')]),
  z.tuple([z.literal('in-doubt')]),
  z.tuple([z.literal('pending'), z.number()]),
  z.tuple([z.literal('refused'), z.enum(['client-quota', 'capacity'])]),
]);
export type ClaimReply = z.infer<typeof claimReply>;
