import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Fault } from './faults.js';

/** One request as the sandbox received it, for tests and benchmarks to count and inspect. */
export interface LoggedRequest {
  vendor: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  at: number;
  /**
   * Requests this server was answering when this one arrived, itself included: more than 1 shows
   * a client asking several at once, counted rather than timed.
   */
  inFlight: number;
}

export interface DialectRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
}

export interface DialectResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface DialectRoute {
  method: string;
  /** A path template: `/api/v1/calls/{id}`. */
  path: string;
  handle(request: DialectRequest): DialectResponse | Promise<DialectResponse>;
}

/** How one vendor speaks: its auth check and its routes. */
export interface Dialect {
  vendor: string;
  isAuthorized(headers: Record<string, string>): boolean;
  /** The vendor's own shape of an error answer. */
  errorBody(status: number, message: string): unknown;
  routes: DialectRoute[];
}

interface CompiledRoute extends DialectRoute {
  pattern: RegExp;
  names: string[];
}

function compile(route: DialectRoute): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
    .replace(/\\?\{(\w+)\\?\}/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
  return { ...route, pattern: new RegExp(`^${source}$`), names };
}

/** The sandbox server of one vendor: dialect, injected faults and request log over real HTTP. */
/** Requests a vendor server remembers; older ones are dropped, so a long run stays bounded. */
export const MAX_LOGGED_REQUESTS = 10_000;

export class VendorServer {
  readonly log: LoggedRequest[] = [];
  fault: Fault | null = null;
  /** Requests received and not yet answered (nor dropped). */
  private answering = 0;
  private readonly server: Server;
  private readonly routes: CompiledRoute[];

  private readonly maxLogged: number;

  constructor(
    readonly dialect: Dialect,
    options: { /** @default MAX_LOGGED_REQUESTS */ maxLogged?: number } = {},
  ) {
    this.maxLogged = options.maxLogged ?? MAX_LOGGED_REQUESTS;
    // Longer literal paths first so `/calls/agent` wins over `/calls/{id}`.
    this.routes = dialect.routes
      .map(compile)
      .sort((a, b) => a.names.length - b.names.length || b.path.length - a.path.length);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(dialect.errorBody(500, 'internal error')));
      });
    });
    this.server.keepAliveTimeout = 30_000;
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => resolve());
    });
    const address = this.server.address() as AddressInfo;
    return `http://${host}:${address.port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.answering += 1;
    const inFlight = this.answering;
    let answered = false;
    // `finish` once the answer is handed to the socket, `close` when the connection drops first.
    const done = () => {
      if (answered) return;
      answered = true;
      this.answering -= 1;
    };
    res.once('finish', done);
    res.once('close', done);
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(', ') : (value ?? ''),
      ]),
    );
    const raw = await readBody(req);
    let body: unknown = undefined;
    let bodyIsJson = true;
    if (raw !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        bodyIsJson = false;
        body = raw;
      }
    }
    this.log.push({
      vendor: this.dialect.vendor,
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
      at: Date.now(),
      inFlight,
    });
    if (this.log.length > this.maxLogged) this.log.splice(0, this.log.length - this.maxLogged);

    const fault = this.fault;
    if (fault?.latencyMs) await delay(fault.latencyMs);
    switch (fault?.failure) {
      case 'hang':
        return; // never answer; the client's budget must end it
      case 'reset':
        req.socket.destroy();
        return;
      case 'status':
        return send(res, {
          status: fault.status ?? 500,
          body: this.dialect.errorBody(fault.status ?? 500, 'injected failure'),
        });
      case 'rate-limit':
        return send(res, {
          status: 429,
          headers: { 'retry-after': String(fault.retryAfterSeconds ?? 1) },
          body: this.dialect.errorBody(429, 'too many requests'),
        });
      case 'unauthorized':
        return send(res, { status: 401, body: this.dialect.errorBody(401, 'unauthorized') });
      default:
        break;
    }

    if (!this.dialect.isAuthorized(headers)) {
      return send(res, { status: 401, body: this.dialect.errorBody(401, 'unauthorized') });
    }
    if (!bodyIsJson)
      return send(res, { status: 400, body: this.dialect.errorBody(400, 'body is not JSON') });

    const method = req.method ?? 'GET';
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const match = route.pattern.exec(url.pathname);
      if (!match) continue;
      const params = Object.fromEntries(
        route.names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? '')]),
      );
      const answer = await route.handle({
        method,
        path: url.pathname,
        params,
        query: url.searchParams,
        headers,
        body,
      });
      if (fault?.failure === 'malformed' && answer.status < 300) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"data": [ {"id": "trunc');
        return;
      }
      return send(res, answer);
    }
    send(res, {
      status: 404,
      body: this.dialect.errorBody(404, `no route ${method} ${url.pathname}`),
    });
  }
}

function send(res: ServerResponse, answer: DialectResponse): void {
  const payload = answer.body === undefined ? '' : JSON.stringify(answer.body);
  res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
  res.end(payload);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
