import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LlamadaProCallRecord } from '../../src/sandbox/llamadapro/records.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

/*
 * The CRM side of the graph as LlamadaPro's and Freya's documents describe it: what the calls
 * name, the statuses and channels the mapping does not know, the members typed from `raw`, the
 * contact list's and search's own arguments, and the inputs the vendors accept.
 */

let t: TestGateway;
const sandbox = () => t.gateway.sandbox!;
const data = () => sandbox().data;
const seen = (vendor?: 'llamadapro' | 'freya') =>
  sandbox()
    .requests(vendor)
    .map((request) => `${request.method} ${request.path}`);

beforeAll(async () => {
  t = await startTestGateway();
});
afterEach(() => sandbox().clearFaults());
afterAll(async () => {
  await t.close();
});

function gid(type: string, provider: string, id: string | number): string {
  return Buffer.from(`${type}:${provider}:${String(id)}`, 'utf8').toString('base64url');
}

const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

/** The number a LlamadaPro call was made to or taken from, as the sandbox stores it. */
const customerOf = (call: LlamadaProCallRecord) =>
  call.direction === 'outgoing' ? call.to : call.from;

/** The values of a logged contact search's filters. */
function searchedValues(body: unknown): unknown[] {
  const filters: unknown =
    typeof body === 'object' && body !== null ? Reflect.get(body, 'filters') : undefined;
  return Array.isArray(filters)
    ? filters.map((filter: unknown) =>
        typeof filter === 'object' && filter !== null ? Reflect.get(filter, 'value') : undefined,
      )
    : [];
}

const CALL_CONTACT = `query($id: ID!) { call(id: $id) { contact { providerId displayName } } }`;

describe('Call.contact of a LlamadaPro call', () => {
  it('finds the contact the call names through the batched search, and by id once its number moved', async () => {
    const call = data().llamadapro.calls.find((candidate) => candidate.contactId !== null)!;
    const owner = data().llamadapro.contacts.find((contact) => contact.id === call.contactId)!;
    sandbox().resetLog();
    const answer = await t.query(CALL_CONTACT, { id: gid('Call', 'LLAMADAPRO', call.id) });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.call.contact.providerId).toBe(String(owner.id));
    // The number finds the contact the call names: no read by id.
    expect(seen('llamadapro')).toEqual([
      `GET /api/v1/calls/${call.id}`,
      'POST /api/v1/contacts/search',
    ]);

    // The contact no longer holds the call's number: a lookup by number would find no one.
    const moved = await t.query(
      `mutation($id: ID!, $input: UpdateContactInput!) {
        updateContact(id: $id, input: $input) { userErrors { message } }
      }`,
      {
        id: gid('Contact', 'LLAMADAPRO', owner.id),
        input: { addresses: [{ channel: 'PHONE', address: '+15005550123' }] },
      },
    );
    expect(moved.data!.updateContact.userErrors).toEqual([]);
    expect(
      data().llamadapro.contacts.some((contact) =>
        contact.addresses.some((entry) => entry.address === customerOf(call)),
      ),
    ).toBe(false);
    sandbox().resetLog();
    const again = await t.query(CALL_CONTACT, { id: gid('Call', 'LLAMADAPRO', call.id) });
    expect(again.errors).toEqual([]);
    expect(again.data!.call.contact.providerId).toBe(String(owner.id));
    expect(seen('llamadapro')).toContain(`GET /api/v1/contacts/${owner.id}`);
  });

  it('resolves a page of calls with one search per 50 numbers, each call to the contact it names', async () => {
    sandbox().resetLog();
    const answer = await t.query(
      `{ calls(first: 100, filter: { providers: [LLAMADAPRO] }) {
        edges { node { providerId customerPhone contact { providerId } } }
      } }`,
    );
    expect(answer.errors).toEqual([]);
    const nodes: Array<{
      providerId: string;
      customerPhone: string | null;
      contact: { providerId: string } | null;
    }> = answer.data!.calls.edges.map((edge: { node: unknown }) => edge.node);
    const named = new Set<string>();
    for (const node of nodes) {
      const record = data().llamadapro.calls.find((call) => String(call.id) === node.providerId)!;
      if (record.contactId !== null) {
        named.add(String(record.contactId));
        expect(node.contact?.providerId).toBe(String(record.contactId));
      }
    }
    expect(named.size).toBeGreaterThan(0);
    // Reads by id only for a named contact the number does not find; never one per call.
    const reads = seen('llamadapro').filter((line) => /^GET \/api\/v1\/contacts\/\d+$/.test(line));
    for (const read of reads) expect(named.has(read.split('/').at(-1)!)).toBe(true);
    const phones = new Set(
      nodes.map((node) => node.customerPhone).filter((phone) => phone !== null),
    );
    const searches = sandbox()
      .requests('llamadapro')
      .filter((request) => request.path === '/api/v1/contacts/search');
    expect(searches).toHaveLength(Math.ceil(phones.size / 50));
    expect(searches.flatMap((request) => searchedValues(request.body)).length).toBe(phones.size);
  });

  it('is null, without an error, when the contact the call names is gone', async () => {
    const call = data().llamadapro.calls.findLast((candidate) => candidate.contactId !== null)!;
    const deleted = await t.query(
      `mutation($id: ID!) { deleteContact(id: $id) { userErrors { message } } }`,
      { id: gid('Contact', 'LLAMADAPRO', call.contactId!) },
    );
    expect(deleted.data!.deleteContact.userErrors).toEqual([]);
    const answer = await t.query(CALL_CONTACT, { id: gid('Call', 'LLAMADAPRO', call.id) });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.call.contact).toBeNull();
  });
});

