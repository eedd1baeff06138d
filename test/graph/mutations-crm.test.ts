import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const gid = (type: string, provider: string, id: string | number) =>
  Buffer.from(`${type}:${provider}:${id}`).toString('base64url');

let t: TestGateway;
const sandbox = () => t.gateway.sandbox!;
const llamadaRequests = () => sandbox().requests('llamadapro');

beforeAll(async () => {
  t = await startTestGateway();
});
afterEach(() => sandbox().clearFaults());
afterAll(async () => {
  await t.close();
});

/** Asserts a mutation was refused as INVALID_INPUT at `field` without any vendor request. */
function expectInvalid(
  answer: { errors: unknown[]; data: Record<string, any> | null },
  mutation: string,
  field: string[],
) {
  expect(answer.errors).toEqual([]);
  const payload = answer.data![mutation];
  expect(Object.values(payload).filter((value) => !Array.isArray(value))).toEqual([null]);
  expect(payload.userErrors).toEqual([
    expect.objectContaining({ field, code: 'INVALID_INPUT', provider: null }),
  ]);
  expect(sandbox().requests()).toHaveLength(0);
}

// --- Tasks ---------------------------------------------------------------------------------------

const TASK_FIELDS = `id provider providerId objective status dueDate publishedAt completedAt cancelledAt
  cancellationReason conversationId createdBy { id type } assignedTo { id type }`;

const CREATE_TASK = `mutation($input: CreateTaskInput!, $key: String) {
  createTask(input: $input, idempotencyKey: $key) {
    task { ${TASK_FIELDS} }
    userErrors { field message code provider }
  }
}`;
const UPDATE_TASK = `mutation($id: ID!, $input: UpdateTaskInput!) {
  updateTask(id: $id, input: $input) {
    task { ${TASK_FIELDS} }
    userErrors { field message code provider }
  }
}`;
const DELETE_TASK = `mutation($id: ID!) {
  deleteTask(id: $id) { task { ${TASK_FIELDS} } userErrors { field message code provider } }
}`;
const READ_TASK = `query($id: ID!) { task(id: $id) { ${TASK_FIELDS} } }`;

function taskInput(objective: string) {
  const conversationId = sandbox().data.llamadapro.conversations[0]!.id;
  return {
    objective,
    conversationId: String(conversationId),
    assignedTo: { id: 'aie_202', type: 'AI_EMPLOYEE' },
    createdBy: { id: 'usr_7', type: 'USER' },
    dueDate: '2026-12-01T10:00:00.000Z',
    status: 'SCHEDULED',
  };
}

async function createTask(objective: string): Promise<{ id: string; providerId: string }> {
  const answer = await t.query(CREATE_TASK, { input: taskInput(objective) });
  expect(answer.data!.createTask.userErrors).toEqual([]);
  return answer.data!.createTask.task;
}

