import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type {
  LlamadaProContactRecord,
  LlamadaProCustomFieldRecord,
  LlamadaProMessageRecord,
  LlamadaProTaskRecord,
} from '../../src/sandbox/llamadapro/records.js';
import type { FreyaProblemRecord } from '../../src/sandbox/freya/data.js';
import { startTestGateway, type GraphQLAnswer, type TestGateway } from '../support/gateway.js';

const CONTACT_FIELDS = `
  id provider providerId firstName lastName displayName
  addresses { channel address } phones emails nationalId companyPosition
  customFields { key value } createdAt updatedAt raw
`;
const TASK_FIELDS = `
  id provider providerId objective status dueDate publishedAt completedAt cancelledAt
  cancellationReason createdBy { id type } assignedTo { id type } conversationId
  createdAt updatedAt raw
`;
const PROBLEM_FIELDS = `
  id provider providerId title description type severity status resolved resolvedAt resolvedBy
  callId customerNumber assignees { userId userName assignedAt } commentsCount archived
  createdAt updatedAt raw
`;
const MESSAGE_FIELDS = `
  id provider providerId channel direction status type content
  sender { address role displayName } recipient { address role displayName }
  attachments { id type url } conversationId createdAt raw
`;
const CUSTOM_FIELD_FIELDS = `
  id provider providerId key label type entityType description
  options { id value label description } createdAt updatedAt raw
`;

type Node = Record<string, any> & { id: string; providerId: string };