describe('Problem.agent when the call is not found', () => {
  const PROBLEM_AGENT = `query($id: ID!) {
    problem(id: $id) { callId call { providerId } agent { provider providerId name } }
  }`;

  it("falls back to Freya's agentId and agentName on the one vendor whose id format fits", async () => {
    const onHappyRobot = data().freya.problems.find(
      (problem) =>
        problem.agentId !== null &&
        problem.agentName !== null &&
        data().happyrobot.calls.some((call) => call.id === problem.callId),
    )!;
    sandbox().setFault('happyrobot', { failure: 'status', status: 404 });
    const answer = await t.query(PROBLEM_AGENT, { id: gid('Problem', 'FREYA', onHappyRobot.id) });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.problem).toEqual({
      callId: onHappyRobot.callId,
      call: null,
      agent: {
        provider: 'HAPPYROBOT',
        providerId: onHappyRobot.agentId,
        name: onHappyRobot.agentName,
      },
    });
  });

  it('is null when the call id fits two vendors (a UUID: Ovia and CX)', async () => {
    const onOvia = data().freya.problems.find(
      (problem) =>
        problem.agentId !== null && data().ovia.calls.some((call) => call.id === problem.callId),
    )!;
    sandbox().setFault('ovia', { failure: 'status', status: 404 });
    const answer = await t.query(PROBLEM_AGENT, { id: gid('Problem', 'FREYA', onOvia.id) });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.problem).toMatchObject({ call: null, agent: null });
  });
});

describe('createProblem with call ids that are not UUIDs', () => {
  const CREATE_PROBLEM = `mutation($input: CreateProblemInput!) {
    createProblem(input: $input) {
      problem { callId call { provider providerId } agent { provider providerId } }
      userErrors { field message code }
    }
  }`;

  it.each([
    ['LLAMADAPRO', () => String(data().llamadapro.calls[0]!.id)],
    ['HAPPYROBOT', () => data().happyrobot.calls[0]!.id],
  ])('sends a %s call id to Freya as it is', async (provider, callIdOf) => {
    const callId = callIdOf();
    sandbox().resetLog();
    const answer = await t.query(CREATE_PROBLEM, {
      input: { problem: 'Agent skipped the greeting', callId, agentId: 'agent-7' },
    });
    expect(answer.data!.createProblem.userErrors).toEqual([]);
    const [post] = sandbox()
      .requests('freya')
      .filter((request) => request.method === 'POST');
    expect(post!.body).toMatchObject({ callId, agentId: 'agent-7' });
    expect(answer.data!.createProblem.problem).toEqual({
      callId,
      call: { provider, providerId: callId },
      agent: { provider, providerId: 'agent-7' },
    });
  });

  it('gives a problem on a LlamadaPro call id no call has its agent all the same', async () => {
    const answer = await t.query(CREATE_PROBLEM, {
      input: { problem: 'Call not on record', callId: '999999999', agentId: '12' },
    });
    expect(answer.data!.createProblem.userErrors).toEqual([]);
    expect(answer.data!.createProblem.problem).toEqual({
      callId: '999999999',
      call: null,
      agent: { provider: 'LLAMADAPRO', providerId: '12' },
    });
  });
});

