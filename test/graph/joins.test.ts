import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedRequest } from '../../src/sandbox/vendor-server.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

/** The README's dashboard query: a page of calls with each caller's contact, problems and agent. */
const DASHBOARD = `query Dashboard($first: Int!, $filter: CallFilter) {
  calls(first: $first, filter: $filter) {
    edges {
      node {
        id provider status startedAt customerPhone
        agent { id name }
        contact { id displayName phones customFields { key value definition { label type } } }
        problems { id title severity resolved }
      }
    }
  }
}`;

interface DashboardCall {
  id: string;
  provider: string;
  customerPhone: string | null;
  agent: { id: string; name: string | null } | null;
  contact: {
    id: string;
    displayName: string | null;
    phones: string[];
    customFields: Array<{ key: string; definition: { label: string | null } | null }>;
  } | null;
  problems: Array<{ id: string; title: string }> | null;
}

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterEach(() => t.gateway.sandbox!.clearFaults());
afterAll(async () => {
  await t.close();
});

function describeRequest(request: LoggedRequest): string {
  return `${request.vendor} ${request.method} ${request.path}?${new URLSearchParams(request.query).toString()} ${JSON.stringify(request.body ?? null)}`;
}

async function dashboard(first: number, filter: Record<string, unknown> = { providers: ['OVIA'] }) {
  const sandbox = t.gateway.sandbox!;
  sandbox.resetLog();
  const answer = await t.query<{ calls: { edges: Array<{ node: DashboardCall }> } }>(DASHBOARD, {
    first,
    filter,
  });
  const requests = sandbox.requests();
  const count = (vendor: string, method: string, path: string | RegExp) =>
    requests.filter(
      (request) =>
        request.vendor === vendor &&
        request.method === method &&
        (typeof path === 'string' ? request.path === path : path.test(request.path)),
    ).length;
  return { answer, requests, count };
}

describe('the dashboard query', () => {
  it('costs a constant number of upstream requests at 1, 10 and 50 calls', async () => {
    const measured: Array<Record<string, number>> = [];
    for (const n of [1, 10, 50]) {
      const { answer, requests, count } = await dashboard(n);
      expect(answer.errors).toEqual([]);
      const calls = answer.data!.calls.edges.map((edge) => edge.node);
      expect(calls).toHaveLength(n);

      const searches = count('llamadapro', 'POST', '/api/v1/contacts/search');
      const problemLists = count('freya', 'GET', '/api/v2/problems');
      expect(searches, `contact searches at N=${n}`).toBeLessThanOrEqual(2);
      expect(searches).toBeGreaterThanOrEqual(1);
      expect(problemLists, `problem lists at N=${n}`).toBe(1);
      expect(count('llamadapro', 'GET', /^\/api\/v1\/contacts\/\d+$/), 'per-contact gets').toBe(0);
      expect(count('freya', 'GET', /^\/api\/v2\/problems\/.+/), 'per-problem gets').toBe(0);
      expect(count('ovia', 'GET', /^\/api\/v1\/calls\/.+/), 'per-call gets').toBe(0);
      expect(
        count('llamadapro', 'GET', '/api/v1/custom-fields'),
        'definitions',
      ).toBeLessThanOrEqual(1);

      const described = requests.map(describeRequest);
      expect(new Set(described).size, 'no identical upstream request twice').toBe(described.length);
      measured.push({ n, total: requests.length, searches, problemLists });

      // The joins are right, not only cheap.
      const people = t.gateway.sandbox!.data.llamadapro.contacts;
      for (const call of calls) {
        const owner = people.find((contact) =>
          contact.addresses.some((address) => address.address === call.customerPhone),
        );
        if (owner)
          expect(call.contact?.displayName, call.customerPhone ?? '').toContain(
            owner.firstName ?? '',
          );
        else expect(call.contact).toBeNull();
        const providerId = Buffer.from(call.id, 'base64url')
          .toString()
          .split(':')
          .slice(2)
          .join(':');
        const expectedProblems = t.gateway.sandbox!.data.freya.problems.filter(
          (problem) => problem.callId === providerId,
        );
        expect(call.problems?.map((problem) => problem.title).sort()).toEqual(
          expectedProblems.map((problem) => problem.problem).sort(),
        );
      }
    }
    // Constant in N: the same requests at 1, 10 and 50 calls, whatever the page size.
    expect(new Set(measured.map((m) => m.total)).size).toBe(1);
    expect(measured.every((m) => (m.total ?? 0) <= 5)).toBe(true);
  });

  it('links most calls to a contact and several to problems', async () => {
    const { answer } = await dashboard(50, {});
    const calls = answer.data!.calls.edges.map((edge) => edge.node);
    expect(calls.filter((call) => call.contact).length).toBeGreaterThan(25);
    expect(calls.filter((call) => (call.problems ?? []).length > 0).length).toBeGreaterThan(3);
    expect(
      new Set(calls.filter((call) => (call.problems ?? []).length > 0).map((call) => call.provider))
        .size,
    ).toBeGreaterThan(1);
    const withValues = calls.find((call) => call.contact?.customFields.length);
    expect(withValues?.contact?.customFields.every((value) => value.definition !== null)).toBe(
      true,
    );
  });

  it('nulls only Call.problems when Freya is down, naming FREYA', async () => {
    t.gateway.sandbox!.setFault('freya', { failure: 'status', status: 503 });
    const { answer } = await dashboard(10);
    const calls = answer.data!.calls.edges.map((edge) => edge.node);
    expect(calls).toHaveLength(10);
    for (const call of calls) {
      expect(call.problems).toBeNull();
      expect(call.agent).not.toBeNull();
    }
    expect(calls.some((call) => call.contact !== null)).toBe(true);
    expect(answer.errors.length).toBeGreaterThan(0);
    for (const error of answer.errors) {
      expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', provider: 'FREYA' });
      expect(error.path?.at(-1)).toBe('problems');
    }
  });

  it('nulls only Call.contact when LlamadaPro is down', async () => {
    t.gateway.sandbox!.setFault('llamadapro', { failure: 'status', status: 500 });
    const { answer } = await dashboard(5);
    const calls = answer.data!.calls.edges.map((edge) => edge.node);
    expect(calls).toHaveLength(5);
    for (const call of calls) {
      expect(call.contact).toBeNull();
      expect(call.problems).not.toBeNull();
    }
    for (const error of answer.errors)
      expect(error.extensions).toMatchObject({ provider: 'LLAMADAPRO' });
  });
});