describe('createTask', () => {
  it('posts the task in LlamadaPro’s shape and answers it; the graph then reads it', async () => {
    const conversationId = sandbox().data.llamadapro.conversations[0]!.id;
    sandbox().resetLog();
    const answer = await t.query(CREATE_TASK, { input: taskInput('Send the renewal quote') });
    expect(answer.errors).toEqual([]);
    const { task, userErrors } = answer.data!.createTask;
    expect(userErrors).toEqual([]);
    const requests = llamadaRequests();
    expect(requests).toHaveLength(1);
    const [post] = requests;
    expect(post).toMatchObject({ method: 'POST', path: '/api/v1/tasks' });
    expect(post!.headers['authorization']).toMatch(/^Bearer \S+/);
    expect(post!.body).toEqual({
      context: { conversationId },
      objective: 'Send the renewal quote',
      createdBy: { id: 'usr_7', type: 'user' },
      assignedTo: { id: 'aie_202', type: 'ai_employee' },
      dueDate: '2026-12-01T10:00:00.000Z',
      status: 'scheduled',
    });
    expect(task).toMatchObject({
      provider: 'LLAMADAPRO',
      objective: 'Send the renewal quote',
      status: 'SCHEDULED',
      dueDate: '2026-12-01T10:00:00.000Z',
      conversationId: String(conversationId),
      createdBy: { id: 'usr_7', type: 'USER' },
      assignedTo: { id: 'aie_202', type: 'AI_EMPLOYEE' },
      cancellationReason: null,
    });
    expect(task.id).toBe(gid('Task', 'LLAMADAPRO', task.providerId));

    const read = await t.query(READ_TASK, { id: task.id });
    expect(read.errors).toEqual([]);
    expect(read.data!.task).toEqual(task);
    const list = await t.query(
      `query($c: String) { tasks(filter: { conversationId: $c }, first: 100) { edges { node { id } } } }`,
      { c: String(conversationId) },
    );
    expect(list.data!.tasks.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(
      task.id,
    );
  });

  it('leaves out what is not given (no due date, no status)', async () => {
    sandbox().resetLog();
    const { dueDate: _dueDate, status: _status, ...input } = taskInput('Bare task');
    const answer = await t.query(CREATE_TASK, { input: { ...input, dueDate: null } });
    expect(answer.data!.createTask.userErrors).toEqual([]);
    expect(llamadaRequests()[0]!.body).toEqual({
      context: { conversationId: Number(input.conversationId) },
      objective: 'Bare task',
      createdBy: { id: 'usr_7', type: 'user' },
      assignedTo: { id: 'aie_202', type: 'ai_employee' },
    });
    expect(answer.data!.createTask.task).toMatchObject({ status: 'SCHEDULED', dueDate: null });
  });

  it.each([
    [{ objective: '   ' }, ['input', 'objective']],
    [{ conversationId: 'conv-12' }, ['input', 'conversationId']],
    [{ assignedTo: { id: '', type: 'USER' } }, ['input', 'assignedTo', 'id']],
    [{ createdBy: { id: ' ', type: 'AI_EMPLOYEE' } }, ['input', 'createdBy', 'id']],
  ])('rejects %j with INVALID_INPUT at %j and calls no vendor', async (change, field) => {
    sandbox().resetLog();
    const answer = await t.query(CREATE_TASK, { input: { ...taskInput('x'), ...change } });
    expectInvalid(answer, 'createTask', field);
  });

  it('answers a LlamadaPro 500 with UPSTREAM_UNAVAILABLE after exactly one POST', async () => {
    sandbox().setFault('llamadapro', { failure: 'status', status: 500 });
    sandbox().resetLog();
    const answer = await t.query(CREATE_TASK, { input: taskInput('Never lands') });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.createTask.task).toBeNull();
    expect(answer.data!.createTask.userErrors).toEqual([
      expect.objectContaining({
        code: 'UPSTREAM_UNAVAILABLE',
        provider: 'LLAMADAPRO',
        field: null,
      }),
    ]);
    expect(llamadaRequests().map((request) => request.method)).toEqual(['POST']);
  });

  it('posts once for one idempotency key and replays the first result', async () => {
    sandbox().resetLog();
    const before = sandbox().data.llamadapro.tasks.length;
    const variables = { input: taskInput('Created once'), key: 'crm-task-once' };
    const first = await t.query(CREATE_TASK, variables);
    const second = await t.query(CREATE_TASK, variables);
    expect(first.data!.createTask.userErrors).toEqual([]);
    expect(second.data).toEqual(first.data);
    expect(llamadaRequests().filter((request) => request.method === 'POST')).toHaveLength(1);
    expect(sandbox().data.llamadapro.tasks).toHaveLength(before + 1);
  });
});

describe('updateTask', () => {
  it('sends an explicit null and leaves omitted members out of the body', async () => {
    const created = await createTask('Call the client back');
    sandbox().resetLog();
    const answer = await t.query(UPDATE_TASK, {
      id: created.id,
      input: { objective: 'Call the client back on Monday', dueDate: null },
    });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.updateTask.userErrors).toEqual([]);
    const [put] = llamadaRequests();
    expect(put).toMatchObject({ method: 'PUT', path: `/api/v1/tasks/${created.providerId}` });
    expect(put!.headers['authorization']).toMatch(/^Bearer \S+/);
    expect(put!.body).toEqual({ objective: 'Call the client back on Monday', dueDate: null });
    expect(answer.data!.updateTask.task).toMatchObject({
      id: created.id,
      objective: 'Call the client back on Monday',
      dueDate: null,
      status: 'SCHEDULED',
      assignedTo: { id: 'aie_202', type: 'AI_EMPLOYEE' },
    });
    const read = await t.query(READ_TASK, { id: created.id });
    expect(read.data!.task).toEqual(answer.data!.updateTask.task);
  });

  it('sends status, assignee, conversation and cancellation in LlamadaPro’s casing', async () => {
    const created = await createTask('To be cancelled');
    const otherConversation = sandbox().data.llamadapro.conversations[1]!.id;
    sandbox().resetLog();
    const answer = await t.query(UPDATE_TASK, {
      id: created.id,
      input: {
        status: 'CANCELLED',
        cancellationReason: 'Client closed the account',
        cancelledAt: '2026-11-02T09:30:00.000Z',
        conversationId: String(otherConversation),
        assignedTo: { id: 'usr_9', type: 'USER' },
      },
    });
    expect(answer.data!.updateTask.userErrors).toEqual([]);
    expect(llamadaRequests()[0]!.body).toEqual({
      status: 'cancelled',
      cancellationReason: 'Client closed the account',
      cancelledAt: '2026-11-02T09:30:00.000Z',
      context: { conversationId: otherConversation },
      assignedTo: { id: 'usr_9', type: 'user' },
    });
    const read = await t.query(READ_TASK, { id: created.id });
    expect(read.data!.task).toMatchObject({
      status: 'CANCELLED',
      cancellationReason: 'Client closed the account',
      cancelledAt: '2026-11-02T09:30:00.000Z',
      conversationId: String(otherConversation),
      assignedTo: { id: 'usr_9', type: 'USER' },
    });
  });

  it.each([
    ['a Contact id', { id: gid('Contact', 'LLAMADAPRO', 1001), input: {} }, ['id']],
    ['a malformed id', { id: 'not-an-id!', input: {} }, ['id']],
    ['a null objective', { input: { objective: null } }, ['input', 'objective']],
    ['a null status', { input: { status: null } }, ['input', 'status']],
    ['a null assignee', { input: { assignedTo: null } }, ['input', 'assignedTo']],
    ['a null conversation', { input: { conversationId: null } }, ['input', 'conversationId']],
    ['a text conversation', { input: { conversationId: 'abc' } }, ['input', 'conversationId']],
  ])('rejects %s with INVALID_INPUT and calls no vendor', async (_, variables, field) => {
    const taskId = gid('Task', 'LLAMADAPRO', sandbox().data.llamadapro.tasks[0]!.id);
    sandbox().resetLog();
    const answer = await t.query(UPDATE_TASK, { id: taskId, ...variables });
    expectInvalid(answer, 'updateTask', field);
  });
});