describe('task statuses the mapping does not know', () => {
  it('reads UNKNOWN with the vendor status in providerStatus', async () => {
    const record = data().llamadapro.tasks[0]!;
    const original = record.status;
    // The document's own GetTasks example asks for `status=pending`, outside its enum.
    Reflect.set(record, 'status', 'pending');
    try {
      const answer = await t.query(`query($id: ID!) { task(id: $id) { status providerStatus } }`, {
        id: gid('Task', 'LLAMADAPRO', record.id),
      });
      expect(answer.errors).toEqual([]);
      expect(answer.data!.task).toEqual({ status: 'UNKNOWN', providerStatus: 'pending' });
    } finally {
      Reflect.set(record, 'status', original);
    }
    const known = await t.query(`query($id: ID!) { task(id: $id) { status providerStatus } }`, {
      id: gid('Task', 'LLAMADAPRO', record.id),
    });
    expect(known.data!.task).toEqual({
      status: original.toUpperCase(),
      providerStatus: original,
    });
  });

  it('refuses UNKNOWN in the filter, in createTask and in updateTask, sending nothing', async () => {
    sandbox().resetLog();
    const listed = await t.query(`{ tasks(filter: { status: UNKNOWN }) { totalCount } }`);
    expect(listed.errors[0]!.extensions).toMatchObject({
      code: 'INVALID_INPUT',
      field: ['filter', 'status'],
    });
    const conversationId = String(data().llamadapro.conversations[0]!.id);
    const created = await t.query(
      `mutation($input: CreateTaskInput!) { createTask(input: $input) { task { id } userErrors { field code } } }`,
      {
        input: {
          objective: 'Never sent',
          conversationId,
          assignedTo: { id: 'usr_7', type: 'USER' },
          createdBy: { id: 'usr_7', type: 'USER' },
          status: 'UNKNOWN',
        },
      },
    );
    expect(created.data!.createTask.userErrors).toEqual([
      { field: ['input', 'status'], code: 'INVALID_INPUT' },
    ]);
    const updated = await t.query(
      `mutation($id: ID!) { updateTask(id: $id, input: { status: UNKNOWN }) { userErrors { field code } } }`,
      { id: gid('Task', 'LLAMADAPRO', data().llamadapro.tasks[0]!.id) },
    );
    expect(updated.data!.updateTask.userErrors).toEqual([
      { field: ['input', 'status'], code: 'INVALID_INPUT' },
    ]);
    expect(sandbox().requests()).toEqual([]);
  });
});

describe('address channels', () => {
  const ADDRESSES = `addresses { channel providerChannel address }`;
  const CREATE = `mutation($input: CreateContactInput!) {
    createContact(input: $input) { contact { id ${ADDRESSES} } userErrors { field message code } }
  }`;
  const UPDATE = `mutation($id: ID!, $input: UpdateContactInput!) {
    updateContact(id: $id, input: $input) { contact { ${ADDRESSES} } userErrors { field message code } }
  }`;

  it('keeps the vendor channel of an OTHER address and writes it back unchanged', async () => {
    sandbox().resetLog();
    const created = await t.query(CREATE, {
      input: {
        firstName: 'Ofelia',
        addresses: [
          { channel: 'OTHER', providerChannel: 'TELEGRAM', address: '@ofelia' },
          { channel: 'PHONE', address: '+14155550188' },
        ],
      },
    });
    expect(created.data!.createContact.userErrors).toEqual([]);
    expect(sandbox().requests('llamadapro')[0]!.body).toMatchObject({
      addresses: [
        { channelType: 'TELEGRAM', address: '@ofelia' },
        { channelType: 'PHONE', address: '+14155550188' },
      ],
    });
    const { id, addresses } = created.data!.createContact.contact;
    expect(addresses).toEqual([
      { channel: 'OTHER', providerChannel: 'TELEGRAM', address: '@ofelia' },
      { channel: 'PHONE', providerChannel: 'PHONE', address: '+14155550188' },
    ]);

    // Read and written back as it is, with one address added.
    sandbox().resetLog();
    const updated = await t.query(UPDATE, {
      id,
      input: {
        addresses: [...addresses, { channel: 'EMAIL', address: 'ofelia@example.com' }],
      },
    });
    expect(updated.data!.updateContact.userErrors).toEqual([]);
    expect(sandbox().requests('llamadapro')[0]!.body).toEqual({
      addresses: [
        { channelType: 'TELEGRAM', address: '@ofelia' },
        { channelType: 'PHONE', address: '+14155550188' },
        { channelType: 'EMAIL', address: 'ofelia@example.com' },
      ],
    });
    expect(updated.data!.updateContact.contact.addresses[0]).toEqual(addresses[0]);
  });

  it.each([
    [{ channel: 'OTHER', address: '@ofelia' }, 'providerChannel'],
    [{ channel: 'PHONE', providerChannel: 'TELEGRAM', address: '+14155550188' }, 'providerChannel'],
    [{ channel: 'OTHER', providerChannel: ' ', address: '@ofelia' }, 'providerChannel'],
  ])('refuses %j at addresses.0.%s and sends nothing', async (address, member) => {
    sandbox().resetLog();
    const answer = await t.query(CREATE, { input: { firstName: 'Bad', addresses: [address] } });
    expect(answer.data!.createContact.userErrors).toEqual([
      expect.objectContaining({
        field: ['input', 'addresses', '0', member],
        code: 'INVALID_INPUT',
      }),
    ]);
    expect(sandbox().requests()).toEqual([]);
  });
});