interface Page {
  totalCount: number | null;
  edges: Array<{ cursor: string; node: Node }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(async () => {
  await t.close();
});
afterEach(() => {
  t.gateway.sandbox!.clearFaults();
});

const data = () => t.gateway.sandbox!.data;
const iso = (value: string | null | undefined) => (value ? new Date(value).toISOString() : null);

/** The canonical global id, written out independently of src/ids.ts. */
function gid(type: string, provider: string, id: string | number): string {
  return Buffer.from(`${type}:${provider}:${String(id)}`, 'utf8').toString('base64url');
}

/** Reads a connection to its end in pages of `first`; every page must come back without errors. */
async function pageAll(
  field: string,
  selection: string,
  options: { args?: string; variables?: Record<string, unknown>; first: number },
): Promise<{ nodes: Node[]; totalCounts: Array<number | null>; pages: number }> {
  const nodes: Node[] = [];
  const totalCounts: Array<number | null> = [];
  let after: string | null = null;
  for (let pages = 1; pages <= 200; pages += 1) {
    const answer: GraphQLAnswer<Record<string, Page>> = await t.query<Record<string, Page>>(
      `query($first: Int, $after: String${options.variables ? variableDeclarations(options.variables) : ''}) {
        page: ${field}(${options.args ? `${options.args}, ` : ''}first: $first, after: $after) {
          totalCount
          edges { cursor node { ${selection} } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { ...options.variables, first: options.first, after },
    );
    expect(answer.errors).toEqual([]);
    const page = answer.data!['page']!;
    expect(page.edges.length).toBeLessThanOrEqual(options.first);
    nodes.push(...page.edges.map((edge) => edge.node));
    totalCounts.push(page.totalCount);
    if (!page.pageInfo.hasNextPage) return { nodes, totalCounts, pages };
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)!.cursor);
    after = page.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

const VARIABLE_TYPES: Record<string, string> = {
  search: 'String',
  taskFilter: 'TaskFilter',
  problemFilter: 'ProblemFilter',
  contactId: 'ID!',
  entityType: 'CustomFieldEntityType',
};
function variableDeclarations(variables: Record<string, unknown>): string {
  return Object.keys(variables)
    .map((name) => `, $${name}: ${VARIABLE_TYPES[name] ?? 'String'}`)
    .join('');
}

function expectEveryOnce(nodes: Node[], expectedIds: Array<string | number>, total: number): void {
  const ids = nodes.map((node) => node.providerId);
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual(expectedIds.map(String).sort());
  expect(ids).toHaveLength(total);
}

// The mapping rules (README, "Semantics worth knowing"), written out independently of the mappers.
function expectedPhones(raw: LlamadaProContactRecord): string[] {
  const phones: string[] = [];
  for (const entry of raw.addresses) {
    if (
      (entry.channelType === 'PHONE' || entry.channelType === 'WHATSAPP') &&
      !phones.includes(entry.address)
    ) {
      phones.push(entry.address);
    }
  }
  if (raw.phone && !phones.includes(raw.phone)) phones.push(raw.phone);
  return phones;
}
function expectedEmails(raw: LlamadaProContactRecord): string[] {
  const emails: string[] = [];
  const seen = (value: string) =>
    emails.some((email) => email.toLowerCase() === value.toLowerCase());
  for (const entry of raw.addresses) {
    if (entry.channelType === 'EMAIL' && !seen(entry.address)) emails.push(entry.address);
  }
  if (raw.email && !seen(raw.email)) emails.push(raw.email);
  return emails;
}
function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

describe('one sandbox record of each type, field by field', () => {
  it('maps a contact with a legacy phone outside its addresses', async () => {
    const raw = data().llamadapro.contacts.find(
      (contact) =>
        contact.phone !== null &&
        !contact.addresses.some((entry) => entry.address === contact.phone) &&
        contact.addresses.some((entry) => entry.channelType === 'WHATSAPP') &&
        Object.keys(contact.customFields).length > 0,
    )!;
    expect(raw).toBeDefined();
    const answer = await t.query<{ contact: Node }>(
      `query($id: ID!) { contact(id: $id) { ${CONTACT_FIELDS} } }`,
      { id: gid('Contact', 'LLAMADAPRO', raw.id) },
    );
    expect(answer.errors).toEqual([]);
    const contact = answer.data!.contact;
    expect(contact).toEqual({
      id: gid('Contact', 'LLAMADAPRO', raw.id),
      provider: 'LLAMADAPRO',
      providerId: String(raw.id),
      firstName: raw.firstName,
      lastName: raw.lastName,
      displayName: [raw.firstName, raw.lastName].filter(Boolean).join(' '),
      addresses: raw.addresses.map((entry) => ({
        channel: entry.channelType,
        address: entry.address,
      })),
      phones: expectedPhones(raw),
      emails: expectedEmails(raw),
      nationalId: raw.nationalId,
      companyPosition: raw.companyPosition,
      customFields: Object.entries(raw.customFields).map(([key, value]) => ({ key, value })),
      createdAt: iso(raw.createdAt),
      updatedAt: iso(raw.updatedAt),
      raw: JSON.parse(JSON.stringify(raw)),
    });
    // The legacy number comes last and only once, even where an address repeats a number.
    expect(contact['phones'].at(-1)).toBe(raw.phone);
    expect(new Set(contact['phones']).size).toBe(contact['phones'].length);
  });

  it('maps a contact whose PHONE and WHATSAPP addresses and legacy fields repeat one another', async () => {
    const raw = data().llamadapro.contacts.find(
      (contact) =>
        contact.phone !== null &&
        contact.email !== null &&
        contact.addresses.filter((entry) => entry.address === contact.phone).length >= 2 &&
        contact.addresses.some((entry) => entry.address === contact.email),
    )!;
    expect(raw).toBeDefined();
    const answer = await t.query<{ contact: Node }>(
      `query($id: ID!) { contact(id: $id) { phones emails } }`,
      { id: gid('Contact', 'LLAMADAPRO', raw.id) },
    );
    expect(answer.errors).toEqual([]);
    expect(answer.data!.contact['phones']).toEqual([raw.phone]);
    expect(answer.data!.contact['emails']).toEqual([raw.email]);
  });

  it('maps a task', async () => {
    const raw: LlamadaProTaskRecord = data().llamadapro.tasks.find(
      (task) =>
        task.createdBy.type === 'user' &&
        task.assignedTo.type === 'ai_employee' &&
        task.dueDate !== null,
    )!;
    expect(raw).toBeDefined();
    const answer = await t.query<{ task: Node }>(
      `query($id: ID!) { task(id: $id) { ${TASK_FIELDS} } }`,
      { id: gid('Task', 'LLAMADAPRO', raw.id) },
    );
    expect(answer.errors).toEqual([]);
    expect(answer.data!.task).toEqual({
      id: gid('Task', 'LLAMADAPRO', raw.id),
      provider: 'LLAMADAPRO',
      providerId: raw.id,
      objective: raw.objective,
      status: raw.status.toUpperCase(),
      dueDate: iso(raw.dueDate),
      publishedAt: iso(raw.publishedAt),
      completedAt: iso(raw.completedAt),
      cancelledAt: iso(raw.cancelledAt),
      cancellationReason: raw.cancellationReason,
      createdBy: { id: raw.createdBy.id, type: 'USER' },
      assignedTo: { id: raw.assignedTo.id, type: 'AI_EMPLOYEE' },
      conversationId: String(raw.context.conversationId),
      createdAt: iso(raw.createdAt),
      updatedAt: iso(raw.updatedAt),
      raw: JSON.parse(JSON.stringify(raw)),
    });
  });

  it('maps a cancelled task', async () => {
    const raw = data().llamadapro.tasks.find((task) => task.status === 'cancelled')!;
    const answer = await t.query<{ task: Node }>(
      `query($id: ID!) { task(id: $id) { status cancelledAt cancellationReason } }`,
      { id: gid('Task', 'LLAMADAPRO', raw.id) },
    );
    expect(answer.errors).toEqual([]);
    expect(answer.data!.task).toEqual({
      status: 'CANCELLED',
      cancelledAt: iso(raw.cancelledAt),
      cancellationReason: raw.cancellationReason,
    });
  });

  it('maps a problem', async () => {
    const raw: FreyaProblemRecord = data().freya.problems.find(
      (problem) => problem.assignees.length > 0 && problem.callId !== null,
    )!;
    expect(raw).toBeDefined();
    const answer = await t.query<{ problem: Node }>(
      `query($id: ID!) { problem(id: $id) { ${PROBLEM_FIELDS} } }`,
      { id: gid('Problem', 'FREYA', raw.id) },
    );
    expect(answer.errors).toEqual([]);
    expect(answer.data!.problem).toEqual({
      id: gid('Problem', 'FREYA', raw.id),
      provider: 'FREYA',
      providerId: raw.id,
      title: raw.problem,
      description: raw.description,
      type: raw.type.toUpperCase(),
      severity: raw.severity,
      status: raw.status,
      resolved: raw.resolved,
      resolvedAt: iso(raw.resolvedAt),
      resolvedBy: raw.resolvedBy,
      callId: raw.callId,
      customerNumber: raw.customerNumber,
      assignees: raw.assignees.map((assignee) => ({
        userId: assignee.userId,
        userName: assignee.userName,
        assignedAt: iso(assignee.assignedAt),
      })),
      commentsCount: raw.commentsCount,
      archived: raw.isArchived,
      createdAt: iso(raw.createdAt),
      updatedAt: iso(raw.updatedAt),
      raw: JSON.parse(JSON.stringify(raw)),
    });
  });

  it('maps a resolved, archived problem', async () => {
    const raw = data().freya.problems.find((problem) => problem.resolved && problem.isArchived);
    const fallback = data().freya.problems.find((problem) => problem.resolved)!;
    const chosen = raw ?? fallback;
    const answer = await t.query<{ problem: Node }>(
      `query($id: ID!) { problem(id: $id) { resolved resolvedAt resolvedBy archived } }`,
      { id: gid('Problem', 'FREYA', chosen.id) },
    );
    expect(answer.errors).toEqual([]);
    expect(answer.data!.problem).toEqual({
      resolved: true,
      resolvedAt: iso(chosen.resolvedAt),
      resolvedBy: chosen.resolvedBy,
      archived: chosen.isArchived,
    });
  });

  it('maps a message with an attachment', async () => {
    const raw: LlamadaProMessageRecord = data().llamadapro.messages.find(
      (message) => message.attachments.length > 0,
    )!;
    expect(raw).toBeDefined();
    const answer = await t.query<{ message: Node }>(
      `query($id: ID!) { message(id: $id) { ${MESSAGE_FIELDS} } }`,
      { id: gid('Message', 'LLAMADAPRO', raw.id) },
    );
    expect(answer.errors).toEqual([]);
    const message = answer.data!.message;
    const party = (p: LlamadaProMessageRecord['sender']) => ({
      address: p.address,
      role: p.role,
      displayName: p.displayName,
    });
    const { type, ...rest } = message;
    expect(rest).toEqual({
      id: gid('Message', 'LLAMADAPRO', raw.id),
      provider: 'LLAMADAPRO',
      providerId: raw.id,
      channel: 'WHATSAPP',
      direction: raw.direction.toUpperCase(),
      status: raw.status,
      content: raw.content,
      sender: party(raw.sender),
      recipient: party(raw.recipient),
      attachments: raw.attachments.map((attachment) => ({
        id: attachment.id,
        type: attachment.type,
        url: attachment.url,
      })),
      conversationId: raw.conversationId,
      createdAt: iso(raw.createdAt),
      raw: JSON.parse(JSON.stringify(raw)),
    });
    // The document's Message has no `type`; the sandbox keeps WhatsApp's in metadata.
    expect([null, raw.metadata['type']]).toContain(type);
  });

  it('maps a LIST custom field with its options', async () => {
    const raw: LlamadaProCustomFieldRecord = data().llamadapro.customFields.find(
      (field) =>
        field.fieldType === 'LIST' &&
        data().llamadapro.customFieldOptions.filter((option) => option.definitionId === field.id)
          .length >= 2,
    )!;
    expect(raw).toBeDefined();
    const answer = await t.query<{ customField: Node }>(
      `query($id: ID!) { customField(id: $id) { ${CUSTOM_FIELD_FIELDS} } }`,
      { id: gid('CustomField', 'LLAMADAPRO', raw.id) },
    );
    expect(answer.errors).toEqual([]);
    const options = data()
      .llamadapro.customFieldOptions.filter((option) => option.definitionId === raw.id)
      .sort((a, b) => a.id - b.id);
    expect(answer.data!.customField).toEqual({
      id: gid('CustomField', 'LLAMADAPRO', raw.id),
      provider: 'LLAMADAPRO',
      providerId: String(raw.id),
      key: raw.fieldKey,
      label: raw.fieldLabel,
      type: 'LIST',
      entityType: raw.entityType,
      description: raw.description,
      options: options.map((option) => ({
        id: String(option.id),
        value: option.value,
        label: option.label,
        description: option.description,
      })),
      createdAt: iso(raw.createdAt),
      updatedAt: iso(raw.updatedAt),
      raw: JSON.parse(JSON.stringify(raw)),
    });
  });

  it('gives a non-LIST custom field no options', async () => {
    const raw = data().llamadapro.customFields.find((field) => field.fieldType === 'NUMBER')!;
    const answer = await t.query<{ customField: Node }>(
      `query($id: ID!) { customField(id: $id) { type options { id } } }`,
      { id: gid('CustomField', 'LLAMADAPRO', raw.id) },
    );
    expect(answer.errors).toEqual([]);
    expect(answer.data!.customField).toEqual({ type: 'NUMBER', options: [] });
  });
});

describe('paging every connection to the end', () => {
  it('contacts', async () => {
    const contacts = data().llamadapro.contacts;
    const { nodes, totalCounts, pages } = await pageAll('contacts', 'id providerId', { first: 7 });
    expectEveryOnce(
      nodes,
      contacts.map((contact) => contact.id),
      contacts.length,
    );
    expect(pages).toBe(Math.ceil(contacts.length / 7));
    expect(new Set(totalCounts)).toEqual(new Set([contacts.length]));
    for (const node of nodes) expect(node.id).toBe(gid('Contact', 'LLAMADAPRO', node.providerId));
  });

  it('contacts(search:) matches every word, accents folded', async () => {
    const contacts = data().llamadapro.contacts;
    // The most common accented last name, searched as written and matched accent-free.
    const counts = new Map<string, number>();
    for (const contact of contacts) {
      if (contact.lastName && fold(contact.lastName) !== contact.lastName.toLowerCase()) {
        counts.set(contact.lastName, (counts.get(contact.lastName) ?? 0) + 1);
      }
    }
    const [search] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const term = fold(search);
    const expected = contacts.filter((contact) =>
      fold(
        [
          contact.firstName,
          contact.lastName,
          contact.email,
          contact.phone,
          contact.nationalId,
          ...contact.addresses.map((entry) => entry.address),
        ]
          .filter((part) => part !== null)
          .join(' '),
      ).includes(term),
    );
    expect(expected.length).toBeGreaterThan(1);
    const { nodes, totalCounts } = await pageAll('contacts', 'providerId lastName', {
      args: 'search: $search',
      variables: { search },
      first: 1,
    });
    expectEveryOnce(
      nodes,
      expected.map((contact) => contact.id),
      expected.length,
    );
    expect(new Set(totalCounts)).toEqual(new Set([expected.length]));
  });

  it('tasks', async () => {
    const tasks = data().llamadapro.tasks;
    const { nodes, totalCounts } = await pageAll('tasks', 'providerId createdAt', { first: 9 });
    expectEveryOnce(
      nodes,
      tasks.map((task) => task.id),
      tasks.length,
    );
    expect(new Set(totalCounts)).toEqual(new Set([tasks.length]));
    const created = nodes.map((node) => Date.parse(node['createdAt']));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it('tasks(filter:) by status and assignee type', async () => {
    const expected = data().llamadapro.tasks.filter(
      (task) => task.status === 'overdue' && task.assignedTo.type === 'ai_employee',
    );
    expect(expected.length).toBeGreaterThan(4);
    const { nodes, totalCounts } = await pageAll('tasks', 'providerId status assignedTo { type }', {
      args: 'filter: $taskFilter',
      variables: { taskFilter: { status: 'OVERDUE', assignedToType: 'AI_EMPLOYEE' } },
      first: 4,
    });
    expectEveryOnce(
      nodes,
      expected.map((task) => task.id),
      expected.length,
    );
    expect(new Set(totalCounts)).toEqual(new Set([expected.length]));
    for (const node of nodes) {
      expect(node['status']).toBe('OVERDUE');
      expect(node['assignedTo'].type).toBe('AI_EMPLOYEE');
    }
  });

  it('tasks(filter:) by due window, assignee id and conversation', async () => {
    const tasks = data().llamadapro.tasks;
    const dues = tasks
      .map((task) => task.dueDate)
      .filter((due): due is string => due !== null)
      .sort();
    const dueAfter = dues[Math.floor(dues.length / 4)]!;
    const dueBefore = dues[Math.floor((dues.length * 3) / 4)]!;
    const inWindow = tasks.filter(
      (task) =>
        task.dueDate !== null &&
        Date.parse(task.dueDate) >= Date.parse(dueAfter) &&
        Date.parse(task.dueDate) <= Date.parse(dueBefore),
    );
    const window = await pageAll('tasks', 'providerId', {
      args: 'filter: $taskFilter',
      variables: { taskFilter: { dueAfter, dueBefore } },
      first: 10,
    });
    expectEveryOnce(
      window.nodes,
      inWindow.map((task) => task.id),
      inWindow.length,
    );

    const assignee = tasks[0]!.assignedTo.id;
    const conversationId = String(tasks[0]!.context.conversationId);
    const narrow = tasks.filter(
      (task) =>
        task.assignedTo.id === assignee && String(task.context.conversationId) === conversationId,
    );
    const both = await pageAll('tasks', 'providerId conversationId', {
      args: 'filter: $taskFilter',
      variables: { taskFilter: { assignedToId: assignee, conversationId } },
      first: 1,
    });
    expectEveryOnce(
      both.nodes,
      narrow.map((task) => task.id),
      narrow.length,
    );
    for (const node of both.nodes) expect(node['conversationId']).toBe(conversationId);
  });

  it('problems', async () => {
    const problems = data().freya.problems;
    const { nodes, totalCounts } = await pageAll('problems', 'id providerId', { first: 7 });
    expectEveryOnce(
      nodes,
      problems.map((problem) => problem.id),
      problems.length,
    );
    expect(new Set(totalCounts)).toEqual(new Set([problems.length]));
    for (const node of nodes) expect(node.id).toBe(gid('Problem', 'FREYA', node.providerId));
  });

  it('problems(filter:) by status and resolved', async () => {
    const expected = data().freya.problems.filter(
      (problem) => problem.status === 'open' && !problem.resolved,
    );
    const { nodes, totalCounts } = await pageAll('problems', 'providerId status resolved', {
      args: 'filter: $problemFilter',
      variables: { problemFilter: { status: 'open', resolved: false } },
      first: 6,
    });
    expectEveryOnce(
      nodes,
      expected.map((problem) => problem.id),
      expected.length,
    );
    expect(new Set(totalCounts)).toEqual(new Set([expected.length]));
  });

  it('problems(filter:) by callId, a vendor id', async () => {
    const counts = new Map<string, number>();
    for (const problem of data().freya.problems) {
      if (problem.callId !== null)
        counts.set(problem.callId, (counts.get(problem.callId) ?? 0) + 1);
    }
    const callId = [...counts].find(([, count]) => count >= 2)![0];
    const expected = data().freya.problems.filter((problem) => problem.callId === callId);
    const { nodes, totalCounts } = await pageAll('problems', 'providerId callId', {
      args: 'filter: $problemFilter',
      variables: { problemFilter: { callId } },
      first: 1,
    });
    expectEveryOnce(
      nodes,
      expected.map((problem) => problem.id),
      expected.length,
    );
    expect(new Set(totalCounts)).toEqual(new Set([expected.length]));
    for (const node of nodes) expect(node['callId']).toBe(callId);
  });

  it('messages(contactId:)', async () => {
    const counts = new Map<number, number>();
    for (const message of data().llamadapro.messages) {
      if (message.contactId !== null)
        counts.set(message.contactId, (counts.get(message.contactId) ?? 0) + 1);
    }
    const [contactId] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const expected = data().llamadapro.messages.filter(
      (message) => message.contactId === contactId,
    );
    expect(expected.length).toBeGreaterThan(5);
    const { nodes, totalCounts } = await pageAll('messages', 'id providerId createdAt', {
      args: 'contactId: $contactId',
      variables: { contactId: gid('Contact', 'LLAMADAPRO', contactId) },
      first: 4,
    });
    expectEveryOnce(
      nodes,
      expected.map((message) => message.id),
      expected.length,
    );
    expect(new Set(totalCounts)).toEqual(new Set([expected.length]));
    const created = nodes.map((node) => Date.parse(node['createdAt']));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it('customFields, all and by entity type', async () => {
    const fields = data().llamadapro.customFields;
    const all = await pageAll('customFields', 'providerId entityType', { first: 3 });
    expectEveryOnce(
      all.nodes,
      fields.map((field) => field.id),
      fields.length,
    );
    expect(new Set(all.totalCounts)).toEqual(new Set([fields.length]));

    const contactFields = fields.filter((field) => field.entityType === 'CONTACT');
    expect(contactFields.length).toBeLessThan(fields.length);
    const some = await pageAll('customFields', 'providerId entityType', {
      args: 'entityType: $entityType',
      variables: { entityType: 'CONTACT' },
      first: 2,
    });
    expectEveryOnce(
      some.nodes,
      contactFields.map((field) => field.id),
      contactFields.length,
    );
    expect(new Set(some.totalCounts)).toEqual(new Set([contactFields.length]));
  });

  it('a cursor of one list is refused by a list with other arguments', async () => {
    const first = await t.query<{ tasks: Page }>(`{ tasks(first: 2) { pageInfo { endCursor } } }`);
    expect(first.errors).toEqual([]);
    const answer = await t.query(
      `query($after: String) { tasks(first: 2, after: $after, filter: { status: OVERDUE }) { totalCount } }`,
      { after: first.data!.tasks.pageInfo.endCursor },
    );
    expect(answer.errors[0]?.extensions?.['code']).toBe('INVALID_INPUT');
  });
});

describe('global ids', () => {
  it('node() resolves an id of every type to the right __typename', async () => {
    const llamadapro = data().llamadapro;
    const calls = await t.query<{
      calls: { edges: Array<{ node: { id: string; agent: { id: string } | null } }> };
    }>(`{ calls(filter: { providers: [OVIA] }, first: 1) { edges { node { id agent { id } } } } }`);
    expect(calls.errors).toEqual([]);
    const call = calls.data!.calls.edges[0]!.node;
    const cases: Array<[string, string, string]> = [
      [
        'Contact',
        gid('Contact', 'LLAMADAPRO', llamadapro.contacts[0]!.id),
        String(llamadapro.contacts[0]!.id),
      ],
      ['Task', gid('Task', 'LLAMADAPRO', llamadapro.tasks[0]!.id), llamadapro.tasks[0]!.id],
      [
        'Problem',
        gid('Problem', 'FREYA', data().freya.problems[0]!.id),
        data().freya.problems[0]!.id,
      ],
      [
        'Message',
        gid('Message', 'LLAMADAPRO', llamadapro.messages[0]!.id),
        llamadapro.messages[0]!.id,
      ],
      [
        'CustomField',
        gid('CustomField', 'LLAMADAPRO', llamadapro.customFields[0]!.id),
        String(llamadapro.customFields[0]!.id),
      ],
    ];
    for (const [typename, id, providerId] of cases) {
      const answer = await t.query<{
        node: { __typename: string; id: string; providerId: string };
      }>(`query($id: ID!) { node(id: $id) { __typename id ... on ${typename} { providerId } } }`, {
        id,
      });
      expect(answer.errors, typename).toEqual([]);
      expect(answer.data!.node).toEqual({ __typename: typename, id, providerId });
    }
    const others = await t.query<{ call: { __typename: string }; agent: { __typename: string } }>(
      `query($call: ID!, $agent: ID!) { call: node(id: $call) { __typename } agent: node(id: $agent) { __typename } }`,
      { call: call.id, agent: call.agent!.id },
    );
    expect(others.errors).toEqual([]);
    expect(others.data).toEqual({ call: { __typename: 'Call' }, agent: { __typename: 'Agent' } });
  });

  it('nodes() keeps the order of the ids', async () => {
    const llamadapro = data().llamadapro;
    const ids = [
      gid('Task', 'LLAMADAPRO', llamadapro.tasks[3]!.id),
      gid('CustomField', 'LLAMADAPRO', llamadapro.customFields[2]!.id),
      gid('Problem', 'FREYA', data().freya.problems[5]!.id),
      gid('Contact', 'LLAMADAPRO', llamadapro.contacts[7]!.id),
      gid('Message', 'LLAMADAPRO', llamadapro.messages[9]!.id),
      gid('Task', 'LLAMADAPRO', llamadapro.tasks[1]!.id),
    ];
    const answer = await t.query<{ nodes: Array<{ __typename: string; id: string }> }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`,
      { ids },
    );
    expect(answer.errors).toEqual([]);
    expect(answer.data!.nodes.map((node) => node.id)).toEqual(ids);
    expect(answer.data!.nodes.map((node) => node.__typename)).toEqual([
      'Task',
      'CustomField',
      'Problem',
      'Contact',
      'Message',
      'Task',
    ]);
  });

