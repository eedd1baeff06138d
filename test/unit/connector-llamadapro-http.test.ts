import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UpstreamError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { readItems } from '../../src/paging/paged-source.js';
import {
  createLlamadaProConnector,
  type LlamadaProConnector,
} from '../../src/vendors/llamadapro/connector.js';

const API_KEY = 'llp-test-key-5f2c';

interface Seen {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | undefined;
  body: unknown;
}

interface Answer {
  status?: number;
  /** An object is sent as JSON, a string as it is. */
  body: unknown;
}

type Handler = (request: Seen) => Answer;

/** The `pageToken` member of a recorded search body. */
function pageTokenOf(request: Seen): unknown {
  return typeof request.body === 'object' && request.body !== null && 'pageToken' in request.body
    ? request.body.pageToken
    : undefined;
}

let server: Server;
let connector: LlamadaProConnector;
let seen: Seen[] = [];
let handler: Handler = () => ({ status: 500, body: { error: 'no handler' } });

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : JSON.parse(text);
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const entry: Seen = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: request.headers.authorization,
      body: await readBody(request),
    };
    seen.push(entry);
    const answer = handler(entry);
    response.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
    response.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  const { port } = address;
  connector = createLlamadaProConnector(
    { baseUrl: `http://127.0.0.1:${port}`, apiKey: API_KEY },
    { timeoutMs: 2000, logger: createLogger({ level: 'silent' }) },
  );
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
});

beforeEach(() => {
  seen = [];
});

function call(id: number, startTime: string) {
  return {
    id,
    tenantId: 'tenant-andes',
    providerId: `vapi-${id}`,
    providerName: 'vapi',
    from: '+56229401000',
    to: '+56912345678',
    duration: 60,
    direction: 'outgoing',
    status: 'completed',
    startTime,
    metadata: null,
    customData: null,
    category: null,
    createdAt: startTime,
    updatedAt: startTime,
  };
}

function task(id: string) {
  return {
    id,
    tenantId: 'tenant-andes',
    createdAt: '2024-05-02T15:00:00Z',
    updatedAt: '2024-05-02T15:00:00Z',
    context: { conversationId: 901 },
    objective: `Follow up ${id}`,
    createdBy: { id: '12', type: 'user' },
    assignedTo: { id: 'emp-44', type: 'ai_employee' },
    publishedAt: null,
    dueDate: '2024-05-06T10:00:00Z',
    completedAt: null,
    cancelledAt: null,
    cancellationReason: null,
    status: 'scheduled',
  };
}

function searchContact(id: string, phone: string) {
  return {
    tenantId: 'tenant-andes',
    createdAt: '2024-04-02T11:00:00Z',
    updatedAt: '2024-04-02T11:00:00Z',
    customFields: {},
    metadata: null,
    addresses: [
      {
        id: 1,
        tenantId: 'tenant-andes',
        contactId: Number(id),
        channelType: 'PHONE',
        address: phone,
      },
    ],
    firstName: 'Ana',
    lastName: `Contact ${id}`,
    email: null,
    phone: null,
    id,
    modelType: 'Contact',
    userId: '12',
    contactCompanyId: null,
  };
}

