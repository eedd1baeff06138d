import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

/**
 * A vendor id travels inside a global id into a URL path. Ids that would re-aim the request once
 * the URL is built (`.` and `..` are resolved away, `/` adds a segment), or that no vendor could
 * have issued, must be refused before any vendor hears of them.
 */

const gid = (type: string, provider: string, id: string) =>
  Buffer.from(`${type}:${provider}:${id}`).toString('base64url');

let t: TestGateway;
const sandbox = () => t.gateway.sandbox!;

beforeAll(async () => {
  t = await startTestGateway();
});
beforeEach(() => sandbox().resetLog());
afterAll(async () => {
  await t.close();
});

/** What every id kind must refuse, whatever its own format. */
const HOSTILE: Array<[string, string]> = [
  ['a dot segment', '.'],
  ['a parent segment', '..'],
  ['a slash', 'a/b'],
  ['a percent-encoded parent segment', '%2e%2e'],
  ['300 characters', 'x'.repeat(300)],
];

/** The hostile ids plus one that is merely not of the kind's format. */
const refused = (wrongFormat: string): Array<[string, string]> => [
  ...HOSTILE,
  ['the wrong format', wrongFormat],
];

const USER_ERRORS = 'userErrors { field code provider }';

async function expectRefusedMutation(
  document: string,
  variables: Record<string, unknown>,
  mutation: string,
  field: string[],
) {
  const answer = await t.query(document, variables);
  expect(answer.errors).toEqual([]);
  expect(answer.data![mutation].userErrors).toEqual([
    { field, code: 'INVALID_INPUT', provider: null },
  ]);
  expect(sandbox().requests()).toEqual([]);
}

async function expectRefusedQuery(
  document: string,
  variables: Record<string, unknown>,
  field: string,
) {
  const answer = await t.query(document, variables);
  expect(answer.data).toEqual({ [field]: null });
  expect(answer.errors).toHaveLength(1);
  expect(answer.errors[0]).toMatchObject({ path: [field], extensions: { code: 'INVALID_INPUT' } });
  expect(sandbox().requests()).toEqual([]);
}

describe('LlamadaPro task ids', () => {
  const cases = refused('task 1');

  it.each(cases)('deleteTask refuses %s', async (_, vendorId) => {
    await expectRefusedMutation(
      `mutation($id: ID!) { deleteTask(id: $id) { task { id } ${USER_ERRORS} } }`,
      { id: gid('Task', 'LLAMADAPRO', vendorId) },
      'deleteTask',
      ['id'],
    );
  });

  it.each(cases)('updateTask refuses %s', async (_, vendorId) => {
    await expectRefusedMutation(
      `mutation($id: ID!, $input: UpdateTaskInput!) {
        updateTask(id: $id, input: $input) { task { id } ${USER_ERRORS} }
      }`,
      { id: gid('Task', 'LLAMADAPRO', vendorId), input: { objective: 'Call back' } },
      'updateTask',
      ['id'],
    );
  });

  it.each(cases)('task(id) refuses %s', async (_, vendorId) => {
    await expectRefusedQuery(
      'query($id: ID!) { task(id: $id) { id } }',
      { id: gid('Task', 'LLAMADAPRO', vendorId) },
      'task',
    );
  });

  it.each(cases)('node(id) refuses a Task id with %s', async (_, vendorId) => {
    await expectRefusedQuery(
      'query($id: ID!) { node(id: $id) { id } }',
      { id: gid('Task', 'LLAMADAPRO', vendorId) },
      'node',
    );
  });

  it('still reads and deletes a task the sandbox seeded', async () => {
    const seeded = sandbox().data.llamadapro.tasks.at(-1)!;
    const id = gid('Task', 'LLAMADAPRO', seeded.id);
    const read = await t.query('query($id: ID!) { task(id: $id) { providerId } }', { id });
    expect(read.errors).toEqual([]);
    expect(read.data!.task.providerId).toBe(seeded.id);
    const deleted = await t.query(
      `mutation($id: ID!) { deleteTask(id: $id) { task { providerId } ${USER_ERRORS} } }`,
      { id },
    );
    expect(deleted.data!.deleteTask).toEqual({ task: { providerId: seeded.id }, userErrors: [] });
  });
});