  it('nodes() resolves each id on its own: a bad id is null at its index with its own error', async () => {
    const llamadapro = data().llamadapro;
    const task = gid('Task', 'LLAMADAPRO', llamadapro.tasks[2]!.id);
    const problem = gid('Problem', 'FREYA', data().freya.problems[4]!.id);
    const contact = gid('Contact', 'LLAMADAPRO', llamadapro.contacts[3]!.id);
    const missing = gid('Task', 'LLAMADAPRO', 'does-not-exist');
    t.gateway.sandbox!.setFault('freya', { failure: 'status', status: 500 });
    const answer = await t.query<{ nodes: Array<{ id: string } | null> }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      { ids: [task, 'garbage', problem, missing, contact] },
    );
    expect(answer.status).toBe(200);
    expect(answer.data!.nodes).toHaveLength(5);
    expect(answer.data!.nodes[0]).toEqual({ id: task });
    expect(answer.data!.nodes[1]).toBeNull();
    expect(answer.data!.nodes[2]).toBeNull();
    expect(answer.data!.nodes[3]).toBeNull();
    expect(answer.data!.nodes[4]).toEqual({ id: contact });
    const byIndex = new Map(
      answer.errors.map((error) => [error.path?.[1], error.extensions?.code]),
    );
    expect(byIndex.get(1)).toBe('INVALID_INPUT');
    expect(byIndex.get(2)).toBe('UPSTREAM_UNAVAILABLE');
    expect(answer.errors.every((error) => error.path?.[0] === 'nodes')).toBe(true);
    expect(answer.errors.some((error) => error.path?.[1] === 0 || error.path?.[1] === 4)).toBe(
      false,
    );
  });

  it('an id of one type passed to another type gives INVALID_INPUT, with no upstream request', async () => {
    const llamadapro = data().llamadapro;
    const taskId = gid('Task', 'LLAMADAPRO', llamadapro.tasks[0]!.id);
    const contactId = gid('Contact', 'LLAMADAPRO', llamadapro.contacts[0]!.id);
    const problemId = gid('Problem', 'FREYA', data().freya.problems[0]!.id);
    const messageId = gid('Message', 'LLAMADAPRO', llamadapro.messages[0]!.id);
    const fieldId = gid('CustomField', 'LLAMADAPRO', llamadapro.customFields[0]!.id);
    const cases: Array<[string, string]> = [
      ['contact', taskId],
      ['task', contactId],
      ['problem', messageId],
      ['message', fieldId],
      ['customField', problemId],
      // A Contact id that names a vendor without contacts.
      ['contact', gid('Contact', 'FREYA', llamadapro.contacts[0]!.id)],
      ['problem', gid('Problem', 'LLAMADAPRO', data().freya.problems[0]!.id)],
    ];
    t.gateway.sandbox!.resetLog();
    for (const [field, id] of cases) {
      const answer = await t.query(`query($id: ID!) { item: ${field}(id: $id) { id } }`, { id });
      expect(answer.data, `${field}(${id})`).toEqual({ item: null });
      expect(answer.errors).toHaveLength(1);
      expect(answer.errors[0]!.extensions?.['code']).toBe('INVALID_INPUT');
      expect(answer.errors[0]!.path).toEqual(['item']);
    }
    const messages = await t.query(`query($id: ID!) { messages(contactId: $id) { totalCount } }`, {
      id: taskId,
    });
    expect(messages.errors[0]?.extensions?.['code']).toBe('INVALID_INPUT');
    expect(messages.errors[0]?.message).toContain('contactId');
    const node = await t.query(`query($id: ID!) { node(id: $id) { id } }`, {
      id: gid('Task', 'FREYA', 'x1'),
    });
    expect(node.data).toEqual({ node: null });
    expect(node.errors[0]?.extensions?.['code']).toBe('INVALID_INPUT');
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);
  });

  it('a malformed id gives INVALID_INPUT', async () => {
    for (const id of ['not an id', 'Q29udGFjdDpMTEFNQURBUFJP', gid('Contact', 'NOPE', 1), '']) {
      for (const field of ['contact', 'task', 'problem', 'message', 'customField', 'node']) {
        const answer = await t.query(`query($id: ID!) { item: ${field}(id: $id) { id } }`, {
          id,
        });
        expect(answer.data, `${field}(${JSON.stringify(id)})`).toEqual({ item: null });
        expect(answer.errors[0]?.extensions?.['code']).toBe('INVALID_INPUT');
      }
    }
  });

  it('an unknown vendor id gives null and NOT_FOUND', async () => {
    const cases: Array<[string, string, string]> = [
      ['contact', gid('Contact', 'LLAMADAPRO', 987654), 'LLAMADAPRO'],
      ['task', gid('Task', 'LLAMADAPRO', 'task_0000000000000000'), 'LLAMADAPRO'],
      ['problem', gid('Problem', 'FREYA', '00000000-0000-4000-8000-000000000000'), 'FREYA'],
      ['message', gid('Message', 'LLAMADAPRO', 'msg_000000000000000000000000'), 'LLAMADAPRO'],
      ['customField', gid('CustomField', 'LLAMADAPRO', 987654), 'LLAMADAPRO'],
      ['node', gid('Contact', 'LLAMADAPRO', 987654), 'LLAMADAPRO'],
    ];
    for (const [field, id, provider] of cases) {
      const answer = await t.query(`query($id: ID!) { item: ${field}(id: $id) { id } }`, { id });
      expect(answer.status).toBe(200);
      expect(answer.data, field).toEqual({ item: null });
      expect(answer.errors).toHaveLength(1);
      expect(answer.errors[0]!.path).toEqual(['item']);
      expect(answer.errors[0]!.extensions).toMatchObject({ code: 'NOT_FOUND', provider });
    }
  });
});

