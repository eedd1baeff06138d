import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamError } from '../../src/errors.js';
import type { CallFilter } from '../../src/model/call.js';
import { createLogger } from '../../src/logger.js';
import { readItems } from '../../src/paging/paged-source.js';
import { readRest } from '../../src/paging/read-rest.js';
import { createCxConnector } from '../../src/vendors/cx/client.js';
import { createFreyaConnector } from '../../src/vendors/freya/client.js';
import { createHappyRobotConnector } from '../../src/vendors/happyrobot/client.js';
import { createOviaConnector } from '../../src/vendors/ovia/client.js';

// A tiny vendor on loopback: it records every request and answers from a queue of scripted
// replies (or the fallback), so each test says exactly what the vendor does.

interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

interface Reply {
  status?: number;
  body?: unknown;
  /** Sent as is instead of JSON. */
  text?: string;
  headers?: Record<string, string>;
  /** Never answer. */
  hang?: boolean;
  /** Start the body with a UTF-8 byte order mark. */
  bom?: boolean;
  /** A 103 Early Hints answer with these headers before the final one. */
  earlyHints?: Record<string, string>;
}

class TinyVendor {
  readonly requests: Recorded[] = [];
  private readonly replies: Reply[] = [];
  private fallback: (request: Recorded) => Reply = () => ({
    status: 500,
    body: { error: 'no reply scripted' },
  });
  private readonly server: Server;
  url = '';

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  reset(): void {
    this.requests.length = 0;
    this.replies.length = 0;
    this.fallback = () => ({ status: 500, body: { error: 'no reply scripted' } });
    // Hanging requests of an earlier test must not hold a pooled connection.
    this.server.closeAllConnections();
  }

  /** Answers these, in order, then `otherwise` for anything after. */
  script(...replies: Reply[]): void {
    this.replies.push(...replies);
  }

  otherwise(fallback: (request: Recorded) => Reply): void {
    this.fallback = fallback;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(Buffer.from(chunk));
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const recorded: Recorded = {
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body: text === '' ? undefined : JSON.parse(text),
    };
    this.requests.push(recorded);
    const reply = this.replies.shift() ?? this.fallback(recorded);
    if (reply.hang) return;
    if (reply.earlyHints) res.writeEarlyHints(reply.earlyHints);
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    const answer = reply.text ?? JSON.stringify(reply.body ?? null);
    res.end(
      reply.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(answer)]) : answer,
    );
  }
}

const logger = createLogger({ level: 'silent' });
const vendor = new TinyVendor();

const OVIA_KEY = 'ovia-live-9f8e7d6c5b4a';
const HR_KEY = 'hr-live-1a2b3c4d5e6f';
const FREYA_KEY = 'freya-live-0011223344';
const CX_USER = 'cx-agent-user';
const CX_PASSWORD = 'Pa55:w0rd!';
const WORKSPACE = '3c90c3cc-0d44-4b50-8888-8dd25736052a';

beforeAll(() => vendor.start());
afterAll(() => vendor.stop());
afterEach(() => vendor.reset());

function ovia(timeoutMs = 2000) {
  return createOviaConnector({ baseUrl: vendor.url, apiKey: OVIA_KEY }, { timeoutMs, logger });
}
function cx() {
  return createCxConnector(
    { baseUrl: vendor.url, username: CX_USER, password: CX_PASSWORD },
    { timeoutMs: 2000, logger },
  );
}
function happyRobot() {
  return createHappyRobotConnector(
    { baseUrl: `${vendor.url}/`, apiKey: HR_KEY },
    { timeoutMs: 2000, logger },
  );
}
function freya() {
  return createFreyaConnector(
    { baseUrl: vendor.url, apiKey: FREYA_KEY, workspaceId: WORKSPACE },
    { timeoutMs: 2000, logger },
  );
}

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const hrId = (n: number) => `65f1a2b3c4d5e6f7a8b9${String(n).padStart(4, '0')}`;