describe('members typed from raw', () => {
  it("types a failed message's delivery errors", async () => {
    const failed = data().llamadapro.messages.find((message) => message.errors.length > 0)!;
    const answer = await t.query(
      `query($id: ID!) { message(id: $id) { status errors { code title message href provider } } }`,
      { id: gid('Message', 'LLAMADAPRO', failed.id) },
    );
    expect(answer.errors).toEqual([]);
    expect(answer.data!.message).toEqual({ status: failed.status, errors: failed.errors });
  });

  it("types an attachment's media processing", async () => {
    const withAudio = data().llamadapro.messages.find((message) =>
      message.attachments.some((attachment) => attachment.mediaProcessing !== null),
    )!;
    const answer = await t.query(
      `query($id: ID!) { message(id: $id) {
        mediaProcessing { summary { status } }
        attachments { mediaProcessing {
          textRepresentation { status content errorMessage processedAt }
          summary { status content errorMessage processedAt }
        } }
      } }`,
      { id: gid('Message', 'LLAMADAPRO', withAudio.id) },
    );
    expect(answer.errors).toEqual([]);
    const step = (raw: {
      status: string;
      content: string | null;
      errorMessage: string | null;
      processedAt: string | null;
    }) => ({ ...raw, processedAt: iso(raw.processedAt) });
    expect(answer.data!.message).toEqual({
      mediaProcessing: null,
      attachments: withAudio.attachments.map((attachment) => ({
        mediaProcessing:
          attachment.mediaProcessing === null
            ? null
            : {
                textRepresentation: step(attachment.mediaProcessing.textRepresentation),
                summary: step(attachment.mediaProcessing.summary),
              },
      })),
    });
  });

  it('gives custom field options their timestamps', async () => {
    const option = data().llamadapro.customFieldOptions[0]!;
    const answer = await t.query(
      `query($id: ID!, $optionId: String!) {
        customFieldOption(customFieldId: $id, optionId: $optionId) { id createdAt updatedAt }
      }`,
      { id: gid('CustomField', 'LLAMADAPRO', option.definitionId), optionId: String(option.id) },
    );
    expect(answer.errors).toEqual([]);
    expect(answer.data!.customFieldOption).toEqual({
      id: String(option.id),
      createdAt: iso(option.createdAt),
      updatedAt: iso(option.updatedAt),
    });
  });

  it('links tasks and messages to their funnel conversation, each read once', async () => {
    sandbox().resetLog();
    const answer = await t.query(`{
      tasks(first: 10) { edges { node { conversationId conversation { providerId funnelId } } } }
    }`);
    expect(answer.errors).toEqual([]);
    const nodes = answer.data!.tasks.edges.map((edge: { node: any }) => edge.node);
    for (const node of nodes) {
      const conversation = data().llamadapro.conversations.find(
        (entry) => String(entry.id) === node.conversationId,
      )!;
      expect(node.conversation).toEqual({
        providerId: node.conversationId,
        funnelId: String(conversation.funnelId),
      });
    }
    const reads = seen('llamadapro').filter((line) =>
      line.startsWith('GET /api/v1/conversations/'),
    );
    expect(reads.sort()).toEqual(
      [
        ...new Set(nodes.map((node: any) => `GET /api/v1/conversations/${node.conversationId}`)),
      ].sort(),
    );

    const message = data().llamadapro.messages.find(
      (entry) => entry.funnelConversationId !== null,
    )!;
    const read = await t.query(
      `query($id: ID!) { message(id: $id) { conversationId conversation { providerId } } }`,
      { id: gid('Message', 'LLAMADAPRO', message.id) },
    );
    expect(read.errors).toEqual([]);
    expect(read.data!.message).toEqual({
      conversationId: message.conversationId,
      conversation: { providerId: String(message.funnelConversationId) },
    });
  });
});

