import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlamadaProData } from '../../src/sandbox/llamadapro/data.js';
import { createLlamadaProDialect } from '../../src/sandbox/llamadapro/dialect.js';
import {
  LLAMADAPRO_COMPANY_NUMBERS,
  type LlamadaProCallRecord,
  type LlamadaProData,
} from '../../src/sandbox/llamadapro/records.js';
import { createPeople, SANDBOX_NOW } from '../../src/sandbox/people.js';
import { VendorServer } from '../../src/sandbox/vendor-server.js';

interface Answer {
  status: number;
  // Test code reads whatever the server answered; shapes are asserted value by value.
  body: any;
}

interface Sandbox {
  server: VendorServer;
  base: string;
  call(method: string, path: string, body?: unknown, key?: string | null): Promise<Answer>;
}

async function startSandbox(data: LlamadaProData): Promise<Sandbox> {
  const server = new VendorServer(createLlamadaProDialect(data, { apiKey: 'k' }));
  const base = await server.listen();
  return {
    server,
    base,
    async call(method, path, body, key = 'k') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (key !== null) headers['authorization'] = `Bearer ${key}`;
      const response = await fetch(base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
    },
  };
}

/** Follows nextPageToken to the end and returns every item, checking each page on the way. */
async function readAll(
  sandbox: Sandbox,
  path: string,
  params: Record<string, string>,
  size: number,
  sizeParam = 'pageSize',
): Promise<{ items: any[]; pages: number; totalCount: number }> {
  const items: any[] = [];
  let token: string | null = null;
  let pages = 0;
  let totalCount = -1;
  do {
    const query = new URLSearchParams({ ...params, [sizeParam]: String(size) });
    if (token !== null) query.set('pageToken', token);
    const answer = await sandbox.call('GET', `${path}?${query}`);
    expect(answer.status).toBe(200);
    expect(answer.body.items.length).toBeLessThanOrEqual(size);
    items.push(...answer.body.items);
    token = answer.body.nextPageToken ?? null;
    totalCount = answer.body.totalCount;
    pages += 1;
    expect(pages).toBeLessThan(200);
  } while (token !== null);
  return { items, pages, totalCount };
}

const byStartDesc = (a: LlamadaProCallRecord, b: LlamadaProCallRecord): number =>
  Date.parse(b.startTime) - Date.parse(a.startTime) || a.id - b.id;
const newest = <T extends { createdAt: string; id: string }>(a: T, b: T): number =>
  Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('LlamadaPro sandbox data', () => {
  const people = createPeople();
  const data = createLlamadaProData(people);

  it('is deterministic and a fresh copy every time', () => {
    const again = createLlamadaProData(people);
    expect(
      JSON.stringify([...again.calls, ...again.contacts, ...again.tasks, ...again.messages]),
    ).toBe(JSON.stringify([...data.calls, ...data.contacts, ...data.tasks, ...data.messages]));
    again.calls.pop();
    expect(data.calls).toHaveLength(62);
  });

  it('holds the documented amounts and links', () => {
    expect(data.contacts).toHaveLength(100);
    expect(data.conversations).toHaveLength(80);
    expect(data.tasks).toHaveLength(120);
    expect(data.messages).toHaveLength(300);
    expect(data.customFields.map((field) => field.fieldKey)).toEqual([
      'customer_tier',
      'preferred_language',
      'lifetime_value',
      'birthday',
      'vip',
      'contract',
      'lead_source',
      'sku',
    ]);
    const contactIds = new Set(data.contacts.map((contact) => contact.id));
    const conversationIds = new Set(data.conversations.map((conversation) => conversation.id));
    expect(data.tasks.every((task) => conversationIds.has(task.context.conversationId))).toBe(true);
    expect(
      data.messages.every(
        (message) => message.contactId !== null && contactIds.has(message.contactId),
      ),
    ).toBe(true);
    expect(
      data.conversations.every(
        (conversation) => conversation.contacts[0]?.id === conversation.contactId,
      ),
    ).toBe(true);
    const statuses = new Set(data.calls.map((call) => call.status));
    for (const status of [
      'completed',
      'in-progress',
      'no-answer',
      'busy',
      'failed',
      'queued',
      'ringing',
      'canceled',
      'voicemail',
    ]) {
      expect(statuses.has(status)).toBe(true);
    }
    const starts = data.calls.map((call) => call.startTime);
    expect(new Set(starts).size).toBeLessThan(starts.length);
    expect(
      data.calls.every(
        (call) =>
          Date.parse(call.startTime) < SANDBOX_NOW &&
          Date.parse(call.startTime) > SANDBOX_NOW - 45 * 86_400_000,
      ),
    ).toBe(true);
  });

  it('puts a person on the customer side of most calls and the company on the other', () => {
    const phones = new Set(
      people
        .flatMap((person) => [person.phone, person.secondPhone])
        .filter((phone) => phone !== null),
    );
    const company = new Set<string>(LLAMADAPRO_COMPANY_NUMBERS);
    const customerSides = data.calls.map((call) =>
      call.direction === 'outgoing' ? call.to : call.from,
    );
    const businessSides = data.calls.map((call) =>
      call.direction === 'outgoing' ? call.from : call.to,
    );
    expect(businessSides.every((phone) => phone !== null && company.has(phone))).toBe(true);
    const known = customerSides.filter((phone) => phone !== null && phones.has(phone)).length;
    expect(known / data.calls.length).toBeGreaterThan(0.75);
    expect([...company].some((phone) => phones.has(phone))).toBe(false);
    for (const call of data.calls.filter((entry) => entry.contactId !== null)) {
      const contact = data.contacts.find((entry) => entry.id === call.contactId);
      const customer = call.direction === 'outgoing' ? call.to : call.from;
      expect(contact?.addresses.some((address) => address.address === customer)).toBe(true);
    }
  });

  it('keeps contact custom fields within their definitions', () => {
    const keys = new Set(
      data.customFields
        .filter((field) => field.entityType === 'CONTACT')
        .map((field) => field.fieldKey),
    );
    const tiers = data.customFieldOptions
      .filter((option) => option.definitionId === 401)
      .map((option) => option.value);
    for (const contact of data.contacts) {
      for (const key of Object.keys(contact.customFields)) expect(keys.has(key)).toBe(true);
      const tier = contact.customFields['customer_tier'];
      if (tier !== undefined) expect(tiers).toContain(tier);
    }
  });
});