function oviaCall(n: number) {
  return {
    id: uuid(n),
    agent_id: uuid(900),
    direction: 'outbound',
    from_number: '+14155550123',
    to_number: '+56912345678',
    status: 'completed',
    started_at: `2024-03-12T14:${String(59 - n).padStart(2, '0')}:00Z`,
  };
}
function cxInteraction(n: number) {
  return {
    id: uuid(n),
    status: 'completed',
    agentPhone: '+525512345678',
    customerPhone: '+33612345678',
    agentId: uuid(800),
    channel: 'call',
    createdAt: '2024-05-02T09:30:00Z',
  };
}
function hrCall(n: number) {
  return {
    id: hrId(n),
    type: 'Inbound',
    status: 'Completed',
    metadata: { from: '+14155550188', to: '+14155550100' },
    created: '2024-01-01T01:01:01Z',
    notes: [],
  };
}
function freyaProblem(n: number) {
  return {
    id: `prb_${n}`,
    problem: `Problem ${n}`,
    callId: uuid(n % 3),
    type: 'audio',
    severity: 0.3,
  };
}

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UpstreamError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

describe('Ovia connector over HTTP', () => {
  it('sends its bearer key, the native filter and offsets, and reads the second page', async () => {
    vendor.otherwise((request) => {
      const offset = Number(request.query.offset);
      const all = [oviaCall(1), oviaCall(2), oviaCall(3)];
      return { body: { data: all.slice(offset, offset + Number(request.query.limit)), total: 3 } };
    });
    const { source, exact } = ovia().callPages({
      phone: '+56912345678',
      agentId: uuid(900),
      startedAfter: new Date('2024-03-01T00:00:00Z'),
      startedBefore: new Date('2024-04-01T00:00:00Z'),
      status: ['COMPLETED'],
    });
    expect(exact).toBe(true);
    expect(source.start).toBe(0);
    expect(source.maxPageSize).toBe(100);

    const read = await readItems(source, null, 2);
    expect(read.items.map(({ item }) => item.providerId)).toEqual([uuid(1), uuid(2)]);
    expect(read.end).toEqual({ pos: 2, skip: 0, size: 2 });
    expect(read.total).toBe(3);
    const rest = await readItems(source, read.end, 2);
    expect(rest.items.map(({ item }) => item.providerId)).toEqual([uuid(3)]);
    expect(rest.end).toBe('done');

    expect(vendor.requests).toHaveLength(2);
    expect(vendor.requests[1]?.query.offset).toBe('2');
    const [first] = vendor.requests;
    expect(first?.method).toBe('GET');
    expect(first?.path).toBe('/api/v1/calls');
    expect(first?.headers.authorization).toBe(`Bearer ${OVIA_KEY}`);
    expect(first?.query).toEqual({
      limit: '2',
      offset: '0',
      agent_id: uuid(900),
      phone: '+56912345678',
      status: 'completed',
      started_after: '2024-03-01T00:00:00.000Z',
      started_before: '2024-04-01T00:00:00.000Z',
    });
  });

  it('sends one status in its spelling, but not several, nor one of two spellings', async () => {
    vendor.otherwise(() => ({ body: { data: [], total: 0 } }));
    const cases: Array<[CallFilter, string | undefined, boolean]> = [
      [{ status: ['NO_ANSWER'] }, 'no_answer', true],
      [{ status: ['IN_PROGRESS'] }, 'in_progress', true],
      [{ status: ['COMPLETED', 'FAILED'] }, undefined, false],
      [{ status: ['CANCELED'] }, undefined, false],
      [{ status: ['UNKNOWN'] }, undefined, false],
      [{ updatedAfter: new Date('2024-03-01T00:00:00Z') }, undefined, false],
      [{ classificationTag: 'follow_up' }, undefined, false],
    ];
    for (const [filter, status, exact] of cases) {
      vendor.requests.length = 0;
      const pages = ovia().callPages(filter);
      expect(pages.exact, JSON.stringify(filter)).toBe(exact);
      await pages.source.fetchPage(pages.source.start, 5);
      expect(vendor.requests[0]?.query.status, JSON.stringify(filter)).toBe(status);
      expect(vendor.requests[0]?.query).not.toHaveProperty('updated_after');
    }
  });

  it('asks nothing for a use case or campaign, which Ovia calls do not have', async () => {
    for (const filter of [{ useCaseId: 'uc-1' }, { campaignId: 'cmp-1' }]) {
      const pages = ovia().callPages(filter);
      expect(pages.exact).toBe(true);
      expect(await pages.source.fetchPage(pages.source.start, 20)).toEqual({
        items: [],
        next: null,
        total: 0,
      });
    }
    expect(vendor.requests).toHaveLength(0);
  });

  it('lists the agents its calls name: every page read, each agent once, by id', async () => {
    const calls = Array.from({ length: 130 }, (_, n) => ({
      ...oviaCall(n % 50),
      id: uuid(1000 + n),
      agent_id: uuid(900 + ((n * 7) % 3)),
      agent: n === 4 ? { name: 'Sofía' } : undefined,
    }));
    vendor.otherwise((request) => {
      const offset = Number(request.query.offset);
      const limit = Number(request.query.limit);
      return { body: { data: calls.slice(offset, offset + limit), total: calls.length } };
    });
    const agents = ovia().agentPages();
    const first = await agents.fetchPage(agents.start, 2);
    // Agent 901 is first named by a call without a name; call 4 gives it one.
    expect(first.items).toEqual([
      { provider: 'OVIA', providerId: uuid(900), name: null },
      { provider: 'OVIA', providerId: uuid(901), name: 'Sofía' },
    ]);
    expect(first).toMatchObject({ next: 2, total: 3 });
    const second = await agents.fetchPage(2, 2);
    expect(second.items).toEqual([{ provider: 'OVIA', providerId: uuid(902), name: null }]);
    expect(second.next).toBeNull();
    // The whole list, in pages of 100, once for the source.
    expect(vendor.requests.map((request) => request.query)).toEqual([
      { limit: '100', offset: '0' },
      { limit: '100', offset: '100' },
    ]);
  });

  it('pages by offset: next = offset + items while below total', async () => {
    vendor.otherwise((request) => {
      const offset = Number(request.query.offset);
      const all = [oviaCall(1), oviaCall(2), oviaCall(3)];
      return { body: { data: all.slice(offset, offset + Number(request.query.limit)), total: 3 } };
    });
    const { source, exact } = ovia().callPages({});
    expect(exact).toBe(true);
    const page1 = await source.fetchPage(source.start, 2);
    expect(page1.items.map((call) => call.providerId)).toEqual([uuid(1), uuid(2)]);
    expect(page1.next).toBe(2);
    expect(page1.total).toBe(3);
    const page2 = await source.fetchPage(2, 2);
    expect(page2.items.map((call) => call.providerId)).toEqual([uuid(3)]);
    expect(page2.next).toBeNull();
    expect(vendor.requests.map((request) => request.query)).toEqual([
      { limit: '2', offset: '0' },
      { limit: '2', offset: '2' },
    ]);
  });

  it('reads a list to its end at once even when a page in the middle comes back short', async () => {
    const all = Array.from({ length: 10 }, (_, index) => oviaCall(index + 1));
    vendor.otherwise((request) => {
      const offset = Number(request.query.offset);
      // At offset 3 this vendor answers two items, not the three asked for.
      const limit = offset === 3 ? 2 : Number(request.query.limit);
      return { body: { data: all.slice(offset, offset + limit), total: all.length } };
    });
    const { source } = ovia().callPages({});
    const first = await source.fetchPage(source.start, 3);
    const calls = await readRest(source, first, 3, {
      inFlight: 4,
      idOf: (call) => call.providerId,
    });
    expect(calls.map((call) => call.providerId)).toEqual(all.map((_, index) => uuid(index + 1)));
    // The planned offsets 3, 6 and 9 at once (in any order), then 5, the gap the short page left.
    const offsets = vendor.requests.map((request) => request.query.offset);
    expect(offsets[0]).toBe('0');
    expect([...offsets.slice(1, 4)].sort()).toEqual(['3', '6', '9']);
    expect(offsets.slice(4)).toEqual(['5']);
  });

  it('reads one call by id and knows UUIDs', async () => {
    vendor.script({ body: oviaCall(7) });
    const connector = ovia();
    const call = await connector.getCall(uuid(7));
    expect(call).toMatchObject({
      provider: 'OVIA',
      providerId: uuid(7),
      status: 'COMPLETED',
      customerPhone: '+56912345678',
    });
    expect(vendor.requests[0]?.path).toBe(`/api/v1/calls/${uuid(7)}`);
    expect(connector.isCallId(uuid(7))).toBe(true);
    expect(connector.isCallId(hrId(1))).toBe(false);
  });

  it('starts a call with exactly the documented body, and does not retry the POST', async () => {
    const body = {
      user_id: uuid(500),
      agent_id: uuid(900),
      type: 'phone_call',
      direction: 'outbound' as const,
      from_number: '+14155550123',
      to_number: '+56912345678',
      phone_number_id: uuid(600),
    };
    vendor.script({
      body: { ...body, id: uuid(42), status: 'queued', created_at: '2024-03-12T14:00:00Z' },
    });
    const input = {
      userId: uuid(500),
      agentId: uuid(900),
      type: 'phone_call',
      direction: 'OUTBOUND' as const,
      fromNumber: '+14155550123',
      toNumber: '+56912345678',
      phoneNumberId: uuid(600),
    };
    const call = await ovia().startCall(input);
    expect(call).toMatchObject({
      providerId: uuid(42),
      status: 'QUEUED',
      direction: 'OUTBOUND',
      to: '+56912345678',
    });
    expect(vendor.requests[0]?.method).toBe('POST');
    expect(vendor.requests[0]?.path).toBe('/api/v1/calls');
    expect(vendor.requests[0]?.headers['content-type']).toBe('application/json');
    expect(vendor.requests[0]?.body).toEqual(body);

    vendor.reset();
    vendor.script({ status: 503, body: { error: 'busy' } }, { body: oviaCall(43) });
    const error = await failure(ovia().startCall(input));
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(vendor.requests).toHaveLength(1);
  });
});