describe('contacts(...) with the vendor list and search arguments', () => {
  const LIST = `query($filterBy: [ContactFieldFilter!], $searchBy: String, $sortBy: [ContactSort!]) {
    contacts(filterBy: $filterBy, searchBy: $searchBy, sortBy: $sortBy, first: 100) {
      totalCount edges { node { providerId firstName lastName } }
    }
  }`;
  const SEARCH = `query($search: String, $filters: [ContactSearchFilter!], $sort: [ContactSort!], $includeArchived: Boolean) {
    contacts(search: $search, filters: $filters, sort: $sort, includeArchived: $includeArchived, first: 50) {
      totalCount edges { node { providerId lastName } }
    }
  }`;

  it('sends filterBy and sortBy in the syntax of the document and answers the matches', async () => {
    const sample = data().llamadapro.contacts.find((contact) => contact.userId !== null)!;
    const expected = data()
      .llamadapro.contacts.filter(
        (contact) =>
          contact.userId === sample.userId &&
          contact.firstName?.toLowerCase() === sample.firstName?.toLowerCase(),
      )
      .sort((a, b) => b.id - a.id);
    sandbox().resetLog();
    const answer = await t.query(LIST, {
      filterBy: [
        { field: 'FIRST_NAME', value: sample.firstName },
        { field: 'USER_ID', value: String(sample.userId) },
      ],
      sortBy: [{ field: 'ID', direction: 'DESC' }],
    });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.contacts.edges.map((edge: any) => edge.node.providerId)).toEqual(
      expected.map((contact) => String(contact.id)),
    );
    expect(answer.data!.contacts.totalCount).toBe(expected.length);
    const [get] = sandbox().requests('llamadapro');
    expect(get).toMatchObject({ method: 'GET', path: '/api/v1/contacts' });
    expect(get!.query).toMatchObject({
      filterBy: `firstName:${sample.firstName};userId:${sample.userId}`,
      sortBy: 'id=desc',
    });
  });

  it('sends searchBy to the list, not to the search', async () => {
    const target = data().llamadapro.contacts.find((contact) => contact.nationalId !== null)!;
    sandbox().resetLog();
    const answer = await t.query(LIST, { searchBy: target.nationalId });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.contacts.edges.map((edge: any) => edge.node.providerId)).toContain(
      String(target.id),
    );
    expect(seen('llamadapro')).toEqual(['GET /api/v1/contacts']);
    expect(sandbox().requests('llamadapro')[0]!.query['searchBy']).toBe(target.nationalId);
  });

  it('sends filters, sort and includeArchived in the search body', async () => {
    const whatsApp = data().llamadapro.contacts.filter((contact) =>
      contact.addresses.some((entry) => entry.channelType === 'WHATSAPP'),
    );
    const expected = whatsApp
      .filter((contact) => contact.lastName !== null)
      .sort((a, b) =>
        a.lastName! < b.lastName! ? -1 : a.lastName! > b.lastName! ? 1 : a.id - b.id,
      )
      .slice(0, 50);
    sandbox().resetLog();
    const answer = await t.query(SEARCH, {
      filters: [{ field: 'ADDRESS_CHANNEL', operator: 'EQ', value: 'WHATSAPP' }],
      sort: [{ field: 'LAST_NAME', direction: 'ASC' }],
      includeArchived: true,
    });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.contacts.totalCount).toBe(whatsApp.length);
    expect(
      answer
        .data!.contacts.edges.map((edge: any) => edge.node.providerId)
        .slice(0, expected.length),
    ).toEqual(expected.map((contact) => String(contact.id)));
    const [post] = sandbox().requests('llamadapro');
    expect(post).toMatchObject({ method: 'POST', path: '/api/v1/contacts/search' });
    expect(post!.body).toEqual({
      filters: [{ field: 'addresses.channelType', operator: 'eq', value: 'WHATSAPP' }],
      sort: [{ field: 'lastName', direction: 'asc' }],
      includeArchived: true,
      size: 50,
      includeTotalCount: true,
    });
  });

  it('ORs a search filter marked `or` with the ones before it', async () => {
    const [a, b] = data().llamadapro.contacts;
    const answer = await t.query(SEARCH, {
      filters: [
        { field: 'ID', operator: 'EQ', value: String(a!.id) },
        { field: 'ID', operator: 'EQ', value: String(b!.id), or: true },
      ],
    });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.contacts.edges.map((edge: any) => edge.node.providerId).sort()).toEqual(
      [String(a!.id), String(b!.id)].sort(),
    );
  });

  it.each([
    [{ search: 'Rojas', filterBy: [{ field: 'FIRST_NAME', value: 'Ana' }] }, ['search']],
    [{ includeArchived: false, sortBy: [{ field: 'ID', direction: 'ASC' }] }, ['includeArchived']],
    [
      { filterBy: [{ field: 'FIRST_NAME', value: 'Ana;lastName:Rojas' }] },
      ['filterBy', '0', 'value'],
    ],
    [{ filterBy: [{ field: 'USER_ID', value: 'usr-12' }] }, ['filterBy', '0', 'value']],
    [{ filters: [{ field: 'ID', operator: 'CONTAINS', value: '10x' }] }, ['filters', '0', 'value']],
    [{ filters: [{ field: 'ADDRESS', operator: 'EQ', value: '' }] }, ['filters', '0', 'value']],
  ])('refuses %j at %j before asking the vendor', async (variables, field) => {
    sandbox().resetLog();
    const answer = await t.query(
      `query($search: String, $filters: [ContactSearchFilter!], $includeArchived: Boolean, $filterBy: [ContactFieldFilter!], $sortBy: [ContactSort!]) {
        contacts(search: $search, filters: $filters, includeArchived: $includeArchived, filterBy: $filterBy, sortBy: $sortBy) { totalCount }
      }`,
      variables,
    );
    expect(answer.data?.contacts ?? null).toBeNull();
    expect(answer.errors[0]!.extensions).toMatchObject({ code: 'INVALID_INPUT', field });
    expect(sandbox().requests()).toEqual([]);
  });
});

