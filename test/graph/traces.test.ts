import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

/** One span as OTLP/HTTP JSON encodes it (ids in hex). */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: Array<{ key: string; value: OtlpValue }>;
  status?: { code?: number };
}
interface OtlpValue {
  stringValue?: string;
  intValue?: number | string;
  boolValue?: boolean;
  arrayValue?: { values?: OtlpValue[] };
}
interface OtlpExport {
  resourceSpans?: Array<{
    resource?: { attributes?: Array<{ key: string; value: OtlpValue }> };
    scopeSpans?: Array<{ spans?: OtlpSpan[] }>;
  }>;
}

const SERVER = 2;
const CLIENT = 3;
const ERROR = 2;

/** A collector's OTLP/HTTP endpoint on loopback: keeps every body POSTed to /v1/traces. */
async function startReceiver(): Promise<{
  url: string;
  bodies: string[];
  contentTypes: string[];
  close(): Promise<void>;
}> {
  const bodies: string[] = [];
  const contentTypes: string[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/v1/traces') {
        bodies.push(Buffer.concat(chunks).toString('latin1'));
        contentTypes.push(request.headers['content-type'] ?? '');
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } else {
        response.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bodies,
    contentTypes,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function valueOf(value: OtlpValue): unknown {
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.arrayValue !== undefined) return (value.arrayValue.values ?? []).map(valueOf);
  return undefined;
}

function attributes(span: { attributes?: OtlpSpan['attributes'] }): Record<string, unknown> {
  return Object.fromEntries((span.attributes ?? []).map(({ key, value }) => [key, valueOf(value)]));
}

function spansOf(bodies: string[]): OtlpSpan[] {
  return bodies.flatMap((body) => {
    const parsed = JSON.parse(body) as OtlpExport;
    return (parsed.resourceSpans ?? []).flatMap((resource) =>
      (resource.scopeSpans ?? []).flatMap((scope) => scope.spans ?? []),
    );
  });
}

/** Every string an attribute holds, anywhere in an export (resource, spans, arrays). */
function attributeStrings(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(attributeStrings);
  if (node === null || typeof node !== 'object') return [];
  const strings: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'stringValue' && typeof value === 'string') strings.push(value);
    else strings.push(...attributeStrings(value));
  }
  return strings;
}

const PHONE = '+56987654321';
const TWO_VENDORS = `query Traced($phone: String!) {
  contactByPhone(phone: $phone) { id }
  calls(first: 3, filter: { providers: [OVIA] }) { edges { node { id } } }
}`;
const OVIA_CALLS = `query OviaCalls { calls(first: 3, filter: { providers: [OVIA] }) { edges { node { id } } } }`;

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let t: TestGateway;
/** Every body the receiver got in this file, for the redaction check at the end. */
const everything: string[] = [];

async function exported(): Promise<OtlpSpan[]> {
  await t.gateway.tracing!.flush();
  const bodies = receiver.bodies.splice(0);
  everything.push(...bodies);
  return spansOf(bodies);
}

beforeAll(async () => {
  receiver = await startReceiver();
  t = await startTestGateway({
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
  });
});
afterEach(() => t.gateway.sandbox!.clearFaults());
afterAll(async () => {
  await t.close();
  await receiver.close();
});

