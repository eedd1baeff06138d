import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type {
  LlamadaProContactRecord,
  LlamadaProConversationRecord,
} from '../../src/sandbox/llamadapro/records.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const gid = (type: string, id: string | number) =>
  Buffer.from(`${type}:LLAMADAPRO:${id}`).toString('base64url');

const LINE = '+56228401000';
const MESSAGE_FIELDS = `id providerId provider channel direction status type content
  recipient { address role } attachments { id type url }`;

const SEND_TEMPLATE = `mutation($input: SendWhatsAppTemplateInput!, $key: String) {
  sendWhatsAppTemplate(input: $input, idempotencyKey: $key) {
    message { ${MESSAGE_FIELDS} }
    userErrors { field message code provider }
  }
}`;
const SEND_MESSAGE = `mutation($input: SendWhatsAppMessageInput!, $key: String) {
  sendWhatsAppMessage(input: $input, idempotencyKey: $key) {
    message { ${MESSAGE_FIELDS} }
    userErrors { field message code provider }
  }
}`;
const UPLOAD = `mutation($input: UploadWhatsAppMediaInput!, $key: String) {
  uploadWhatsAppMedia(input: $input, idempotencyKey: $key) {
    media { url size fileName contentType fileId mediaId tags }
    userErrors { field message code provider }
  }
}`;
const CONVERSATION_FIELDS = `id provider providerId contactId funnelId funnelStatusId userId
  archivedAt createdAt updatedAt customFields { key value }
  contact { id firstName lastName phones }`;
const CREATE_CONVERSATION = `mutation($input: CreateConversationInput!, $key: String) {
  createConversation(input: $input, idempotencyKey: $key) {
    conversation { ${CONVERSATION_FIELDS} }
    userErrors { field message code provider }
  }
}`;
const REPORT = `report {
    counts { successful warnings duplicates errors total }
    itemsIssues {
      index itemId existingEntities
      errors { field message code context }
      warnings { field message code context }
    }
    batchErrors { field message code context }
  }
  message operationId
  userErrors { field message code provider }`;
const BULK_CREATE = `mutation($input: BulkCreateConversationsInput!, $key: String) {
  bulkCreateConversations(input: $input, idempotencyKey: $key) { ${REPORT} }
}`;
const BULK_UPDATE = `mutation($input: BulkUpdateConversationsInput!) {
  bulkUpdateConversations(input: $input) { ${REPORT} }
}`;
const READ_CONVERSATION = `query($id: ID!) { conversation(id: $id) { ${CONVERSATION_FIELDS} } }`;

let t: TestGateway;
let contact: LlamadaProContactRecord;
let whatsApp: string;

beforeAll(async () => {
  t = await startTestGateway();
  const found = t.gateway.sandbox!.data.llamadapro.contacts.find((candidate) =>
    candidate.addresses.some((address) => address.channelType === 'WHATSAPP'),
  );
  contact = found!;
  whatsApp = contact.addresses.find((address) => address.channelType === 'WHATSAPP')!.address;
});
afterEach(() => t.gateway.sandbox!.clearFaults());
afterAll(async () => {
  await t.close();
});

const sandbox = () => t.gateway.sandbox!;
const posts = (path: string) =>
  sandbox()
    .requests('llamadapro')
    .filter((request) => request.method === 'POST' && request.path === path);

/** Runs `mutation` with `input` and expects INVALID_INPUT at every `fields`, with no request. */
async function expectInvalid(
  mutation: string,
  name: string,
  variables: Record<string, unknown>,
  fields: string[][],
) {
  sandbox().resetLog();
  const answer = await t.query(mutation, variables);
  expect(answer.errors).toEqual([]);
  const payload = answer.data![name];
  expect(payload.userErrors.map((error: { field: string[] }) => error.field)).toEqual(fields);
  for (const error of payload.userErrors) expect(error.code).toBe('INVALID_INPUT');
  expect(sandbox().requests()).toHaveLength(0);
  return payload;
}