describe('inputs as the vendors accept them', () => {
  it('takes numeric vendor ids as GraphQL numbers, in literals and variables', async () => {
    const contact = data().llamadapro.contacts[2]!;
    sandbox().resetLog();
    const literal = await t.query(
      `mutation($contactId: ID!) {
        createConversation(input: { funnelId: 2, contactId: $contactId, funnelStatusId: 21, userId: 11 }) {
          conversation { funnelId funnelStatusId userId } userErrors { field message }
        }
      }`,
      { contactId: gid('Contact', 'LLAMADAPRO', contact.id) },
    );
    expect(literal.errors).toEqual([]);
    expect(literal.data!.createConversation).toEqual({
      conversation: { funnelId: '2', funnelStatusId: '21', userId: '11' },
      userErrors: [],
    });
    const created = await t.query(
      `mutation($input: CreateContactInput!) { createContact(input: $input) { userErrors { field } } }`,
      { input: { firstName: 'Numa', userId: 14 } },
    );
    expect(created.data!.createContact.userErrors).toEqual([]);
    const bulk = await t.query(
      `mutation($input: BulkCreateConversationsInput!) {
        bulkCreateConversations(input: $input) { userErrors { field } }
      }`,
      {
        input: {
          conversations: [{ funnelId: 1, contact: { phones: ['+56987650077'], userId: 11 } }],
        },
      },
    );
    expect(bulk.data!.bulkCreateConversations.userErrors).toEqual([]);
    expect(
      sandbox()
        .requests('llamadapro')
        .map((request) => request.body),
    ).toEqual([
      { funnelId: 2, contactId: contact.id, funnelStatusId: 21, userId: 11 },
      { firstName: 'Numa', userId: 14 },
      { conversations: [{ funnelId: 1, contact: { phones: ['+56987650077'], userId: 11 } }] },
    ]);
  });

  it('refuses a number that is not a whole vendor id', async () => {
    sandbox().resetLog();
    const answer = await t.query(
      `mutation($input: CreateContactInput!) { createContact(input: $input) { userErrors { field code } } }`,
      { input: { firstName: 'Numa', userId: -3 } },
    );
    expect(answer.data!.createContact.userErrors).toEqual([
      { field: ['input', 'userId'], code: 'INVALID_INPUT' },
    ]);
    expect(sandbox().requests()).toEqual([]);
  });

  it.each(['renewalOwner', 'NPS_score', `k${'x'.repeat(120)}`])(
    'creates a custom field keyed %s as LlamadaPro takes it',
    async (key) => {
      sandbox().resetLog();
      const answer = await t.query(
        `mutation($input: CreateCustomFieldInput!) {
          createCustomField(input: $input) { customField { key } userErrors { field message } }
        }`,
        { input: { key, type: 'STRING', entityType: 'CONTACT' } },
      );
      expect(answer.data!.createCustomField).toEqual({ customField: { key }, userErrors: [] });
      expect(sandbox().requests('llamadapro')[0]!.body).toMatchObject({ fieldKey: key });
    },
  );

  it('sends a WhatsApp text of any length the document allows', async () => {
    const contact = data().llamadapro.contacts.find((entry) =>
      entry.addresses.some((address) => address.channelType === 'WHATSAPP'),
    )!;
    const to = contact.addresses.find((address) => address.channelType === 'WHATSAPP')!.address;
    const content = 'Detalle de la propuesta. '.repeat(250);
    expect(content.length).toBeGreaterThan(4_096);
    sandbox().resetLog();
    const answer = await t.query(
      `mutation($input: SendWhatsAppMessageInput!) {
        sendWhatsAppMessage(input: $input) { message { content } userErrors { field message } }
      }`,
      { input: { fromPhoneNumber: '+56228401000', toPhoneNumber: to, content, type: 'TEXT' } },
    );
    expect(answer.data!.sendWhatsAppMessage).toEqual({ message: { content }, userErrors: [] });
    expect(sandbox().requests('llamadapro')[0]!.body).toMatchObject({ content });
  });

  it("names the conversation's contact by id in a bulk update, which the vendor checks", async () => {
    const mine = data().llamadapro.conversations[0]!;
    const other = data().llamadapro.conversations.find(
      (conversation) => conversation.contactId !== mine.contactId,
    )!;
    sandbox().resetLog();
    const answer = await t.query(
      `mutation($input: BulkUpdateConversationsInput!) {
        bulkUpdateConversations(input: $input) {
          report { counts { successful errors } itemsIssues { index errors { field code } } }
          userErrors { field message }
        }
      }`,
      {
        input: {
          conversations: [
            {
              id: gid('Conversation', 'LLAMADAPRO', mine.id),
              contact: { id: gid('Contact', 'LLAMADAPRO', mine.contactId), lastName: 'Bravo' },
            },
            {
              id: gid('Conversation', 'LLAMADAPRO', other.id),
              contact: { id: gid('Contact', 'LLAMADAPRO', mine.contactId), lastName: 'Bravo' },
            },
          ],
        },
      },
    );
    expect(answer.data!.bulkUpdateConversations.userErrors).toEqual([]);
    expect(sandbox().requests('llamadapro')[0]!.body).toEqual({
      conversations: [
        { id: mine.id, contact: { id: mine.contactId, lastName: 'Bravo' } },
        { id: other.id, contact: { id: mine.contactId, lastName: 'Bravo' } },
      ],
    });
    const { report } = answer.data!.bulkUpdateConversations;
    expect(report.counts).toMatchObject({ successful: 1, errors: 1 });
    expect(report.itemsIssues.find((item: { index: number }) => item.index === 1).errors).toEqual([
      { field: 'contact.id', code: 'INVALID_VALUE' },
    ]);
    expect(
      report.itemsIssues.find((item: { index: number }) => item.index === 0)?.errors ?? [],
    ).toEqual([]);
  });
});
