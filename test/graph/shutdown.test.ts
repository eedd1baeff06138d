import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { afterEach, expect, it } from 'vitest';

const CALLS_ON_OVIA = JSON.stringify({
  query: '{ calls(first: 2, filter: { providers: [OVIA] }) { edges { node { id } } } }',
});

interface ServerProcess {
  child: ChildProcessByStdio<null, Readable, Readable>;
  url: string;
  base: string;
  output: () => string;
  exited: Promise<[number | null, NodeJS.Signals | null]>;
}

const started: ServerProcess[] = [];
afterEach(() => {
  for (const server of started.splice(0)) {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      server.child.kill('SIGKILL');
    }
  }
});

/** `src/server.ts` in a child process, as `npm run dev` runs it, on an ephemeral port. */
async function startServer(faults: string | null, env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server.ts', ...(faults ? ['--sandbox-faults', faults] : [])],
    {
      env: { PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start-up line in: ${output}`)), 15_000);
    child.stdout.on('data', () => {
      const match = /GraphiQL at (http:\/\/\S+\/graphql)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
  const server: ServerProcess = {
    child,
    url,
    base: url.replace(/\/graphql$/, ''),
    output: () => output,
    exited,
  };
  started.push(server);
  return server;
}

function postQuery(url: string, body = CALLS_ON_OVIA): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

it('finishes an in-flight query on SIGTERM, then exits 0', async () => {
  const { child, url, output, exited } = await startServer('ovia=latency:1500');

  const started = performance.now();
  const slow = postQuery(url);
  await new Promise((resolve) => setTimeout(resolve, 300));
  child.kill('SIGTERM');

  const response = await slow;
  const body = await response.json();
  expect(response.status).toBe(200);
  expect(body.errors).toBeUndefined();
  expect(body.data.calls.edges).toHaveLength(2);
  expect(performance.now() - started).toBeGreaterThan(1400);

  const [code] = await exited;
  expect(code).toBe(0);
  expect(output()).toContain('SIGTERM: finishing in-flight requests');
  // New connections are refused once it has gone.
  await expect(fetch(url, { method: 'POST', body: '{}' })).rejects.toThrow();
}, 30_000);

it('answers a query stuck on a hanging vendor and exits within the drain delay plus SHUTDOWN_TIMEOUT_MS', async () => {
  const delayMs = 500;
  const timeoutMs = 2000;
  const { child, url, exited } = await startServer('ovia=hang', {
    SWITCHBOARD_DRAIN_DELAY_MS: String(delayMs),
    SHUTDOWN_TIMEOUT_MS: String(timeoutMs),
    // Only the shutdown may end the hanging request.
    UPSTREAM_TIMEOUT_MS: '60000',
  });

  // Started before the signal; the listener still accepts during the drain delay, so the
  // request is in flight whichever arrives first.
  const stuck = postQuery(url);
  const signalled = performance.now();
  child.kill('SIGTERM');

  const response = await stuck;
  const answeredAfter = performance.now() - signalled;
  expect(response.status).toBe(503);
  const body = await response.json();
  expect(body.errors[0].extensions.code).toBe('SHUTTING_DOWN');
  expect(body.errors[0].message).toMatch(/shutting down/);
  // It was given the time it was promised before being cut off.
  expect(answeredAfter).toBeGreaterThan(delayMs + timeoutMs - 500);

  const [code] = await exited;
  expect(code).toBe(0);
  expect(performance.now() - signalled).toBeLessThan(delayMs + timeoutMs + 1000);
}, 30_000);

it('answers 503 on /readyz from SIGTERM on, and keeps serving for the drain delay', async () => {
  const delayMs = 3000;
  const { child, url, base, exited } = await startServer(null, {
    SWITCHBOARD_DRAIN_DELAY_MS: String(delayMs),
  });
  expect((await fetch(`${base}/readyz`)).status).toBe(200);

  const signalled = performance.now();
  child.kill('SIGTERM');
  let readiness = 200;
  while (readiness === 200 && performance.now() - signalled < 1000) {
    readiness = (await fetch(`${base}/readyz`)).status;
  }
  expect(readiness).toBe(503);

  const health = await fetch(`${base}/healthz`);
  expect(health.status).toBe(200);
  const query = await postQuery(url);
  expect(query.status).toBe(200);
  // Keep-alive connections are closed after each answer, so clients reconnect elsewhere.
  expect(query.headers.get('connection')).toBe('close');
  const body = await query.json();
  expect(body.errors).toBeUndefined();
  expect(body.data.calls.edges).toHaveLength(2);
  expect(performance.now() - signalled).toBeLessThan(delayMs);

  const [code] = await exited;
  expect(code).toBe(0);
  expect(performance.now() - signalled).toBeGreaterThan(delayMs - 100);
}, 30_000);

it('logs at start-up how to ring a sandbox HappyRobot call, and that command rings one', async () => {
  const { url, output } = await startServer(null);
  const hint =
    /curl -X POST (http:\/\/\S+\/sandbox\/inbound-calls) -H 'authorization: ([^']+)'/.exec(
      output(),
    );
  expect(hint).not.toBeNull();
  const rung = await fetch(hint![1]!, {
    method: 'POST',
    headers: { authorization: hint![2]!, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(rung.status).toBe(201);
  const { id } = (await rung.json()) as { id: string };
  const answer = await postQuery(
    url,
    JSON.stringify({
      query: `{ calls(first: 1, filter: { providers: [HAPPYROBOT], status: [QUEUED, RINGING, IN_PROGRESS, COMPLETED] }) { edges { node { providerId direction } } } }`,
    }),
  );
  const body = (await answer.json()) as any;
  expect(body.errors).toBeUndefined();
  expect(body.data.calls.edges[0].node).toEqual({ providerId: id, direction: 'INBOUND' });
}, 30_000);
