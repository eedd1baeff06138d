import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LoggedRequest } from '../../src/sandbox/vendor-server.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const CALL_FIELDS = `
  id provider providerId status providerStatus direction channel from to customerPhone
  startedAt durationSeconds extraction customData agent { providerId name }
`;

const START_CALL = `mutation Start($input: StartCallInput!, $key: String) {
  startCall(input: $input, idempotencyKey: $key) {
    call { ${CALL_FIELDS} }
    userErrors { field message code provider }
  }
}`;

const RECORD_CALL = `mutation Record($input: RecordCallInput!, $key: String) {
  recordCall(input: $input, idempotencyKey: $key) {
    call { ${CALL_FIELDS} }
    userErrors { field message code provider }
  }
}`;

const LOAD_RECORDING = `mutation Load($input: LoadRecordingInput!, $key: String) {
  loadRecording(input: $input, idempotencyKey: $key) {
    recording {
      url durationSeconds dualChannel startedAt createdAt callId
      call { id provider direction from to recordingUrl }
    }
    userErrors { field message code provider }
  }
}`;

const CREATE_PROBLEM = `mutation File($input: CreateProblemInput!, $key: String) {
  createProblem(input: $input, idempotencyKey: $key) {
    problem {
      id provider providerId title description type severity status resolved callId
      assignees { userId }
    }
    userErrors { field message code provider }
  }
}`;

const READ_CALL = `query ReadCall($id: ID!) { call(id: $id) { ${CALL_FIELDS} } }`;
const CALLS_BY_PHONE = `query CallsByPhone($providers: [Provider!], $phone: String) {
  calls(filter: { providers: $providers, phone: $phone }, first: 10) {
    totalCount
    edges { node { id providerId } }
  }
}`;

const callId = (provider: string, providerId: string) =>
  Buffer.from(`Call:${provider}:${providerId}`).toString('base64url');

const OVIA_USER = '8f6e5d4c-3b2a-4190-9e8d-7c6b5a493827';
const OVIA_AGENT = '0b8e6a52-3c1d-4f7e-9a2b-5d6c7e8f9a01';
const OVIA_LINE = '8e7f6a5b-4c3d-4ecf-9ab1-ac9d8e7f6a54';
const CX_AGENT = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c51';
const CX_SKILL = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e61';

const oviaInput = (toNumber: string) => ({
  ovia: {
    userId: OVIA_USER,
    agentId: OVIA_AGENT,
    type: 'phone_call',
    direction: 'OUTBOUND',
    fromNumber: '+576013005500',
    toNumber,
    phoneNumberId: OVIA_LINE,
  },
});

let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway();
});
afterEach(() => t.gateway.sandbox!.clearFaults());
afterAll(async () => {
  await t.close();
});

function reset(): void {
  t.gateway.sandbox!.resetLog();
}

/** The one write the sandbox received, with its credentials checked. */
function onlyPost(vendor: 'ovia' | 'llamadapro' | 'cx' | 'freya'): LoggedRequest {
  const posts = t.gateway.sandbox!.requests(vendor).filter((request) => request.method === 'POST');
  expect(posts).toHaveLength(1);
  const post = posts[0]!;
  expect(post.headers['authorization']).toMatch(vendor === 'cx' ? /^Basic \S+$/ : /^Bearer \S+$/);
  return post;
}

async function expectListed(provider: string, phone: string, id: string): Promise<void> {
  const read = await t.query(READ_CALL, { id });
  expect(read.errors).toEqual([]);
  expect(read.data!.call).toMatchObject({ id, provider });
  const list = await t.query(CALLS_BY_PHONE, { providers: [provider], phone });
  expect(list.errors).toEqual([]);
  expect(list.data!.calls.edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(
    id,
  );
}

describe('startCall', () => {
  it('starts an Ovia call with a snake_case body and answers the unified call', async () => {
    reset();
    const answer = await t.query(START_CALL, { input: oviaInput('+573100000001') });
    expect(answer.errors).toEqual([]);
    const { call, userErrors } = answer.data!.startCall;
    expect(userErrors).toEqual([]);
    const post = onlyPost('ovia');
    expect(post.path).toBe('/api/v1/calls');
    expect(post.body).toEqual({
      user_id: OVIA_USER,
      agent_id: OVIA_AGENT,
      type: 'phone_call',
      direction: 'outbound',
      from_number: '+576013005500',
      to_number: '+573100000001',
      phone_number_id: OVIA_LINE,
    });
    expect(call).toMatchObject({
      id: callId('OVIA', call.providerId),
      provider: 'OVIA',
      status: 'QUEUED',
      providerStatus: 'queued',
      direction: 'OUTBOUND',
      channel: 'CALL',
      from: '+576013005500',
      to: '+573100000001',
      customerPhone: '+573100000001',
      agent: { providerId: OVIA_AGENT, name: 'Sofía · Deliveries' },
    });
    await expectListed('OVIA', '+573100000001', call.id);
  });

  it('starts a LlamadaPro agent call with Vapi settings, sending provider "vapi"', async () => {
    reset();
    const input = {
      llamadaproAgent: {
        toPhoneNumber: '+56900000002',
        fromPhoneNumber: '+56228401000',
        objectives: ['Confirm the delivery window', 'Offer Saturday if needed'],
        userId: 14,
        personality: { name: 'Sofía', communicationStyle: 'professional' },
        localization: 'CL',
        constraints: ['Never share prices'],
        contactInfo: {
          firstName: 'James',
          lastName: 'Ruiz',
          company: 'Acme',
          additionalInfo: { tier: 'gold' },
        },
        knowledgeBase: 'Deliveries run 9 to 18.',
        taskSteps: ['Greet', 'Confirm'],
        maxDurationSeconds: 300,
        silenceTimeoutSeconds: 12.5,
        customData: { orderId: 'A-1', attempts: 2 },
        providerConfig: {
          model: {
            maxTokens: 400,
            temperature: 0.3,
            model: { provider: 'openai', model: 'gpt-4o' },
          },
          voice: { provider: '11labs', voiceId: 'v1', speed: 1.1, stability: 0.5 },
          transcriber: {
            provider: 'deepgram',
            model: 'nova-2',
            localization: 'CL',
            confidenceThreshold: 0.4,
            keywords: ['Acme'],
          },
        },
      },
    };
    const answer = await t.query(START_CALL, { input });
    expect(answer.errors).toEqual([]);
    const { call, userErrors } = answer.data!.startCall;
    expect(userErrors).toEqual([]);
    const post = onlyPost('llamadapro');
    expect(post.path).toBe('/api/v1/calls/agent');
    expect(post.body).toEqual({
      ...input.llamadaproAgent,
      provider: 'vapi',
    });
    expect(call).toMatchObject({
      id: callId('LLAMADAPRO', call.providerId),
      provider: 'LLAMADAPRO',
      status: 'QUEUED',
      direction: 'OUTBOUND',
      channel: 'CALL',
      from: '+56228401000',
      to: '+56900000002',
      customerPhone: '+56900000002',
      customData: { orderId: 'A-1', attempts: 2 },
      extraction: null,
    });
    expect(call.providerId).toMatch(/^\d+$/);
    await expectListed('LLAMADAPRO', '+56900000002', call.id);
  });

  it('sends no provider member when no Vapi settings are given, nor nulls', async () => {
    reset();
    const answer = await t.query(START_CALL, {
      input: {
        llamadaproAgent: {
          toPhoneNumber: '+56900000012',
          objectives: ['Say hello'],
          fromPhoneNumber: null,
          providerConfig: null,
        },
      },
    });
    expect(answer.data!.startCall.userErrors).toEqual([]);
    expect(onlyPost('llamadapro').body).toEqual({
      toPhoneNumber: '+56900000012',
      objectives: ['Say hello'],
    });
  });

  it('starts a LlamadaPro voice-agent call with the numeric voiceAgentId', async () => {
    reset();
    const answer = await t.query(START_CALL, {
      input: {
        llamadaproVoiceAgent: {
          voiceAgentId: '123',
          to: '+56900000003',
          contextVariables: { customerFirstName: 'Pedro', customerLastName: 'Gomez' },
          customData: { customKey: 'customValue' },
        },
      },
    });
    expect(answer.errors).toEqual([]);
    const { call, userErrors } = answer.data!.startCall;
    expect(userErrors).toEqual([]);
    const post = onlyPost('llamadapro');
    expect(post.path).toBe('/api/v1/calls/voice-agent');
    expect(post.body).toEqual({
      voiceAgentId: 123,
      to: '+56900000003',
      contextVariables: { customerFirstName: 'Pedro', customerLastName: 'Gomez' },
      customData: { customKey: 'customValue' },
    });
    expect(call).toMatchObject({
      provider: 'LLAMADAPRO',
      status: 'QUEUED',
      direction: 'OUTBOUND',
      to: '+56900000003',
      customData: { customKey: 'customValue' },
      extraction: null,
    });
    await expectListed('LLAMADAPRO', '+56900000003', call.id);
  });

  it('takes the voiceAgentId as a GraphQL number too, in a variable or written inline', async () => {
    reset();
    const asNumber = await t.query(START_CALL, {
      input: {
        llamadaproVoiceAgent: { voiceAgentId: 124, to: '+56900000004', contextVariables: {} },
      },
    });
    expect(asNumber.errors).toEqual([]);
    expect(asNumber.data!.startCall.userErrors).toEqual([]);
    expect(onlyPost('llamadapro').body).toMatchObject({ voiceAgentId: 124 });
    reset();
    const inline = await t.query(
      `mutation ($context: JSON!) {
      startCall(input: { llamadaproVoiceAgent: { voiceAgentId: 125, to: "+56900000005", contextVariables: $context } }) {
        call { id }
        userErrors { field message code }
      }
    }`,
      { context: {} },
    );
    expect(inline.errors).toEqual([]);
    expect(inline.data!.startCall.userErrors).toEqual([]);
    expect(onlyPost('llamadapro').body).toMatchObject({ voiceAgentId: 125 });
  });

  it('refuses a voiceAgentId that is a fraction or negative, and calls no vendor', async () => {
    reset();
    const fraction = await t.query(START_CALL, {
      input: {
        llamadaproVoiceAgent: { voiceAgentId: 1.5, to: '+56900000006', contextVariables: {} },
      },
    });
    expect(fraction.data).toBeNull();
    expect(fraction.errors.length).toBeGreaterThan(0);
    const negative = await t.query(START_CALL, {
      input: {
        llamadaproVoiceAgent: { voiceAgentId: -4, to: '+56900000006', contextVariables: {} },
      },
    });
    expect(negative.data!.startCall.userErrors).toEqual([
      expect.objectContaining({
        field: ['input', 'llamadaproVoiceAgent', 'voiceAgentId'],
        code: 'INVALID_INPUT',
      }),
    ]);
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);
  });

  it('sends the Vapi numbers as given: the document states no range for them', async () => {
    reset();
    const providerConfig = {
      model: { maxTokens: 250.5, temperature: 2.5 },
      voice: { speed: 0, stability: 1.5, style: -0.25, optimizeStreamingLatency: -1 },
      transcriber: { confidenceThreshold: 3 },
    };
    const answer = await t.query(START_CALL, {
      input: {
        llamadaproAgent: { toPhoneNumber: '+56900000007', objectives: ['x'], providerConfig },
      },
    });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.startCall.userErrors).toEqual([]);
    expect(onlyPost('llamadapro').body).toMatchObject({ provider: 'vapi', providerConfig });
  });

  it('starts a LlamadaPro bridge call', async () => {
    reset();
    const answer = await t.query(START_CALL, {
      input: {
        llamadaproBridge: {
          from: '+56228401000',
          to: '+56900000004',
          callCustomData: { customKey: 'bridge' },
        },
      },
    });
    expect(answer.errors).toEqual([]);
    const { call, userErrors } = answer.data!.startCall;
    expect(userErrors).toEqual([]);
    const post = onlyPost('llamadapro');
    expect(post.path).toBe('/api/v1/calls/bridge');
    expect(post.body).toEqual({
      from: '+56228401000',
      to: '+56900000004',
      callCustomData: { customKey: 'bridge' },
    });
    expect(call).toMatchObject({
      provider: 'LLAMADAPRO',
      status: 'QUEUED',
      direction: 'OUTBOUND',
      from: '+56228401000',
      to: '+56900000004',
    });
    await expectListed('LLAMADAPRO', '+56900000004', call.id);
  });

  it('starts a CX interaction with the channel sent lower-case', async () => {
    reset();
    const answer = await t.query(START_CALL, {
      input: {
        cx: {
          agentId: CX_AGENT,
          channel: 'WHATSAPP',
          skillId: CX_SKILL,
          customerName: 'Valeria Soto',
          customerPhone: '+525500000005',
        },
      },
    });
    expect(answer.errors).toEqual([]);
    const { call, userErrors } = answer.data!.startCall;
    expect(userErrors).toEqual([]);
    const post = onlyPost('cx');
    expect(post.path).toBe('/api/v1/calls');
    expect(post.body).toEqual({
      agentId: CX_AGENT,
      channel: 'whatsapp',
      skillId: CX_SKILL,
      customerName: 'Valeria Soto',
      customerPhone: '+525500000005',
    });
    expect(call).toMatchObject({
      id: callId('CX', call.providerId),
      provider: 'CX',
      status: 'IN_PROGRESS',
      direction: 'OUTBOUND',
      channel: 'WHATSAPP',
      from: '+525511700200',
      to: '+525500000005',
      customerPhone: '+525500000005',
    });
    await expectListed('CX', '+525500000005', call.id);
    const read = await t.query(READ_CALL, { id: call.id });
    expect(read.data!.call.channel).toBe('WHATSAPP');
  });

  it.each([
    ['two members', { ...oviaInput('+573100000009'), llamadaproBridge: { to: '+56900000009' } }],
    ['no member', {}],
  ])('rejects a StartCallInput with %s before any vendor is called', async (_, input) => {
    reset();
    const answer = await t.query(START_CALL, { input });
    expect(answer.data).toBeNull();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors[0]!.message).toMatch(/StartCallInput/);
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);
  });

  it.each([
    [
      'a number that is not E.164',
      { ovia: { ...oviaInput('+573100000010').ovia, toNumber: '3100000010' } },
      ['input', 'ovia', 'toNumber'],
    ],
    [
      'an agentId that is not a uuid',
      { ovia: { ...oviaInput('+573100000010').ovia, agentId: 'agent-7' } },
      ['input', 'ovia', 'agentId'],
    ],
    [
      'an empty objectives list',
      { llamadaproAgent: { toPhoneNumber: '+56900000010', objectives: [] } },
      ['input', 'llamadaproAgent', 'objectives'],
    ],
    [
      'an unknown localization',
      { llamadaproAgent: { toPhoneNumber: '+56900000010', objectives: ['x'], localization: 'AR' } },
      ['input', 'llamadaproAgent', 'localization'],
    ],
    [
      'a zero maxDurationSeconds',
      {
        llamadaproAgent: {
          toPhoneNumber: '+56900000010',
          objectives: ['x'],
          maxDurationSeconds: 0,
        },
      },
      ['input', 'llamadaproAgent', 'maxDurationSeconds'],
    ],
    [
      'a negative silenceTimeoutSeconds',
      {
        llamadaproAgent: {
          toPhoneNumber: '+56900000010',
          objectives: ['x'],
          silenceTimeoutSeconds: -1,
        },
      },
      ['input', 'llamadaproAgent', 'silenceTimeoutSeconds'],
    ],
    [
      'a transcriber localization it does not know',
      {
        llamadaproAgent: {
          toPhoneNumber: '+56900000010',
          objectives: ['x'],
          providerConfig: { transcriber: { localization: 'ES' } },
        },
      },
      ['input', 'llamadaproAgent', 'providerConfig', 'transcriber', 'localization'],
    ],
    [
      'a voiceAgentId that is not numeric',
      { llamadaproVoiceAgent: { voiceAgentId: 'va-1', to: '+56900000010', contextVariables: {} } },
      ['input', 'llamadaproVoiceAgent', 'voiceAgentId'],
    ],
    [
      'contextVariables that are not an object',
      {
        llamadaproVoiceAgent: { voiceAgentId: '1', to: '+56900000010', contextVariables: [1, 2] },
      },
      ['input', 'llamadaproVoiceAgent', 'contextVariables'],
    ],
    [
      'a bridge number that is not E.164',
      { llamadaproBridge: { to: '+56 9 0000 0010' } },
      ['input', 'llamadaproBridge', 'to'],
    ],
    [
      'a CX skillId that is not a uuid',
      {
        cx: {
          agentId: CX_AGENT,
          channel: 'CALL',
          skillId: 'sales',
          customerName: 'X',
          customerPhone: '+525500000010',
        },
      },
      ['input', 'cx', 'skillId'],
    ],
    [
      'a blank CX customerName',
      {
        cx: {
          agentId: CX_AGENT,
          channel: 'CALL',
          skillId: CX_SKILL,
          customerName: '  ',
          customerPhone: '+525500000010',
        },
      },
      ['input', 'cx', 'customerName'],
    ],
  ])('answers %s with INVALID_INPUT at its path and calls no vendor', async (_, input, field) => {
    reset();
    const answer = await t.query(START_CALL, { input });
    expect(answer.errors).toEqual([]);
    const { call, userErrors } = answer.data!.startCall;
    expect(call).toBeNull();
    expect(userErrors).toEqual([
      expect.objectContaining({ field, code: 'INVALID_INPUT', provider: null }),
    ]);
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);
  });

  it('answers an Ovia 500 with UPSTREAM_UNAVAILABLE after exactly one POST', async () => {
    t.gateway.sandbox!.setFault('ovia', { failure: 'status', status: 500 });
    reset();
    const answer = await t.query(START_CALL, { input: oviaInput('+573100000011') });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.startCall).toEqual({
      call: null,
      userErrors: [
        expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', provider: 'OVIA', field: null }),
      ],
    });
    const posts = t.gateway.sandbox!.requests('ovia').filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.path).toBe('/api/v1/calls');
  });

  it('dials once for one idempotency key and replays the first call', async () => {
    reset();
    const variables = { input: oviaInput('+573100000012'), key: 'start-ovia-once' };
    const first = await t.query(START_CALL, variables);
    const second = await t.query(START_CALL, variables);
    expect(first.data!.startCall.userErrors).toEqual([]);
    expect(first.data!.startCall.call.to).toBe('+573100000012');
    expect(second.data).toEqual(first.data);
    expect(t.gateway.sandbox!.requests('ovia').filter((r) => r.method === 'POST')).toHaveLength(1);
    const list = await t.query(CALLS_BY_PHONE, { providers: ['OVIA'], phone: '+573100000012' });
    expect(list.data!.calls.totalCount).toBe(1);
  });
});

describe('recordCall', () => {
  it('records an outside call in LlamadaPro’s spelling and lists it', async () => {
    reset();
    const answer = await t.query(RECORD_CALL, {
      input: {
        status: 'NO_ANSWER',
        direction: 'INBOUND',
        from: '+56900000020',
        to: '+56228401000',
        startedAt: '2026-11-02T10:00:00Z',
        durationSeconds: 0,
        userId: 14,
        teamId: '2',
        providerId: 'ext-991',
        providerName: 'aircall',
        funnelConversationId: '55',
        metadata: { source: 'pbx' },
        customData: { campaign: 'winter' },
        redirectedTo: null,
      },
    });
    expect(answer.errors).toEqual([]);
    const { call, userErrors } = answer.data!.recordCall;
    expect(userErrors).toEqual([]);
    const post = onlyPost('llamadapro');
    expect(post.path).toBe('/api/v1/calls');
    expect(post.body).toEqual({
      status: 'no-answer',
      direction: 'incoming',
      from: '+56900000020',
      to: '+56228401000',
      startTime: '2026-11-02T10:00:00.000Z',
      duration: 0,
      userId: 14,
      teamId: 2,
      providerId: 'ext-991',
      providerName: 'aircall',
      funnelConversationId: 55,
      metadata: { source: 'pbx' },
      customData: { campaign: 'winter' },
    });
    expect(call).toMatchObject({
      provider: 'LLAMADAPRO',
      status: 'NO_ANSWER',
      providerStatus: 'no-answer',
      direction: 'INBOUND',
      from: '+56900000020',
      to: '+56228401000',
      customerPhone: '+56900000020',
      startedAt: '2026-11-02T10:00:00.000Z',
      durationSeconds: 0,
      customData: { campaign: 'winter' },
      extraction: null,
    });
    await expectListed('LLAMADAPRO', '+56900000020', call.id);
  });

  it('takes teamId, funnelConversationId and sessionId as GraphQL numbers too', async () => {
    reset();
    const answer = await t.query(RECORD_CALL, {
      input: {
        status: 'COMPLETED',
        direction: 'OUTBOUND',
        from: '+56228401000',
        to: '+56900000023',
        startedAt: '2026-11-03T08:30:00.000Z',
        teamId: 2,
        funnelConversationId: 55,
        sessionId: '31001',
      },
    });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.recordCall.userErrors).toEqual([]);
    expect(onlyPost('llamadapro').body).toMatchObject({
      teamId: 2,
      funnelConversationId: 55,
      sessionId: 31001,
    });
  });

  it('sends the members the document requires as null when left out', async () => {
    reset();
    const answer = await t.query(RECORD_CALL, {
      input: {
        status: 'COMPLETED',
        direction: 'OUTBOUND',
        from: '+56228401000',
        to: '+56900000021',
        startedAt: '2026-11-03T08:30:00.000Z',
      },
    });
    expect(answer.data!.recordCall.userErrors).toEqual([]);
    expect(onlyPost('llamadapro').body).toEqual({
      status: 'completed',
      direction: 'outgoing',
      from: '+56228401000',
      to: '+56900000021',
      startTime: '2026-11-03T08:30:00.000Z',
      duration: null,
      userId: null,
      metadata: null,
    });
  });

  it.each([
    [{ status: 'UNKNOWN' }, ['input', 'status']],
    [{ from: '56228401000' }, ['input', 'from']],
    [{ durationSeconds: -5 }, ['input', 'durationSeconds']],
    [{ teamId: 'sales' }, ['input', 'teamId']],
  ])('rejects %j with INVALID_INPUT at %j and calls no vendor', async (override, field) => {
    reset();
    const answer = await t.query(RECORD_CALL, {
      input: {
        status: 'COMPLETED',
        direction: 'OUTBOUND',
        from: '+56228401000',
        to: '+56900000022',
        startedAt: '2026-11-03T08:30:00.000Z',
        ...override,
      },
    });
    expect(answer.data!.recordCall.call).toBeNull();
    expect(answer.data!.recordCall.userErrors).toEqual([
      expect.objectContaining({ field, code: 'INVALID_INPUT' }),
    ]);
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);
  });
});

describe('loadRecording', () => {
  it('loads a recording, answers it, and its call reads it back', async () => {
    reset();
    const answer = await t.query(LOAD_RECORDING, {
      input: {
        userId: 14,
        url: 'https://media.example.com/rec/42.mp3',
        callTo: '+56900000030',
        callFrom: '+56228401000',
        callDirection: 'OUTBOUND',
        callStartTime: '2026-11-04T12:00:00Z',
      },
    });
    expect(answer.errors).toEqual([]);
    const { recording, userErrors } = answer.data!.loadRecording;
    expect(userErrors).toEqual([]);
    const post = onlyPost('llamadapro');
    expect(post.path).toBe('/api/v1/recordings');
    expect(post.body).toEqual({
      userId: 14,
      url: 'https://media.example.com/rec/42.mp3',
      callTo: '+56900000030',
      callFrom: '+56228401000',
      callDirection: 'outgoing',
      callStartTime: '2026-11-04T12:00:00.000Z',
    });
    expect(recording).toMatchObject({
      url: 'https://media.example.com/rec/42.mp3',
      durationSeconds: null,
      dualChannel: false,
      startedAt: '2026-11-04T12:00:00.000Z',
      call: {
        id: callId('LLAMADAPRO', recording.callId),
        provider: 'LLAMADAPRO',
        direction: 'OUTBOUND',
        from: '+56228401000',
        to: '+56900000030',
        recordingUrl: 'https://media.example.com/rec/42.mp3',
      },
    });
    expect(recording.createdAt).toEqual(expect.any(String));
    await expectListed('LLAMADAPRO', '+56900000030', recording.call.id);
  });

  it.each([
    [{ url: 'ftp://media.example.com/42.mp3' }, ['input', 'url']],
    [{ userId: 0 }, ['input', 'userId']],
    [{ callTo: '12345' }, ['input', 'callTo']],
  ])('rejects %j with INVALID_INPUT at %j and calls no vendor', async (override, field) => {
    reset();
    const answer = await t.query(LOAD_RECORDING, {
      input: { userId: 14, url: 'https://media.example.com/rec/43.mp3', ...override },
    });
    expect(answer.data!.loadRecording.recording).toBeNull();
    expect(answer.data!.loadRecording.userErrors).toEqual([
      expect.objectContaining({ field, code: 'INVALID_INPUT' }),
    ]);
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);
  });
});

describe('createProblem', () => {
  it('files a Freya problem on a call, which then shows in problems and Call.problems', async () => {
    const oviaCall = t.gateway.sandbox!.data.ovia.calls[3]!;
    reset();
    const answer = await t.query(CREATE_PROBLEM, {
      input: {
        problem: 'Agent talked over the customer',
        description: 'Barge-in was too eager at 00:42.',
        callId: oviaCall.id,
        agentId: oviaCall.agent_id,
        type: 'AUDIO',
        severity: 0.8,
        status: 'open',
        assignedTo: 'usr_01HZX4K7Q2',
        messageId: null,
      },
    });
    expect(answer.errors).toEqual([]);
    const { problem, userErrors } = answer.data!.createProblem;
    expect(userErrors).toEqual([]);
    const post = onlyPost('freya');
    expect(post.path).toBe('/api/v2/problems');
    expect(post.body).toEqual({
      workspaceId: t.gateway.sandbox!.data.freya.workspaceId,
      problem: 'Agent talked over the customer',
      description: 'Barge-in was too eager at 00:42.',
      callId: oviaCall.id,
      agentId: oviaCall.agent_id,
      type: 'audio',
      severity: 0.8,
      status: 'open',
      assignedTo: 'usr_01HZX4K7Q2',
    });
    expect(problem).toEqual({
      id: Buffer.from(`Problem:FREYA:${problem.providerId}`).toString('base64url'),
      provider: 'FREYA',
      providerId: problem.providerId,
      title: 'Agent talked over the customer',
      description: 'Barge-in was too eager at 00:42.',
      type: 'AUDIO',
      severity: 0.8,
      status: 'open',
      resolved: false,
      callId: oviaCall.id,
      assignees: [{ userId: 'usr_01HZX4K7Q2' }],
    });

    const listed = await t.query(
      `query($callId: String) { problems(filter: { callId: $callId }, first: 50) { edges { node { id } } } }`,
      { callId: oviaCall.id },
    );
    expect(listed.errors).toEqual([]);
    expect(
      listed.data!.problems.edges.map((edge: { node: { id: string } }) => edge.node.id),
    ).toContain(problem.id);
    const onCall = await t.query(`query($id: ID!) { call(id: $id) { problems { id title } } }`, {
      id: callId('OVIA', oviaCall.id),
    });
    expect(onCall.errors).toEqual([]);
    expect(onCall.data!.call.problems).toContainEqual({
      id: problem.id,
      title: 'Agent talked over the customer',
    });
  });

  it('sends only what is given, letting Freya apply its defaults', async () => {
    reset();
    const answer = await t.query(CREATE_PROBLEM, { input: { problem: 'Silence after greeting' } });
    expect(answer.data!.createProblem.userErrors).toEqual([]);
    expect(onlyPost('freya').body).toEqual({
      workspaceId: t.gateway.sandbox!.data.freya.workspaceId,
      problem: 'Silence after greeting',
    });
    expect(answer.data!.createProblem.problem).toMatchObject({
      type: 'GENERAL',
      severity: 0.5,
      status: 'open',
      callId: null,
    });
  });

  it.each([
    [{ problem: 'x', severity: 1.5 }, ['input', 'severity']],
    [{ problem: 'x', severity: -0.1 }, ['input', 'severity']],
    [{ problem: '   ' }, ['input', 'problem']],
    [{ problem: 'x', callId: '' }, ['input', 'callId']],
  ])('rejects %j with INVALID_INPUT at %j and calls no vendor', async (input, field) => {
    reset();
    const answer = await t.query(CREATE_PROBLEM, { input });
    expect(answer.errors).toEqual([]);
    expect(answer.data!.createProblem.problem).toBeNull();
    expect(answer.data!.createProblem.userErrors).toEqual([
      expect.objectContaining({ field, code: 'INVALID_INPUT', provider: null }),
    ]);
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);
  });

  it('files once for one idempotency key', async () => {
    reset();
    const variables = { input: { problem: 'Replayed problem', severity: 0.2 }, key: 'problem-1' };
    const first = await t.query(CREATE_PROBLEM, variables);
    const second = await t.query(CREATE_PROBLEM, variables);
    expect(first.data!.createProblem.problem.title).toBe('Replayed problem');
    expect(second.data).toEqual(first.data);
    expect(t.gateway.sandbox!.requests('freya').filter((r) => r.method === 'POST')).toHaveLength(1);
  });
});