describe('deleteTask', () => {
  it('deletes the task, answers it as it was, and reading it gives NOT_FOUND', async () => {
    const created = await createTask('Short-lived task');
    sandbox().resetLog();
    const answer = await t.query(DELETE_TASK, { id: created.id });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.deleteTask.userErrors).toEqual([]);
    expect(answer.data!.deleteTask.task).toMatchObject({
      id: created.id,
      objective: 'Short-lived task',
    });
    const requests = llamadaRequests();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'DELETE',
      path: `/api/v1/tasks/${created.providerId}`,
      query: {},
    });
    expect(requests[0]!.headers['authorization']).toMatch(/^Bearer \S+/);
    const read = await t.query(READ_TASK, { id: created.id });
    expect(read.data!.task).toBeNull();
    expect(read.errors).toEqual([
      expect.objectContaining({
        path: ['task'],
        extensions: expect.objectContaining({ code: 'NOT_FOUND', provider: 'LLAMADAPRO' }),
      }),
    ]);
    const again = await t.query(DELETE_TASK, { id: created.id });
    expect(again.data!.deleteTask.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', provider: 'LLAMADAPRO' }),
    ]);
  });

  it('rejects a Problem id at ["id"] and calls no vendor', async () => {
    sandbox().resetLog();
    const answer = await t.query(DELETE_TASK, { id: gid('Task', 'FREYA', 'p_1') });
    expectInvalid(answer, 'deleteTask', ['id']);
  });
});

// --- Contacts ------------------------------------------------------------------------------------

const CONTACT_FIELDS = `id provider providerId firstName lastName displayName nationalId companyPosition
  addresses { channel address } phones emails customFields { key value }`;
const CREATE_CONTACT = `mutation($input: CreateContactInput!, $key: String) {
  createContact(input: $input, idempotencyKey: $key) {
    contact { ${CONTACT_FIELDS} }
    userErrors { field message code provider }
  }
}`;
const UPDATE_CONTACT = `mutation($id: ID!, $input: UpdateContactInput!) {
  updateContact(id: $id, input: $input) {
    contact { ${CONTACT_FIELDS} }
    userErrors { field message code provider }
  }
}`;
const DELETE_CONTACT = `mutation($id: ID!) {
  deleteContact(id: $id) { contact { ${CONTACT_FIELDS} } userErrors { field message code provider } }
}`;
const READ_CONTACT = `query($id: ID!) { contact(id: $id) { ${CONTACT_FIELDS} } }`;
const BY_PHONE = `query($phone: String!) { contactByPhone(phone: $phone) { id } }`;

function contactInput(phone: string, email: string) {
  return {
    firstName: 'Zelda',
    lastName: 'Quartermain',
    nationalId: '12345678-9',
    companyPosition: 'Head of Procurement',
    userId: '14',
    addresses: [
      { channel: 'PHONE', address: phone },
      { channel: 'WHATSAPP', address: phone },
      { channel: 'EMAIL', address: email },
    ],
    customFields: { customer_tier: 'gold', lifetime_value: 1200 },
  };
}

async function createContact(phone: string, email: string) {
  const answer = await t.query(CREATE_CONTACT, { input: contactInput(phone, email) });
  expect(answer.data!.createContact.userErrors).toEqual([]);
  return answer.data!.createContact.contact as { id: string; providerId: string };
}