describe('sendWhatsAppTemplate', () => {
  const template = () => ({
    fromPhoneNumber: LINE,
    toPhoneNumber: whatsApp,
    templateName: 'appointment_reminder',
    languageCode: 'es',
  });

  it('posts a variables template in LlamadaPro’s shape and the message reads back', async () => {
    sandbox().resetLog();
    const answer = await t.query(SEND_TEMPLATE, {
      input: {
        ...template(),
        userId: 'usr_11',
        variables: ['Camila', 'martes 12:30'],
        customFields: { campaign: 'october' },
      },
    });
    expect(answer.errors).toEqual([]);
    const { message, userErrors } = answer.data!.sendWhatsAppTemplate;
    expect(userErrors).toEqual([]);
    const requests = sandbox().requests('llamadapro');
    expect(requests).toHaveLength(1);
    const [post] = requests;
    expect(post!.method).toBe('POST');
    expect(post!.path).toBe('/api/v1/messages/whatsapp/template');
    expect(post!.headers['authorization']).toMatch(/^Bearer \S+$/);
    expect(post!.body).toEqual({
      fromPhoneNumber: LINE,
      toPhoneNumber: whatsApp,
      userId: 'usr_11',
      templateName: 'appointment_reminder',
      languageCode: 'es',
      variables: [{ value: 'Camila' }, { value: 'martes 12:30' }],
      customFields: { campaign: 'october' },
    });
    expect(message).toMatchObject({
      provider: 'LLAMADAPRO',
      channel: 'WHATSAPP',
      direction: 'OUTBOUND',
      status: 'pending',
      type: 'template',
      content: '[appointment_reminder/es] Camila | martes 12:30',
      recipient: { address: whatsApp, role: 'contact' },
      attachments: [],
    });
    expect(message.id).toBe(gid('Message', message.providerId));

    const read = await t.query(
      `query($id: ID!, $contactId: ID!) {
        message(id: $id) { id content }
        messages(contactId: $contactId, first: 1) { edges { node { id } } }
      }`,
      { id: message.id, contactId: gid('Contact', contact.id) },
    );
    expect(read.errors).toEqual([]);
    expect(read.data!.message).toEqual({ id: message.id, content: message.content });
    expect(read.data!.messages.edges[0].node.id).toBe(message.id);
  });

  it('posts components as given', async () => {
    sandbox().resetLog();
    const components = [
      { type: 'header', parameters: [{ type: 'text', text: 'Andes Retail' }] },
      { type: 'body', parameters: [{ type: 'text', text: 'Camila' }] },
    ];
    const answer = await t.query(SEND_TEMPLATE, {
      input: { ...template(), languageCode: 'en_US', components },
    });
    expect(answer.data!.sendWhatsAppTemplate.userErrors).toEqual([]);
    expect(answer.data!.sendWhatsAppTemplate.message.content).toBe(
      '[appointment_reminder/en_US] Andes Retail | Camila',
    );
    expect(posts('/api/v1/messages/whatsapp/template').map((request) => request.body)).toEqual([
      { ...template(), languageCode: 'en_US', components },
    ]);
  });

  it('sends a template without parameters with neither variables nor components', async () => {
    sandbox().resetLog();
    const answer = await t.query(SEND_TEMPLATE, { input: template() });
    expect(posts('/api/v1/messages/whatsapp/template').map((request) => request.body)).toEqual([
      template(),
    ]);
    expect(answer.data!.sendWhatsAppTemplate.userErrors).toEqual([]);
    expect(answer.data!.sendWhatsAppTemplate.message).not.toBeNull();
  });

  it('refuses variables and components together, naming both', async () => {
    const payload = await expectInvalid(
      SEND_TEMPLATE,
      'sendWhatsAppTemplate',
      { input: { ...template(), variables: ['x'], components: [{ type: 'body' }] } },
      [
        ['input', 'variables'],
        ['input', 'components'],
      ],
    );
    expect(payload.message).toBeNull();
  });

  it.each([
    [{ fromPhoneNumber: '56228401000' }, ['input', 'fromPhoneNumber']],
    [{ toPhoneNumber: '+56 9 1234 5678' }, ['input', 'toPhoneNumber']],
    [{ templateName: '  ' }, ['input', 'templateName']],
    [{ languageCode: '' }, ['input', 'languageCode']],
    [{ languageCode: 'en-US' }, ['input', 'languageCode']],
    [{ userId: '' }, ['input', 'userId']],
    [{ variables: [''] }, ['input', 'variables', '0']],
    [{ components: [] }, ['input', 'components']],
    [{ components: { type: 'body' } }, ['input', 'components']],
    [{ components: [{ type: 'footer' }] }, ['input', 'components', '0', 'type']],
    [{ components: ['body'] }, ['input', 'components', '0']],
    [{ customFields: ['not', 'an', 'object'] }, ['input', 'customFields']],
  ])('refuses %j at %j and calls no vendor', async (change, field) => {
    await expectInvalid(
      SEND_TEMPLATE,
      'sendWhatsAppTemplate',
      { input: { ...template(), ...change } },
      [field],
    );
  });

  it('answers a vendor 500 with UPSTREAM_UNAVAILABLE after exactly one POST', async () => {
    sandbox().setFault('llamadapro', { failure: 'status', status: 500 });
    sandbox().resetLog();
    const answer = await t.query(SEND_TEMPLATE, { input: { ...template(), variables: ['x'] } });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.sendWhatsAppTemplate.message).toBeNull();
    expect(answer.data!.sendWhatsAppTemplate.userErrors).toEqual([
      expect.objectContaining({
        code: 'UPSTREAM_UNAVAILABLE',
        provider: 'LLAMADAPRO',
        field: null,
      }),
    ]);
    expect(sandbox().requests('llamadapro')).toHaveLength(1);
    expect(posts('/api/v1/messages/whatsapp/template')).toHaveLength(1);
  });

  it('sends once per idempotency key and replays the first message', async () => {
    sandbox().resetLog();
    const variables = { input: { ...template(), variables: ['once'] }, key: 'template-once' };
    const first = await t.query(SEND_TEMPLATE, variables);
    const second = await t.query(SEND_TEMPLATE, variables);
    expect(first.data!.sendWhatsAppTemplate.userErrors).toEqual([]);
    expect(first.data!.sendWhatsAppTemplate.message.content).toBe('[appointment_reminder/es] once');
    expect(second.data).toEqual(first.data);
    expect(posts('/api/v1/messages/whatsapp/template')).toHaveLength(1);
  });
});