describe('CX connector over HTTP', () => {
  it('sends Basic base64(username:password) and the phone as customerPhone, paging by page number', async () => {
    vendor.otherwise((request) => {
      const page = Number(request.query.page);
      const limit = Number(request.query.limit);
      const all = [cxInteraction(1), cxInteraction(2), cxInteraction(3)];
      return { body: { data: all.slice((page - 1) * limit, page * limit), total: 3, page } };
    });
    const { source, exact } = cx().callPages({ phone: '+33612345678' });
    expect(exact).toBe(true);
    expect(source.start).toBe(1);
    const read = await readItems(source, null, 2);
    expect(read.items.map(({ item }) => item.providerId)).toEqual([uuid(1), uuid(2)]);
    expect(read.end).toEqual({ pos: 2, skip: 0, size: 2 });
    const rest = await readItems(source, read.end, 2);
    expect(rest.items.map(({ item }) => item.providerId)).toEqual([uuid(3)]);
    expect(rest.end).toBe('done');

    expect(vendor.requests.map((request) => request.query)).toEqual([
      { limit: '2', page: '1', customerPhone: '+33612345678' },
      { limit: '2', page: '2', customerPhone: '+33612345678' },
    ]);
    expect(vendor.requests[0]?.headers.authorization).toBe(
      'Basic Y3gtYWdlbnQtdXNlcjpQYTU1OncwcmQh',
    );
  });

  it('is not exact when the filter holds more than the phone; an INBOUND filter costs no request', async () => {
    expect(
      cx().callPages({ phone: '+33612345678', startedAfter: new Date('2024-01-01T00:00:00Z') })
        .exact,
    ).toBe(false);
    expect(cx().callPages({ direction: 'OUTBOUND' }).exact).toBe(true);
    const inbound = cx().callPages({ direction: 'INBOUND' });
    expect(inbound.exact).toBe(true);
    const page = await inbound.source.fetchPage(inbound.source.start, 20);
    expect(page).toEqual({ items: [], next: null, total: 0 });
    expect(vendor.requests).toHaveLength(0);
  });

  it('asks nothing for what CX never reports: update time, classification, use case, campaign', async () => {
    const filters: CallFilter[] = [
      { updatedAfter: new Date('2024-01-01T00:00:00Z') },
      { classificationTag: 'booked' },
      { useCaseId: 'uc-1' },
      { campaignId: 'cmp-1' },
    ];
    for (const filter of filters) {
      const pages = cx().callPages(filter);
      expect(pages.exact).toBe(true);
      expect((await pages.source.fetchPage(pages.source.start, 20)).items).toEqual([]);
    }
    expect(vendor.requests).toHaveLength(0);
  });

  it('reads one interaction by id', async () => {
    vendor.script({ body: cxInteraction(5) });
    const call = await cx().getCall(uuid(5));
    expect(call).toMatchObject({
      provider: 'CX',
      providerId: uuid(5),
      direction: 'OUTBOUND',
      from: '+525512345678',
    });
    expect(vendor.requests[0]?.path).toBe(`/api/v1/calls/${uuid(5)}`);
  });

  it('starts an interaction with the documented body and fills the channel from the request', async () => {
    const body = {
      agentId: uuid(800),
      channel: 'whatsapp' as const,
      skillId: uuid(801),
      customerName: 'Léa Dubois',
      customerPhone: '+33612345678',
    };
    const answer = { ...cxInteraction(9), status: 'in-progress' };
    const { channel: _channel, createdAt: _createdAt, ...withoutChannel } = answer;
    vendor.script({ body: withoutChannel });
    const call = await cx().startInteraction({ ...body, channel: 'WHATSAPP' });
    expect(call).toMatchObject({ providerId: uuid(9), status: 'IN_PROGRESS', channel: 'WHATSAPP' });
    expect(vendor.requests[0]?.method).toBe('POST');
    expect(vendor.requests[0]?.path).toBe('/api/v1/calls');
    expect(vendor.requests[0]?.body).toEqual(body);
  });
});

