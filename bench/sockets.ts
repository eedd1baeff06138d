import { fork, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * `npx tsx bench/sockets.ts`: what stalled clients cost the gateway. It starts the gateway in a
 * child process (as `npm start` does: sandbox, default limits, any SWITCHBOARD_* variables of
 * this shell passed on), opens BENCH_SOCKETS (1500) connections that each send headers
 * announcing a 1000-byte body and then stall, and prints, over time, how many connections the
 * server holds, how many it dropped at the cap, its open file descriptors (/proc/self/fd) and
 * whether `/healthz` answers on a new connection. It stops by itself once the stalled sockets
 * have been timed out and `/healthz` answers again, or after the request timeout plus 20 s
 * (60 s at most).
 *
 * Try `SWITCHBOARD_MAX_CONNECTIONS=1000000 SWITCHBOARD_REQUEST_TIMEOUT_MS=3600000` to see the
 * gateway without its bounds. This process holds every client socket, so it needs a file
 * descriptor limit above BENCH_SOCKETS (`ulimit -n`).
 */

const sampleSchema = z.object({
  kind: z.literal('sample'),
  connections: z.number(),
  dropped: z.number(),
  fds: z.number(),
  fdLimit: z.string(),
});
type Sample = z.infer<typeof sampleSchema>;
const readySchema = z.object({ kind: z.literal('ready'), url: z.string() });

function openFileLimit(): string {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((row) => row.startsWith('Max open files'));
  return line?.split(/\s{2,}/)[1] ?? 'unknown';
}

async function runGateway(): Promise<void> {
  const { startGateway } = await import('../src/gateway.js');
  const { createLogger } = await import('../src/logger.js');
  const gateway = await startGateway({
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    logger: createLogger({ level: 'silent' }),
  });
  let dropped = 0;
  gateway.server.on('drop', () => (dropped += 1));
  process.on('message', () => {
    gateway.server.getConnections((error, connections) => {
      const sample: Sample = {
        kind: 'sample',
        connections: error ? -1 : connections,
        dropped,
        fds: readdirSync('/proc/self/fd').length,
        fdLimit: openFileLimit(),
      };
      process.send?.(sample);
    });
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ kind: 'ready', url: gateway.url });
}

function startGatewayProcess(): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(fileURLToPath(import.meta.url), ['gateway'], {
    execArgv: ['--import', 'tsx'],
    env: process.env,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the gateway exited with ${code}`)));
    child.on('message', (message: unknown) => {
      const ready = readySchema.safeParse(message);
      if (ready.success) resolve({ child, url: ready.data.url });
    });
  });
}

function sample(child: ChildProcess): Promise<Sample> {
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      const parsed = sampleSchema.safeParse(message);
      if (!parsed.success) return;
      child.off('message', onMessage);
      resolve(parsed.data);
    };
    child.on('message', onMessage);
    child.send({ kind: 'sample' });
  });
}

/** On a new connection each time: a pooled keep-alive one would get past a full cap. */
function healthz(origin: string): Promise<string> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = get(`${origin}/healthz`, { agent: false, timeout: 2000 }, (response) => {
      response.resume();
      response.once('end', () =>
        resolve(`${response.statusCode} in ${Math.round(performance.now() - started)} ms`),
      );
    });
    request.once('timeout', () => request.destroy(new Error('no answer in 2 s')));
    request.once('error', (error) => resolve(`no answer (${error.message})`));
  });
}

const STALLED_REQUEST =
  'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"qu';

/** Opens a socket that sends headers and a few body bytes; resolves once it is connected or failed. */
function openStalled(host: string, port: number, open: Set<Socket>): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    open.add(socket);
    socket.on('error', () => undefined);
    // Read what the server sends (its 408), so its closing the connection is seen here.
    socket.resume();
    socket.once('close', () => {
      open.delete(socket);
      resolve();
    });
    socket.once('connect', () => {
      socket.write(STALLED_REQUEST);
      resolve();
    });
  });
}

async function main(): Promise<void> {
  const count = Number(process.env.BENCH_SOCKETS ?? 1500);
  const requestTimeoutMs = Number(process.env.SWITCHBOARD_REQUEST_TIMEOUT_MS ?? 30_000);
  const { child, url } = await startGatewayProcess();
  const origin = new URL(url).origin;
  const { hostname, port } = new URL(url);
  const open = new Set<Socket>();
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1).padStart(5)} s`;
  const line = async (label: string) => {
    const s = await sample(child);
    const health = await healthz(origin);
    process.stdout.write(
      `| ${elapsed()} | ${label.padEnd(22)} | ${String(open.size).padStart(6)} | ${String(s.connections).padStart(6)} | ${String(s.dropped).padStart(7)} | ${String(s.fds).padStart(5)} | ${health} |\n`,
    );
    return { s, health };
  };
  try {
    const before = await sample(child);
    process.stdout.write(
      `gateway pid ${child.pid}, open files limit ${before.fdLimit}; ${count} stalled sockets; request timeout ${requestTimeoutMs} ms\n\n` +
        '| time    | moment                 | client | server | dropped | fds   | /healthz |\n' +
        '| ------- | ---------------------- | ------ | ------ | ------- | ----- | -------- |\n',
    );
    await line('before');
    for (let opened = 0; opened < count; opened += 100) {
      const batch = Math.min(100, count - opened);
      await Promise.all(
        Array.from({ length: batch }, () => openStalled(hostname, Number(port), open)),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    await line(`${count} sockets opened`);

    // Until the server has timed the stalled sockets out and answers again, or a bound.
    const deadline = performance.now() + Math.min(requestTimeoutMs + 20_000, 60_000);
    let recovered = false;
    while (!recovered && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const { s, health } = await line('waiting');
      recovered = open.size === 0 && s.connections === 0 && health.startsWith('200');
    }
    process.stdout.write(
      recovered
        ? `\nevery stalled socket was closed by the server within ${elapsed().trim()}\n`
        : `\ngave up after ${elapsed().trim()} with ${open.size} stalled sockets still open\n`,
    );
  } finally {
    for (const socket of open) socket.destroy();
    child.removeAllListeners('exit');
    child.disconnect();
  }
}

if (process.argv[2] === 'gateway') await runGateway();
else await main();