describe('sendWhatsAppMessage and uploadWhatsAppMedia', () => {
  const text = () => ({
    fromPhoneNumber: LINE,
    toPhoneNumber: whatsApp,
    content: 'Hola Camila, ¿le acomoda el martes?',
    type: 'TEXT',
  });

  it('posts a text message with the type lower-case and it reads back', async () => {
    sandbox().resetLog();
    const answer = await t.query(SEND_MESSAGE, {
      input: { ...text(), userId: 'usr_12', customFields: { topic: 'scheduling' } },
      key: 'text-1',
    });
    expect(answer.errors).toEqual([]);
    const { message, userErrors } = answer.data!.sendWhatsAppMessage;
    expect(userErrors).toEqual([]);
    const [post, ...others] = sandbox().requests('llamadapro');
    expect(others).toEqual([]);
    expect(post).toMatchObject({ method: 'POST', path: '/api/v1/messages/whatsapp' });
    expect(post!.headers['authorization']).toMatch(/^Bearer \S+$/);
    expect(post!.body).toEqual({
      fromPhoneNumber: LINE,
      toPhoneNumber: whatsApp,
      userId: 'usr_12',
      content: 'Hola Camila, ¿le acomoda el martes?',
      type: 'text',
      customFields: { topic: 'scheduling' },
    });
    expect(message).toMatchObject({
      provider: 'LLAMADAPRO',
      channel: 'WHATSAPP',
      direction: 'OUTBOUND',
      status: 'pending',
      type: 'text',
      content: 'Hola Camila, ¿le acomoda el martes?',
      recipient: { address: whatsApp, role: 'contact' },
    });
    const read = await t.query(`query($id: ID!) { message(id: $id) { id type content } }`, {
      id: message.id,
    });
    expect(read.data!.message).toEqual({ id: message.id, type: 'text', content: message.content });
  });

  it('uploads a file directly, then sends it as an image by its fileId', async () => {
    sandbox().resetLog();
    const content = Buffer.from('not really a png, but bytes all the same').toString('base64');
    const upload = await t.query(UPLOAD, {
      input: {
        fromPhoneNumber: LINE,
        fileName: 'catalogo.png',
        contentType: 'image/png',
        content,
        tags: { campaign: 'october' },
      },
      key: 'upload-1',
    });
    expect(upload.errors).toEqual([]);
    const { media, userErrors } = upload.data!.uploadWhatsAppMedia;
    expect(userErrors).toEqual([]);
    const [post] = posts('/api/v1/messages/whatsapp/media');
    expect(post!.headers['authorization']).toMatch(/^Bearer \S+$/);
    expect(post!.body).toEqual({
      fromPhoneNumber: LINE,
      fileName: 'catalogo.png',
      contentType: 'image/png',
      content,
      tags: { campaign: 'october' },
    });
    expect(media).toMatchObject({
      size: 40,
      fileName: 'catalogo.png',
      contentType: 'image/png',
      tags: { campaign: 'october' },
    });
    expect(media.fileId).toMatch(/^file_c\d+$/);
    expect(media.mediaId).toMatch(/^\d+$/);
    expect(media.url).toBe(`https://media.llamadapro.example/files/${media.fileId}/catalogo.png`);

    sandbox().resetLog();
    const sent = await t.query(SEND_MESSAGE, {
      input: { ...text(), type: 'IMAGE', content: 'Nuestro catálogo', fileId: media.fileId },
    });
    expect(sent.data!.sendWhatsAppMessage.userErrors).toEqual([]);
    expect(posts('/api/v1/messages/whatsapp').map((request) => request.body)).toEqual([
      { ...text(), type: 'image', content: 'Nuestro catálogo', fileId: media.fileId },
    ]);
    const read = await t.query(
      `query($id: ID!) { message(id: $id) { type attachments { id type url } } }`,
      { id: sent.data!.sendWhatsAppMessage.message.id },
    );
    expect(read.data!.message).toEqual({
      type: 'image',
      attachments: [{ id: media.fileId, type: 'image', url: `${media.url}?signature=sandbox` }],
    });
  });

  it('uploads by fileId', async () => {
    sandbox().resetLog();
    const answer = await t.query(UPLOAD, {
      input: { fromPhoneNumber: LINE, fileId: 'file_existing_42' },
    });
    expect(answer.data!.uploadWhatsAppMedia.userErrors).toEqual([]);
    expect(posts('/api/v1/messages/whatsapp/media').map((request) => request.body)).toEqual([
      { fromPhoneNumber: LINE, fileId: 'file_existing_42' },
    ]);
    expect(answer.data!.uploadWhatsAppMedia.media).toMatchObject({
      fileId: 'file_existing_42',
      fileName: 'file_existing_42.bin',
      size: 0,
      tags: {},
    });
  });

  it.each([
    [{ type: 'IMAGE' }, [['input', 'fileId']]],
    [{ type: 'DOCUMENT', content: '' }, [['input', 'fileId']]],
    [{ content: '   ' }, [['input', 'content']]],
    [{ toPhoneNumber: '0912345678' }, [['input', 'toPhoneNumber']]],
    [{ fromPhoneNumber: '+0123456789' }, [['input', 'fromPhoneNumber']]],
    [{ fileId: '' }, [['input', 'fileId']]],
    [{ customFields: 'topic=x' }, [['input', 'customFields']]],
  ])('refuses message %j at %j and calls no vendor', async (change, fields) => {
    await expectInvalid(
      SEND_MESSAGE,
      'sendWhatsAppMessage',
      { input: { ...text(), ...change } },
      fields,
    );
  });

  const direct = { fileName: 'a.pdf', contentType: 'application/pdf', content: 'JVBERi0xLjQ=' };
  it.each([
    [
      { fileId: 'file_1', ...direct },
      [
        ['input', 'fileId'],
        ['input', 'fileName'],
        ['input', 'contentType'],
        ['input', 'content'],
      ],
    ],
    [
      { fileId: 'file_1', content: 'JVBERi0xLjQ=' },
      [
        ['input', 'fileId'],
        ['input', 'content'],
      ],
    ],
    [{}, [['input', 'fileId']]],
    [
      { fileName: 'a.pdf' },
      [
        ['input', 'contentType'],
        ['input', 'content'],
      ],
    ],
    [{ ...direct, content: 'not base64!' }, [['input', 'content']]],
    [{ ...direct, content: '' }, [['input', 'content']]],
    [{ ...direct, contentType: 'pdf' }, [['input', 'contentType']]],
    [{ ...direct, fileName: ' ' }, [['input', 'fileName']]],
    [{ ...direct, tags: { count: 3 } }, [['input', 'tags', 'count']]],
    [{ ...direct, fromPhoneNumber: '+56-2-2840-1000' }, [['input', 'fromPhoneNumber']]],
  ])('refuses upload %j at %j and calls no vendor', async (change, fields) => {
    await expectInvalid(
      UPLOAD,
      'uploadWhatsAppMedia',
      { input: { fromPhoneNumber: LINE, ...change } },
      fields,
    );
  });
});

