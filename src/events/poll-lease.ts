import { randomUUID } from 'node:crypto';
import type { RedisKeyspace } from '../stores/redis.js';

/** Renews the holder's expiry only while the lease is still its own. */
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

/** Deletes the lease only while it is still the holder's: an expired lease may be another's. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/**
 * Which of the replicas sharing one Redis polls the vendors (README, "Vendors that do
 * not push"): the one whose token is under `<prefix>events:poll-lease`. The holder renews it well
 * before it expires; when the holder dies, the lease expires and the next replica to ask takes it.
 */
export class PollLease {
  readonly token = randomUUID();
  private readonly key: string;

  constructor(
    private readonly redis: RedisKeyspace,
    /** How long the lease lives without renewal. */
    private readonly ttlMs: number,
  ) {
    this.key = redis.key('events', 'poll-lease');
  }

  /** Takes the lease when free or renews it when held; true while this replica holds it. */
  async hold(): Promise<boolean> {
    const client = this.redis.client;
    const taken = await client.set(this.key, this.token, 'PX', this.ttlMs, 'NX');
    if (taken === 'OK') return true;
    const renewed = await client.eval(RENEW, 1, this.key, this.token, String(this.ttlMs));
    return renewed === 1;
  }

  /** Gives the lease up at once, so another replica takes over on its next try. */
  async release(): Promise<void> {
    await this.redis.client.eval(RELEASE, 1, this.key, this.token);
  }
}
