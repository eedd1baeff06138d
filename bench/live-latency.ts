import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, request, type ClientRequest } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { startGateway, type Gateway } from '../src/gateway.js';
import { encodeGlobalId } from '../src/ids.js';
import { createLogger } from '../src/logger.js';
import { median, percentile, round } from './stats.js';
import { deletePrefixAt } from './redis-prefix.js';

/**
 * `npx tsx bench/live-latency.ts`: webhook-to-subscriber latency of the live events (README,
 * "Live calls"). N SSE subscribers (`callEvents(filter: { callId })`, GraphQL over SSE, one HTTP
 * connection each) watch one Ovia call; M signed `call.updated` webhooks for that call are then
 * POSTed to `/webhooks/ovia`, each with a new `analysis`, and every subscriber records when each
 * event reaches it. Latency is from just before a webhook's POST to that event's arrival at a
 * subscriber, over all (webhook, subscriber) pairs; fan-out is N × M events over the time from the
 * first POST to the last arrival.
 *
 * - one process, no Redis (the in-memory log, src/events/memory-event-log.ts): N = 1, 100, 1000;
 * - two replicas through Redis (REDIS_URL, default the local one; src/events/redis-event-log.ts):
 *   subscribers on B, webhooks to A, N = 1, 100;
 * - sequential: each POST waits for the previous one's 204; burst: all M POSTs at once (N = 100
 *   and 1000 in one process, N = 100 through Redis).
 *
 * Gateways, subscribers and webhook sender all run in this one process (no child processes), so
 * the clients' reading and parsing of every SSE message competes with the gateway for the same
 * event loop. The Redis run writes under a prefix of its own and deletes it.
 */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const OPEN_CONCURRENCY = 50;
const WAIT_MS = 30_000;

const secret = `whsec_${randomBytes(32).toString('base64')}`;
const signer = new Webhook(secret);
/** Subscribers' sockets: one connection each, none kept for reuse. */
const agent = new Agent({ keepAlive: false, maxSockets: Infinity });

const CALL_EVENTS = `subscription ($filter: CallEventFilter) {
  callEvents(filter: $filter) { cursor type call { status analysis } }
}`;

/** Measured events received by all subscribers together, reset for each measurement. */
const counted = { steps: 0 };
/** A GraphQL error on any stream; the waits below fail with it. */
let failure: Error | null = null;

interface Subscriber {
  /** Arrival time (performance.now()) of each event, by its call's `analysis`. */
  arrivals: Map<string, number>;
  /** `analysis` of each event in arrival order. */
  order: string[];
  request: ClientRequest;
}

/** Opens one SSE subscription; resolves once the gateway answered 200 and the stream is open. */
function subscribe(graphqlUrl: string, callId: string): Promise<Subscriber> {
  const body = JSON.stringify({ query: CALL_EVENTS, variables: { filter: { callId } } });
  return new Promise((resolve, reject) => {
    const arrivals = new Map<string, number>();
    const order: string[] = [];
    const req = request(graphqlUrl, {
      method: 'POST',
      agent,
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        'content-length': Buffer.byteLength(body),
      },
    });
    req.once('error', reject);
    req.once('response', (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`subscription answered ${response.statusCode}`));
        response.resume();
        return;
      }
      req.removeListener('error', reject);
      req.on('error', () => {}); // destroyed at the end
      response.setEncoding('utf8');
      let buffer = '';
      response.on('data', (chunk: string) => {
        const at = performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).trim())
            .join('\n');
          if (!data) continue; // keep-alive comments, `event: complete`
          const result = JSON.parse(data) as {
            data?: { callEvents?: { call?: { analysis?: string | null } } };
            errors?: Array<{ message: string }>;
          };
          if (result.errors?.length) {
            failure ??= new Error(`a subscriber got: ${result.errors[0]!.message}`);
            continue;
          }
          const analysis = result.data?.callEvents?.call?.analysis ?? '';
          arrivals.set(analysis, at);
          order.push(analysis);
          if (analysis.startsWith('step ')) counted.steps += 1;
        }
      });
      resolve({ arrivals, order, request: req });
    });
    req.end(body);
  });
}