describe('conversations', () => {
  let seeded: LlamadaProConversationRecord;

  beforeAll(() => {
    seeded = sandbox().data.llamadapro.conversations.find(
      (conversation) => conversation.archivedAt !== null && conversation.userId !== null,
    )!;
  });

  it('reads a conversation by id and through node', async () => {
    sandbox().resetLog();
    const id = gid('Conversation', seeded.id);
    const answer = await t.query(
      `query($id: ID!) {
        conversation(id: $id) { ${CONVERSATION_FIELDS} }
        node(id: $id) { __typename id ... on Conversation { funnelId } }
      }`,
      { id },
    );
    expect(answer.errors).toEqual([]);
    const owner = sandbox().data.llamadapro.contacts.find((c) => c.id === seeded.contactId)!;
    expect(answer.data!.conversation).toMatchObject({
      id,
      provider: 'LLAMADAPRO',
      providerId: String(seeded.id),
      contactId: String(seeded.contactId),
      funnelId: String(seeded.funnelId),
      funnelStatusId: String(seeded.funnelStatusId),
      userId: String(seeded.userId),
      archivedAt: new Date(seeded.archivedAt!).toISOString(),
      createdAt: new Date(seeded.createdAt).toISOString(),
      customFields: Object.entries(seeded.customFields).map(([key, value]) => ({ key, value })),
      contact: {
        id: gid('Contact', owner.id),
        firstName: owner.firstName,
        lastName: owner.lastName,
      },
    });
    expect(answer.data!.node).toEqual({
      __typename: 'Conversation',
      id,
      funnelId: String(seeded.funnelId),
    });
    expect(
      sandbox()
        .requests('llamadapro')
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual([`GET /api/v1/conversations/${seeded.id}`]);
  });

  it('refuses an id of another type', async () => {
    sandbox().resetLog();
    const answer = await t.query(READ_CONVERSATION, { id: gid('Contact', contact.id) });
    expect(answer.data?.conversation ?? null).toBeNull();
    expect(answer.errors[0]!.extensions!['code']).toBe('INVALID_INPUT');
    expect(sandbox().requests()).toHaveLength(0);
  });

  it('creates a conversation for an existing contact and it reads back', async () => {
    sandbox().resetLog();
    const answer = await t.query(CREATE_CONVERSATION, {
      input: {
        funnelId: '2',
        contactId: gid('Contact', contact.id),
        funnelStatusId: '21',
        userId: '11',
        createdAt: '2026-03-02T10:00:00Z',
        customFields: { lead_source: 'referral' },
      },
      key: 'conversation-1',
    });
    expect(answer.errors).toEqual([]);
    const { conversation, userErrors } = answer.data!.createConversation;
    expect(userErrors).toEqual([]);
    const [post, ...others] = sandbox().requests('llamadapro');
    expect(others).toEqual([]);
    expect(post).toMatchObject({ method: 'POST', path: '/api/v1/conversations' });
    expect(post!.headers['authorization']).toMatch(/^Bearer \S+$/);
    expect(post!.body).toEqual({
      funnelId: 2,
      contactId: contact.id,
      funnelStatusId: 21,
      userId: 11,
      createdAt: '2026-03-02T10:00:00.000Z',
      customFields: { lead_source: 'referral' },
    });
    expect(conversation).toMatchObject({
      provider: 'LLAMADAPRO',
      contactId: String(contact.id),
      funnelId: '2',
      funnelStatusId: '21',
      userId: '11',
      archivedAt: null,
      createdAt: '2026-03-02T10:00:00.000Z',
      customFields: [{ key: 'lead_source', value: 'referral' }],
      contact: { id: gid('Contact', contact.id), firstName: contact.firstName },
    });
    expect(conversation.id).toBe(gid('Conversation', conversation.providerId));
    const read = await t.query(READ_CONVERSATION, { id: conversation.id });
    expect(read.errors).toEqual([]);
    expect(read.data!.conversation).toEqual(conversation);
  });

  it('creates a conversation with a new contact given by its details', async () => {
    sandbox().resetLog();
    const answer = await t.query(CREATE_CONVERSATION, {
      input: {
        funnelId: '1',
        contact: {
          firstName: 'Ignacio',
          lastName: 'Fuentes',
          phones: ['+56987650001'],
          emails: ['ignacio.fuentes@example.cl'],
          companyPosition: 'Jefe de compras',
        },
      },
    });
    expect(answer.data!.createConversation.userErrors).toEqual([]);
    expect(posts('/api/v1/conversations').map((request) => request.body)).toEqual([
      {
        funnelId: 1,
        contact: {
          firstName: 'Ignacio',
          lastName: 'Fuentes',
          phones: ['+56987650001'],
          emails: ['ignacio.fuentes@example.cl'],
          companyPosition: 'Jefe de compras',
        },
      },
    ]);
    const { conversation } = answer.data!.createConversation;
    expect(conversation.contact).toMatchObject({
      firstName: 'Ignacio',
      lastName: 'Fuentes',
      phones: ['+56987650001'],
    });
    const read = await t.query(`query($phone: String!) { contactByPhone(phone: $phone) { id } }`, {
      phone: '+56987650001',
    });
    expect(read.data!.contactByPhone.id).toBe(conversation.contact.id);
  });

  it.each([
    [
      {},
      [
        ['input', 'contactId'],
        ['input', 'contact'],
      ],
    ],
    [
      { contactId: 'CONTACT', contact: { phones: ['+56987650002'] } },
      [
        ['input', 'contactId'],
        ['input', 'contact'],
      ],
    ],
    [{ contact: { firstName: 'Sin', lastName: 'Datos' } }, [['input', 'contact', 'phones']]],
    [{ contact: { phones: ['987650002'] } }, [['input', 'contact', 'phones', '0']]],
    [{ contact: { emails: ['nobody'] } }, [['input', 'contact', 'emails', '0']]],
    [{ contact: { phones: ['+56987650002'], userId: 'u11' } }, [['input', 'contact', 'userId']]],
    [{ contactId: 'CONTACT', funnelId: 'sales' }, [['input', 'funnelId']]],
    [{ contactId: 'CONTACT', funnelStatusId: '2.5' }, [['input', 'funnelStatusId']]],
    [{ contactId: 'CONVERSATION' }, [['input', 'contactId']]],
    [{ contactId: 'garbage' }, [['input', 'contactId']]],
    [{ contactId: 'CONTACT', customFields: [1] }, [['input', 'customFields']]],
  ])('refuses conversation %j at %j and calls no vendor', async (change, fields) => {
    const ids: Record<string, string> = {
      CONTACT: gid('Contact', contact.id),
      CONVERSATION: gid('Conversation', seeded.id),
    };
    const input: Record<string, unknown> = { funnelId: '1', ...change };
    if (typeof input.contactId === 'string')
      input.contactId = ids[input.contactId] ?? input.contactId;
    await expectInvalid(CREATE_CONVERSATION, 'createConversation', { input }, fields);
  });

  it('bulk-creates: the valid item counts as successful, the invalid one comes back typed', async () => {
    sandbox().resetLog();
    const valid = {
      funnelId: '3',
      contact: { firstName: 'Rocío', lastName: 'Vidal', phones: ['+56987650003'] },
      customFields: { lead_source: 'event' },
    };
    const invalid = {
      funnelId: '3',
      contactId: gid('Contact', contact.id),
      customFields: { no_such_field: 'x' },
    };
    const answer = await t.query(BULK_CREATE, {
      input: { conversations: [valid, invalid] },
      key: 'bulk-1',
    });
    expect(answer.errors).toEqual([]);
    const payload = answer.data!.bulkCreateConversations;
    expect(payload.userErrors).toEqual([]);
    const [post, ...others] = sandbox().requests('llamadapro');
    expect(others).toEqual([]);
    expect(post).toMatchObject({ method: 'POST', path: '/api/v1/conversations/bulk' });
    expect(post!.headers['authorization']).toMatch(/^Bearer \S+$/);
    expect(post!.body).toEqual({
      conversations: [
        {
          funnelId: 3,
          contact: { firstName: 'Rocío', lastName: 'Vidal', phones: ['+56987650003'] },
          customFields: { lead_source: 'event' },
        },
        { funnelId: 3, contactId: contact.id, customFields: { no_such_field: 'x' } },
      ],
    });
    expect(payload.message).toBe('Created 1 of 2 conversations');
    expect(payload.operationId).toMatch(/^op_\d{8}$/);
    expect(payload.report).toEqual({
      counts: { successful: 1, warnings: 0, duplicates: 0, errors: 1, total: 2 },
      itemsIssues: [
        {
          index: 1,
          itemId: null,
          existingEntities: {},
          errors: [
            {
              field: 'customFields.no_such_field',
              message: 'no FUNNEL_CONVERSATION custom field has the key "no_such_field"',
              code: 'UNKNOWN_CUSTOM_FIELD',
              context: null,
            },
          ],
          warnings: [],
        },
      ],
      batchErrors: [],
    });

    // The vendor returns no ids; sending the valid item again finds the conversation it made.
    const again = await t.query(BULK_CREATE, { input: { conversations: [valid] } });
    const issue = again.data!.bulkCreateConversations.report.itemsIssues[0];
    expect(again.data!.bulkCreateConversations.report.counts).toMatchObject({
      successful: 0,
      duplicates: 1,
    });
    expect(issue.warnings[0].code).toBe('DUPLICATE');
    const read = await t.query(READ_CONVERSATION, {
      id: gid('Conversation', issue.existingEntities.conversationId),
    });
    expect(read.data!.conversation).toMatchObject({
      funnelId: '3',
      customFields: [{ key: 'lead_source', value: 'event' }],
      contact: { firstName: 'Rocío', lastName: 'Vidal', phones: ['+56987650003'] },
    });
  });

  it('bulk-creates once per idempotency key', async () => {
    const item = { funnelId: '1', contact: { phones: ['+56987650004'] } };
    sandbox().resetLog();
    const first = await t.query(BULK_CREATE, { input: { conversations: [item] }, key: 'bulk-2' });
    const second = await t.query(BULK_CREATE, { input: { conversations: [item] }, key: 'bulk-2' });
    expect(first.data!.bulkCreateConversations.report.counts.successful).toBe(1);
    expect(second.data).toEqual(first.data);
    expect(posts('/api/v1/conversations/bulk')).toHaveLength(1);
  });

  it.each([
    [{ conversations: [] }, [['input', 'conversations']]],
    [
      {
        conversations: [
          { funnelId: '1', contact: { phones: ['+56987650005'] } },
          { funnelId: '1' },
        ],
      },
      [
        ['input', 'conversations', '1', 'contactId'],
        ['input', 'conversations', '1', 'contact'],
      ],
    ],
  ])('refuses bulk create %j at %j and calls no vendor', async (input, fields) => {
    await expectInvalid(BULK_CREATE, 'bulkCreateConversations', { input }, fields);
  });

  it('bulk-updates: omitted members are not sent, nulls are, and the change reads back', async () => {
    sandbox().resetLog();
    const id = gid('Conversation', seeded.id);
    const answer = await t.query(BULK_UPDATE, {
      input: {
        conversations: [
          {
            id,
            funnelStatusId: String(seeded.funnelId * 10 + 4),
            archivedAt: null,
            customFields: { lead_source: 'outbound' },
            contact: { companyPosition: 'Gerente', nationalId: null },
          },
          { id: gid('Conversation', 999_999), userId: null },
        ],
      },
    });
    expect(answer.errors).toEqual([]);
    const payload = answer.data!.bulkUpdateConversations;
    expect(payload.userErrors).toEqual([]);
    const [put, ...others] = sandbox().requests('llamadapro');
    expect(others).toEqual([]);
    expect(put).toMatchObject({ method: 'PUT', path: '/api/v1/conversations/bulk' });
    expect(put!.headers['authorization']).toMatch(/^Bearer \S+$/);
    expect(put!.body).toEqual({
      conversations: [
        {
          id: seeded.id,
          funnelStatusId: seeded.funnelId * 10 + 4,
          archivedAt: null,
          customFields: { lead_source: 'outbound' },
          contact: { companyPosition: 'Gerente', nationalId: null },
        },
        { id: 999_999, userId: null },
      ],
    });
    expect(payload.message).toBe('Updated 1 of 2 conversations');
    expect(payload.report).toEqual({
      counts: { successful: 1, warnings: 0, duplicates: 0, errors: 1, total: 2 },
      itemsIssues: [
        {
          index: 1,
          itemId: '999999',
          existingEntities: {},
          errors: [
            {
              field: 'id',
              message: 'conversation 999999 not found',
              code: 'NOT_FOUND',
              context: null,
            },
          ],
          warnings: [],
        },
      ],
      batchErrors: [],
    });
    const read = await t.query(READ_CONVERSATION, { id });
    expect(read.data!.conversation).toMatchObject({
      funnelStatusId: String(seeded.funnelId * 10 + 4),
      userId: String(seeded.userId),
      archivedAt: null,
      customFields: [{ key: 'lead_source', value: 'outbound' }],
    });
    const owner = await t.query(
      `query($id: ID!) { contact(id: $id) { companyPosition nationalId } }`,
      {
        id: gid('Contact', seeded.contactId),
      },
    );
    expect(owner.data!.contact).toEqual({ companyPosition: 'Gerente', nationalId: null });
  });

  it.each([
    [{ conversations: [] }, [['input', 'conversations']]],
    [{ conversations: [{ id: 'CONTACT' }] }, [['input', 'conversations', '0', 'id']]],
    [
      { conversations: [{ id: 'SEEDED', createdAt: null }] },
      [['input', 'conversations', '0', 'createdAt']],
    ],
    [
      { conversations: [{ id: 'SEEDED', customFields: null }] },
      [['input', 'conversations', '0', 'customFields']],
    ],
    [
      { conversations: [{ id: 'SEEDED', contact: null }] },
      [['input', 'conversations', '0', 'contact']],
    ],
    [
      { conversations: [{ id: 'SEEDED', funnelStatusId: 'won' }] },
      [['input', 'conversations', '0', 'funnelStatusId']],
    ],
    [
      { conversations: [{ id: 'SEEDED', contact: { phones: null } }] },
      [['input', 'conversations', '0', 'contact', 'phones']],
    ],
    [
      { conversations: [{ id: 'SEEDED', contact: { phones: ['12345'] } }] },
      [['input', 'conversations', '0', 'contact', 'phones', '0']],
    ],
  ])('refuses bulk update %j at %j and calls no vendor', async (input, fields) => {
    const ids: Record<string, string> = {
      CONTACT: gid('Contact', contact.id),
      SEEDED: gid('Conversation', seeded.id),
    };
    const conversations = input.conversations.map((item: Record<string, unknown>) => ({
      ...item,
      id: ids[String(item.id)] ?? item.id,
    }));
    await expectInvalid(
      BULK_UPDATE,
      'bulkUpdateConversations',
      { input: { conversations } },
      fields,
    );
  });
});