describe('createContact', () => {
  it('posts the contact in LlamadaPro’s shape; contactByPhone and contacts then find it', async () => {
    sandbox().resetLog();
    const answer = await t.query(CREATE_CONTACT, {
      input: contactInput('+14155550199', 'zelda@example.com'),
      key: 'crm-contact-1',
    });
    expect(answer.errors).toEqual([]);
    const { contact, userErrors } = answer.data!.createContact;
    expect(userErrors).toEqual([]);
    const requests = llamadaRequests();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', path: '/api/v1/contacts' });
    expect(requests[0]!.headers['authorization']).toMatch(/^Bearer \S+/);
    expect(requests[0]!.body).toEqual({
      firstName: 'Zelda',
      lastName: 'Quartermain',
      nationalId: '12345678-9',
      companyPosition: 'Head of Procurement',
      userId: 14,
      addresses: [
        { channelType: 'PHONE', address: '+14155550199' },
        { channelType: 'WHATSAPP', address: '+14155550199' },
        { channelType: 'EMAIL', address: 'zelda@example.com' },
      ],
      customFields: { customer_tier: 'gold', lifetime_value: 1200 },
    });
    expect(contact).toMatchObject({
      provider: 'LLAMADAPRO',
      displayName: 'Zelda Quartermain',
      phones: ['+14155550199'],
      emails: ['zelda@example.com'],
      companyPosition: 'Head of Procurement',
    });
    expect(contact.customFields).toEqual(
      expect.arrayContaining([
        { key: 'customer_tier', value: 'gold' },
        { key: 'lifetime_value', value: 1200 },
      ]),
    );
    expect(contact.id).toBe(gid('Contact', 'LLAMADAPRO', contact.providerId));

    const byPhone = await t.query(BY_PHONE, { phone: '+14155550199' });
    expect(byPhone.errors).toEqual([]);
    expect(byPhone.data!.contactByPhone).toEqual({ id: contact.id });
    const search = await t.query(
      `{ contacts(search: "Zelda Quartermain") { totalCount edges { node { id } } } }`,
    );
    expect(search.data!.contacts.edges).toEqual([{ node: { id: contact.id } }]);
    const read = await t.query(READ_CONTACT, { id: contact.id });
    expect(read.data!.contact).toEqual(contact);
  });

  it('sends nothing for members given as null', async () => {
    sandbox().resetLog();
    const answer = await t.query(CREATE_CONTACT, {
      input: { firstName: 'Solo', lastName: null, addresses: null, customFields: null },
    });
    expect(answer.data!.createContact.userErrors).toEqual([]);
    expect(llamadaRequests()[0]!.body).toEqual({ firstName: 'Solo' });
    expect(answer.data!.createContact.contact).toMatchObject({
      firstName: 'Solo',
      lastName: null,
      addresses: [],
    });
  });

  it.each([
    [
      { addresses: [{ channel: 'PHONE', address: '555-0199' }] },
      ['input', 'addresses', '0', 'address'],
    ],
    [
      {
        addresses: [
          { channel: 'EMAIL', address: 'ok@example.com' },
          { channel: 'WHATSAPP', address: '0044 20 7946 0958' },
        ],
      },
      ['input', 'addresses', '1', 'address'],
    ],
    [
      { addresses: [{ channel: 'EMAIL', address: 'not-an-email' }] },
      ['input', 'addresses', '0', 'address'],
    ],
    [{ userId: 'user-14' }, ['input', 'userId']],
    [{ firstName: '  ' }, ['input', 'firstName']],
    [{ customFields: ['gold'] }, ['input', 'customFields']],
  ])('rejects %j with INVALID_INPUT at %j and calls no vendor', async (input, field) => {
    sandbox().resetLog();
    const answer = await t.query(CREATE_CONTACT, { input: { firstName: 'Bad', ...input } });
    expectInvalid(answer, 'createContact', field);
  });
});