describe('HappyRobot connector over HTTP', () => {
  it('sends its bearer key in `authorization` and pages by page number', async () => {
    vendor.otherwise((request) => {
      const page = Number(request.query.page);
      const limit = Number(request.query.limit);
      const all = [hrCall(1), hrCall(2), hrCall(3)];
      return { body: { data: all.slice((page - 1) * limit, page * limit), total: 3, page } };
    });
    const { source, exact } = happyRobot().callPages({
      phone: '+14155550188',
      status: ['COMPLETED'],
    });
    expect(exact).toBe(true);
    const page1 = await source.fetchPage(source.start, 2);
    expect(page1.next).toBe(2);
    const page2 = await source.fetchPage(2, 2);
    expect(page2.items.map((call) => call.providerId)).toEqual([hrId(3)]);
    expect(page2.next).toBeNull();
    expect(vendor.requests.map((request) => request.query)).toEqual([
      { limit: '2', page: '1', phone: '+14155550188', status: 'Completed' },
      { limit: '2', page: '2', phone: '+14155550188', status: 'Completed' },
    ]);
    expect(vendor.requests[0]?.headers.authorization).toBe(`Bearer ${HR_KEY}`);
    expect(vendor.requests[0]?.path).toBe('/api/v1/calls');
  });

  it('sends the use case and one status in HappyRobot’s spelling, checks the rest locally', async () => {
    vendor.otherwise(() => ({ body: { data: [], total: 0, page: 1 } }));
    const cases: Array<[CallFilter, Record<string, string>, boolean]> = [
      [
        { status: ['IN_PROGRESS'], useCaseId: 'uc-7' },
        { status: 'In Progress', use_case_id: 'uc-7' },
        true,
      ],
      [{ status: ['NO_ANSWER'] }, { status: 'No Answer' }, true],
      [{ status: ['SCHEDULED'] }, { status: 'Scheduled' }, true],
      [{ status: ['CANCELED'] }, {}, false],
      [{ status: ['BUSY', 'FAILED'] }, {}, false],
      [{ campaignId: 'cmp-1' }, {}, false],
      [{ classificationTag: 'booked' }, {}, false],
    ];
    for (const [filter, sent, exact] of cases) {
      vendor.requests.length = 0;
      const pages = happyRobot().callPages(filter);
      expect(pages.exact, JSON.stringify(filter)).toBe(exact);
      await pages.source.fetchPage(pages.source.start, 5);
      expect(vendor.requests[0]?.query, JSON.stringify(filter)).toEqual({
        limit: '5',
        page: '1',
        ...sent,
      });
    }
  });

  it('asks nothing for an update time, which HappyRobot calls do not carry', async () => {
    const pages = happyRobot().callPages({ updatedAfter: new Date('2024-01-01T00:00:00Z') });
    expect(pages.exact).toBe(true);
    expect((await pages.source.fetchPage(pages.source.start, 20)).items).toEqual([]);
    expect(vendor.requests).toHaveLength(0);
  });

  it('reads one call by its 24-character id', async () => {
    vendor.script({ body: hrCall(4) });
    const connector = happyRobot();
    const call = await connector.getCall(hrId(4));
    expect(call).toMatchObject({
      provider: 'HAPPYROBOT',
      providerId: hrId(4),
      direction: 'INBOUND',
      customerPhone: '+14155550188',
    });
    expect(vendor.requests[0]?.path).toBe(`/api/v1/calls/${hrId(4)}`);
    expect(connector.isCallId(hrId(4))).toBe(true);
    expect(connector.isCallId(`${hrId(4)}0`)).toBe(false);
    expect(connector.isCallId('65f1a2b3c4d5e6f7a8b9-0d1')).toBe(false);
    expect(connector.isCallId(uuid(1))).toBe(false);
  });

  it('adds a note with the documented body and maps the call it answers', async () => {
    const note = {
      id: hrId(99),
      user_id: 'user_2abc',
      content: 'Call back Monday',
      flagged: true,
      created_at: '2024-01-02T10:00:00Z',
    };
    vendor.script({ body: { ...hrCall(4), notes: [note] } });
    const { call } = await happyRobot().addNote(hrId(4), {
      content: 'Call back Monday',
      flagged: true,
      userId: 'user_2abc',
    });
    expect(call.notes).toEqual([
      {
        id: hrId(99),
        content: 'Call back Monday',
        flagged: true,
        userId: 'user_2abc',
        createdAt: '2024-01-02T10:00:00.000Z',
      },
    ]);
    expect(vendor.requests[0]?.method).toBe('POST');
    expect(vendor.requests[0]?.path).toBe(`/api/v1/calls/${hrId(4)}/notes`);
    expect(vendor.requests[0]?.body).toEqual({
      content: 'Call back Monday',
      flagged: true,
      user_id: 'user_2abc',
    });
  });
});