describe('LlamadaPro connector over HTTP', () => {
  it('sends the API key as a Bearer token and reads a call by id', async () => {
    handler = () => ({ body: call(48213, '2024-05-02T14:15:22Z') });
    const result = await connector.getCall('48213');
    expect(result.providerId).toBe('48213');
    expect(result.endedAt).toBe('2024-05-02T14:16:22.000Z');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      method: 'GET',
      path: '/api/v1/calls/48213',
      authorization: `Bearer ${API_KEY}`,
    });
    expect(connector.isCallId('48213')).toBe(true);
    expect(connector.isCallId('0f3a1c2e-1b2c-4d5e-8f90-123456789abc')).toBe(false);
  });

  it('pages calls through nextPageToken with pageSize', async () => {
    handler = (request) =>
      request.query.pageToken === undefined
        ? {
            body: {
              items: [call(3, '2024-05-03T10:00:00Z'), call(2, '2024-05-02T10:00:00Z')],
              nextPageToken: 'tok-page-2',
              totalCount: 3,
            },
          }
        : {
            body: { items: [call(1, '2024-05-01T10:00:00Z')], nextPageToken: null, totalCount: 3 },
          };
    const { source } = connector.callPages({});
    expect(source.start).toBe('');
    const first = await source.fetchPage(source.start, 2);
    expect(first.items.map((item) => item.providerId)).toEqual(['3', '2']);
    expect(first).toMatchObject({ next: 'tok-page-2', total: 3 });
    const second = await source.fetchPage('tok-page-2', 2);
    expect(second.items.map((item) => item.providerId)).toEqual(['1']);
    expect(second.next).toBeNull();
    expect(seen.map((request) => request.query)).toEqual([
      { pageSize: '2' },
      { pageSize: '2', pageToken: 'tok-page-2' },
    ]);

    seen = [];
    const all = await readItems(source, null, 3);
    expect(all.items.map(({ item }) => item.providerId)).toEqual(['3', '2', '1']);
    expect(all.end).toBe('done');
    expect(seen.map((request) => request.query.pageToken)).toEqual([undefined, 'tok-page-2']);
  });

  it('sends phone, the start window and one status natively, not direction', async () => {
    handler = () => ({ body: { items: [], totalCount: 0 } });
    const narrowed = connector.callPages({
      phone: '+56912345678',
      startedAfter: new Date('2024-05-01T00:00:00Z'),
      startedBefore: new Date('2024-05-31T23:59:59Z'),
      status: ['NO_ANSWER'],
    });
    expect(narrowed.exact).toBe(true);
    await narrowed.source.fetchPage(narrowed.source.start, 20);
    expect(seen[0]?.path).toBe('/api/v1/calls');
    expect(seen[0]?.query).toEqual({
      phone: '+56912345678',
      status: 'no-answer',
      startedAfter: '2024-05-01T00:00:00.000Z',
      startedBefore: '2024-05-31T23:59:59.000Z',
      pageSize: '20',
    });
    expect(connector.callPages({ phone: '+56912345678' }).exact).toBe(true);
    expect(connector.callPages({ direction: 'INBOUND' }).exact).toBe(false);
    expect(connector.callPages({ updatedAfter: new Date('2024-05-01T00:00:00Z') }).exact).toBe(
      false,
    );
    expect(connector.callPages({ classificationTag: 'sales' }).exact).toBe(false);
    for (const status of [['CANCELED'], ['SCHEDULED'], ['COMPLETED', 'FAILED']] as const) {
      seen = [];
      const pages = connector.callPages({ status: [...status] });
      expect(pages.exact, status.join()).toBe(false);
      await pages.source.fetchPage(pages.source.start, 20);
      expect(seen[0]?.query, status.join()).toEqual({ pageSize: '20' });
    }
  });

  it('asks nothing for an agent, use case or campaign, which LlamadaPro calls do not have', async () => {
    seen = [];
    for (const filter of [{ agentId: 'a1' }, { useCaseId: 'uc-1' }, { campaignId: 'cmp-1' }]) {
      const pages = connector.callPages(filter);
      expect(pages.exact).toBe(true);
      expect((await pages.source.fetchPage(pages.source.start, 20)).items).toEqual([]);
    }
    expect(seen).toHaveLength(0);
  });

  it('pages tasks with limit and sends the TaskFilter lower-case', async () => {
    handler = (request) =>
      request.query.pageToken === undefined
        ? {
            body: {
              items: [task('tsk_2'), task('tsk_1')],
              nextPageToken: 'Xde34567890',
              totalCount: 3,
            },
          }
        : { body: { items: [task('tsk_0')], totalCount: 3 } };
    const source = connector.taskPages({
      status: 'COMPLETED',
      assignedToType: 'AI_EMPLOYEE',
      assignedToId: 'emp-44',
      conversationId: '901',
      dueAfter: new Date('2024-05-01T00:00:00Z'),
      dueBefore: new Date('2024-06-01T00:00:00Z'),
    });
    const all = await readItems(source, null, 2);
    expect(all.items.map(({ item }) => item.providerId)).toEqual(['tsk_2', 'tsk_1']);
    const rest = await readItems(source, all.end === 'done' ? null : all.end, 2);
    expect(rest.items.map(({ item }) => item.providerId)).toEqual(['tsk_0']);
    expect(rest.end).toBe('done');
    expect(seen.map((request) => request.path)).toEqual(['/api/v1/tasks', '/api/v1/tasks']);
    expect(seen[0]?.query).toEqual({
      status: 'completed',
      assignedToType: 'ai_employee',
      assignedToId: 'emp-44',
      conversationId: '901',
      dueAfter: '2024-05-01T00:00:00.000Z',
      dueBefore: '2024-06-01T00:00:00.000Z',
      limit: '2',
    });
    expect(seen[1]?.query).toMatchObject({ limit: '2', pageToken: 'Xde34567890' });
    expect(seen[1]?.query.pageSize).toBeUndefined();
  });

  it('finds contacts for several phones in one OR search', async () => {
    handler = () => ({
      body: {
        items: [searchContact('6001', '+56911111111'), searchContact('6002', '+56922222222')],
        totalCount: 2,
      },
    });
    const contacts = await connector.findContactsByPhones(['+56911111111', '+56922222222']);
    expect(contacts.map((contact) => [contact.providerId, contact.phones])).toEqual([
      ['6001', ['+56911111111']],
      ['6002', ['+56922222222']],
    ]);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.method).toBe('POST');
    expect(seen[0]?.path).toBe('/api/v1/contacts/search');
    expect(seen[0]?.body).toEqual({
      filters: [
        { field: 'addresses.address', operator: 'eq', value: '+56911111111' },
        { field: 'addresses.address', operator: 'eq', value: '+56922222222', or: true },
      ],
      size: 50,
      includeTotalCount: true,
    });
  });

  it('narrows and orders the contact list with filterBy, searchBy and sortBy', async () => {
    handler = () => ({ body: { items: [], totalCount: 0 } });
    const source = connector.contactPages({
      filterBy: [
        { field: 'FIRST_NAME', value: 'John' },
        { field: 'EMAIL', value: 'john@example.com' },
      ],
      searchBy: 'ventas',
      sortBy: [{ field: 'CREATED_AT', direction: 'DESC' }],
    });
    await readItems(source, null, 20);
    expect(seen.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /api/v1/contacts',
    ]);
    expect(seen[0]?.query).toEqual({
      filterBy: 'firstName:John;email:john@example.com',
      searchBy: 'ventas',
      sortBy: 'createdAt=desc',
      pageSize: '20',
    });
  });

  it('sends a search with its filters, sort and includeArchived, paged by its tokens', async () => {
    handler = (request) =>
      pageTokenOf(request) === undefined
        ? {
            body: {
              items: [searchContact('6001', '+56911111111')],
              nextPageToken: 'p2',
              totalCount: 2,
            },
          }
        : { body: { items: [searchContact('6002', '+56922222222')], totalCount: 2 } };
    const source = connector.contactSearchPages({
      filters: [{ field: 'ADDRESS', operator: 'CONTAINS', value: '+569' }],
      sort: [{ field: 'LAST_NAME', direction: 'ASC' }],
      includeArchived: true,
    });
    const read = await readItems(source, null, 1);
    const rest = await readItems(source, read.end === 'done' ? null : read.end, 1);
    expect([...read.items, ...rest.items].map(({ item }) => item.providerId)).toEqual([
      '6001',
      '6002',
    ]);
    const search = {
      filters: [{ field: 'addresses.address', operator: 'contains', value: '+569' }],
      sort: [{ field: 'lastName', direction: 'asc' }],
      includeArchived: true,
      size: 1,
      includeTotalCount: true,
    };
    expect(seen.map((request) => request.body)).toEqual([search, { ...search, pageToken: 'p2' }]);
  });

  it('reads further search pages only when nextPageToken says so', async () => {
    handler = (request) => {
      return pageTokenOf(request) === undefined
        ? {
            body: {
              items: [searchContact('6001', '+56911111111')],
              nextPageToken: 'p2',
              totalCount: 2,
            },
          }
        : {
            body: {
              items: [searchContact('6003', '+56911111111')],
              nextPageToken: null,
              totalCount: 2,
            },
          };
    };
    const contacts = await connector.findContactsByPhones(['+56911111111']);
    expect(contacts.map((contact) => contact.providerId)).toEqual(['6001', '6003']);
    expect(seen.map((request) => pageTokenOf(request))).toEqual([undefined, 'p2']);
  });

  it('refuses more than 50 phones without a request', async () => {
    const phones = Array.from({ length: 51 }, (_, index) => `+569${String(10000000 + index)}`);
    await expect(connector.findContactsByPhones(phones)).rejects.toThrow(/at most 50 phones/);
    expect(seen).toHaveLength(0);
    await expect(connector.findContactsByPhones([])).resolves.toEqual([]);
    expect(seen).toHaveLength(0);
  });

  it('maps 404 to NOT_FOUND', async () => {
    handler = () => ({
      status: 404,
      body: { code: 404, error: 'Not Found', message: 'Contact not found' },
    });
    const error = await connector.getContact('999').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      provider: 'LLAMADAPRO',
      route: 'GET /api/v1/contacts/{id}',
      status: 404,
    });
    expect(seen[0]?.path).toBe('/api/v1/contacts/999');
  });

  it('maps a body failing the schema to UPSTREAM_BAD_RESPONSE', async () => {
    // A task without its objective, which the unified Task cannot do without.
    handler = () => ({ body: { id: 'tsk_9', status: 'completed' } });
    const error = await connector.getTask('tsk_9').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      route: 'GET /api/v1/tasks/{taskId}',
    });
    expect(String(error)).not.toContain(API_KEY);

    handler = () => ({ body: 'not json {' });
    await expect(connector.getCall('1')).rejects.toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
  });

  it('lists messages and custom fields with their native parameters', async () => {
    handler = (request) =>
      request.path === '/api/v1/messages'
        ? {
            body: {
              items: [{ id: 'msg_1', channel: 'whatsapp', direction: 'inbound', contactId: 5521 }],
              totalCount: 1,
            },
          }
        : {
            body: {
              items: [
                {
                  id: 17,
                  tenantId: 'tenant-andes',
                  entityType: 'CONTACT',
                  fieldKey: 'segment',
                  fieldLabel: 'Segmento',
                  fieldType: 'LIST',
                  description: null,
                  createdAt: '2024-01-10T09:00:00Z',
                  updatedAt: '2024-01-10T09:00:00Z',
                },
              ],
              nextPageToken: null,
              totalCount: 1,
            },
          };
    const messages = await connector.messagePages('5521').fetchPage('', 20);
    expect(messages.items[0]).toMatchObject({
      providerId: 'msg_1',
      contactId: '5521',
      direction: 'INBOUND',
    });
    const fields = await connector.customFieldPages('CONTACT').fetchPage('', 100);
    expect(fields.items[0]).toMatchObject({ providerId: '17', key: 'segment', type: 'LIST' });
    expect(seen.map((request) => [request.path, request.query])).toEqual([
      ['/api/v1/messages', { contactId: '5521', pageSize: '20' }],
      ['/api/v1/custom-fields', { filterBy: 'entityType:CONTACT', pageSize: '100' }],
    ]);
  });
});