describe('updateContact', () => {
  it('sends an explicit null, omits the rest, and replaces addresses', async () => {
    const created = await createContact('+14155550123', 'before@example.com');
    sandbox().resetLog();
    const answer = await t.query(UPDATE_CONTACT, {
      id: created.id,
      input: {
        lastName: null,
        companyPosition: 'CFO',
        addresses: [{ channel: 'PHONE', address: '+14155550124' }],
        customFields: { customer_tier: null, vip: true },
      },
    });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.updateContact.userErrors).toEqual([]);
    const [put] = llamadaRequests();
    expect(put).toMatchObject({ method: 'PUT', path: `/api/v1/contacts/${created.providerId}` });
    expect(put!.headers['authorization']).toMatch(/^Bearer \S+/);
    expect(put!.body).toEqual({
      lastName: null,
      companyPosition: 'CFO',
      addresses: [{ channelType: 'PHONE', address: '+14155550124' }],
      customFields: { customer_tier: null, vip: true },
    });
    const read = await t.query(READ_CONTACT, { id: created.id });
    expect(read.data!.contact).toEqual(answer.data!.updateContact.contact);
    expect(read.data!.contact).toMatchObject({
      firstName: 'Zelda',
      lastName: null,
      companyPosition: 'CFO',
      phones: ['+14155550124'],
      emails: [],
    });
    expect(read.data!.contact.customFields).toEqual(
      expect.arrayContaining([
        { key: 'lifetime_value', value: 1200 },
        { key: 'vip', value: true },
      ]),
    );
    expect(read.data!.contact.customFields).toHaveLength(2);
    expect((await t.query(BY_PHONE, { phone: '+14155550124' })).data!.contactByPhone).toEqual({
      id: created.id,
    });
    expect((await t.query(BY_PHONE, { phone: '+14155550123' })).data!.contactByPhone).toBeNull();
  });

  it.each([
    ['a Task id', { id: gid('Task', 'LLAMADAPRO', 'task_1'), input: {} }, ['id']],
    ['a non-numeric contact id', { id: gid('Contact', 'LLAMADAPRO', 'abc'), input: {} }, ['id']],
    ['null addresses', { input: { addresses: null } }, ['input', 'addresses']],
    ['null customFields', { input: { customFields: null } }, ['input', 'customFields']],
    [
      'a bad phone',
      { input: { addresses: [{ channel: 'PHONE', address: '+0' }] } },
      ['input', 'addresses', '0', 'address'],
    ],
  ])('rejects %s with INVALID_INPUT and calls no vendor', async (_, variables, field) => {
    sandbox().resetLog();
    const answer = await t.query(UPDATE_CONTACT, {
      id: gid('Contact', 'LLAMADAPRO', 1001),
      ...variables,
    });
    expectInvalid(answer, 'updateContact', field);
  });
});

describe('deleteContact', () => {
  it('deletes the contact and answers it; reads then find nothing', async () => {
    const created = await createContact('+14155550177', 'gone@example.com');
    sandbox().resetLog();
    const answer = await t.query(DELETE_CONTACT, { id: created.id });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.deleteContact.userErrors).toEqual([]);
    expect(answer.data!.deleteContact.contact).toMatchObject({
      id: created.id,
      phones: ['+14155550177'],
    });
    expect(llamadaRequests()).toEqual([
      expect.objectContaining({
        method: 'DELETE',
        path: `/api/v1/contacts/${created.providerId}`,
        query: {},
      }),
    ]);
    expect(llamadaRequests()[0]!.headers['authorization']).toMatch(/^Bearer \S+/);
    const read = await t.query(READ_CONTACT, { id: created.id });
    expect(read.data!.contact).toBeNull();
    expect(read.errors[0]!.extensions).toMatchObject({ code: 'NOT_FOUND', provider: 'LLAMADAPRO' });
    expect((await t.query(BY_PHONE, { phone: '+14155550177' })).data!.contactByPhone).toBeNull();
  });

  it('rejects a CustomField id at ["id"] and calls no vendor', async () => {
    sandbox().resetLog();
    const answer = await t.query(DELETE_CONTACT, { id: gid('CustomField', 'LLAMADAPRO', 401) });
    expectInvalid(answer, 'deleteContact', ['id']);
  });
});

// --- Custom fields -------------------------------------------------------------------------------

const FIELD_FIELDS = `id provider providerId key label type entityType description
  options { id value label description }`;
const CREATE_FIELD = `mutation($input: CreateCustomFieldInput!, $key: String) {
  createCustomField(input: $input, idempotencyKey: $key) {
    customField { ${FIELD_FIELDS} }
    userErrors { field message code provider }
  }
}`;
const UPDATE_FIELD = `mutation($id: ID!, $input: UpdateCustomFieldInput!) {
  updateCustomField(id: $id, input: $input) {
    customField { ${FIELD_FIELDS} }
    userErrors { field message code provider }
  }
}`;
const DELETE_FIELD = `mutation($id: ID!, $force: Boolean) {
  deleteCustomField(id: $id, force: $force) {
    customField { ${FIELD_FIELDS} }
    userErrors { field message code provider }
  }
}`;
const READ_FIELD = `query($id: ID!) { customField(id: $id) { ${FIELD_FIELDS} } }`;

async function createField(key: string, type: string) {
  const answer = await t.query(CREATE_FIELD, {
    input: { key, type, entityType: 'CONTACT', label: `Label of ${key}` },
  });
  expect(answer.data!.createCustomField.userErrors).toEqual([]);
  return answer.data!.createCustomField.customField as { id: string; providerId: string };
}