describe('contactByPhone', () => {
  it('finds the contact holding a number in its addresses', async () => {
    const contacts = data().llamadapro.contacts;
    const owners = (phone: string) =>
      contacts.filter((contact) => contact.addresses.some((entry) => entry.address === phone));
    const raw = contacts.find((contact) =>
      contact.addresses.some(
        (entry) => entry.channelType === 'WHATSAPP' && owners(entry.address).length === 1,
      ),
    )!;
    const phone = raw.addresses.find((entry) => entry.channelType === 'WHATSAPP')!.address;
    t.gateway.sandbox!.resetLog();
    const answer = await t.query<{ contactByPhone: Node }>(
      `query($phone: String!) { contactByPhone(phone: $phone) { id providerId phones } }`,
      // Spaces and dashes are allowed around an E.164 number.
      { phone: `${phone.slice(0, 3)} ${phone.slice(3, 6)}-${phone.slice(6)}` },
    );
    expect(answer.errors).toEqual([]);
    expect(answer.data!.contactByPhone).toMatchObject({
      id: gid('Contact', 'LLAMADAPRO', raw.id),
      providerId: String(raw.id),
    });
    expect(answer.data!.contactByPhone['phones']).toContain(phone);
    const searches = t.gateway.sandbox!.requests('llamadapro');
    expect(searches.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /api/v1/contacts/search',
    ]);
  });

  it('answers null for an unknown number', async () => {
    const answer = await t.query(
      `query($phone: String!) { contactByPhone(phone: $phone) { id } }`,
      { phone: '+19995550100' },
    );
    expect(answer.errors).toEqual([]);
    expect(answer.data).toEqual({ contactByPhone: null });
  });

  it('refuses a number that is not E.164 without asking the vendor', async () => {
    t.gateway.sandbox!.resetLog();
    const answer = await t.query(
      `query($phone: String!) { contactByPhone(phone: $phone) { id } }`,
      { phone: '555-12' },
    );
    expect(answer.data).toEqual({ contactByPhone: null });
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors[0]!.extensions).toMatchObject({ code: 'INVALID_INPUT' });
    expect(t.gateway.sandbox!.requests('llamadapro')).toHaveLength(0);
  });
});

