import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { UpstreamError } from '../../src/errors.js';
import { UpstreamClient, type UpstreamAttempt } from '../../src/http/upstream-client.js';
import { createLogger } from '../../src/logger.js';
import { oviaRoutes } from '../../src/vendors/ovia/routes.js';

// The upstream budget (src/http/budget.ts) over real loopback HTTP: it ends a send at its
// deadline whatever the attempt or the retry backoff is doing, and what it cut short is never
// reported as an attempt the vendor did not see.

let server: Server;
let url = '';
let received = 0;
let answer: 'overloaded' | 'hang' | 'ok' = 'ok';

beforeAll(async () => {
  server = createServer((req, res) => {
    received += 1;
    req.resume();
    if (answer === 'hang') return;
    if (answer === 'overloaded') {
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"busy"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"c-1"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function client(timeoutMs: number, initialBackoffMs = 50) {
  const http = new UpstreamClient({
    provider: 'OVIA',
    baseUrl: url,
    headers: { Authorization: 'Bearer sbx-test' },
    timeoutMs,
    initialBackoffMs,
    logger: createLogger({ level: 'silent' }),
  });
  const attempts: UpstreamAttempt[] = [];
  http.attemptListeners.push((attempt) => attempts.push(attempt));
  return { http, attempts };
}

const getCall = (http: UpstreamClient) =>
  http.request({
    route: oviaRoutes.getCall,
    params: { id: 'c-1' },
    schema: z.object({ id: z.string() }),
  });

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UpstreamError);
  return error as UpstreamError;
}

describe('the upstream budget', () => {
  it('answers within it, and reports the one attempt', async () => {
    answer = 'ok';
    const { http, attempts } = client(2000);
    await expect(getCall(http)).resolves.toEqual({ id: 'c-1' });
    expect(attempts).toMatchObject([{ attempt: 1, status: 200, code: null }]);
    await http.close();
  });

  it('ends a hanging attempt at the deadline as UPSTREAM_TIMEOUT', async () => {
    answer = 'hang';
    const { http, attempts } = client(300);
    const started = performance.now();
    const error = await failure(getCall(http));
    const elapsed = performance.now() - started;
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(elapsed).toBeGreaterThanOrEqual(280);
    expect(elapsed).toBeLessThan(800);
    expect(attempts).toMatchObject([{ attempt: 1, code: 'UPSTREAM_TIMEOUT' }]);
    await http.destroy();
  });

  it('ends a retry backoff that outlasts it at the deadline, and reports only what was sent', async () => {
    answer = 'overloaded';
    received = 0;
    // Backoffs from 1 s (src/http/retry-policy.ts) against a 60 ms budget: the wait after the
    // first 503 almost always passes the deadline, which must not wait for it.
    const { http, attempts } = client(60, 1000);
    const started = performance.now();
    const error = await failure(getCall(http));
    expect(performance.now() - started).toBeLessThan(500);
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    // Past every backoff the policy could still be in (at most 1 s each).
    await new Promise((resolve) => setTimeout(resolve, 2200));
    // Each reported attempt is one the vendor received: the retry due after the deadline is
    // neither sent nor reported.
    expect(attempts.length).toBeGreaterThanOrEqual(1);
    expect(attempts).toHaveLength(received);
    expect(attempts[0]).toMatchObject({ attempt: 1, status: 503, code: 'UPSTREAM_UNAVAILABLE' });
    await http.close();
  });
});