describe('createCustomField', () => {
  it('posts the definition in LlamadaPro’s names and the graph then reads it', async () => {
    sandbox().resetLog();
    const answer = await t.query(CREATE_FIELD, {
      input: {
        key: 'contract_end',
        label: 'Contract end',
        type: 'DATE',
        entityType: 'CONTACT',
        description: 'When the current contract ends',
      },
    });
    expect(answer.errors).toEqual([]);
    const { customField, userErrors } = answer.data!.createCustomField;
    expect(userErrors).toEqual([]);
    // The other request is the GET of the new field's (empty) options.
    const writes = llamadaRequests().filter((request) => request.method !== 'GET');
    expect(writes).toHaveLength(1);
    const [post] = writes;
    expect(post).toMatchObject({ method: 'POST', path: '/api/v1/custom-fields' });
    expect(post!.headers['authorization']).toMatch(/^Bearer \S+/);
    expect(post!.body).toEqual({
      fieldKey: 'contract_end',
      fieldLabel: 'Contract end',
      fieldType: 'DATE',
      entityType: 'CONTACT',
      description: 'When the current contract ends',
    });
    expect(customField).toEqual({
      id: gid('CustomField', 'LLAMADAPRO', customField.providerId),
      provider: 'LLAMADAPRO',
      providerId: customField.providerId,
      key: 'contract_end',
      label: 'Contract end',
      type: 'DATE',
      entityType: 'CONTACT',
      description: 'When the current contract ends',
      options: [],
    });
    const read = await t.query(READ_FIELD, { id: customField.id });
    expect(read.data!.customField).toEqual(customField);
    const list = await t.query(
      `{ customFields(entityType: CONTACT, first: 100) { edges { node { id key } } } }`,
    );
    expect(list.data!.customFields.edges).toContainEqual({
      node: { id: customField.id, key: 'contract_end' },
    });
  });

  it.each([
    [{ key: 'Contract-End' }, ['input', 'key']],
    [{ key: '9lives' }, ['input', 'key']],
    [{ key: 'contract end' }, ['input', 'key']],
    [{ key: '_internal' }, ['input', 'key']],
    [{ label: '   ' }, ['input', 'label']],
  ])('rejects %j with INVALID_INPUT at %j and calls no vendor', async (change, field) => {
    sandbox().resetLog();
    const answer = await t.query(CREATE_FIELD, {
      input: { key: 'fine_key', type: 'STRING', entityType: 'CONTACT', ...change },
    });
    expectInvalid(answer, 'createCustomField', field);
  });

  it('surfaces the vendor refusing a duplicate key as UPSTREAM_REJECTED', async () => {
    sandbox().resetLog();
    const answer = await t.query(CREATE_FIELD, {
      input: { key: 'customer_tier', type: 'STRING', entityType: 'CONTACT' },
    });
    expect(answer.data!.createCustomField.customField).toBeNull();
    expect(answer.data!.createCustomField.userErrors).toEqual([
      expect.objectContaining({ code: 'UPSTREAM_REJECTED', provider: 'LLAMADAPRO' }),
    ]);
    expect(llamadaRequests()).toHaveLength(1);
  });
});

describe('updateCustomField', () => {
  it('sends an explicit null, omits the rest, and the graph reads the change', async () => {
    const created = await createField('renewal_owner', 'STRING');
    sandbox().resetLog();
    const answer = await t.query(UPDATE_FIELD, {
      id: created.id,
      input: { label: null, description: 'Who renews the contract', key: 'renewal_manager' },
    });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.updateCustomField.userErrors).toEqual([]);
    const [put] = llamadaRequests();
    expect(put).toMatchObject({
      method: 'PUT',
      path: `/api/v1/custom-fields/${created.providerId}`,
    });
    expect(put!.headers['authorization']).toMatch(/^Bearer \S+/);
    expect(put!.body).toEqual({
      fieldKey: 'renewal_manager',
      fieldLabel: null,
      description: 'Who renews the contract',
    });
    const read = await t.query(READ_FIELD, { id: created.id });
    expect(read.data!.customField).toMatchObject({
      key: 'renewal_manager',
      label: null,
      type: 'STRING',
      description: 'Who renews the contract',
    });
    expect(read.data!.customField).toEqual(answer.data!.updateCustomField.customField);
  });

  it.each([
    ['a null key', { input: { key: null } }, ['input', 'key']],
    ['a null type', { input: { type: null } }, ['input', 'type']],
    ['a null entity type', { input: { entityType: null } }, ['input', 'entityType']],
    ['a bad key', { input: { key: 'Has Spaces' } }, ['input', 'key']],
    ['a Contact id', { id: gid('Contact', 'LLAMADAPRO', 1001), input: {} }, ['id']],
  ])('rejects %s with INVALID_INPUT and calls no vendor', async (_, variables, field) => {
    sandbox().resetLog();
    const answer = await t.query(UPDATE_FIELD, {
      id: gid('CustomField', 'LLAMADAPRO', 403),
      ...variables,
    });
    expectInvalid(answer, 'updateCustomField', field);
  });
});

