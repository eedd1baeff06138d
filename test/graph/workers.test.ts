import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vendorEnvironment } from '../../src/config.js';
import { sandboxVendorConfigs, startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { subscribeSse } from '../support/live.js';
import { redisTestsEnabled, TEST_REDIS_URL, testPrefix } from '../support/redis.js';
import { oviaStartCallInput } from '../support/sandbox-inputs.js';

const enabled = await redisTestsEnabled('test/graph/workers.test.ts');

const START_CALL = `mutation Start($input: StartCallInput!, $key: String) {
  startCall(input: $input, idempotencyKey: $key) {
    call { id providerId to status }
    userErrors { field message code provider }
  }
}`;

const OVIA_CALL = oviaStartCallInput('+573100007777');

const CALLS_ON_OVIA =
  '{ calls(first: 2, filter: { providers: [OVIA] }) { edges { node { id } } } }';

interface LogLine {
  msg: string;
  worker?: number | 'primary';
  workerPid?: number;
  replaces?: number;
  restartInMs?: number;
  operation?: string;
  pid?: number;
}

interface Primary {
  child: ChildProcessByStdio<null, Readable, Readable>;
  url: string;
  output: () => string;
  lines: () => LogLine[];
  exited: Promise<[number | null, NodeJS.Signals | null]>;
}

/** `src/server.ts` with SWITCHBOARD_WORKERS=2, as `npm run dev` runs it, on an ephemeral port. */
async function startPrimary(env: Record<string, string>): Promise<Primary> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      LOG_LEVEL: 'info',
      SWITCHBOARD_WORKERS: '2',
      REDIS_URL: TEST_REDIS_URL,
      SWITCHBOARD_DRAIN_DELAY_MS: '300',
      SHUTDOWN_TIMEOUT_MS: '3000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const lines = () =>
    output.split('\n').flatMap((line): LogLine[] => {
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start-up line in: ${output}`)), 30_000);
    const look = () => {
      const match = /listening with 2 workers; GraphiQL at (http:\/\/\S+\/graphql)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', look);
    child.once('exit', () => reject(new Error(`exited before listening: ${output}`)));
  });
  return { child, url, output: () => output, lines, exited };
}

/**
 * A POST on a connection of its own: the cluster hands out connections to the workers in turn,
 * so fresh connections reach every worker (a kept-alive one would stay with one).
 */
function post(
  url: string,
  body: Record<string, unknown>,
): Promise<{ status: number; json: Record<string, any> }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, json: JSON.parse(text) }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

/** A GET on a connection of its own (see `post`). */
function get(url: string): Promise<{ status: number; json: Record<string, any> }> {
  return new Promise((resolve, reject) => {
    request(url, { agent: false }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString()));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, json: JSON.parse(text) }),
      );
    })
      .on('error', reject)
      .end();
  });
}

/**
 * Each worker connects to Redis on its own after it starts listening; until then a keyed
 * mutation it serves is refused with IDEMPOTENCY_UNAVAILABLE. Fresh connections alternate
 * between the workers, so six answers in a row naming Redis up cover both.
 */
async function redisUpAtEveryWorker(url: string): Promise<void> {
  const status = new URL('/status', url).href;
  let inARow = 0;
  await eventually(
    () => inARow >= 6,
    20_000,
    async () => {
      const answer = await get(status);
      inARow = answer.json.redis?.ok === true ? inARow + 1 : 0;
    },
  );
}

async function eventually(
  check: () => boolean,
  ms = 20_000,
  step: () => Promise<void> = () => new Promise((resolve) => setTimeout(resolve, 50)),
): Promise<void> {
  const deadline = performance.now() + ms;
  while (!check()) {
    if (performance.now() > deadline) throw new Error('condition not met in time');
    await step();
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const workerPids = (primary: Primary) =>
  primary
    .lines()
    .filter((line) => line.msg === 'worker started')
    .map((line) => line.workerPid!);

function killAll(primary: Primary | undefined): void {
  if (!primary) return;
  for (const pid of [primary.child.pid!, ...workerPids(primary)]) {
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
}

describe.runIf(enabled)('SWITCHBOARD_WORKERS=2 over one sandbox given as live vendors', () => {
  let sandbox: Sandbox;
  let primary: Primary;
  const prefix = testPrefix();

  beforeAll(async () => {
    sandbox = await startSandbox({ faults: { ovia: { latencyMs: 300 } } });
    primary = await startPrimary({
      ...vendorEnvironment(sandboxVendorConfigs(sandbox)),
      SWITCHBOARD_REDIS_PREFIX: prefix.prefix,
      UPSTREAM_TIMEOUT_MS: '5000',
    });
    await redisUpAtEveryWorker(primary.url);
  }, 40_000);
  afterAll(async () => {
    killAll(primary);
    await sandbox?.close();
    await prefix.cleanup();
  });

  it('answers 20 concurrent identical keyed startCalls from both workers with one upstream POST', async () => {
    sandbox.resetLog();
    const variables = { input: OVIA_CALL, key: 'workers-one-dial' };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => post(primary.url, { query: START_CALL, variables })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(200));
    const [first] = answers;
    expect(first!.json.errors).toBeUndefined();
    expect(first!.json.data.startCall.userErrors).toEqual([]);
    expect(first!.json.data.startCall.call.to).toBe('+573100007777');
    for (const answer of answers) expect(answer.json).toEqual(first!.json);
    expect(sandbox.requests('ovia').filter((request) => request.method === 'POST')).toHaveLength(1);

    // Each worker writes its own lines; they reach the pipe in their own time.
    const startLines = () =>
      primary
        .lines()
        .filter((line) => line.msg === 'graphql request' && line.operation === 'Start');
    await eventually(() => startLines().length === 20);
    const servedBy = new Set(startLines().map((line) => line.worker));
    expect(servedBy.size).toBe(2);
  }, 30_000);

  it('replaces a worker killed with SIGKILL, backing off when workers keep dying, and keeps answering', async () => {
    const exitedLines = () =>
      primary
        .lines()
        .filter((line) => line.msg === 'a worker exited unexpectedly; starting another');
    for (let round = 1; round <= 2; round += 1) {
      const known = new Set(workerPids(primary));
      // The youngest: in the second round the replacement the first round started, which dies
      // soon after it started however slowly this machine ran the tests before.
      const victim = [...known].filter(alive).at(-1);
      process.kill(victim!, 'SIGKILL');
      await eventually(() => exitedLines().length === round);
      // The other worker serves while the replacement starts.
      const meanwhile = await Promise.all(
        Array.from({ length: 4 }, () => post(primary.url, { query: CALLS_ON_OVIA })),
      );
      expect(meanwhile.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
      // The replacement is up once it writes its own start-up line.
      await eventually(() =>
        primary
          .lines()
          .some(
            (line) =>
              typeof line.worker === 'number' &&
              !known.has(line.pid!) &&
              line.msg.includes('GraphiQL at'),
          ),
      );
    }
    const [firstDelay, secondDelay] = exitedLines().map((line) => line.restartInMs!);
    // The second victim died soon after it started: its replacement waits longer than the
    // first's (which waits 0 ms when the first victim had lived past STEADY_AFTER_MS).
    expect(secondDelay).toBeGreaterThan(firstDelay!);
    expect(workerPids(primary).filter(alive)).toHaveLength(2);

    const after = await Promise.all(
      Array.from({ length: 6 }, () => post(primary.url, { query: CALLS_ON_OVIA })),
    );
    expect(after.map((answer) => answer.status)).toEqual(Array(6).fill(200));
  }, 60_000);

  it('drains every worker on SIGTERM, finishing in-flight queries, then exits 0', async () => {
    const workers = workerPids(primary).filter(alive);
    expect(workers).toHaveLength(2);
    const inFlight = post(primary.url, { query: CALLS_ON_OVIA });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const signalled = performance.now();
    primary.child.kill('SIGTERM');

    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.json.data.calls.edges).toHaveLength(2);
    const [code] = await primary.exited;
    expect(code).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(300 + 3000 + 2000);
    expect(workers.filter(alive)).toEqual([]);
    expect(primary.output()).toContain('every worker has exited');
  }, 30_000);
});

describe.runIf(enabled)('SWITCHBOARD_WORKERS=2 in sandbox mode', () => {
  let primary: Primary;
  const prefix = testPrefix();
  afterAll(async () => {
    killAll(primary);
    await prefix.cleanup();
  });

  it('serves one sandbox from the primary, so every worker sees the same data', async () => {
    primary = await startPrimary({ SWITCHBOARD_REDIS_PREFIX: prefix.prefix });
    expect(primary.output()).toContain('served by one sandbox in the primary process');
    const started = await post(primary.url, { query: START_CALL, variables: { input: OVIA_CALL } });
    expect(started.json.data.startCall.userErrors).toEqual([]);
    const { id } = started.json.data.startCall.call;
    // Fresh connections alternate between the workers: each finds the call the other started.
    const reads = await Promise.all(
      Array.from({ length: 6 }, () =>
        post(primary.url, { query: 'query($id: ID!) { call(id: $id) { id } }', variables: { id } }),
      ),
    );
    expect(reads.map((read) => read.json.data?.call?.id)).toEqual(Array(6).fill(id));
    const requestLines = () => primary.lines().filter((line) => line.msg === 'graphql request');
    await eventually(() => requestLines().length === 7);
    const servedBy = new Set(requestLines().map((line) => line.worker));
    expect(servedBy.size).toBe(2);

    primary.child.kill('SIGTERM');
    const [code] = await primary.exited;
    expect(code).toBe(0);
  }, 40_000);

  it("posts the sandbox's live calls to the workers, signed with the secret they were given", async () => {
    primary = await startPrimary({ SWITCHBOARD_REDIS_PREFIX: prefix.prefix });
    const events = await subscribeSse(
      primary.url,
      'subscription { callEvents(filter: { providers: [OVIA] }) { type call { providerId status } } }',
    );
    try {
      expect(events.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = await post(primary.url, {
        query: START_CALL,
        variables: { input: OVIA_CALL },
      });
      const { providerId } = started.json.data.startCall.call;
      const seen = await events.take(4, 15_000);
      expect(
        seen.map((event) => [
          event.data?.callEvents.type,
          event.data?.callEvents.call.status,
          event.data?.callEvents.call.providerId,
        ]),
      ).toEqual([
        ['CREATED', 'QUEUED', providerId],
        ['STATUS_CHANGED', 'RINGING', providerId],
        ['STATUS_CHANGED', 'IN_PROGRESS', providerId],
        ['ENDED', 'COMPLETED', providerId],
      ]);
    } finally {
      events.close();
    }
    primary.child.kill('SIGTERM');
    const [code] = await primary.exited;
    expect(code).toBe(0);
  }, 40_000);
});