async function subscribeAll(graphqlUrl: string, callId: string, n: number): Promise<Subscriber[]> {
  const subscribers: Subscriber[] = [];
  while (subscribers.length < n) {
    const batch = Math.min(OPEN_CONCURRENCY, n - subscribers.length);
    subscribers.push(
      ...(await Promise.all(Array.from({ length: batch }, () => subscribe(graphqlUrl, callId)))),
    );
  }
  return subscribers;
}

/** A signed webhook ready to send, so that signing is not part of the timed POST. */
interface Prepared {
  url: URL;
  headers: Record<string, string>;
  body: string;
}

function prepare(graphqlUrl: string, providerId: string, status: string, analysis: string) {
  const id = `msg_${randomUUID()}`;
  const now = new Date();
  // An Ovia call as `GET /api/v1/calls/{id}` answers it (test/graph/live-calls.test.ts).
  const body = JSON.stringify({
    type: 'call.updated',
    data: {
      id: providerId,
      agent_id: 'agent_bench',
      direction: 'outbound',
      from_number: '+14155550100',
      to_number: '+14155550123',
      status,
      analysis,
      created_at: '2026-03-01T10:00:00Z',
    },
  });
  return {
    url: new URL('/webhooks/ovia', graphqlUrl),
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': signer.sign(id, now, body),
    },
    body,
  } satisfies Prepared;
}

async function send(webhook: Prepared): Promise<void> {
  const response = await fetch(webhook.url, {
    method: 'POST',
    headers: webhook.headers,
    body: webhook.body,
  });
  const text = await response.text();
  if (response.status !== 204) throw new Error(`webhook answered ${response.status}: ${text}`);
}

async function until(done: () => boolean, what: string, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (failure) throw failure;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

interface Row {
  setup: string;
  n: number;
  m: number;
  posting: 'sequential' | 'burst';
  delivered: number;
  outOfOrder: number;
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
}

async function measure(
  setup: string,
  postTo: Gateway,
  subscribeOn: Gateway,
  n: number,
  m: number,
  posting: 'sequential' | 'burst',
): Promise<Row> {
  const providerId = `call_${randomUUID()}`;
  const callId = encodeGlobalId(null, 'Call', `OVIA:${providerId}`);
  const subscribers = await subscribeAll(subscribeOn.url, callId, n);
  try {
    // Warm-up webhooks until every subscriber has had one: every stream is then known to read
    // the log (on B, once its Redis reader is positioned, src/events/redis-event-log.ts), and
    // the call's CREATED is not among the measured events.
    for (let attempt = 0; ; attempt += 1) {
      const tag = `warm-up ${attempt}`;
      await send(prepare(postTo.url, providerId, 'queued', tag));
      try {
        await until(() => subscribers.every((s) => s.arrivals.size > 0), 'warm-up', 1000);
        break;
      } catch (error) {
        if (attempt >= 10) throw error;
      }
    }
    const tags = Array.from({ length: m }, (_, index) => `step ${index}`);
    const webhooks = tags.map((tag) => prepare(postTo.url, providerId, 'in-progress', tag));
    const sentAt = new Map<string, number>();
    counted.steps = 0;
    const first = performance.now();
    if (posting === 'sequential') {
      for (const [index, webhook] of webhooks.entries()) {
        sentAt.set(tags[index]!, performance.now());
        await send(webhook);
      }
    } else {
      await Promise.all(
        webhooks.map((webhook, index) => {
          sentAt.set(tags[index]!, performance.now());
          return send(webhook);
        }),
      );
    }
    const expected = new Set(tags);
    // Every event should reach every subscriber; one that is lost shows in `delivered`.
    await until(() => counted.steps >= n * m, 'deliveries').catch((error: unknown) => {
      if (failure) throw error;
    });
    const latencies: number[] = [];
    let lastArrival = first;
    let outOfOrder = 0;
    for (const subscriber of subscribers) {
      for (const tag of tags) {
        const at = subscriber.arrivals.get(tag);
        if (at === undefined) continue;
        latencies.push(at - sentAt.get(tag)!);
        lastArrival = Math.max(lastArrival, at);
      }
      // Sequentially posted events must arrive in posting order.
      if (posting === 'sequential') {
        const seen = subscriber.order.filter((tag) => expected.has(tag));
        if (seen.some((tag, index) => tag !== tags[index])) outOfOrder += 1;
      }
    }
    const seconds = (lastArrival - first) / 1000;
    const row: Row = {
      setup,
      n,
      m,
      posting,
      delivered: latencies.length,
      outOfOrder,
      p50: median(latencies),
      p99: percentile(latencies, 99),
      max: latencies.reduce((most, value) => Math.max(most, value), -Infinity),
      perSecond: latencies.length / seconds,
    };
    console.error(
      `${setup}, ${n} subscribers, ${m} ${posting}: p50 ${round(row.p50)} ms, p99 ${round(row.p99)} ms, ${Math.round(row.perSecond)} events/s`,
    );
    return row;
  } finally {
    for (const subscriber of subscribers) subscriber.request.destroy();
  }
}

function gatewayEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    SWITCHBOARD_SANDBOX: '1',
    OVIA_WEBHOOK_SECRET: secret,
    SWITCHBOARD_MAX_SUBSCRIBERS: '2000',
    SWITCHBOARD_MAX_SUBSCRIBERS_PER_CLIENT: '2000',
    SWITCHBOARD_MAX_CONNECTIONS: '5000',
    ...extra,
  };
}

