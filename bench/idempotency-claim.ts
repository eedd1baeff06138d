import { randomUUID } from 'node:crypto';
import { startGateway, type Gateway } from '../src/gateway.js';
import { createLogger } from '../src/logger.js';
import { postGraphQL } from './post-graphql.js';
import { median, percentile, round } from './stats.js';
import { deletePrefixAt } from './redis-prefix.js';

/**
 * `npx tsx bench/idempotency-claim.ts`: what a keyed mutation pays for its idempotency key, in
 * memory and in Redis (REDIS_URL, default the local one), against the same mutation without a
 * key, in one sitting. Each run sends `RUNS` `addCallNote`s one after another to an in-process
 * gateway over its sandbox (0 ms vendor latency), every keyed one with a fresh key, and prints
 * the median and p90 latency. The Redis run writes under a prefix of its own and deletes it.
 */
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const MUTATION = `mutation($input: AddCallNoteInput!, $key: String) {
  addCallNote(input: $input, idempotencyKey: $key) { note { id } userErrors { code } }
}`;

async function run(label: string, env: Record<string, string>, keyed: boolean): Promise<number> {
  const gateway: Gateway = await startGateway({
    env: {
      PORT: '0',
      SWITCHBOARD_SANDBOX: '1',
      SWITCHBOARD_IDEMPOTENCY_MAX_KEYS_PER_CLIENT: '100000',
      SWITCHBOARD_IDEMPOTENCY_MAX_KEYS: '100000',
      ...env,
    },
    logger: createLogger({ level: 'silent' }),
  });
  try {
    const raw = gateway.sandbox!.data.happyrobot.calls[0]!;
    const callId = Buffer.from(`Call:HAPPYROBOT:${raw.id}`).toString('base64url');
    const samples: number[] = [];
    for (let index = 0; index < RUNS + 20; index += 1) {
      const body = JSON.stringify({
        query: MUTATION,
        variables: {
          input: { callId, content: `note ${index}` },
          key: keyed ? randomUUID() : null,
        },
      });
      const { ms } = await postGraphQL(gateway.url, body);
      if (index >= 20) samples.push(ms); // the first ones warm up JIT and connections
    }
    const mid = median(samples);
    console.log(
      `${label}: median ${round(mid, 2)} ms, p90 ${round(percentile(samples, 90), 2)} ms over ${RUNS}`,
    );
    return mid;
  } finally {
    await gateway.close();
  }
}

const prefix = `switchboard-bench:${randomUUID()}:`;
const none = await run('no key', {}, false);
const memory = await run('key, in memory', {}, true);
const redis = await run('key, in Redis', { REDIS_URL, SWITCHBOARD_REDIS_PREFIX: prefix }, true);
console.log(
  `added by the key: in memory ${round(memory - none, 2)} ms, in Redis ${round(redis - none, 2)} ms (medians)`,
);
await deletePrefixAt(REDIS_URL, prefix);
