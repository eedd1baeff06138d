import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxVendorConfigs, startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { redisTestsEnabled, testPrefix, TEST_REDIS_URL } from '../support/redis.js';
import { oviaStartCallInput } from '../support/sandbox-inputs.js';

/**
 * Two gateway processes sharing one Redis, both in front of the same (sandbox) Ovia as a live
 * vendor, so every POST either of them sends is counted in one place.
 */
const enabled = await redisTestsEnabled('test/graph/redis-idempotency.test.ts');

const START_CALL = `mutation Start($input: StartCallInput!, $key: String) {
  startCall(input: $input, idempotencyKey: $key) {
    call { id providerId to status startedAt }
    userErrors { field message code provider }
  }
}`;

const oviaCall = oviaStartCallInput;

/** A claim lasts UPSTREAM_TIMEOUT_MS plus the store's 2 s margin past its holder's last renewal. */
const UPSTREAM_TIMEOUT_MS = 1500;

interface Replica {
  child: ChildProcessByStdio<null, Readable, Readable>;
  url: string;
  base: string;
  output: () => string;
}

const { prefix, cleanup } = testPrefix();
let sandbox: Sandbox;
let replicas: Replica[] = [];

/** `src/server.ts` in a child process, as a deployment runs it, on an ephemeral port. */
async function startReplica(env: Record<string, string>): Promise<Replica> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start-up line in: ${output}`)), 20_000);
    child.stdout.on('data', () => {
      const match = /GraphiQL at (http:\/\/\S+\/graphql)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  const replica = { child, url, base: url.replace(/\/graphql$/, ''), output: () => output };
  // Keyed mutations are refused until its Redis connection is up, so wait for it.
  const deadline = Date.now() + 5000;
  for (;;) {
    const status = await (await fetch(`${replica.base}/status`)).json();
    if (status.redis?.ok) break;
    if (Date.now() > deadline) throw new Error(`Redis not reached by ${url}: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return replica;
}

async function mutate(replica: Replica, variables: Record<string, unknown>) {
  const response = await fetch(replica.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: START_CALL, variables }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { data: { startCall: any }; errors?: unknown[] };
}

const posts = () => sandbox.requests('ovia').filter((request) => request.method === 'POST');

beforeAll(async () => {
  if (!enabled) return;
  sandbox = await startSandbox();
  const ovia = sandboxVendorConfigs(sandbox).ovia;
  const env = {
    OVIA_BASE_URL: ovia.baseUrl,
    OVIA_API_KEY: ovia.apiKey,
    REDIS_URL: TEST_REDIS_URL,
    SWITCHBOARD_REDIS_PREFIX: prefix,
    UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS),
    SWITCHBOARD_DRAIN_DELAY_MS: '0',
  };
  replicas = await Promise.all([startReplica(env), startReplica(env)]);
}, 60_000);

afterAll(async () => {
  await Promise.all(
    replicas.map(async ({ child }) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }),
  );
  if (!enabled) return;
  await sandbox.close();
  await cleanup();
});

describe.runIf(enabled)('idempotency across two gateway processes sharing Redis', () => {
  it('places one call for 20 concurrent duplicates split across both, and all get its answer', async () => {
    const [a, b] = replicas as [Replica, Replica];
    sandbox.resetLog();
    sandbox.setFault('ovia', { latencyMs: 300 });
    const variables = { input: oviaCall('+573100007001'), key: 'two-replicas-7001' };

    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => mutate(i % 2 === 0 ? a : b, variables)),
    );
    sandbox.clearFaults();

    expect(posts()).toHaveLength(1);
    expect(posts()[0]!.body).toMatchObject({ to_number: '+573100007001' });
    const [first] = answers;
    expect(first!.errors).toBeUndefined();
    expect(first!.data.startCall.userErrors).toEqual([]);
    expect(first!.data.startCall.call).toMatchObject({ providerId: expect.any(String) });
    for (const answer of answers) expect(answer).toEqual(first);

    const reused = await mutate(b, { input: oviaCall('+573100007002'), key: 'two-replicas-7001' });
    expect(reused.data.startCall).toEqual({
      call: null,
      userErrors: [
        expect.objectContaining({ field: ['idempotencyKey'], code: 'IDEMPOTENCY_KEY_REUSED' }),
      ],
    });
    expect(posts()).toHaveLength(1);
  }, 30_000);

  it('answers IDEMPOTENCY_KEY_IN_DOUBT, and never calls again, after a replica died holding the key', async () => {
    const [a, b] = replicas as [Replica, Replica];
    sandbox.resetLog();
    // The vendor takes the call and never answers, so the call is in flight when the replica dies.
    sandbox.setFault('ovia', { failure: 'hang' });
    const variables = { input: oviaCall('+573100007003'), key: 'replica-dies-7003' };
    const lost = mutate(a, variables).catch(() => 'connection lost');

    const deadline = Date.now() + UPSTREAM_TIMEOUT_MS;
    while (posts().length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(posts()).toHaveLength(1);
    const exited = once(a.child, 'exit');
    a.child.kill('SIGKILL');
    await exited;
    expect(await lost).toBe('connection lost');
    sandbox.clearFaults();

    // The other replica waits out the dead one's claim, then says what it knows.
    const started = performance.now();
    const repeat = await mutate(b, variables);
    expect(repeat.data.startCall).toEqual({
      call: null,
      userErrors: [
        expect.objectContaining({ field: ['idempotencyKey'], code: 'IDEMPOTENCY_KEY_IN_DOUBT' }),
      ],
    });
    expect(repeat.data.startCall.userErrors[0].message).toMatch(/outcome is unknown/);
    expect(performance.now() - started).toBeLessThan(UPSTREAM_TIMEOUT_MS + 2000 + 1500);

    const again = await mutate(b, variables);
    expect(again.data.startCall.userErrors).toEqual([
      expect.objectContaining({ code: 'IDEMPOTENCY_KEY_IN_DOUBT' }),
    ]);
    expect(posts()).toHaveLength(1);
  }, 30_000);
});