describe('deleteCustomField', () => {
  it('is refused (409) while records hold values, and with force deletes them too', async () => {
    const field = await createField('delete_me', 'STRING');
    const contact = gid('Contact', 'LLAMADAPRO', 1001);
    const set = await t.query(UPDATE_CONTACT, {
      id: contact,
      input: { customFields: { delete_me: 'some value' } },
    });
    expect(set.data!.updateContact.userErrors).toEqual([]);

    sandbox().resetLog();
    const refused = await t.query(DELETE_FIELD, { id: field.id });
    expect(refused.errors).toEqual([]);
    expect(refused.data!.deleteCustomField).toEqual({
      customField: null,
      userErrors: [
        expect.objectContaining({ code: 'UPSTREAM_REJECTED', provider: 'LLAMADAPRO', field: null }),
      ],
    });
    expect(llamadaRequests()).toEqual([
      expect.objectContaining({
        method: 'DELETE',
        path: `/api/v1/custom-fields/${field.providerId}`,
        query: {},
      }),
    ]);
    expect((await t.query(READ_FIELD, { id: field.id })).data!.customField.key).toBe('delete_me');

    sandbox().resetLog();
    const forced = await t.query(DELETE_FIELD, { id: field.id, force: true });
    expect(forced.data!.deleteCustomField.userErrors).toEqual([]);
    expect(forced.data!.deleteCustomField.customField).toMatchObject({
      id: field.id,
      key: 'delete_me',
    });
    expect(llamadaRequests()).toEqual([
      expect.objectContaining({
        method: 'DELETE',
        path: `/api/v1/custom-fields/${field.providerId}`,
        query: { force: 'true' },
      }),
    ]);
    const read = await t.query(READ_FIELD, { id: field.id });
    expect(read.data!.customField).toBeNull();
    expect(read.errors[0]!.extensions).toMatchObject({ code: 'NOT_FOUND', provider: 'LLAMADAPRO' });
    const values = await t.query(`query($id: ID!) { contact(id: $id) { customFields { key } } }`, {
      id: contact,
    });
    expect(
      values.data!.contact.customFields.map((value: { key: string }) => value.key),
    ).not.toContain('delete_me');
  });

  it('rejects a Task id at ["id"] and calls no vendor', async () => {
    sandbox().resetLog();
    const answer = await t.query(DELETE_FIELD, { id: gid('Task', 'LLAMADAPRO', 'task_1') });
    expectInvalid(answer, 'deleteCustomField', ['id']);
  });
});

// --- Custom field options ------------------------------------------------------------------------

const OPTION = 'customFieldOption { id value label description }';
const CREATE_OPTION = `mutation($fieldId: ID!, $input: CustomFieldOptionInput!, $key: String) {
  createCustomFieldOption(customFieldId: $fieldId, input: $input, idempotencyKey: $key) {
    ${OPTION} userErrors { field message code provider }
  }
}`;
const UPDATE_OPTION = `mutation($fieldId: ID!, $optionId: String!, $input: UpdateCustomFieldOptionInput!) {
  updateCustomFieldOption(customFieldId: $fieldId, optionId: $optionId, input: $input) {
    ${OPTION} userErrors { field message code provider }
  }
}`;
const DELETE_OPTION = `mutation($fieldId: ID!, $optionId: String!) {
  deleteCustomFieldOption(customFieldId: $fieldId, optionId: $optionId) {
    ${OPTION} userErrors { field message code provider }
  }
}`;
const READ_OPTION = `query($fieldId: ID!, $optionId: String!) {
  customFieldOption(customFieldId: $fieldId, optionId: $optionId) { id value label description }
}`;

