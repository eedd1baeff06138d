import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { UpstreamError } from '../../src/errors.js';
import { UpstreamClient, type UpstreamAttempt } from '../../src/http/upstream-client.js';
import { createLogger } from '../../src/logger.js';
import { oviaRoutes } from '../../src/vendors/ovia/routes.js';

// The upstream budget (src/http/budget.ts) over real loopback HTTP: it ends a send at its
// deadline whatever the attempt or the retry backoff is doing, and a retry that comes due after
// the deadline is neither sent nor reported as an attempt.

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
afterEach(() => {
  vi.restoreAllMocks();
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
    const budgetMs = 300;
    const { http, attempts } = client(budgetMs, 1000);
    // One answer first, so the connection is open and the 503 below comes well inside the budget.
    answer = 'ok';
    await getCall(http);
    attempts.length = 0;
    received = 0;
    answer = 'overloaded';
    // Backoffs from 1 s with the jitter at its top: the wait after the first 503 is the policy's
    // 1 s cap (src/http/retry-policy.ts), far past the deadline.
    vi.spyOn(Math, 'random').mockReturnValue(0.99);
    const started = performance.now();
    const error = await failure(getCall(http));
    const elapsed = performance.now() - started;
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(elapsed).toBeGreaterThanOrEqual(budgetMs - 20);
    expect(elapsed).toBeLessThan(budgetMs + 400);
    // Past the backoff: the retry it scheduled has come due after the deadline.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(received).toBe(1);
    expect(attempts).toMatchObject([{ attempt: 1, status: 503, code: 'UPSTREAM_UNAVAILABLE' }]);
    await http.close();
  });
});
