import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { redisIsUp, redisTestsEnabled, testPrefix } from '../support/redis.js';
import { oviaStartCallInput } from '../support/sandbox-inputs.js';
import { postWebhook, subscribeSse, webhookSecret } from '../support/live.js';
import { encodeGlobalId } from '../../src/ids.js';
import { randomUUID } from 'node:crypto';

/**
 * A Redis of this file's own (the shared one is never stopped), started after the gateway and
 * stopped and started again under it.
 */
const REDIS_SERVER = '/usr/bin/redis-server';
const FILE = 'test/graph/redis-outage.test.ts';
const enabled = (await redisTestsEnabled(FILE)) && canStartOwnRedis();

function canStartOwnRedis(): boolean {
  if (existsSync(REDIS_SERVER)) return true;
  if (process.env.REQUIRE_REDIS_TESTS === '1') {
    throw new Error(`REQUIRE_REDIS_TESTS=1 but ${REDIS_SERVER} is missing`);
  }
  process.stderr.write(`skipping the Redis tests of ${FILE}: ${REDIS_SERVER} is missing\n`);
  return false;
}

const START_CALL = `mutation Start($input: StartCallInput!, $key: String) {
  startCall(input: $input, idempotencyKey: $key) {
    call { id to }
    userErrors { field message code provider }
  }
}`;
const CALLS = '{ calls(first: 2, filter: { providers: [OVIA] }) { edges { node { id } } } }';

const oviaCall = oviaStartCallInput;