describe('Freya connector over HTTP', () => {
  it('lists problems of a workspace with the filter sent natively', async () => {
    vendor.script({ body: { success: true, data: { problems: [freyaProblem(1)], total: 1 } } });
    const source = freya().problemPages({ callId: uuid(1), status: 'open', resolved: false });
    expect(source.maxPageSize).toBe(200);
    const page = await source.fetchPage(source.start, 20);
    expect(page).toMatchObject({ next: null, total: 1 });
    expect(page.items[0]).toMatchObject({ providerId: 'prb_1', type: 'AUDIO', severity: 0.3 });
    expect(vendor.requests[0]?.path).toBe('/api/v2/problems');
    expect(vendor.requests[0]?.headers.authorization).toBe(`Bearer ${FREYA_KEY}`);
    expect(vendor.requests[0]?.query).toEqual({
      workspaceId: WORKSPACE,
      callId: uuid(1),
      status: 'open',
      resolved: 'false',
      limit: '20',
      offset: '0',
    });
  });

  it('reads every page of the problems of up to 50 calls', async () => {
    const all = Array.from({ length: 250 }, (_, index) => freyaProblem(index));
    vendor.otherwise((request) => {
      const offset = Number(request.query.offset);
      return {
        body: {
          success: true,
          data: { problems: all.slice(offset, offset + Number(request.query.limit)), total: 250 },
        },
      };
    });
    const problems = await freya().problemsByCallIds([uuid(0), uuid(1), uuid(2), uuid(1)]);
    expect(problems).toHaveLength(250);
    expect(problems[249]?.providerId).toBe('prb_249');
    expect(vendor.requests.map((request) => request.query)).toEqual([
      {
        workspaceId: WORKSPACE,
        callIds: `${uuid(0)},${uuid(1)},${uuid(2)}`,
        limit: '200',
        offset: '0',
      },
      {
        workspaceId: WORKSPACE,
        callIds: `${uuid(0)},${uuid(1)},${uuid(2)}`,
        limit: '200',
        offset: '200',
      },
    ]);
  });

  it('refuses more than 50 call ids, and asks nothing for none', async () => {
    const ids = Array.from({ length: 51 }, (_, index) => uuid(index));
    expect(() => freya().problemPages({ callIds: ids })).toThrow(/at most 50/);
    await expect(freya().problemsByCallIds(ids)).rejects.toThrow(/at most 50/);
    expect(await freya().problemsByCallIds([])).toEqual([]);
    expect(vendor.requests).toHaveLength(0);
  });

  it('reads one problem by id', async () => {
    vendor.script({ body: { success: true, data: { problem: freyaProblem(3) } } });
    const problem = await freya().getProblem('prb_3');
    expect(problem).toMatchObject({ providerId: 'prb_3', title: 'Problem 3', callId: uuid(0) });
    expect(vendor.requests[0]?.path).toBe('/api/v2/problems/prb_3');
  });

  it('creates a problem with the workspace added to the body', async () => {
    vendor.script({
      body: {
        success: true,
        data: {
          message: 'ok',
          result: {
            success: true,
            problem: { ...freyaProblem(7), severity: 0.9 },
            message: 'created',
          },
        },
      },
    });
    const input = {
      problem: 'Customer heard silence',
      callId: uuid(1),
      type: 'audio' as const,
      severity: 0.9,
    };
    const problem = await freya().createProblem(input);
    expect(problem).toMatchObject({ providerId: 'prb_7', severity: 0.9, type: 'AUDIO' });
    expect(vendor.requests[0]?.method).toBe('POST');
    expect(vendor.requests[0]?.path).toBe('/api/v2/problems');
    expect(vendor.requests[0]?.body).toEqual({ ...input, workspaceId: WORKSPACE });
  });
});