describe('joins from the other side', () => {
  it('resolves Problem.call across vendors without treating 404s as errors', async () => {
    const answer = await t.query(
      `{ problems(first: 100) { edges { node { callId call { provider providerId } agent { provider providerId } } } } }`,
    );
    expect(answer.errors).toEqual([]);
    const nodes = answer.data!.problems.edges.map((edge: { node: any }) => edge.node);
    const providers = new Set<string>();
    for (const node of nodes) {
      if (!node.callId) {
        expect(node.call).toBeNull();
        continue;
      }
      expect(node.call, node.callId).not.toBeNull();
      expect(node.call.providerId).toBe(node.callId);
      providers.add(node.call.provider);
      if (node.agent) expect(node.agent.provider).toBe(node.call.provider);
    }
    expect([...providers].sort()).toEqual(['CX', 'HAPPYROBOT', 'LLAMADAPRO', 'OVIA']);
  });

  it('resolves Task.contact through the conversation, Message.contact, and a contact’s calls, messages and tasks', async () => {
    const tasks = await t.query(
      `{ tasks(first: 20) { edges { node { conversationId contact { providerId } } } } }`,
    );
    expect(tasks.errors).toEqual([]);
    const conversations = t.gateway.sandbox!.data.llamadapro.conversations;
    for (const { node } of tasks.data!.tasks.edges) {
      const conversation = conversations.find((c) => String(c.id) === node.conversationId)!;
      expect(node.contact.providerId).toBe(String(conversation.contactId));
    }

    const contact = t.gateway.sandbox!.data.llamadapro.contacts[3]!;
    const phones = contact.addresses
      .filter((a) => a.channelType === 'PHONE' || a.channelType === 'WHATSAPP')
      .map((a) => a.address);
    const id = Buffer.from(`Contact:LLAMADAPRO:${contact.id}`).toString('base64url');
    const answer = await t.query(
      `query($id: ID!) { contact(id: $id) {
        calls(first: 100) { totalCount edges { node { from to startedAt provider } } }
        messages(first: 100) { totalCount edges { node { contact { providerId } } } }
        tasks(first: 100) { totalCount edges { node { contact { providerId } } } }
      } }`,
      { id },
    );
    expect(answer.errors).toEqual([]);
    const calls = answer.data!.contact.calls;
    let expectedCalls = 0;
    let after: string | null = null;
    for (;;) {
      const page: any = await t.query(
        `query($after: String) { calls(first: 100, after: $after) { edges { node { from to } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      expectedCalls += page.data.calls.edges.filter(
        (e: any) => phones.includes(e.node.from) || phones.includes(e.node.to),
      ).length;
      if (!page.data.calls.pageInfo.hasNextPage) break;
      after = page.data.calls.pageInfo.endCursor;
    }
    expect(calls.totalCount).toBe(expectedCalls);
    expect(calls.edges).toHaveLength(expectedCalls);
    for (const { node } of calls.edges)
      expect(phones.includes(node.from) || phones.includes(node.to)).toBe(true);

    const expectedMessages = t.gateway.sandbox!.data.llamadapro.messages.filter(
      (m) => m.contactId === contact.id,
    ).length;
    expect(answer.data!.contact.messages.totalCount).toBe(expectedMessages);
    for (const { node } of answer.data!.contact.messages.edges)
      expect(node.contact.providerId).toBe(String(contact.id));
    for (const { node } of answer.data!.contact.tasks.edges)
      expect(node.contact.providerId).toBe(String(contact.id));
  });

  it('reads the custom field definitions once per request however many values ask', async () => {
    const sandbox = t.gateway.sandbox!;
    sandbox.resetLog();
    const answer = await t.query(
      `{ contacts(first: 50) { edges { node { customFields { key definition { key label type options { value } } } } } } }`,
    );
    expect(answer.errors).toEqual([]);
    const values = answer.data!.contacts.edges.flatMap((edge: any) => edge.node.customFields);
    expect(values.length).toBeGreaterThan(50);
    for (const value of values) expect(value.definition.key).toBe(value.key);
    const definitionLists = sandbox
      .requests('llamadapro')
      .filter((r) => r.method === 'GET' && r.path === '/api/v1/custom-fields');
    expect(definitionLists).toHaveLength(1);
    const optionLists = sandbox
      .requests('llamadapro')
      .filter((r) => /\/options$/.test(r.path))
      .map((r) => r.path);
    expect(new Set(optionLists).size).toBe(optionLists.length);
  });
});

describe('LlamadaPro transcripts and recordings', () => {
  it('reads them from their own routes only when asked, and null where the call has none', async () => {
    const sandbox = t.gateway.sandbox!;
    const data = sandbox.data.llamadapro;
    sandbox.resetLog();
    const plain = await t.query(
      `{ calls(first: 30, filter: { providers: [LLAMADAPRO] }) { edges { node { providerId } } } }`,
    );
    expect(plain.errors).toEqual([]);
    expect(
      sandbox.requests('llamadapro').filter((r) => /transcription|recording/.test(r.path)),
    ).toHaveLength(0);

    const answer = await t.query(
      `{ calls(first: 30, filter: { providers: [LLAMADAPRO] }) { edges { node { providerId transcript recordingUrl } } } }`,
    );
    expect(answer.errors).toEqual([]);
    let withTranscript = 0;
    for (const { node } of answer.data!.calls.edges) {
      const id = Number(node.providerId);
      expect(node.transcript).toBe(data.transcriptions.get(id)?.text ?? null);
      expect(node.recordingUrl).toBe(data.recordings.get(id)?.url ?? null);
      if (node.transcript) withTranscript += 1;
    }
    expect(withTranscript).toBeGreaterThan(5);
  });
});

describe('the critical path of the dashboard', () => {
  it('reads the custom field definitions alongside the contact search, not after it', async () => {
    const sandbox = t.gateway.sandbox!;
    sandbox.setFault('llamadapro', { latencyMs: 150 });
    const { answer, requests } = await dashboard(10);
    expect(answer.errors).toEqual([]);
    const search = requests.find((r) => r.path === '/api/v1/contacts/search')!;
    const definitions = requests.find(
      (r) => r.method === 'GET' && r.path === '/api/v1/custom-fields',
    )!;
    expect(definitions).toBeDefined();
    // Both leave in the same round: far less apart than the 150 ms the search takes to answer.
    expect(Math.abs(definitions.at - search.at)).toBeLessThan(100);
  });

  it('does not read the definitions when the query does not ask for them', async () => {
    t.gateway.sandbox!.resetLog();
    await t.query(
      `{ calls(first: 5, filter: { providers: [OVIA] }) { edges { node { contact { customFields { key value } } } } } }`,
    );
    expect(
      t.gateway.sandbox!.requests('llamadapro').filter((r) => r.path === '/api/v1/custom-fields'),
    ).toHaveLength(0);
  });
});

describe('custom field definitions by key and entity type', () => {
  it('gives a conversation value the conversation definition when an older contact field shares its key', async () => {
    const define = (entityType: string) =>
      t.query(
        `mutation($input: CreateCustomFieldInput!) { createCustomField(input: $input) { customField { id } userErrors { message } } }`,
        {
          input: {
            key: 'referral_code',
            label: `Referral code (${entityType})`,
            type: 'STRING',
            entityType,
          },
        },
      );
    // The contact definition is older, so a lookup by key alone would find it first.
    for (const entityType of ['CONTACT', 'FUNNEL_CONVERSATION']) {
      expect((await define(entityType)).data!.createCustomField.userErrors).toEqual([]);
    }
    const contact = t.gateway.sandbox!.data.llamadapro.contacts[7]!;
    const created = await t.query(
      `mutation($input: CreateConversationInput!) { createConversation(input: $input) {
        conversation { customFields { key definition { key entityType } } }
        userErrors { message }
      } }`,
      {
        input: {
          funnelId: '2',
          contactId: Buffer.from(`Contact:LLAMADAPRO:${contact.id}`).toString('base64url'),
          customFields: { referral_code: 'FRIEND-42' },
        },
      },
    );
    expect(created.errors).toEqual([]);
    expect(created.data!.createConversation.userErrors).toEqual([]);
    const value = created.data!.createConversation.conversation.customFields.find(
      (v: { key: string }) => v.key === 'referral_code',
    );
    expect(value.definition).toEqual({ key: 'referral_code', entityType: 'FUNNEL_CONVERSATION' });
  });
});