const logger = createLogger({ level: 'silent' });
const started = performance.now();
const rows: Row[] = [];

const single = await startGateway({ env: gatewayEnv(), logger });
try {
  await measure('warm-up (not shown)', single, single, 10, 200, 'sequential'); // JIT, sockets
  rows.push(await measure('one process', single, single, 1, 500, 'sequential'));
  rows.push(await measure('one process', single, single, 100, 200, 'sequential'));
  rows.push(await measure('one process', single, single, 1000, 100, 'sequential'));
  rows.push(await measure('one process', single, single, 100, 200, 'burst'));
  rows.push(await measure('one process', single, single, 1000, 50, 'burst'));
} finally {
  await single.close();
}

const prefix = `switchboard-bench:${randomUUID()}:`;
const redisEnv = gatewayEnv({ REDIS_URL, SWITCHBOARD_REDIS_PREFIX: prefix });
const [a, b] = await Promise.all([
  startGateway({ env: redisEnv, logger }),
  startGateway({ env: redisEnv, logger }),
]);
try {
  await measure('warm-up (not shown)', a, b, 10, 100, 'sequential');
  rows.push(await measure('A → Redis → B', a, b, 1, 500, 'sequential'));
  rows.push(await measure('A → Redis → B', a, b, 100, 200, 'sequential'));
  rows.push(await measure('A → Redis → B', a, b, 100, 200, 'burst'));
} finally {
  await Promise.all([a.close(), b.close()]);
  await deletePrefixAt(REDIS_URL, prefix);
}

console.log(
  '| setup | subscribers | webhooks | posting | delivered | out of order | p50 ms | p99 ms | max ms | fan-out events/s |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) {
  console.log(
    `| ${row.setup} | ${row.n} | ${row.m} | ${row.posting} | ${row.delivered} / ${row.n * row.m} | ${row.outOfOrder} | ${round(row.p50)} | ${round(row.p99)} | ${round(row.max)} | ${Math.round(row.perSecond)} |`,
  );
}
console.log(`\n${round((performance.now() - started) / 1000, 1)} s in all`);
agent.destroy();
// Keep-alive sockets of fetch's own agent (the webhook POSTs) would hold the process open.
process.exit(0);