describe('custom field options', () => {
  it('creates, reads, updates and deletes an option with the vendor’s bodies', async () => {
    const field = await createField('support_plan', 'LIST');
    sandbox().resetLog();
    const created = await t.query(CREATE_OPTION, {
      fieldId: field.id,
      input: { value: 'basic', label: 'Basic', description: 'E-mail support only' },
      key: 'crm-option-basic',
    });
    expect(created.errors).toEqual([]);
    expect(created.data!.createCustomFieldOption.userErrors).toEqual([]);
    const option = created.data!.createCustomFieldOption.customFieldOption;
    expect(option).toEqual({
      id: expect.stringMatching(/^\d+$/),
      value: 'basic',
      label: 'Basic',
      description: 'E-mail support only',
    });
    const [post] = llamadaRequests();
    expect(post).toMatchObject({
      method: 'POST',
      path: `/api/v1/custom-fields/${field.providerId}/options`,
    });
    expect(post!.headers['authorization']).toMatch(/^Bearer \S+/);
    expect(post!.body).toEqual({
      definitionId: Number(field.providerId),
      value: 'basic',
      label: 'Basic',
      description: 'E-mail support only',
    });
    const read = await t.query(READ_OPTION, { fieldId: field.id, optionId: option.id });
    expect(read.data!.customFieldOption).toEqual(option);
    const options = await t.query(READ_FIELD, { id: field.id });
    expect(options.data!.customField.options).toEqual([option]);

    sandbox().resetLog();
    const updated = await t.query(UPDATE_OPTION, {
      fieldId: field.id,
      optionId: option.id,
      input: { value: 'standard', description: null },
    });
    expect(updated.data!.updateCustomFieldOption.userErrors).toEqual([]);
    expect(updated.data!.updateCustomFieldOption.customFieldOption).toEqual({
      id: option.id,
      value: 'standard',
      label: 'Basic',
      description: null,
    });
    expect(llamadaRequests()).toEqual([
      expect.objectContaining({
        method: 'PUT',
        path: `/api/v1/custom-fields/${field.providerId}/options/${option.id}`,
        body: { value: 'standard', description: null },
      }),
    ]);
    expect(llamadaRequests()[0]!.headers['authorization']).toMatch(/^Bearer \S+/);
    expect(
      (await t.query(READ_OPTION, { fieldId: field.id, optionId: option.id })).data!
        .customFieldOption,
    ).toEqual(updated.data!.updateCustomFieldOption.customFieldOption);

    sandbox().resetLog();
    const deleted = await t.query(DELETE_OPTION, { fieldId: field.id, optionId: option.id });
    expect(deleted.data!.deleteCustomFieldOption).toEqual({
      customFieldOption: { id: option.id, value: 'standard', label: 'Basic', description: null },
      userErrors: [],
    });
    expect(llamadaRequests()).toEqual([
      expect.objectContaining({
        method: 'DELETE',
        path: `/api/v1/custom-fields/${field.providerId}/options/${option.id}`,
      }),
    ]);
    expect(llamadaRequests()[0]!.headers['authorization']).toMatch(/^Bearer \S+/);
    const gone = await t.query(READ_OPTION, { fieldId: field.id, optionId: option.id });
    expect(gone.data!.customFieldOption).toBeNull();
    expect(gone.errors).toEqual([
      expect.objectContaining({
        path: ['customFieldOption'],
        extensions: expect.objectContaining({ code: 'NOT_FOUND', provider: 'LLAMADAPRO' }),
      }),
    ]);
    expect((await t.query(READ_FIELD, { id: field.id })).data!.customField.options).toEqual([]);
  });

  it('leaves to LlamadaPro whether a field takes options (it refuses a DATE field)', async () => {
    const field = await createField('next_review', 'DATE');
    sandbox().resetLog();
    const answer = await t.query(CREATE_OPTION, { fieldId: field.id, input: { value: 'x' } });
    expect(answer.data!.createCustomFieldOption).toEqual({
      customFieldOption: null,
      userErrors: [expect.objectContaining({ code: 'UPSTREAM_REJECTED', provider: 'LLAMADAPRO' })],
    });
    expect(llamadaRequests()).toHaveLength(1);
  });

  const tier = () => gid('CustomField', 'LLAMADAPRO', 401);

  it.each([
    ['an empty value', () => ({ fieldId: tier(), input: { value: ' ' } }), ['input', 'value']],
    [
      'a Task id',
      () => ({ fieldId: gid('Task', 'LLAMADAPRO', 'task_1'), input: { value: 'v' } }),
      ['customFieldId'],
    ],
  ])('createCustomFieldOption rejects %s and calls no vendor', async (_, variables, field) => {
    sandbox().resetLog();
    expectInvalid(await t.query(CREATE_OPTION, variables()), 'createCustomFieldOption', field);
  });

  it.each([
    ['a null value', { optionId: '901', input: { value: null } }, ['input', 'value']],
    ['a text option id', { optionId: 'gold', input: {} }, ['optionId']],
  ])('updateCustomFieldOption rejects %s and calls no vendor', async (_, variables, field) => {
    sandbox().resetLog();
    const answer = await t.query(UPDATE_OPTION, { fieldId: tier(), ...variables });
    expectInvalid(answer, 'updateCustomFieldOption', field);
  });

  it('deleteCustomFieldOption rejects a text option id and calls no vendor', async () => {
    sandbox().resetLog();
    const answer = await t.query(DELETE_OPTION, { fieldId: tier(), optionId: 'x1' });
    expectInvalid(answer, 'deleteCustomFieldOption', ['optionId']);
  });

  it('customFieldOption reads a seeded option and refuses a text option id', async () => {
    const seeded = sandbox().data.llamadapro.customFieldOptions.find(
      (option) => option.definitionId === 401 && option.value === 'gold',
    )!;
    const read = await t.query(READ_OPTION, { fieldId: tier(), optionId: String(seeded.id) });
    expect(read.data!.customFieldOption).toEqual({
      id: String(seeded.id),
      value: 'gold',
      label: 'Gold',
      description: null,
    });
    sandbox().resetLog();
    const bad = await t.query(READ_OPTION, { fieldId: tier(), optionId: 'gold' });
    expect(bad.data!.customFieldOption).toBeNull();
    expect(bad.errors[0]!.extensions).toMatchObject({ code: 'INVALID_INPUT', field: ['optionId'] });
    expect(sandbox().requests()).toHaveLength(0);
  });
});