describe('LlamadaPro writes over HTTP', () => {
  it('creates a task with the document body', async () => {
    handler = (request) => ({
      body: {
        ...task('tsk_new'),
        ...(typeof request.body === 'object' ? request.body : {}),
        id: 'tsk_new',
      },
    });
    const created = await connector.createTask({
      objective: 'Call back about the proposal',
      conversationId: '901',
      assignedTo: { id: 'emp-44', type: 'AI_EMPLOYEE' },
      createdBy: { id: '12', type: 'USER' },
      dueDate: '2024-06-01T10:00:00Z',
      status: 'SCHEDULED',
    });
    expect(created).toMatchObject({
      providerId: 'tsk_new',
      status: 'SCHEDULED',
      conversationId: '901',
    });
    expect(seen[0]).toMatchObject({ method: 'POST', path: '/api/v1/tasks' });
    expect(seen[0]?.body).toEqual({
      context: { conversationId: 901 },
      objective: 'Call back about the proposal',
      createdBy: { id: '12', type: 'user' },
      assignedTo: { id: 'emp-44', type: 'ai_employee' },
      dueDate: '2024-06-01T10:00:00Z',
      status: 'scheduled',
    });
  });

  it('updates a task sending only given members, nulls included', async () => {
    handler = () => ({ body: { ...task('tsk_1'), status: 'cancelled' } });
    await connector.updateTask('tsk_1', {
      status: 'CANCELLED',
      dueDate: null,
      cancellationReason: 'Duplicate',
    });
    expect(seen[0]).toMatchObject({ method: 'PUT', path: '/api/v1/tasks/tsk_1' });
    expect(seen[0]?.body).toEqual({
      status: 'cancelled',
      dueDate: null,
      cancellationReason: 'Duplicate',
    });
  });

  it('sends template variables as {value} objects', async () => {
    handler = () => ({
      body: { id: 'msg_t1', channel: 'whatsapp', direction: 'outbound', status: 'pending' },
    });
    const message = await connector.sendWhatsAppTemplate({
      fromPhoneNumber: '+56229401000',
      toPhoneNumber: '+56912345678',
      templateName: 'propuesta_v2',
      languageCode: 'es',
      variables: ['Camila', 'premium'],
    });
    expect(message).toMatchObject({
      providerId: 'msg_t1',
      direction: 'OUTBOUND',
      status: 'pending',
    });
    expect(seen[0]?.path).toBe('/api/v1/messages/whatsapp/template');
    expect(seen[0]?.body).toEqual({
      fromPhoneNumber: '+56229401000',
      toPhoneNumber: '+56912345678',
      templateName: 'propuesta_v2',
      languageCode: 'es',
      variables: [{ value: 'Camila' }, { value: 'premium' }],
    });
  });

  it('deletes a custom field with force and does not retry a failed POST', async () => {
    handler = () => ({
      body: {
        id: 17,
        entityType: 'CONTACT',
        fieldKey: 'segment',
        fieldType: 'LIST',
      },
    });
    const deleted = await connector.deleteCustomField('17', true);
    expect(deleted.key).toBe('segment');
    expect(seen[0]).toMatchObject({
      method: 'DELETE',
      path: '/api/v1/custom-fields/17',
      query: { force: 'true' },
    });

    seen = [];
    handler = () => ({ status: 503, body: { error: 'busy' } });
    await expect(
      connector.startVoiceAgentCall({
        voiceAgentId: '123',
        to: '+56912345678',
        contextVariables: { customerFirstName: 'Pedro' },
      }),
    ).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ path: '/api/v1/calls/voice-agent' });
  });
});
