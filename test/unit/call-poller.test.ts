import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createConnectors, type ConnectorSet } from '../../src/connectors.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { PollLease } from '../../src/events/poll-lease.js';
import { CallPoller, vendorsToPoll } from '../../src/events/poller.js';
import type { CallObservation, EventSink, MessageObservation } from '../../src/events/sink.js';
import { ReadCache } from '../../src/http/read-cache.js';
import { createLogger } from '../../src/logger.js';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials.js';
import { sandboxVendorConfigs, startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { InMemoryReadCacheStore } from '../../src/stores/read-cache.js';
import { RedisConnection } from '../../src/stores/redis.js';
import { redisTestsEnabled, TEST_REDIS_URL, testPrefix } from '../support/redis.js';

/*
 * The poller (README, "Live calls") over the real sandbox: it reads Ovia's
 * newest calls at an interval and hands what changed to an event sink of this test's own, which
 * records every observation.
 */

class RecordingSink implements EventSink {
  readonly calls: CallObservation[] = [];
  readonly messages: MessageObservation[] = [];
  async observeCall(observation: CallObservation): Promise<void> {
    this.calls.push(observation);
  }
  async observeMessage(observation: MessageObservation): Promise<void> {
    this.messages.push(observation);
  }
}

const INTERVAL_MS = 60;
const logger = createLogger({ level: 'silent' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const OVIA_AUTH = `Bearer ${SANDBOX_CREDENTIALS.ovia.apiKey}`;
/** Every call vendor but Ovia pushes, so only Ovia is polled. */
const SECRETS = { llamadapro: 'whsec_x', cx: 'whsec_x', happyrobot: 'whsec_x' };

let sandbox: Sandbox;
let connectors: ConnectorSet;
const pollers: CallPoller[] = [];

function poller(
  sink: EventSink,
  extra: { redis?: RedisConnection; set?: ConnectorSet; intervalMs?: number } = {},
) {
  const started = new CallPoller({
    vendors: vendorsToPoll(extra.set ?? connectors, SECRETS),
    sink,
    intervalMs: extra.intervalMs ?? INTERVAL_MS,
    logger,
    redis: extra.redis ?? null,
  });
  pollers.push(started);
  return started;
}

function connectorSet(): ConnectorSet {
  return createConnectors({
    live: {},
    sandbox: sandboxVendorConfigs(sandbox),
    timeoutMs: 1000,
    logger,
  });
}

async function until(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await sleep(5);
}

const oviaListReads = () =>
  sandbox.requests('ovia').filter((request) => request.path === '/api/v1/calls').length;

/** The newest Ovia call, the first one the poller's page holds. */
function newestOviaCall() {
  return [...sandbox.data.ovia.calls].sort(
    (a, b) => Date.parse(b.started_at) - Date.parse(a.started_at) || a.id.localeCompare(b.id),
  )[0]!;
}

/**
 * Runs `check` while the newest Ovia call has another status than it had (the change a poll must
 * see), and gives the call its status back afterwards, whatever `check` does.
 */
async function withNewestCallChanged(
  check: (call: ReturnType<typeof newestOviaCall>) => Promise<void>,
): Promise<void> {
  const call = newestOviaCall();
  const before = call.status;
  call.status = before === 'busy' ? 'failed' : 'busy';
  try {
    await check(call);
  } finally {
    call.status = before;
  }
}

beforeAll(async () => {
  // Calls started here stay queued: the walks of the live sandbox are tested on their own.
  sandbox = await startSandbox({ live: { stepDelayMs: 600_000 } });
  connectors = connectorSet();
});
afterAll(async () => {
  await Promise.all(connectors.clients().map((client) => client.close()));
  await sandbox.close();
});
beforeEach(() => {
  sandbox.resetLog();
});
afterEach(async () => {
  await Promise.all(pollers.splice(0).map((running) => running.stop()));
  sandbox.clearFaults();
});

describe('the poller', () => {
  it('is off unless SWITCHBOARD_POLL_INTERVAL_MS is above 0', () => {
    expect(loadConfig({}).events.pollIntervalMs).toBe(0);
    expect(loadConfig({ SWITCHBOARD_POLL_INTERVAL_MS: '2500' }).events.pollIntervalMs).toBe(2500);
    expect(() => loadConfig({ SWITCHBOARD_POLL_INTERVAL_MS: '-1' })).toThrow(ConfigError);
    expect(() => loadConfig({ SWITCHBOARD_POLL_INTERVAL_MS: 'soon' })).toThrow(
      /SWITCHBOARD_POLL_INTERVAL_MS/,
    );
  });

  it('polls only the call vendors without a webhook secret', () => {
    expect(vendorsToPoll(connectors, SECRETS).map((vendor) => vendor.provider)).toEqual(['OVIA']);
    expect(
      vendorsToPoll(connectors, {})
        .map((vendor) => vendor.provider)
        .sort(),
    ).toEqual(['CX', 'HAPPYROBOT', 'LLAMADAPRO', 'OVIA']);
  });

  it('takes a baseline first: calls that already exist emit nothing while unchanged', async () => {
    const sink = new RecordingSink();
    poller(sink).start();
    await until(() => oviaListReads() >= 4);
    expect(oviaListReads()).toBeGreaterThanOrEqual(4);
    const reads = sandbox.requests('ovia');
    expect(reads[0]?.query).toMatchObject({ limit: '50', offset: '0' });
    expect(sink.calls).toEqual([]);
  });

  it('reports a call that changed, once', async () => {
    const sink = new RecordingSink();
    poller(sink).start();
    await until(() => oviaListReads() >= 2);
    await withNewestCallChanged(async (call) => {
      await until(() => sink.calls.length > 0);
      await until(() => oviaListReads() >= 6);
      expect(sink.calls).toHaveLength(1);
      expect(sink.calls[0]).toMatchObject({
        provider: 'OVIA',
        call: { providerId: call.id, providerStatus: call.status },
      });
      expect(sink.calls[0]?.occurredAt).toBeInstanceOf(Date);
    });
  });

  it('reports a change again when the event log refused it', async () => {
    const sink = new RecordingSink();
    let refusals = 1;
    const flaky: EventSink = {
      observeCall: async (observation) => {
        if (refusals-- > 0) throw new Error('the event log is unavailable');
        await sink.observeCall(observation);
      },
      observeMessage: (observation) => sink.observeMessage(observation),
    };
    poller(flaky).start();
    await until(() => oviaListReads() >= 2);
    await withNewestCallChanged(async (call) => {
      await until(() => sink.calls.length > 0);
      expect(refusals).toBeLessThan(0);
      expect(sink.calls).toHaveLength(1);
      expect(sink.calls[0]).toMatchObject({ call: { providerId: call.id } });
    });
  });

  it('reports a call that appeared after the baseline', async () => {
    const sink = new RecordingSink();
    poller(sink).start();
    await until(() => oviaListReads() >= 2);
    const answer = await fetch(`${sandbox.urls.ovia}/api/v1/calls`, {
      method: 'POST',
      headers: { authorization: OVIA_AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({
        user_id: '7e5d4c3b-2a19-4f8e-8d7c-6b5a49382716',
        agent_id: '0b8e6a52-3c1d-4f7e-9a2b-5d6c7e8f9a01',
        type: 'phone',
        direction: 'outbound',
        from_number: '+56229400100',
        to_number: '+56912345670',
        phone_number_id: '3a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
      }),
    });
    const started = (await answer.json()) as { id: string };
    await until(() => sink.calls.length > 0);
    expect(
      sink.calls.map((observation) => [observation.call.providerId, observation.call.status]),
    ).toEqual([[started.id, 'QUEUED']]);
  });

  it("backs off for a 429's Retry-After", async () => {
    const sink = new RecordingSink();
    sandbox.setFault('ovia', { failure: 'rate-limit', retryAfterSeconds: 2 });
    poller(sink).start();
    await until(() => oviaListReads() >= 1);
    await sleep(INTERVAL_MS * 10);
    // A Retry-After past the request budget is not retried: one request, then two seconds' rest.
    expect(oviaListReads()).toBe(1);
  });

  it('asks the vendor at every look, even over clients with a read cache', async () => {
    const set = connectorSet();
    const cache = new ReadCache(new InMemoryReadCacheStore({ maxBytes: 1_000_000 }), {
      ttlMs: 60_000,
      maxEntryBytes: 1_000_000,
      logger,
    });
    for (const client of set.clients()) client.useReadCache(cache.forScope('-'));
    // The same read through the set's own connectors is answered from the cache the second time.
    const { source } = set.callConnector('OVIA')!.callPages({});
    const before = oviaListReads();
    await source.fetchPage(source.start, 5);
    await source.fetchPage(source.start, 5);
    expect(oviaListReads() - before).toBe(1);

    poller(new RecordingSink(), { set }).start();
    await until(() => oviaListReads() - before >= 4);
    expect(oviaListReads() - before).toBeGreaterThanOrEqual(4);
    cache.close();
  });
});

const redisUp = await redisTestsEnabled('test/unit/call-poller.test.ts');

describe.runIf(redisUp)('two replicas sharing one Redis', () => {
  it('lease: one holder at a time, released only by its holder', async () => {
    const { prefix, cleanup } = testPrefix();
    const redis = new RedisConnection({ url: TEST_REDIS_URL, prefix }, logger);
    try {
      await until(() => redis.ready);
      const a = new PollLease(redis, 5000);
      const b = new PollLease(redis, 5000);
      expect(await a.hold()).toBe(true);
      expect(await b.hold()).toBe(false);
      expect(await a.hold()).toBe(true);
      // Not b's to give up: a keeps it.
      await b.release();
      expect(await b.hold()).toBe(false);
      expect(await redis.client.get(`${prefix}events:poll-lease`)).toBe(a.token);
      await a.release();
      expect(await b.hold()).toBe(true);
      expect(await a.hold()).toBe(false);
    } finally {
      await redis.close();
      await cleanup();
    }
  });

  it('the next holder goes on from the states the last one saw: a change made meanwhile is reported once', async () => {
    const { prefix, cleanup } = testPrefix();
    const settings = { url: TEST_REDIS_URL, prefix };
    const redisA = new RedisConnection(settings, logger);
    const redisB = new RedisConnection(settings, logger);
    const call = newestOviaCall();
    const before = call.status;
    try {
      await until(() => redisA.ready && redisB.ready);
      const sinkA = new RecordingSink();
      const sinkB = new RecordingSink();
      const a = poller(sinkA, { redis: redisA });
      a.start();
      await until(() => oviaListReads() >= 2);
      redisA.client.disconnect();
      await a.stop();
      // Changed while no replica polls.
      call.status = before === 'busy' ? 'failed' : 'busy';
      const b = poller(sinkB, { redis: redisB });
      b.start();
      await until(() => sinkB.calls.length > 0);
      await sleep(INTERVAL_MS * 4);
      expect(sinkA.calls).toEqual([]);
      expect(sinkB.calls.map((observation) => observation.call.providerId)).toEqual([call.id]);
    } finally {
      call.status = before;
      await Promise.all(pollers.splice(0).map((running) => running.stop()));
      await redisA.close();
      await redisB.close();
      await cleanup();
    }
  });

  it('poll one at a time, and the other takes over within two intervals of the holder dying', async () => {
    const { prefix, cleanup } = testPrefix();
    const settings = { url: TEST_REDIS_URL, prefix };
    const redisA = new RedisConnection(settings, logger);
    const redisB = new RedisConnection(settings, logger);
    const setA = connectorSet();
    const setB = connectorSet();
    const attempts = { a: 0, b: 0 };
    for (const client of setA.clients()) client.attemptListeners.push(() => (attempts.a += 1));
    for (const client of setB.clients()) client.attemptListeners.push(() => (attempts.b += 1));
    try {
      await until(() => redisA.ready && redisB.ready);
      const intervalMs = 100;
      const a = poller(new RecordingSink(), { redis: redisA, set: setA, intervalMs });
      const b = poller(new RecordingSink(), { redis: redisB, set: setB, intervalMs });
      a.start();
      await until(() => a.polling);
      b.start();
      sandbox.resetLog();
      await sleep(intervalMs * 8);
      expect(a.polling).toBe(true);
      expect(b.polling).toBe(false);
      expect(attempts.a).toBeGreaterThanOrEqual(5);
      expect(attempts.b).toBe(0);
      // What the vendor saw: one replica's reads, one per interval, not two.
      expect(oviaListReads()).toBeGreaterThanOrEqual(6);
      expect(oviaListReads()).toBeLessThanOrEqual(9);

      // The holder dies: its Redis connection drops and it never gives the lease back.
      redisA.client.disconnect();
      await a.stop();
      const diedAt = Date.now();
      await until(() => attempts.b > 0, intervalMs * 4);
      const tookOverIn = Date.now() - diedAt;
      expect(attempts.b).toBeGreaterThan(0);
      expect(tookOverIn).toBeLessThanOrEqual(intervalMs * 2);
      expect(b.polling).toBe(true);
    } finally {
      await Promise.all(pollers.splice(0).map((running) => running.stop()));
      await Promise.all([...setA.clients(), ...setB.clients()].map((client) => client.close()));
      await redisA.close();
      await redisB.close();
      await cleanup();
    }
  });
});