describe('traces over OTLP/HTTP JSON', () => {
  it('exports one server span and one client span per upstream attempt, in one trace', async () => {
    const sandbox = t.gateway.sandbox!;
    await exported();
    sandbox.resetLog();
    const answer = await t.query(TWO_VENDORS, { phone: PHONE });
    expect(answer.errors).toEqual([]);

    const spans = await exported();
    const servers = spans.filter((span) => span.kind === SERVER);
    expect(servers).toHaveLength(1);
    const server = servers[0]!;
    expect(server.name).toBe('query Traced');
    expect(attributes(server)).toMatchObject({
      'graphql.operation.type': 'query',
      'graphql.operation.name': 'Traced',
      'http.response.status_code': 200,
    });

    const clients = spans.filter((span) => span.kind === CLIENT);
    const sent = [...sandbox.requests('ovia'), ...sandbox.requests('llamadapro')];
    expect(sent).toHaveLength(2);
    expect(clients).toHaveLength(sent.length);
    for (const client of clients) {
      expect(client.traceId).toBe(server.traceId);
      expect(client.parentSpanId).toBe(server.spanId);
      const seen = attributes(client);
      expect(client.name).toBe(
        `${String(seen['http.request.method'])} ${String(seen['url.template'])}`,
      );
      expect(seen).toMatchObject({ 'http.response.status_code': 200, 'switchboard.attempt': 1 });
      expect(seen['error.type']).toBeUndefined();
    }
    expect(clients.map((span) => attributes(span)['switchboard.vendor']).sort()).toEqual([
      'LLAMADAPRO',
      'OVIA',
    ]);
    // Each client span is the request the vendor saw: same method, the path its template fills.
    for (const request of sent) {
      const match = clients.find((span) => {
        const seen = attributes(span);
        const template = String(seen['url.template']).replace(/\{[^}]+\}/g, '[^/]+');
        return (
          seen['http.request.method'] === request.method &&
          new RegExp(`^${template}$`).test(request.path)
        );
      });
      expect(match, `${request.method} ${request.path}`).toBeDefined();
    }
  });

  it('shows each attempt of a retried GET under a 503, with the code and the retry reason', async () => {
    const sandbox = t.gateway.sandbox!;
    await exported();
    sandbox.setFault('ovia', { failure: 'status', status: 503 });
    sandbox.resetLog();
    const answer = await t.query(OVIA_CALLS);
    expect(answer.errors[0]!.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });

    const spans = await exported();
    const server = spans.find((span) => span.kind === SERVER)!;
    expect(server.status?.code).toBe(ERROR);
    expect(attributes(server)['switchboard.error_codes']).toEqual(['UPSTREAM_UNAVAILABLE']);
    const attempts = spans
      .filter((span) => span.kind === CLIENT)
      .sort(
        (a, b) =>
          Number(attributes(a)['switchboard.attempt']) -
          Number(attributes(b)['switchboard.attempt']),
      );
    expect(attempts).toHaveLength(sandbox.requests('ovia').length);
    expect(attempts.map((span) => attributes(span)['switchboard.attempt'])).toEqual([1, 2, 3]);
    for (const [index, span] of attempts.entries()) {
      expect(span.traceId).toBe(server.traceId);
      expect(span.parentSpanId).toBe(server.spanId);
      expect(span.status?.code).toBe(ERROR);
      const seen = attributes(span);
      expect(seen).toMatchObject({
        'switchboard.vendor': 'OVIA',
        'http.request.method': 'GET',
        'http.response.status_code': 503,
        'error.type': 'UPSTREAM_UNAVAILABLE',
      });
      expect(seen['switchboard.retry_reason']).toBe(
        index === 0 ? undefined : 'UPSTREAM_UNAVAILABLE',
      );
      expect(seen['http.request.resend_count']).toBe(index === 0 ? undefined : index);
    }
  });

  it('continues an incoming traceparent and sends the trace on to the vendor', async () => {
    const sandbox = t.gateway.sandbox!;
    await exported();
    sandbox.resetLog();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parentId = '00f067aa0ba902b7';
    const answer = await t.query(OVIA_CALLS, undefined, {
      headers: { traceparent: `00-${traceId}-${parentId}-01` },
    });
    expect(answer.errors).toEqual([]);

    const spans = await exported();
    const server = spans.find((span) => span.kind === SERVER)!;
    expect(server.traceId).toBe(traceId);
    expect(server.parentSpanId).toBe(parentId);
    const [client] = spans.filter((span) => span.kind === CLIENT);
    expect(client!.traceId).toBe(traceId);
    const [request] = sandbox.requests('ovia');
    expect(request!.headers['traceparent']).toBe(`00-${traceId}-${client!.spanId}-01`);
    // The request's log line names the trace.
    const line = t.logs.find(
      (entry) => entry.includes('"graphql request"') && entry.includes(traceId),
    );
    expect(line).toBeDefined();
  });

  it('names the service, and holds no credential, phone number, variable or query string', async () => {
    await exported();
    expect(everything.length).toBeGreaterThan(0);
    const resource = (JSON.parse(everything[0]!) as OtlpExport).resourceSpans![0]!.resource!;
    expect(attributes(resource)['service.name']).toBe('switchboard');

    const secrets = Object.values(SANDBOX_CREDENTIALS).flatMap((credentials) =>
      Object.values(credentials),
    );
    expect(secrets.length).toBeGreaterThan(5);
    const values = everything.flatMap((body) => attributeStrings(JSON.parse(body)));
    expect(values.length).toBeGreaterThan(10);
    for (const value of values) {
      for (const secret of secrets) expect(value).not.toContain(secret);
      expect(value).not.toContain(PHONE.slice(1));
      expect(value).not.toContain('?');
      expect(value).not.toContain('=');
      expect(value).not.toContain('contactByPhone');
    }
    // Nor anywhere else in what was exported.
    for (const body of everything) {
      for (const secret of secrets) expect(body).not.toContain(secret);
      expect(body).not.toContain(PHONE.slice(1));
    }
  });
});

describe('with the default protocol', () => {
  it('exports protobuf to the same receiver, under OTEL_SERVICE_NAME', async () => {
    const proto = await startReceiver();
    const traced = await startTestGateway({
      OTEL_EXPORTER_OTLP_ENDPOINT: `${proto.url}/`,
      OTEL_SERVICE_NAME: 'switchboard-proto-test',
    });
    try {
      const answer = await traced.query(OVIA_CALLS);
      expect(answer.errors).toEqual([]);
      await traced.gateway.tracing!.flush();
      expect(proto.contentTypes).toEqual(['application/x-protobuf']);
      // Strings travel as they are in protobuf: the service name and the span names are there.
      expect(proto.bodies[0]).toContain('switchboard-proto-test');
      expect(proto.bodies[0]).toContain('query OviaCalls');
      expect(proto.bodies[0]).toContain('GET /api/v1/calls');
    } finally {
      await traced.close();
      await proto.close();
    }
  });
});

describe('without OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  it('starts no tracing and sends vendors no traceparent', async () => {
    const plain = await startTestGateway();
    try {
      expect(plain.gateway.tracing).toBeNull();
      plain.gateway.sandbox!.resetLog();
      const answer = await plain.query(OVIA_CALLS, undefined, {
        headers: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
      });
      expect(answer.errors).toEqual([]);
      const [request] = plain.gateway.sandbox!.requests('ovia');
      expect(request).toBeDefined();
      expect(request!.headers['traceparent']).toBeUndefined();
    } finally {
      await plain.close();
    }
  });
});