let port: number;
let redisUrl: string;
let redis: ChildProcess | null = null;
let t: TestGateway | undefined;
const { prefix } = testPrefix();

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function startRedis(): Promise<void> {
  redis = spawn(
    REDIS_SERVER,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const deadline = Date.now() + 5000;
  while (!(await redisIsUp(redisUrl))) {
    if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function stopRedis(): Promise<void> {
  if (!redis || redis.exitCode !== null || redis.signalCode !== null) return;
  const exited = once(redis, 'exit');
  redis.kill('SIGKILL');
  await exited;
  redis = null;
}

async function status(): Promise<{ code: number; body: any }> {
  const response = await fetch(`${new URL(t!.url).origin}/status`);
  return { code: response.status, body: await response.json() };
}

/** The gateway reconnects on its own; this only waits until it has. */
async function untilRedisIsBack(): Promise<void> {
  const deadline = Date.now() + 8000;
  while (!(await status()).body.redis.ok) {
    if (Date.now() > deadline) throw new Error('the gateway did not reconnect to Redis');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const posts = () =>
  t!.gateway.sandbox!.requests('ovia').filter((request) => request.method === 'POST');

async function expectServingWithoutRedis(): Promise<void> {
  const before = posts().length;
  const keyed = await t!.query(START_CALL, {
    input: oviaCall('+573100008001'),
    key: `while-down-${before}`,
  });
  expect(keyed.data!.startCall).toEqual({
    call: null,
    userErrors: [
      expect.objectContaining({ field: ['idempotencyKey'], code: 'IDEMPOTENCY_UNAVAILABLE' }),
    ],
  });
  expect(keyed.data!.startCall.userErrors[0].message).toMatch(/nothing was sent/);
  expect(posts()).toHaveLength(before);

  const unkeyed = await t!.query(START_CALL, { input: oviaCall('+573100008002') });
  expect(unkeyed.data!.startCall.userErrors).toEqual([]);
  expect(unkeyed.data!.startCall.call.to).toBe('+573100008002');
  expect(posts()).toHaveLength(before + 1);

  const query = await t!.query(CALLS);
  expect(query.errors).toEqual([]);
  expect(query.data!.calls.edges).toHaveLength(2);

  expect((await fetch(`${new URL(t!.url).origin}/readyz`)).status).toBe(200);
  const down = await status();
  expect(down.code).toBe(200);
  expect(down.body.status).toBe('degraded');
  expect(down.body.redis).toMatchObject({ ok: false, code: 'REDIS_UNAVAILABLE' });
}

async function expectKeyedMutationsWork(toNumber: string): Promise<void> {
  const before = posts().length;
  const variables = { input: oviaCall(toNumber), key: `back-${toNumber}` };
  const placed = await t!.query(START_CALL, variables);
  expect(placed.data!.startCall.userErrors).toEqual([]);
  expect(placed.data!.startCall.call.to).toBe(toNumber);
  expect(await t!.query(START_CALL, variables)).toEqual(placed);
  expect(posts()).toHaveLength(before + 1);
}

beforeAll(async () => {
  if (!enabled) return;
  port = await freePort();
  redisUrl = `redis://127.0.0.1:${port}`;
});
afterAll(async () => {
  await t?.close();
  await stopRedis();
});

describe.runIf(enabled)('keyed mutations while Redis is unavailable', () => {
  it('starts while Redis is down, fails keyed mutations closed, and uses Redis once it is up', async () => {
    t = await startTestGateway({ REDIS_URL: redisUrl, SWITCHBOARD_REDIS_PREFIX: prefix });
    await expectServingWithoutRedis();

    await startRedis();
    await untilRedisIsBack();
    expect((await status()).body).toMatchObject({ status: 'ok', redis: { ok: true, code: null } });
    await expectKeyedMutationsWork('+573100008003');
  }, 20_000);

  it('fails closed when Redis stops mid-run, and resumes without a restart once it is back', async () => {
    if (!redis) await startRedis();
    await untilRedisIsBack();
    await expectKeyedMutationsWork('+573100008004');

    await stopRedis();
    await expectServingWithoutRedis();
    // A key already used cannot be checked either: it is refused too, and nothing is sent.
    const before = posts().length;
    const repeat = await t!.query(START_CALL, {
      input: oviaCall('+573100008004'),
      key: 'back-+573100008004',
    });
    expect(repeat.data!.startCall.userErrors).toEqual([
      expect.objectContaining({ code: 'IDEMPOTENCY_UNAVAILABLE' }),
    ]);
    expect(posts()).toHaveLength(before);

    await startRedis();
    await untilRedisIsBack();
    await expectKeyedMutationsWork('+573100008005');
  }, 20_000);
});

describe.runIf(enabled)('open subscriptions while Redis is unavailable', () => {
  it('keep their stream through an outage, and get the events accepted once Redis is back', async () => {
    if (!redis) await startRedis();
    const secret = webhookSecret();
    const live = await startTestGateway({
      REDIS_URL: redisUrl,
      SWITCHBOARD_REDIS_PREFIX: prefix,
      OVIA_WEBHOOK_SECRET: secret,
    });
    try {
      const id = `call_${randomUUID()}`;
      const webhook = (status: string) =>
        postWebhook(live.url, 'ovia', secret, {
          type: 'call.updated',
          data: { id, direction: 'inbound', from_number: '+14155550142', status },
        });
      const events = await subscribeSse(
        live.url,
        `subscription($filter: CallEventFilter) { callEvents(filter: $filter) { type call { providerId status } } }`,
        { filter: { callId: encodeGlobalId(null, 'Call', `OVIA:${id}`) } },
      );
      expect((await webhook('ringing')).status).toBe(204);
      expect((await events.take(1))[0]!.data.callEvents.type).toBe('CREATED');

      await stopRedis();
      // Nothing can be stored: the sender is told to retry, and the stream stays open meanwhile.
      expect((await webhook('in-progress')).status).toBe(503);
      await expect(events.take(1, 1000)).rejects.toThrow(/only 0 of 1/);

      await startRedis();
      const deadline = Date.now() + 8000;
      let answer = await webhook('in-progress');
      while (answer.status !== 204 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        answer = await webhook('in-progress');
      }
      expect(answer.status).toBe(204);
      // This Redis keeps nothing across a restart, so the call's last state is gone: CREATED.
      const [after] = await events.take(1, 10_000);
      expect(after!.data.callEvents).toEqual({
        type: 'CREATED',
        call: { providerId: id, status: 'IN_PROGRESS' },
      });
      events.close();
    } finally {
      await live.close();
    }
  }, 30_000);
});
