import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

let t: TestGateway | undefined;
const clients: Socket[] = [];
afterEach(async () => {
  for (const socket of clients.splice(0)) socket.destroy();
  await t?.close();
  t = undefined;
});

function origin(gateway: TestGateway): { host: string; port: number } {
  const url = new URL(gateway.url);
  return { host: url.hostname, port: Number(url.port) };
}

/** A raw client socket; what the server sends and when it closes are recorded. */
function openSocket(gateway: TestGateway, payload: string) {
  const socket = connect(origin(gateway));
  clients.push(socket);
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  // Sockets the server refuses may see a reset instead of an orderly end.
  socket.on('error', () => undefined);
  socket.on('connect', () => socket.write(payload));
  const closed = new Promise<number>((resolve) => {
    const started = performance.now();
    socket.once('close', () => resolve(performance.now() - started));
  });
  return { socket, closed, received: () => received };
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
    }),
  ]);
}

async function until(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Headers that announce a body, then a few bytes of it and nothing more. */
const STALLED_BODY =
  'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"qu';

describe('client sockets are bounded', () => {
  it('closes a request whose body never arrives once the request timeout passes', async () => {
    t = await startTestGateway({
      SWITCHBOARD_HEADERS_TIMEOUT_MS: '500',
      SWITCHBOARD_REQUEST_TIMEOUT_MS: '1000',
    });
    const stalled = openSocket(t, STALLED_BODY);
    const ms = await within(stalled.closed, 4000, 'closing the stalled request');
    expect(ms).toBeGreaterThan(900);
    if (stalled.received() !== '') expect(stalled.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('leaves a request that has fully arrived to take longer than the request timeout', async () => {
    t = await startTestGateway({
      SWITCHBOARD_HEADERS_TIMEOUT_MS: '500',
      SWITCHBOARD_REQUEST_TIMEOUT_MS: '1000',
      UPSTREAM_TIMEOUT_MS: '5000',
    });
    t.gateway.sandbox!.setFault('ovia', { latencyMs: 1500 });
    const answer = await t.query(
      '{ calls(first: 1, filter: { providers: [OVIA] }) { edges { node { id } } } }',
    );
    expect(answer.status).toBe(200);
    expect(answer.errors).toEqual([]);
  });

  it('closes a connection whose headers never end once the headers timeout passes', async () => {
    t = await startTestGateway({
      SWITCHBOARD_HEADERS_TIMEOUT_MS: '500',
      SWITCHBOARD_REQUEST_TIMEOUT_MS: '5000',
    });
    const stalled = openSocket(t, 'POST /graphql HTTP/1.1\r\nHost: localhost\r\n');
    await within(stalled.closed, 3000, 'closing the stalled headers');
    if (stalled.received() !== '') expect(stalled.received()).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    t = await startTestGateway({ SWITCHBOARD_KEEP_ALIVE_TIMEOUT_MS: '300' });
    const idle = openSocket(
      t,
      'GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: keep-alive\r\n\r\n',
    );
    await within(idle.closed, 2500, 'closing the idle keep-alive connection');
    expect(idle.received()).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('never holds more connections than the cap, and serves again once stalled ones time out', async () => {
    t = await startTestGateway({
      SWITCHBOARD_MAX_CONNECTIONS: '20',
      SWITCHBOARD_HEADERS_TIMEOUT_MS: '500',
      SWITCHBOARD_REQUEST_TIMEOUT_MS: '1000',
    });
    const { server } = t.gateway;
    let accepted = 0;
    let dropped = 0;
    let peak = 0;
    server.on('connection', () => {
      accepted += 1;
      server.getConnections((error, count) => {
        if (!error) peak = Math.max(peak, count);
      });
    });
    server.on('drop', () => (dropped += 1));

    const stalled = Array.from({ length: 40 }, () => openSocket(t!, STALLED_BODY));
    await until(() => accepted + dropped === 40, 5000, 'the server seeing all 40 sockets');
    expect(dropped).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(20);

    // Every one ends: dropped at once, or closed by the request timeout.
    await within(Promise.all(stalled.map((s) => s.closed)), 5000, 'closing every stalled socket');
    expect(peak).toBeLessThanOrEqual(20);
    const health = await fetch(`${new URL(t.url).origin}/healthz`);
    expect(health.status).toBe(200);
  });
});