describe('errors as the connectors see them', () => {
  const secrets = [OVIA_KEY, FREYA_KEY, CX_PASSWORD, 'Y3gtYWdlbnQtdXNlcjpQYTU1OncwcmQh'];

  function expectNoSecret(error: UpstreamError): void {
    const shown = `${error.message} ${String(error)} ${JSON.stringify(error.toJSON())} ${error.stack ?? ''}`;
    for (const secret of secrets) expect(shown).not.toContain(secret);
    // Nor the query string, which may hold phone numbers.
    expect(shown).not.toContain('+5691');
  }

  it('404 is NOT_FOUND', async () => {
    vendor.script({ status: 404, body: { error: 'not found' } });
    const error = await failure(ovia().getCall(uuid(1)));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.provider).toBe('OVIA');
    expect(error.route).toBe('GET /api/v1/calls/{id}');
    expect(error.status).toBe(404);
    expectNoSecret(error);
  });

  it('500 is UPSTREAM_UNAVAILABLE after one attempt', async () => {
    vendor.otherwise(() => ({ status: 500, body: { error: `bad key ${OVIA_KEY}` } }));
    const error = await failure(
      ovia().callPages({ phone: '+56912345678' }).source.fetchPage(0, 10),
    );
    expect(error.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(error.status).toBe(500);
    expect(vendor.requests).toHaveLength(1);
    expectNoSecret(error);
  });

  it('503 then 200 succeeds after a retry', async () => {
    vendor.script({ status: 503, body: { error: 'overloaded' } }, { body: oviaCall(2) });
    const call = await ovia().getCall(uuid(2));
    expect(call.providerId).toBe(uuid(2));
    expect(vendor.requests).toHaveLength(2);
  });

  it('429 with retry-after: 0 then 200 succeeds', async () => {
    vendor.script(
      { status: 429, headers: { 'retry-after': '0' }, body: { error: 'slow down' } },
      { body: hrCall(5) },
    );
    const call = await happyRobot().getCall(hrId(5));
    expect(call.providerId).toBe(hrId(5));
    expect(vendor.requests).toHaveLength(2);
  });

  it('429 with retry-after: 30 is UPSTREAM_RATE_LIMITED at once', async () => {
    vendor.otherwise(() => ({
      status: 429,
      headers: { 'retry-after': '30' },
      body: { error: 'slow down' },
    }));
    const started = Date.now();
    const error = await failure(cx().getCall(uuid(3)));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.code).toBe('UPSTREAM_RATE_LIMITED');
    expect(error.retryAfterMs).toBe(30_000);
    expect(vendor.requests).toHaveLength(1);
    expectNoSecret(error);
  });

  it('reads an answer that starts with a UTF-8 byte order mark', async () => {
    vendor.script({ body: oviaCall(4), bom: true });
    const call = await ovia().getCall(uuid(4));
    expect(call.providerId).toBe(uuid(4));
  });

  it('takes no header from an informational answer before the final one', async () => {
    vendor.otherwise(() => ({
      status: 429,
      earlyHints: { link: '</x>; rel=preload', 'retry-after': '120' },
      body: { error: 'slow down' },
    }));
    const error = await failure(cx().getCall(uuid(6)));
    expect(error.code).toBe('UPSTREAM_RATE_LIMITED');
    // The final 429 said nothing of when to retry; the 103's Retry-After is not its.
    expect(error.retryAfterMs).toBeUndefined();
  });

  it('stops reading an answer past 16 MiB: UPSTREAM_BAD_RESPONSE, not retried', async () => {
    vendor.otherwise(() => ({ text: `{"data": "${'x'.repeat(17 * 1024 * 1024)}"}` }));
    const error = await failure(ovia().getCall(uuid(8)));
    expect(error.code).toBe('UPSTREAM_BAD_RESPONSE');
    expect(error.message).toMatch(/more than 16777216 bytes/);
    expect(vendor.requests).toHaveLength(1);
  });

  it('a body that is not JSON is UPSTREAM_BAD_RESPONSE', async () => {
    vendor.script({ text: '{"data": [{"id": "0000' });
    const error = await failure(ovia().callPages({}).source.fetchPage(0, 10));
    expect(error.code).toBe('UPSTREAM_BAD_RESPONSE');
    expectNoSecret(error);
  });

  it('a body failing the schema is UPSTREAM_BAD_RESPONSE', async () => {
    vendor.script({
      body: { success: true, data: { problems: [{ problem: 'no id' }], total: 1 } },
    });
    const error = await failure(freya().problemPages({}).fetchPage(0, 10));
    expect(error.code).toBe('UPSTREAM_BAD_RESPONSE');
    expect(error.message).toContain('data.problems.0.id');
    expectNoSecret(error);
  });

  it('a hanging vendor is UPSTREAM_TIMEOUT within the budget', async () => {
    vendor.otherwise(() => ({ hang: true }));
    const timeoutMs = 300;
    const started = Date.now();
    const error = await failure(ovia(timeoutMs).getCall(uuid(4)));
    const elapsed = Date.now() - started;
    expect(error.code).toBe('UPSTREAM_TIMEOUT');
    expect(elapsed).toBeGreaterThanOrEqual(timeoutMs - 20);
    expect(elapsed).toBeLessThan(timeoutMs + 200);
    expectNoSecret(error);
  });

  it('other 4xx are UPSTREAM_REJECTED and echo nothing of the vendor body', async () => {
    vendor.script({
      status: 401,
      body: { error: `invalid credentials Basic Y3gtYWdlbnQtdXNlcjpQYTU1OncwcmQh` },
    });
    const error = await failure(cx().getCall(uuid(6)));
    expect(error.code).toBe('UPSTREAM_REJECTED');
    expect(error.status).toBe(401);
    expectNoSecret(error);
  });
});