describe('input validation', () => {
  it('refuses a bad task filter before any upstream request', async () => {
    t.gateway.sandbox!.resetLog();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ conversationId: 'abc' }, 'conversationId'],
      [{ assignedToId: '  ' }, 'assignedToId'],
      [{ dueAfter: '2026-10-02T00:00:00Z', dueBefore: '2026-10-01T00:00:00Z' }, 'dueAfter'],
    ];
    for (const [filter, member] of cases) {
      const answer = await t.query(`query($f: TaskFilter) { tasks(filter: $f) { totalCount } }`, {
        f: filter,
      });
      expect(answer.data).toBeNull();
      expect(answer.errors[0]!.extensions).toMatchObject({
        code: 'INVALID_INPUT',
        field: ['filter', member],
      });
    }
    const problems = await t.query(`{ problems(filter: { callId: "" }) { totalCount } }`);
    expect(problems.errors[0]!.extensions).toMatchObject({
      code: 'INVALID_INPUT',
      field: ['filter', 'callId'],
    });
    const tooMany = await t.query(`{ customFields(first: 101) { totalCount } }`);
    expect(tooMany.errors[0]!.extensions).toMatchObject({ code: 'INVALID_INPUT' });
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);
  });
});

describe('a failing vendor', () => {
  it('gives contacts an empty list and one UPSTREAM_UNAVAILABLE error, with HTTP 200', async () => {
    t.gateway.sandbox!.setFault('llamadapro', { failure: 'status', status: 500 });
    const answer = await t.query<{ contacts: Omit<Page, 'totalCount'> }>(
      `{ contacts(first: 5) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(answer.status).toBe(200);
    expect(answer.data!.contacts.edges).toEqual([]);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors[0]!.path).toEqual(['contacts']);
    expect(answer.errors[0]!.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      provider: 'LLAMADAPRO',
    });
    t.gateway.sandbox!.clearFaults();
    const healthy = await t.query<{ contacts: Page }>(`{ contacts(first: 5) { totalCount } }`);
    expect(healthy.errors).toEqual([]);
    expect(healthy.data!.contacts.totalCount).toBe(data().llamadapro.contacts.length);
  });

  it('leaves Freya problems alone when LlamadaPro fails', async () => {
    t.gateway.sandbox!.setFault('llamadapro', { failure: 'status', status: 500 });
    const answer = await t.query<{ problems: Page; tasks: Page }>(
      `{ problems(first: 2) { edges { node { id } } } tasks(first: 2) { edges { node { id } } } }`,
    );
    expect(answer.status).toBe(200);
    expect(answer.data!.problems.edges).toHaveLength(2);
    expect(answer.data!.tasks.edges).toEqual([]);
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors[0]).toMatchObject({
      path: ['tasks'],
      extensions: { code: 'UPSTREAM_UNAVAILABLE', provider: 'LLAMADAPRO' },
    });
  });
});
