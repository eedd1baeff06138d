import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

/*
 * The call fields and filters each vendor's own members feed, read through the graph from the
 * sandbox, and what the sandbox was asked for them.
 */

const DETAIL = `
  id provider providerId status startedAt endedAt durationSeconds recordingUrl transcript
  costs {
    total llm llmInput llmOutput stt tts telephony telephonyCall answeringMachineDetection currency
    usage { llmPromptTokens llmCompletionTokens ttsCharacters sttAudioSeconds }
  }
  classification { tag }
  extraction customData createdAt updatedAt scheduledFor campaignId
  useCase { id name language }
  ratings { emoji email createdAt }
  parentCallId tags customerName customerId skillId agentScore category contactId
  funnelConversationId lastUpdateSequence
  agent { id providerId }
`;

interface CallNode {
  id: string;
  provider: string;
  providerId: string;
  status: string;
  startedAt: string | null;
  updatedAt: string | null;
  classification: { tag: string } | null;
  useCase: { id: string } | null;
  campaignId: string | null;
  agent: { id: string; providerId: string } | null;
  [key: string]: unknown;
}

const iso = (value: string | null | undefined) => (value ? new Date(value).toISOString() : null);
const callId = (provider: string, providerId: string) =>
  Buffer.from(`Call:${provider}:${providerId}`).toString('base64url');

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.gateway.sandbox!.resetLog();
});

const data = () => t.gateway.sandbox!.data;

async function readCall(provider: string, providerId: string | number): Promise<CallNode> {
  const answer = await t.query<{ call: CallNode }>(
    `query($id: ID!) { call(id: $id) { ${DETAIL} } }`,
    { id: callId(provider, String(providerId)) },
  );
  expect(answer.errors).toEqual([]);
  return answer.data!.call;
}