describe('LlamadaPro numeric ids', () => {
  const cases = refused('abc');
  const customFieldId = () => gid('CustomField', 'LLAMADAPRO', String(sandboxFieldId()));
  const sandboxFieldId = () => sandbox().data.llamadapro.customFields[0]!.id;

  it.each(cases)('contact(id) refuses %s', async (_, vendorId) => {
    await expectRefusedQuery(
      'query($id: ID!) { contact(id: $id) { id } }',
      { id: gid('Contact', 'LLAMADAPRO', vendorId) },
      'contact',
    );
  });

  it.each(cases)('updateContact refuses %s', async (_, vendorId) => {
    await expectRefusedMutation(
      `mutation($id: ID!, $input: UpdateContactInput!) {
        updateContact(id: $id, input: $input) { contact { id } ${USER_ERRORS} }
      }`,
      { id: gid('Contact', 'LLAMADAPRO', vendorId), input: { firstName: 'Ana' } },
      'updateContact',
      ['id'],
    );
  });

  it.each(cases)('deleteCustomField refuses %s', async (_, vendorId) => {
    await expectRefusedMutation(
      `mutation($id: ID!) { deleteCustomField(id: $id) { customField { id } ${USER_ERRORS} } }`,
      { id: gid('CustomField', 'LLAMADAPRO', vendorId) },
      'deleteCustomField',
      ['id'],
    );
  });

  it.each(cases)(
    'createCustomFieldOption refuses a custom field id with %s',
    async (_, vendorId) => {
      await expectRefusedMutation(
        `mutation($customFieldId: ID!, $input: CustomFieldOptionInput!) {
        createCustomFieldOption(customFieldId: $customFieldId, input: $input) {
          customFieldOption { id } ${USER_ERRORS}
        }
      }`,
        { customFieldId: gid('CustomField', 'LLAMADAPRO', vendorId), input: { value: 'gold' } },
        'createCustomFieldOption',
        ['customFieldId'],
      );
    },
  );

  it.each(cases)('deleteCustomFieldOption refuses an option id with %s', async (_, optionId) => {
    await expectRefusedMutation(
      `mutation($customFieldId: ID!, $optionId: String!) {
        deleteCustomFieldOption(customFieldId: $customFieldId, optionId: $optionId) {
          customFieldOption { id } ${USER_ERRORS}
        }
      }`,
      { customFieldId: customFieldId(), optionId },
      'deleteCustomFieldOption',
      ['optionId'],
    );
  });

  it.each(cases)('conversation(id) refuses %s', async (_, vendorId) => {
    await expectRefusedQuery(
      'query($id: ID!) { conversation(id: $id) { id } }',
      { id: gid('Conversation', 'LLAMADAPRO', vendorId) },
      'conversation',
    );
  });
});

describe('LlamadaPro message ids', () => {
  it.each(refused('msg 1'))('message(id) refuses %s', async (_, vendorId) => {
    await expectRefusedQuery(
      'query($id: ID!) { message(id: $id) { id } }',
      { id: gid('Message', 'LLAMADAPRO', vendorId) },
      'message',
    );
  });
});

describe('Freya problem ids', () => {
  it.each(refused('problem 1'))('problem(id) refuses %s', async (_, vendorId) => {
    await expectRefusedQuery(
      'query($id: ID!) { problem(id: $id) { id } }',
      { id: gid('Problem', 'FREYA', vendorId) },
      'problem',
    );
  });
});

describe('call ids', () => {
  const byVendor: Array<[string, string]> = [
    ['OVIA', '12345'],
    ['CX', 'not-a-uuid'],
    ['HAPPYROBOT', '66c0d1e2f3a4b5c6d7e8f90'],
    ['LLAMADAPRO', 'call_1'],
  ];
  const cases = byVendor.flatMap(([provider, wrongFormat]) =>
    refused(wrongFormat).map(([what, vendorId]) => [provider, what, vendorId] as const),
  );

  it.each(cases)('call(id) on %s refuses %s', async (provider, _, vendorId) => {
    await expectRefusedQuery(
      'query($id: ID!) { call(id: $id) { id } }',
      { id: gid('Call', provider, vendorId) },
      'call',
    );
  });

  it.each(cases)('node(id) of a %s Call refuses %s', async (provider, _, vendorId) => {
    await expectRefusedQuery(
      'query($id: ID!) { node(id: $id) { id } }',
      { id: gid('Call', provider, vendorId) },
      'node',
    );
  });

  it('still reads a call the sandbox seeded on every call vendor', async () => {
    const data = sandbox().data;
    const seeded: Array<[string, string]> = [
      ['OVIA', data.ovia.calls[0]!.id],
      ['CX', data.cx.interactions[0]!.id],
      ['HAPPYROBOT', data.happyrobot.calls[0]!.id],
      ['LLAMADAPRO', String(data.llamadapro.calls[0]!.id)],
    ];
    for (const [provider, vendorId] of seeded) {
      const answer = await t.query('query($id: ID!) { call(id: $id) { providerId } }', {
        id: gid('Call', provider, vendorId),
      });
      expect(answer.errors).toEqual([]);
      expect(answer.data!.call.providerId).toBe(vendorId);
    }
  });

  const addNoteCases: Array<[string, string]> = [
    ...refused('66c0d1e2f3a4b5c6d7e8f90'),
    // 24 characters, the length HappyRobot's document asks for, and still two levels up.
    ['parent segments 24 characters long', '../'.repeat(8)],
  ];

  it.each(addNoteCases)('addCallNote refuses %s', async (_, vendorId) => {
    await expectRefusedMutation(
      `mutation($input: AddCallNoteInput!) {
        addCallNote(input: $input) { note { id } ${USER_ERRORS} }
      }`,
      { input: { callId: gid('Call', 'HAPPYROBOT', vendorId), content: 'Call back at five' } },
      'addCallNote',
      ['input', 'callId'],
    );
  });
});