describe('LlamadaPro sandbox reads', () => {
  const expected = createLlamadaProData(createPeople());
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox(createLlamadaProData(createPeople()));
  });
  afterAll(async () => {
    await sandbox.server.close();
  });

  it('answers 401 in the vendor error shape without or with a wrong key', async () => {
    const missing = await sandbox.call('GET', '/api/v1/calls', undefined, null);
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({
      code: 401,
      error: 'Unauthorized',
      message: 'unauthorized',
      details: {},
    });
    expect((await sandbox.call('GET', '/api/v1/calls', undefined, 'wrong')).status).toBe(401);
    expect((await sandbox.call('GET', '/api/v1/calls')).status).toBe(200);
    expect(sandbox.server.log.at(-1)?.headers['authorization']).toBe('Bearer k');
  });

  it('pages calls newest first, ties by id, each once', async () => {
    const { items, pages, totalCount } = await readAll(sandbox, '/api/v1/calls', {}, 7);
    const order = [...expected.calls].sort(byStartDesc).map((call) => call.id);
    expect(items.map((call) => call.id)).toEqual(order);
    expect(pages).toBe(9);
    expect(totalCount).toBe(62);
    const tied = expected.calls.filter((call) =>
      expected.calls.some((other) => other !== call && other.startTime === call.startTime),
    );
    expect(tied).toHaveLength(2);
    const positions = tied.map((call) => items.findIndex((item) => item.id === call.id));
    expect(Math.abs((positions[0] ?? 0) - (positions[1] ?? 0))).toBe(1);
    const [low, high] = [...tied].sort((a, b) => a.id - b.id);
    expect(items.findIndex((item) => item.id === low?.id)).toBeLessThan(
      items.findIndex((item) => item.id === high?.id),
    );
    expect(items[0]).toEqual(expected.calls.find((call) => call.id === order[0]));
  });

  it('filters calls by phone, status and start window', async () => {
    const sample = expected.calls.find(
      (call) => call.direction === 'incoming' && call.contactId !== null,
    );
    const phone = sample?.from ?? '';
    const byPhone = await sandbox.call(
      'GET',
      `/api/v1/calls?${new URLSearchParams({ phone, pageSize: '100' })}`,
    );
    const wanted = expected.calls
      .filter((call) => call.from === phone || call.to === phone)
      .sort(byStartDesc)
      .map((call) => call.id);
    expect(wanted.length).toBeGreaterThan(0);
    expect(byPhone.body.items.map((call: LlamadaProCallRecord) => call.id)).toEqual(wanted);
    expect(byPhone.body.totalCount).toBe(wanted.length);

    const company = await sandbox.call(
      'GET',
      `/api/v1/calls?${new URLSearchParams({ phone: LLAMADAPRO_COMPANY_NUMBERS[0], pageSize: '100' })}`,
    );
    expect(company.body.totalCount).toBe(
      expected.calls.filter(
        (call) =>
          call.from === LLAMADAPRO_COMPANY_NUMBERS[0] || call.to === LLAMADAPRO_COMPANY_NUMBERS[0],
      ).length,
    );

    const completed = await sandbox.call('GET', '/api/v1/calls?status=completed&pageSize=100');
    expect(completed.body.totalCount).toBe(35);
    expect(
      completed.body.items.every((call: LlamadaProCallRecord) => call.status === 'completed'),
    ).toBe(true);
    const several = await sandbox.call(
      'GET',
      '/api/v1/calls?status=no-answer,busy,voicemail&pageSize=100',
    );
    expect(several.body.totalCount).toBe(
      expected.calls.filter((call) => ['no-answer', 'busy', 'voicemail'].includes(call.status))
        .length,
    );

    const after = new Date(SANDBOX_NOW - 10 * 86_400_000).toISOString();
    const before = new Date(SANDBOX_NOW - 3 * 86_400_000).toISOString();
    const window = await sandbox.call(
      'GET',
      `/api/v1/calls?${new URLSearchParams({ startedAfter: after, startedBefore: before, pageSize: '100' })}`,
    );
    const inWindow = expected.calls
      .filter((call) => call.startTime >= after && call.startTime <= before)
      .sort(byStartDesc)
      .map((call) => call.id);
    expect(inWindow.length).toBeGreaterThan(0);
    expect(window.body.items.map((call: LlamadaProCallRecord) => call.id)).toEqual(inWindow);

    expect((await sandbox.call('GET', '/api/v1/calls?startedAfter=yesterday')).status).toBe(400);
    expect((await sandbox.call('GET', '/api/v1/calls?pageSize=0')).status).toBe(400);
    expect((await sandbox.call('GET', '/api/v1/calls?pageSize=101')).status).toBe(400);
  });

  it('serves one call, its transcription and recording, and 404s', async () => {
    const completed = expected.calls.filter((call) => call.status === 'completed');
    const transcribed = completed.find((call) => expected.transcriptions.has(call.id));
    const untranscribed = completed.find((call) => !expected.transcriptions.has(call.id));
    const unanswered = expected.calls.find((call) => call.status === 'no-answer');
    expect(transcribed && untranscribed && unanswered).toBeTruthy();

    const one = await sandbox.call('GET', `/api/v1/calls/${transcribed?.id}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual(transcribed);

    const transcription = await sandbox.call(
      'GET',
      `/api/v1/calls/${transcribed?.id}/transcription`,
    );
    expect(transcription.status).toBe(200);
    expect(transcription.body.text).toMatch(/^(Agent|Customer): /);
    const recording = await sandbox.call('GET', `/api/v1/calls/${transcribed?.id}/recording`);
    expect(recording.body.callId).toBe(transcribed?.id);
    expect(recording.body.id).toBe(transcription.body.recordingId);
    expect(recording.body.url).toMatch(/^https:\/\/.+\.mp3$/);

    expect(
      (await sandbox.call('GET', `/api/v1/calls/${untranscribed?.id}/transcription`)).status,
    ).toBe(404);
    expect((await sandbox.call('GET', `/api/v1/calls/${untranscribed?.id}/recording`)).status).toBe(
      200,
    );
    expect((await sandbox.call('GET', `/api/v1/calls/${unanswered?.id}/recording`)).status).toBe(
      404,
    );
    const missing = await sandbox.call('GET', '/api/v1/calls/999999');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 404, error: 'Not Found' });
    expect((await sandbox.call('GET', '/api/v1/calls/999999/recording')).status).toBe(404);
    expect((await sandbox.call('GET', '/api/v1/calls/abc')).status).toBe(400);
  });

  it('pages tasks with limit, newest first, each once', async () => {
    const { items, totalCount } = await readAll(sandbox, '/api/v1/tasks', {}, 9, 'limit');
    expect(totalCount).toBe(120);
    expect(items.map((task) => task.id)).toEqual(
      [...expected.tasks].sort(newest).map((task) => task.id),
    );
    expect(new Set(items.map((task) => task.id)).size).toBe(120);
  });

  it('filters tasks by each filter', async () => {
    const list = async (params: Record<string, string>): Promise<string[]> => {
      const answer = await sandbox.call(
        'GET',
        `/api/v1/tasks?${new URLSearchParams({ ...params, limit: '100' })}`,
      );
      expect(answer.status).toBe(200);
      expect(answer.body.nextPageToken ?? null).toBeNull();
      return answer.body.items.map((task: { id: string }) => task.id);
    };
    const ids = (keep: (task: LlamadaProData['tasks'][number]) => boolean): string[] =>
      expected.tasks
        .filter(keep)
        .sort(newest)
        .map((task) => task.id);

    for (const status of ['completed', 'cancelled', 'scheduled', 'overdue'] as const) {
      const wanted = ids((task) => task.status === status);
      expect(wanted.length).toBeGreaterThan(0);
      expect(await list({ status })).toEqual(wanted);
    }
    const scheduled = expected.tasks.filter((task) => task.status === 'scheduled');
    expect(
      scheduled.every((task) => task.dueDate !== null && Date.parse(task.dueDate) > SANDBOX_NOW),
    ).toBe(true);
    const overdue = expected.tasks.filter((task) => task.status === 'overdue');
    expect(
      overdue.every(
        (task) =>
          task.dueDate !== null &&
          Date.parse(task.dueDate) < SANDBOX_NOW &&
          task.completedAt === null,
      ),
    ).toBe(true);

    const now = new Date(SANDBOX_NOW).toISOString();
    expect(await list({ dueBefore: now })).toEqual(
      ids((task) => task.dueDate !== null && task.dueDate <= now),
    );
    expect(await list({ dueAfter: now })).toEqual(
      ids((task) => task.dueDate !== null && task.dueDate >= now),
    );
    const conversationId = expected.tasks[0]?.context.conversationId ?? 0;
    expect(await list({ conversationId: String(conversationId) })).toEqual(
      ids((task) => task.context.conversationId === conversationId),
    );
    expect(await list({ assignedToType: 'ai_employee' })).toEqual(
      ids((task) => task.assignedTo.type === 'ai_employee'),
    );
    expect(await list({ assignedToType: 'user', assignedToId: '12' })).toEqual(
      ids((task) => task.assignedTo.type === 'user' && task.assignedTo.id === '12'),
    );

    expect((await sandbox.call('GET', '/api/v1/tasks?status=pending')).status).toBe(400);
    expect((await sandbox.call('GET', '/api/v1/tasks?assignedToType=robot')).status).toBe(400);
    expect((await sandbox.call('GET', '/api/v1/tasks?limit=-1')).status).toBe(400);
    expect((await sandbox.call('GET', '/api/v1/tasks?conversationId=x')).status).toBe(400);
    const one = expected.tasks[5];
    expect((await sandbox.call('GET', `/api/v1/tasks/${one?.id}`)).body).toEqual(one);
    expect((await sandbox.call('GET', '/api/v1/tasks/task_nope')).status).toBe(404);
  });

  it('pages contacts by id, filters and sorts them', async () => {
    const { items, totalCount } = await readAll(sandbox, '/api/v1/contacts', {}, 15);
    expect(totalCount).toBe(100);
    expect(items.map((contact) => contact.id)).toEqual(
      expected.contacts.map((contact) => contact.id),
    );
    expect(items[3]).toEqual(expected.contacts[3]);

    const first = expected.contacts[0];
    const byName = await sandbox.call(
      'GET',
      `/api/v1/contacts?${new URLSearchParams({ filterBy: `firstName:${first?.firstName};lastName:${first?.lastName}`, pageSize: '100' })}`,
    );
    expect(byName.body.items.map((contact: { id: number }) => contact.id)).toEqual(
      expected.contacts
        .filter(
          (contact) =>
            contact.firstName === first?.firstName && contact.lastName === first?.lastName,
        )
        .map((contact) => contact.id),
    );
    const sorted = await sandbox.call('GET', '/api/v1/contacts?sortBy=createdAt=desc&pageSize=5');
    expect(sorted.body.items.map((contact: { id: number }) => contact.id)).toEqual(
      [...expected.contacts]
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || a.id - b.id)
        .slice(0, 5)
        .map((contact) => contact.id),
    );
    expect((await sandbox.call('GET', '/api/v1/contacts?sortBy=shoeSize=desc')).status).toBe(400);
    expect((await sandbox.call('GET', '/api/v1/contacts?filterBy=shoeSize:42')).status).toBe(400);
    expect((await sandbox.call('GET', `/api/v1/contacts/${first?.id}`)).body).toEqual(first);
    expect((await sandbox.call('GET', '/api/v1/contacts/424242')).status).toBe(404);
  });

  it('searches contacts with OR-ed address filters and answers string ids', async () => {
    const withSecond = expected.contacts
      .slice(5, 60)
      .find(
        (contact) =>
          contact.addresses.filter((address) => address.channelType === 'PHONE').length > 1,
      );
    const phones = [
      expected.contacts[4]?.addresses[0]?.address,
      withSecond?.addresses.filter((address) => address.channelType === 'PHONE')[1]?.address,
      expected.contacts[60]?.addresses[0]?.address,
      '+19999999999',
    ];
    const answer = await sandbox.call('POST', '/api/v1/contacts/search', {
      filters: phones.map((value, index) => ({
        field: 'addresses.address',
        operator: 'eq',
        value,
        or: index > 0,
      })),
      size: 50,
      includeTotalCount: true,
    });
    expect(answer.status).toBe(200);
    const wanted = expected.contacts.filter((contact) =>
      contact.addresses.some((address) => phones.includes(address.address)),
    );
    expect(wanted).toHaveLength(3);
    expect(answer.body.items.map((item: { id: string }) => item.id)).toEqual(
      wanted.map((contact) => String(contact.id)),
    );
    expect(answer.body.totalCount).toBe(3);
    const item = answer.body.items[0];
    expect(item).toMatchObject({
      modelType: 'Contact',
      id: String(wanted[0]?.id),
      firstName: wanted[0]?.firstName,
    });
    expect(item.userId === null || typeof item.userId === 'string').toBe(true);
    expect(item.addresses).toEqual(wanted[0]?.addresses);

    const contact = expected.contacts[10];
    const anded = await sandbox.call('POST', '/api/v1/contacts/search', {
      filters: [
        { field: 'firstName', operator: 'eq', value: contact?.firstName },
        { field: 'addresses.address', operator: 'eq', value: contact?.addresses[0]?.address },
      ],
    });
    expect(anded.body.items.map((found: { id: string }) => found.id)).toEqual([
      String(contact?.id),
    ]);
    expect(anded.body.totalCount).toBeUndefined();

    const text = await sandbox.call('POST', '/api/v1/contacts/search', {
      search: `${contact?.lastName} ${contact?.firstName}`,
      size: 50,
    });
    expect(text.body.items.map((found: { id: string }) => found.id)).toContain(String(contact?.id));

    const contains = await sandbox.call('POST', '/api/v1/contacts/search', {
      filters: [{ field: 'addresses.address', operator: 'contains', value: '@' }],
      size: 10,
      includeTotalCount: 'true',
    });
    const withEmail = expected.contacts.filter((entry) =>
      entry.addresses.some((address) => address.channelType === 'EMAIL'),
    );
    expect(contains.body.totalCount).toBe(withEmail.length);
    const next = await sandbox.call('POST', '/api/v1/contacts/search', {
      filters: [{ field: 'addresses.address', operator: 'contains', value: '@' }],
      size: 10,
      pageToken: contains.body.nextPageToken,
    });
    expect(next.body.items.map((found: { id: string }) => found.id)).toEqual(
      withEmail.slice(10, 20).map((entry) => String(entry.id)),
    );

    expect((await sandbox.call('POST', '/api/v1/contacts/search', { size: 51 })).status).toBe(400);
    expect(
      (
        await sandbox.call('POST', '/api/v1/contacts/search', {
          filters: [{ field: 'shoeSize', operator: 'eq', value: '1' }],
        })
      ).status,
    ).toBe(400);
  });

  it('lists messages by contact newest first and pages all of them', async () => {
    const contactId = expected.messages[0]?.contactId ?? 0;
    const wanted = expected.messages
      .filter((message) => message.contactId === contactId)
      .sort(newest);
    const { items, totalCount } = await readAll(
      sandbox,
      '/api/v1/messages',
      { contactId: String(contactId) },
      3,
    );
    expect(items.map((message) => message.id)).toEqual(wanted.map((message) => message.id));
    expect(totalCount).toBe(wanted.length);
    expect(
      items.every((message) => message.channel === 'whatsapp' && message.contactId === contactId),
    ).toBe(true);

    const all = await readAll(sandbox, '/api/v1/messages', {}, 40);
    expect(all.totalCount).toBe(300);
    expect(all.items.map((message) => message.id)).toEqual(
      [...expected.messages].sort(newest).map((message) => message.id),
    );

    const one = expected.messages[7];
    expect((await sandbox.call('GET', `/api/v1/messages/${one?.id}`)).body).toEqual(one);
    expect((await sandbox.call('GET', '/api/v1/messages/msg_missing')).status).toBe(404);
    expect((await sandbox.call('GET', '/api/v1/messages?contactId=abc')).status).toBe(400);
  });

  it('pages custom fields and their options', async () => {
    const { items, totalCount } = await readAll(sandbox, '/api/v1/custom-fields', {}, 3);
    expect(totalCount).toBe(8);
    expect(items.map((field) => field.id)).toEqual([401, 402, 403, 404, 405, 406, 407, 408]);
    const contactOnly = await sandbox.call(
      'GET',
      '/api/v1/custom-fields?filterBy=entityType:CONTACT&pageSize=100',
    );
    expect(contactOnly.body.items.map((field: { fieldKey: string }) => field.fieldKey)).toEqual([
      'customer_tier',
      'preferred_language',
      'lifetime_value',
      'birthday',
      'vip',
      'contract',
    ]);
    expect(
      (await sandbox.call('GET', '/api/v1/custom-fields?filterBy=entityType:SHIP')).status,
    ).toBe(400);
    const options = await readAll(sandbox, '/api/v1/custom-fields/401/options', {}, 3);
    expect(options.items.map((option) => option.value)).toEqual([
      'bronze',
      'silver',
      'gold',
      'platinum',
    ]);
    expect(options.items[0]).toMatchObject({
      definitionId: 401,
      label: 'Bronze',
      tenantId: expect.any(String),
    });
    expect((await sandbox.call('GET', '/api/v1/custom-fields/999')).status).toBe(404);
    expect((await sandbox.call('GET', '/api/v1/custom-fields/401/options/905')).status).toBe(404);
    expect((await sandbox.call('GET', '/api/v1/custom-fields/402/options/905')).body.value).toBe(
      'es',
    );
  });

  it('refuses bad page tokens', async () => {
    expect((await sandbox.call('GET', '/api/v1/calls?pageToken=not-a-token')).status).toBe(400);
    const calls = await sandbox.call('GET', '/api/v1/calls?pageSize=5');
    const token: string = calls.body.nextPageToken;
    expect(typeof token).toBe('string');
    const wrongList = await sandbox.call('GET', `/api/v1/tasks?pageToken=${token}`);
    expect(wrongList.status).toBe(400);
    expect(wrongList.body).toMatchObject({ code: 400, error: 'Bad Request' });
    expect(
      (await sandbox.call('POST', '/api/v1/contacts/search', { pageToken: 'Zm9vOjE' })).status,
    ).toBe(400);
    const second = await sandbox.call('GET', `/api/v1/calls?pageSize=5&pageToken=${token}`);
    expect(second.body.items).toHaveLength(5);
  });
});

describe('LlamadaPro sandbox writes', () => {
  let data: LlamadaProData;
  let sandbox: Sandbox;

  beforeAll(async () => {
    data = createLlamadaProData(createPeople());
    sandbox = await startSandbox(data);
  });
  afterAll(async () => {
    await sandbox.server.close();
  });

  it('creates, updates and deletes a task', async () => {
    const conversationId = data.conversations[3]?.id ?? 0;
    const created = await sandbox.call('POST', '/api/v1/tasks', {
      context: { conversationId },
      objective: 'Llamar para confirmar la entrega',
      createdBy: { id: '11', type: 'user' },
      assignedTo: { id: 'aie_201', type: 'ai_employee' },
      dueDate: '2026-12-01T10:00:00Z',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      status: 'scheduled',
      context: { conversationId },
      dueDate: '2026-12-01T10:00:00.000Z',
    });
    const id: string = created.body.id;

    const listed = await sandbox.call(
      'GET',
      `/api/v1/tasks?conversationId=${conversationId}&limit=100`,
    );
    expect(listed.body.items[0].id).toBe(id);

    const updated = await sandbox.call('PUT', `/api/v1/tasks/${id}`, { status: 'completed' });
    expect(updated.body.status).toBe('completed');
    expect(updated.body.completedAt).toEqual(expect.any(String));
    expect((await sandbox.call('GET', `/api/v1/tasks/${id}`)).body.status).toBe('completed');

    expect((await sandbox.call('DELETE', `/api/v1/tasks/${id}`)).body.id).toBe(id);
    expect((await sandbox.call('GET', `/api/v1/tasks/${id}`)).status).toBe(404);
    expect((await sandbox.call('DELETE', `/api/v1/tasks/${id}`)).status).toBe(404);

    const invalid = await sandbox.call('POST', '/api/v1/tasks', {
      objective: 'x',
      createdBy: { id: '1', type: 'user' },
      assignedTo: { id: '1', type: 'bot' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe(400);
    const unknownConversation = await sandbox.call('POST', '/api/v1/tasks', {
      context: { conversationId: 1 },
      objective: 'x',
      createdBy: { id: '1', type: 'user' },
      assignedTo: { id: '1', type: 'user' },
    });
    expect(unknownConversation.status).toBe(400);
  });

  it('creates a contact that search finds, updates it and deletes it', async () => {
    const created = await sandbox.call('POST', '/api/v1/contacts', {
      firstName: 'Jane',
      lastName: 'Doe',
      customFields: { customer_tier: 'gold' },
      addresses: [
        { channelType: 'PHONE', address: '+56912345678' },
        { channelType: 'EMAIL', address: 'jane@example.com' },
      ],
    });
    expect(created.status).toBe(200);
    const id: number = created.body.id;
    expect(
      created.body.addresses.map((address: { channelType: string }) => address.channelType),
    ).toEqual(['PHONE', 'EMAIL']);

    const found = await sandbox.call('POST', '/api/v1/contacts/search', {
      filters: [{ field: 'addresses.address', operator: 'eq', value: '+56912345678' }],
    });
    expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([String(id)]);

    const updated = await sandbox.call('PUT', `/api/v1/contacts/${id}`, {
      firstName: 'Janet',
      customFields: { customer_tier: null, vip: true },
    });
    expect(updated.body).toMatchObject({
      firstName: 'Janet',
      lastName: 'Doe',
      customFields: { vip: true },
    });
    expect(updated.body.customFields.customer_tier).toBeUndefined();

    expect(
      (
        await sandbox.call('POST', '/api/v1/contacts', {
          customFields: { customer_tier: 'diamond' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await sandbox.call('POST', '/api/v1/contacts', {
          addresses: [{ channelType: 'PHONE', address: '555-1234' }],
        })
      ).status,
    ).toBe(400);

    expect((await sandbox.call('DELETE', `/api/v1/contacts/${id}`)).body.firstName).toBe('Janet');
    expect((await sandbox.call('GET', `/api/v1/contacts/${id}`)).status).toBe(404);
  });

  it('starts calls that are listed first, and validates their forms', async () => {
    const person = data.contacts[2];
    const phone = person?.addresses[0]?.address ?? '';
    const started = await sandbox.call('POST', '/api/v1/calls/agent', {
      toPhoneNumber: phone,
      objectives: ['Confirm the delivery'],
    });
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      status: 'queued',
      direction: 'outgoing',
      to: phone,
      contactId: person?.id,
    });
    const listed = await sandbox.call('GET', `/api/v1/calls?${new URLSearchParams({ phone })}`);
    expect(listed.body.items[0].id).toBe(started.body.id);
    expect((await sandbox.call('GET', '/api/v1/calls?pageSize=1')).body.items[0].id).toBe(
      started.body.id,
    );

    expect(
      (await sandbox.call('POST', '/api/v1/calls/agent', { toPhoneNumber: phone, objectives: [] }))
        .status,
    ).toBe(400);
    expect(
      (
        await sandbox.call('POST', '/api/v1/calls/agent', {
          toPhoneNumber: '12345',
          objectives: ['x'],
        })
      ).status,
    ).toBe(400);
    const voice = await sandbox.call('POST', '/api/v1/calls/voice-agent', {
      voiceAgentId: 123,
      to: phone,
      contextVariables: { customerFirstName: 'Pedro' },
    });
    expect(voice.body).toMatchObject({ status: 'queued', to: phone });
    expect(
      (await sandbox.call('POST', '/api/v1/calls/voice-agent', { voiceAgentId: 123, to: phone }))
        .status,
    ).toBe(400);
    expect((await sandbox.call('POST', '/api/v1/calls/bridge', { to: phone })).body.status).toBe(
      'queued',
    );
    const imported = await sandbox.call('POST', '/api/v1/calls', {
      status: 'completed',
      userId: null,
      metadata: null,
      from: phone,
      to: LLAMADAPRO_COMPANY_NUMBERS[0],
      duration: 30,
      direction: 'incoming',
      startTime: '2026-10-01T10:00:00Z',
    });
    expect(imported.body).toMatchObject({
      status: 'completed',
      startTime: '2026-10-01T10:00:00.000Z',
      contactId: person?.id,
    });
    expect(
      (
        await sandbox.call('POST', '/api/v1/calls', {
          status: 'completed',
          userId: null,
          from: 'a',
          to: 'b',
          duration: 1,
          direction: 'incoming',
          startTime: '2026-10-01T10:00:00Z',
        })
      ).status,
    ).toBe(400);
    const recording = await sandbox.call('POST', '/api/v1/recordings', {
      userId: 11,
      url: 'https://example.com/a.mp3',
      callTo: phone,
      callDirection: 'outgoing',
    });
    expect(recording.body).toMatchObject({
      url: 'https://example.com/a.mp3',
      callId: expect.any(Number),
    });
    expect(
      (await sandbox.call('GET', `/api/v1/calls/${recording.body.callId}/recording`)).body.id,
    ).toBe(recording.body.id);
  });

  it('sends WhatsApp messages and validates templates', async () => {
    const contact = data.contacts.find((entry) =>
      entry.addresses.some((address) => address.channelType === 'WHATSAPP'),
    );
    const to =
      contact?.addresses.find((address) => address.channelType === 'WHATSAPP')?.address ?? '';
    const base = {
      fromPhoneNumber: LLAMADAPRO_COMPANY_NUMBERS[0],
      toPhoneNumber: to,
      templateName: 'order_update',
      languageCode: 'es',
    };
    expect(
      (
        await sandbox.call('POST', '/api/v1/messages/whatsapp/template', {
          ...base,
          variables: [{ value: 'a' }],
          components: [{ type: 'body' }],
        })
      ).status,
    ).toBe(400);
    // A template without parameters takes neither.
    expect((await sandbox.call('POST', '/api/v1/messages/whatsapp/template', base)).status).toBe(
      200,
    );
    expect(
      (
        await sandbox.call('POST', '/api/v1/messages/whatsapp/template', {
          ...base,
          toPhoneNumber: '5691234',
          variables: [],
        })
      ).status,
    ).toBe(400);
    const sent = await sandbox.call('POST', '/api/v1/messages/whatsapp/template', {
      ...base,
      variables: [{ value: 'Pedro' }, { value: '48213' }],
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      direction: 'outbound',
      channel: 'whatsapp',
      contactId: contact?.id,
      status: 'pending',
      recipient: { address: to },
    });
    expect(sent.body.content).toContain('Pedro');
    const listed = await sandbox.call(
      'GET',
      `/api/v1/messages?contactId=${contact?.id}&pageSize=1`,
    );
    expect(listed.body.items[0].id).toBe(sent.body.id);

    const media = await sandbox.call('POST', '/api/v1/messages/whatsapp/media', {
      fromPhoneNumber: LLAMADAPRO_COMPANY_NUMBERS[0],
      fileName: 'invoice.pdf',
      contentType: 'application/pdf',
      content: Buffer.from('%PDF-1.4').toString('base64'),
    });
    expect(media.body).toMatchObject({
      fileName: 'invoice.pdf',
      size: 8,
      contentType: 'application/pdf',
    });
    const document = await sandbox.call('POST', '/api/v1/messages/whatsapp', {
      fromPhoneNumber: LLAMADAPRO_COMPANY_NUMBERS[0],
      toPhoneNumber: to,
      content: 'Su factura',
      type: 'document',
      fileId: media.body.fileId,
    });
    expect(document.body.attachments[0]).toMatchObject({
      id: media.body.fileId,
      type: 'document',
      unsignedUrl: media.body.url,
    });
    expect(
      (
        await sandbox.call('POST', '/api/v1/messages/whatsapp', {
          fromPhoneNumber: LLAMADAPRO_COMPANY_NUMBERS[0],
          toPhoneNumber: to,
          content: 'x',
          type: 'image',
        })
      ).status,
    ).toBe(400);
    expect((await sandbox.call('GET', `/api/v1/messages/${document.body.id}`)).body.content).toBe(
      'Su factura',
    );
  });

  it('guards custom field deletes that would drop values', async () => {
    const holders = data.contacts.filter(
      (contact) => contact.customFields['vip'] !== undefined,
    ).length;
    expect(holders).toBeGreaterThan(0);
    const refused = await sandbox.call('DELETE', '/api/v1/custom-fields/405');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 409, error: 'Conflict' });
    const forced = await sandbox.call('DELETE', '/api/v1/custom-fields/405?force=true');
    expect(forced.body.fieldKey).toBe('vip');
    expect((await sandbox.call('GET', '/api/v1/custom-fields/405')).status).toBe(404);
    expect(data.contacts.some((contact) => contact.customFields['vip'] !== undefined)).toBe(false);

    const field = await sandbox.call('POST', '/api/v1/custom-fields', {
      entityType: 'CONTACT',
      fieldKey: 'region',
      fieldType: 'LIST',
      fieldLabel: 'Region',
    });
    expect(field.status).toBe(200);
    const option = await sandbox.call('POST', `/api/v1/custom-fields/${field.body.id}/options`, {
      definitionId: field.body.id,
      value: 'north',
      label: 'North',
    });
    expect(option.body).toMatchObject({ definitionId: field.body.id, value: 'north' });
    expect(
      (
        await sandbox.call('POST', `/api/v1/custom-fields/${field.body.id}/options`, {
          definitionId: field.body.id,
          value: 'north',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await sandbox.call(
          'PUT',
          `/api/v1/custom-fields/${field.body.id}/options/${option.body.id}`,
          { label: 'Norte' },
        )
      ).body.label,
    ).toBe('Norte');
    expect((await sandbox.call('DELETE', `/api/v1/custom-fields/${field.body.id}`)).status).toBe(
      200,
    );
    expect(
      (
        await sandbox.call('POST', '/api/v1/custom-fields', {
          entityType: 'CONTACT',
          fieldKey: 'lifetime_value',
          fieldType: 'NUMBER',
        })
      ).status,
    ).toBe(400);
  });

  it('creates conversations one by one and in bulk with per-item issues', async () => {
    const contact = data.contacts[7];
    const single = await sandbox.call('POST', '/api/v1/conversations', {
      funnelId: 9,
      contactId: contact?.id,
      customFields: { lead_source: 'web' },
    });
    expect(single.status).toBe(200);
    expect(single.body).toMatchObject({
      funnelId: 9,
      contactId: contact?.id,
      contacts: [{ id: contact?.id }],
      customFields: { lead_source: 'web' },
    });
    expect((await sandbox.call('GET', `/api/v1/conversations/${single.body.id}`)).body.id).toBe(
      single.body.id,
    );
    expect(
      (await sandbox.call('POST', '/api/v1/conversations', { contactId: contact?.id })).status,
    ).toBe(400);

    const bulk = await sandbox.call('POST', '/api/v1/conversations/bulk', {
      conversations: [
        {
          funnelId: 2,
          contact: { firstName: 'Nuevo', lastName: 'Cliente', phones: ['+56987654321'] },
        },
        { contactId: contact?.id },
        { funnelId: 9, contactId: contact?.id },
        { funnelId: 2, contactId: 1 },
      ],
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.report.counts).toEqual({
      successful: 1,
      warnings: 0,
      duplicates: 1,
      errors: 2,
      total: 4,
    });
    expect(bulk.body.report.itemsIssues.map((issue: { index: number }) => issue.index)).toEqual([
      1, 2, 3,
    ]);
    expect(bulk.body.report.itemsIssues[0].errors[0]).toMatchObject({
      field: 'funnelId',
      code: 'REQUIRED_FIELD',
    });
    expect(bulk.body.report.itemsIssues[1].existingEntities).toEqual({
      conversationId: single.body.id,
      contactId: contact?.id,
    });
    expect(bulk.body.report.itemsIssues[2].errors[0]).toMatchObject({
      field: 'contactId',
      code: 'NOT_FOUND',
    });
    expect(typeof bulk.body.operationId).toBe('string');
    expect(
      data.contacts.some((entry) =>
        entry.addresses.some((address) => address.address === '+56987654321'),
      ),
    ).toBe(true);

    const update = await sandbox.call('PUT', '/api/v1/conversations/bulk', {
      conversations: [
        { id: single.body.id, funnelStatusId: 93 },
        { funnelStatusId: 1 },
        { id: 1, funnelStatusId: 1 },
      ],
    });
    expect(update.body.report.counts).toMatchObject({ successful: 1, errors: 2, total: 3 });
    expect(
      (await sandbox.call('GET', `/api/v1/conversations/${single.body.id}`)).body.funnelStatusId,
    ).toBe(93);
    expect(
      (await sandbox.call('POST', '/api/v1/conversations/bulk', { conversations: [] })).body.report
        .batchErrors[0].code,
    ).toBe('REQUIRED_FIELD');
    expect((await sandbox.call('POST', '/api/v1/conversations/bulk', {})).status).toBe(400);
    expect((await sandbox.call('GET', '/api/v1/conversations/1')).status).toBe(404);
  });
});