async function listCalls(filter: Record<string, unknown>): Promise<CallNode[]> {
  const nodes: CallNode[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 50; guard += 1) {
    const answer: { data: any; errors: unknown[] } = await t.query(
      `query($filter: CallFilter, $after: String) {
        calls(filter: $filter, first: 100, after: $after) {
          edges { node { ${DETAIL} } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { filter, after },
    );
    expect(answer.errors).toEqual([]);
    nodes.push(...answer.data.calls.edges.map((edge: { node: CallNode }) => edge.node));
    if (!answer.data.calls.pageInfo.hasNextPage) return nodes;
    after = answer.data.calls.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

async function totalOf(filter: Record<string, unknown>): Promise<number> {
  const answer = await t.query<{ calls: { totalCount: number } }>(
    `query($filter: CallFilter) { calls(filter: $filter, first: 1) { totalCount } }`,
    { filter },
  );
  expect(answer.errors).toEqual([]);
  return answer.data!.calls.totalCount;
}

/** Which call vendors the sandbox was asked for call lists since the log was reset. */
function listedVendors(): string[] {
  return [
    ...new Set(
      t.gateway
        .sandbox!.requests()
        .filter((request) => request.method === 'GET' && request.path === '/api/v1/calls')
        .map((request) => request.vendor),
    ),
  ].sort();
}

describe('the vendor members typed on Call', () => {
  it('reads Ovia’s update time and its usage counts', async () => {
    const raw = data().ovia.calls.find((call) => call.status === 'completed' && call.costs)!;
    const call = await readCall('OVIA', raw.id);
    expect(call).toMatchObject({
      updatedAt: iso(raw.updated_at),
      extraction: null,
      customData: null,
      costs: {
        total: raw.costs!.total,
        llmInput: null,
        telephonyCall: null,
        currency: null,
        usage: {
          llmPromptTokens: raw.costs!.details.llm_prompt_tokens,
          llmCompletionTokens: raw.costs!.details.llm_completion_tokens,
          ttsCharacters: raw.costs!.details.tts_characters,
          sttAudioSeconds: raw.costs!.details.stt_audio_duration_seconds,
        },
      },
    });
  });

  it('reads HappyRobot’s end, use case, campaign, tags, custom data, ratings and cost parts', async () => {
    const raw = data().happyrobot.calls.find(
      (call) =>
        call.status === 'Completed' &&
        call.ratings.length > 0 &&
        call.campaign_id !== null &&
        Object.keys(call.metadata.custom).length > 0,
    )!;
    expect(raw).toBeDefined();
    const call = await readCall('HAPPYROBOT', raw.id);
    expect(call).toMatchObject({
      endedAt: new Date(Date.parse(raw.created!) + raw.duration! * 1000).toISOString(),
      recordingUrl: null,
      transcript: null,
      extraction: raw.extraction,
      customData: raw.metadata.custom,
      updatedAt: null,
      scheduledFor: null,
      campaignId: raw.campaign_id,
      useCase: { id: raw.use_case.id, name: raw.use_case.name, language: raw.use_case.language },
      ratings: raw.ratings.map((rating) => ({
        emoji: rating.emoji,
        email: rating.email,
        createdAt: iso(rating.created),
      })),
      tags: raw.metadata.tags,
      parentCallId: null,
      costs: {
        llm: raw.costs!.llm.total_cost,
        llmInput: raw.costs!.llm.input_cost,
        llmOutput: raw.costs!.llm.output_cost,
        telephony: raw.costs!.voip.total_cost,
        telephonyCall: raw.costs!.voip.call_cost,
        answeringMachineDetection: raw.costs!.voip.amd_cost,
        currency: null,
        usage: null,
      },
    });
  });

  it('reads when a scheduled HappyRobot call will run, and the call it follows from', async () => {
    const scheduled = data().happyrobot.calls.find((call) => call.status === 'Scheduled')!;
    const parent = data().happyrobot.calls.find((call) => call.status === 'No Answer')!;
    scheduled.parent_call_id = parent.id;
    try {
      const call = await readCall('HAPPYROBOT', scheduled.id);
      expect(call).toMatchObject({
        startedAt: null,
        endedAt: null,
        scheduledFor: iso(scheduled.scheduled_for),
        parentCallId: parent.id,
      });
      expect(call.scheduledFor).not.toBeNull();
    } finally {
      scheduled.parent_call_id = null;
    }
  });

  it('reads CX’s customer name, customer id and skill', async () => {
    const raw = data().cx.interactions.find(
      (interaction) => interaction.customerName !== 'Unknown',
    )!;
    const call = await readCall('CX', raw.id);
    expect(call).toMatchObject({
      customerName: raw.customerName,
      customerId: raw.customerId,
      skillId: raw.skillId,
      updatedAt: null,
      costs: null,
    });
  });

  it('reads LlamadaPro’s custom data apart from extraction, and its score, category and ids', async () => {
    const raw = data().llamadapro.calls.find(
      (call) =>
        call.status === 'completed' &&
        call.customData !== null &&
        call.contactId !== null &&
        call.funnelConversationId !== null,
    )!;
    expect(raw).toBeDefined();
    const call = await readCall('LLAMADAPRO', raw.id);
    expect(call).toMatchObject({
      extraction: null,
      customData: raw.customData,
      agentScore: raw.agentScore,
      category: raw.category,
      classification: { tag: raw.category },
      contactId: String(raw.contactId),
      funnelConversationId: String(raw.funnelConversationId),
      updatedAt: iso(raw.updatedAt),
      lastUpdateSequence: raw.lastUpdateSequence,
    });
  });

  it('reads LlamadaPro’s recording and transcription details on their routes, once each', async () => {
    const calls = data().llamadapro.calls;
    const raw = calls.find((call) => data().llamadapro.transcriptions.has(call.id))!;
    const recording = data().llamadapro.recordings.get(raw.id)!;
    const transcription = data().llamadapro.transcriptions.get(raw.id)!;
    const answer = await t.query<{ call: Record<string, any> }>(
      `query($id: ID!) { call(id: $id) {
        recordingUrl transcript
        recording { url durationSeconds dualChannel startedAt createdAt callId }
        transcription { text url transcriber recordingId createdAt updatedAt }
      } }`,
      { id: callId('LLAMADAPRO', String(raw.id)) },
    );
    expect(answer.errors).toEqual([]);
    expect(answer.data!.call).toEqual({
      recordingUrl: recording.url,
      transcript: transcription.text,
      recording: {
        url: recording.url,
        durationSeconds: recording.duration,
        dualChannel: recording.dualChannel,
        startedAt: iso(recording.startTime),
        createdAt: iso(recording.createdAt),
        callId: String(raw.id),
      },
      transcription: {
        text: transcription.text,
        url: transcription.url,
        transcriber: transcription.providerName,
        recordingId: String(transcription.recordingId),
        createdAt: iso(transcription.createdAt),
        updatedAt: iso(transcription.updatedAt),
      },
    });
    const paths = t.gateway
      .sandbox!.requests('llamadapro')
      .map((request) => request.path)
      .sort();
    expect(paths).toEqual(
      [
        `/api/v1/calls/${raw.id}`,
        `/api/v1/calls/${raw.id}/recording`,
        `/api/v1/calls/${raw.id}/transcription`,
      ].sort(),
    );
  });

  it('has no recording or transcription details for the vendors without those routes', async () => {
    const raw = data().ovia.calls.find((call) => call.recording_url !== null)!;
    const answer = await t.query<{ call: Record<string, unknown> }>(
      `query($id: ID!) { call(id: $id) { recordingUrl recording { url } transcription { text } } }`,
      { id: callId('OVIA', raw.id) },
    );
    expect(answer.errors).toEqual([]);
    expect(answer.data!.call).toEqual({
      recordingUrl: raw.recording_url,
      recording: null,
      transcription: null,
    });
  });
});

describe('the call filters', () => {
  it('updatedAfter keeps Ovia and LlamadaPro calls updated since, and asks CX and HappyRobot nothing', async () => {
    const all = await listCalls({ providers: ['OVIA', 'LLAMADAPRO'] });
    const times = all.map((call) => Date.parse(call.updatedAt!)).sort((a, b) => a - b);
    const since = new Date(times[Math.floor(times.length / 2)]!).toISOString();
    const expected = all.filter((call) => Date.parse(call.updatedAt!) >= Date.parse(since));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.length);
    t.gateway.sandbox!.resetLog();
    const narrowed = await listCalls({ updatedAfter: since });
    expect(narrowed.map((call) => call.id)).toEqual(expected.map((call) => call.id));
    expect(listedVendors()).toEqual(['llamadapro', 'ovia']);
    expect(await totalOf({ updatedAfter: since })).toBe(expected.length);
  });

  it('agentId takes an Agent id, reads only its vendor and sends it to Ovia', async () => {
    const raw = data().ovia.calls[5]!;
    const agent = await t.query<{ agent: { id: string } }>(
      `query($id: ID!) { agent(id: $id) { id } }`,
      { id: Buffer.from(`Agent:OVIA:${raw.agent_id}`).toString('base64url') },
    );
    t.gateway.sandbox!.resetLog();
    const calls = await listCalls({ agentId: agent.data!.agent.id, status: ['COMPLETED'] });
    const expected = data().ovia.calls.filter(
      (call) => call.agent_id === raw.agent_id && call.status === 'completed',
    );
    expect(calls.map((call) => call.providerId).sort()).toEqual(
      expected.map((call) => call.id).sort(),
    );
    expect(listedVendors()).toEqual(['ovia']);
    const sent = t.gateway.sandbox!.requests('ovia')[0]!.query;
    expect(sent).toMatchObject({ agent_id: raw.agent_id, status: 'completed' });
  });

  it('agentId refuses another type’s id, and a vendor that providers leaves out', async () => {
    const raw = data().ovia.calls[0]!;
    const agentId = Buffer.from(`Agent:OVIA:${raw.agent_id}`).toString('base64url');
    for (const filter of [
      { agentId: callId('OVIA', raw.id) },
      { agentId: 'not-an-id' },
      { agentId, providers: ['CX', 'HAPPYROBOT'] },
    ]) {
      const answer = await t.query(
        `query($filter: CallFilter) { calls(filter: $filter) { totalCount } }`,
        {
          filter,
        },
      );
      expect(answer.data?.calls ?? null).toBeNull();
      expect(answer.errors[0]).toMatchObject({
        path: ['calls'],
        extensions: { code: 'INVALID_INPUT' },
      });
    }
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);
  });

  it('classificationTag matches the tag ignoring case on every vendor that classifies', async () => {
    const all = await listCalls({});
    const tag = data().happyrobot.calls.find((call) => call.classification)!.classification!.tag;
    const expected = all.filter((call) => call.classification?.tag.toLowerCase() === tag);
    expect(new Set(expected.map((call) => call.provider)).size).toBeGreaterThanOrEqual(1);
    t.gateway.sandbox!.resetLog();
    const narrowed = await listCalls({ classificationTag: tag.toUpperCase() });
    expect(narrowed.map((call) => call.id)).toEqual(expected.map((call) => call.id));
    expect(listedVendors()).toEqual(['happyrobot', 'llamadapro', 'ovia']);
    expect(await totalOf({ classificationTag: tag.toUpperCase() })).toBe(expected.length);
  });

  it('useCaseId is sent to HappyRobot natively; no other vendor is asked', async () => {
    const useCase = data().happyrobot.calls[4]!.use_case.id;
    const expected = data().happyrobot.calls.filter((call) => call.use_case.id === useCase);
    const narrowed = await listCalls({ useCaseId: useCase });
    expect(narrowed.map((call) => call.providerId).sort()).toEqual(
      expected.map((call) => call.id).sort(),
    );
    expect(narrowed.every((call) => call.useCase?.id === useCase)).toBe(true);
    expect(listedVendors()).toEqual(['happyrobot']);
    expect(t.gateway.sandbox!.requests('happyrobot')[0]!.query).toMatchObject({
      use_case_id: useCase,
    });
    t.gateway.sandbox!.resetLog();
    expect(await totalOf({ useCaseId: useCase })).toBe(expected.length);
    // Exact natively: the total is the vendor's own, one request.
    expect(t.gateway.sandbox!.requests('happyrobot')).toHaveLength(1);
  });

  it('campaignId keeps HappyRobot calls of that campaign', async () => {
    const campaign = data().happyrobot.calls.find((call) => call.campaign_id)!.campaign_id!;
    const expected = data().happyrobot.calls.filter((call) => call.campaign_id === campaign);
    expect(expected.length).toBeLessThan(data().happyrobot.calls.length);
    const narrowed = await listCalls({ campaignId: campaign });
    expect(narrowed.map((call) => call.providerId).sort()).toEqual(
      expected.map((call) => call.id).sort(),
    );
    expect(listedVendors()).toEqual(['happyrobot']);
  });

  it('sends one status to Ovia, LlamadaPro and HappyRobot in each one’s spelling', async () => {
    const local = (await listCalls({})).filter((call) => call.status === 'NO_ANSWER');
    expect(new Set(local.map((call) => call.provider)).size).toBe(4);
    t.gateway.sandbox!.resetLog();
    const native = await listCalls({ status: ['NO_ANSWER'] });
    expect(native.map((call) => call.id)).toEqual(local.map((call) => call.id));
    const statusSent = (vendor: 'ovia' | 'llamadapro' | 'cx' | 'happyrobot') =>
      t.gateway.sandbox!.requests(vendor)[0]?.query['status'];
    expect(statusSent('ovia')).toBe('no_answer');
    expect(statusSent('llamadapro')).toBe('no-answer');
    expect(statusSent('happyrobot')).toBe('No Answer');
    expect(statusSent('cx')).toBeUndefined();
    t.gateway.sandbox!.resetLog();
    await listCalls({ status: ['CANCELED'] });
    expect(t.gateway.sandbox!.requests().some((request) => 'status' in request.query)).toBe(false);
  });
});

describe('agents', () => {
  const AGENTS = `query($provider: Provider, $first: Int, $after: String) {
    agents(provider: $provider, first: $first, after: $after) {
      totalCount
      edges { cursor node { id provider providerId name } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

  function expectedAgents(): Array<{ provider: string; providerId: string }> {
    const ids = (provider: string, list: string[]) =>
      [...new Set(list)].sort().map((providerId) => ({ provider, providerId }));
    return [
      ...ids(
        'OVIA',
        data().ovia.calls.map((call) => call.agent_id),
      ),
      ...ids(
        'CX',
        data().cx.interactions.map((interaction) => interaction.agentId),
      ),
      ...ids(
        'HAPPYROBOT',
        data().happyrobot.calls.map((call) => call.agent.id),
      ),
    ];
  }

  it('lists every call vendor’s agents once, by vendor then id, paging to the end', async () => {
    const seen: Array<{ id: string; provider: string; providerId: string; name: string | null }> =
      [];
    let after: string | null = null;
    let totalCount = -1;
    for (let guard = 0; guard < 20; guard += 1) {
      const answer: { data: any; errors: unknown[] } = await t.query(AGENTS, { first: 2, after });
      expect(answer.errors).toEqual([]);
      totalCount = answer.data.agents.totalCount;
      seen.push(...answer.data.agents.edges.map((edge: { node: any }) => edge.node));
      if (!answer.data.agents.pageInfo.hasNextPage) break;
      after = answer.data.agents.pageInfo.endCursor;
    }
    const expected = expectedAgents();
    expect(seen.map(({ provider, providerId }) => ({ provider, providerId }))).toEqual(expected);
    expect(totalCount).toBe(expected.length);
    const happyRobot = seen.find((agent) => agent.provider === 'HAPPYROBOT')!;
    expect(happyRobot.name).toBe(
      data().happyrobot.calls.find((call) => call.agent.id === happyRobot.providerId)!.agent.name,
    );
    // Each agent's id resolves as an Agent.
    const one = await t.query<{ node: { providerId: string } }>(
      `query($id: ID!) { node(id: $id) { ... on Agent { providerId } } }`,
      { id: happyRobot.id },
    );
    expect(one.data!.node.providerId).toBe(happyRobot.providerId);
  });

  it('lists one vendor’s agents; LlamadaPro’s calls name none and it is not asked', async () => {
    const ovia = await t.query(AGENTS, { provider: 'OVIA', first: 50 });
    expect(ovia.errors).toEqual([]);
    expect(ovia.data!.agents.edges.map((edge: any) => edge.node.providerId)).toEqual(
      expectedAgents()
        .filter((agent) => agent.provider === 'OVIA')
        .map((agent) => agent.providerId),
    );
    expect(listedVendors()).toEqual(['ovia']);
    t.gateway.sandbox!.resetLog();
    const llamadapro = await t.query(AGENTS, { provider: 'LLAMADAPRO' });
    expect(llamadapro.errors).toEqual([]);
    expect(llamadapro.data!.agents).toMatchObject({ totalCount: 0, edges: [] });
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);
  });

  it('refuses FREYA, which has no calls', async () => {
    const answer = await t.query(AGENTS, { provider: 'FREYA' });
    expect(answer.data?.agents ?? null).toBeNull();
    expect(answer.errors[0]).toMatchObject({ extensions: { code: 'INVALID_INPUT' } });
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);
  });
});
