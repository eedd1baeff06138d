import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { Socket } from 'node:net';

/**
 * What the front does with one request: answer a status itself (as a load balancer or the
 * gateway in trouble would), drop the connection, never answer, or pass it to the gateway,
 * optionally dropping the connection after the gateway's answer (`lost`: the gateway did the
 * work, the client never hears of it) or after the first event of an event stream (`cut`).
 */
export type FrontStep =
  | { status: number; retryAfter?: string; body?: unknown }
  | 'reset'
  | 'hang'
  | 'proxy'
  | 'lost'
  | 'cut';

export interface FrontRequest {
  method: string;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  step: FrontStep;
}

export interface FlakyFront {
  /** `/graphql` through the front. */
  url: string;
  /** Every request the front received, in order. */
  requests: FrontRequest[];
  /** The requests of one operation. */
  of(operationName: string): FrontRequest[];
  /** What the next requests get, one step each; after them, `proxy`. */
  plan(...steps: FrontStep[]): void;
  /** Forgets the requests seen and the steps not taken. */
  reset(): void;
  /** From now on passes requests to this gateway instead (a load balancer moving on). */
  route(gatewayUrl: string): void;
  close(): Promise<void>;
}

function readJson(text: string): { operationName?: string; variables?: Record<string, unknown> } {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/**
 * A real HTTP server in front of a gateway that misbehaves as planned and counts what reaches
 * it: retries are observed on the wire, never by replacing fetch.
 */
export async function startFlakyFront(gatewayUrl: string): Promise<FlakyFront> {
  let target = new URL(gatewayUrl);
  const requests: FrontRequest[] = [];
  const steps: FrontStep[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const json = readJson(body.toString('utf8'));
      const step = steps.shift() ?? 'proxy';
      requests.push({
        method: req.method ?? 'GET',
        operationName: json.operationName,
        variables: json.variables ?? {},
        step,
      });
      if (step === 'reset') return req.socket.destroy();
      if (step === 'hang') return;
      if (typeof step === 'object') {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (step.retryAfter !== undefined) headers['retry-after'] = step.retryAfter;
        res.writeHead(step.status, headers);
        return res.end(step.body === undefined ? '' : JSON.stringify(step.body));
      }
      const headers: IncomingHttpHeaders = { ...req.headers, host: target.host };
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers },
        (answer) => {
          if (step === 'lost') {
            answer.resume();
            answer.on('end', () => req.socket.destroy());
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          let seen = '';
          answer.on('data', (chunk: Buffer) => {
            seen += chunk.toString('utf8');
            if (step !== 'cut' || !/event: next\ndata: .*\n\n/.test(seen)) return res.write(chunk);
            // Delivered, then the connection ends without the stream's last chunk: broken.
            answer.destroy();
            res.write(chunk, () => req.socket.end());
          });
          answer.on('end', () => res.end());
        },
      );
      upstream.on('error', () => req.socket.destroy());
      res.on('close', () => upstream.destroy());
      upstream.end(body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');

  return {
    url: `http://127.0.0.1:${address.port}${target.pathname}`,
    requests,
    of: (operationName) => requests.filter((request) => request.operationName === operationName),
    plan: (...next) => {
      steps.push(...next);
    },
    reset: () => {
      requests.length = 0;
      steps.length = 0;
    },
    route: (next) => {
      target = new URL(next);
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
