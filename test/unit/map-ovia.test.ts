import { describe, expect, it } from 'vitest';
import { toCall } from '../../src/vendors/ovia/map.js';
import { oviaCallListSchema, oviaCallSchema } from '../../src/vendors/ovia/schemas.js';

/**
 * The answer of Ovia's `POST /api/v1/calls` (docs/vendors/ovia.md) with realistic values.
 * `direction` is required by the document's field list though its example omits it.
 */
function oviaCallBody(): Record<string, unknown> {
  return {
    user_id: '5f1d7c2a-9b3e-4c8a-a1d2-3e4f5a6b7c8d',
    agent_id: '8a7b6c5d-4e3f-4a1b-9c2d-1e0f9a8b7c6d',
    type: 'phone_call',
    direction: 'outbound',
    from_number: '+14155550123',
    to_number: '+56912345678',
    phone_number_id: 'c4d5e6f7-a8b9-4c0d-8e1f-2a3b4c5d6e7f',
    id: '0b9e4f6c-3d2a-4e1b-8c7d-6f5e4d3c2b1a',
    status: 'completed',
    started_at: '2024-03-12T14:05:00Z',
    ended_at: '2024-03-12T14:08:20Z',
    recording_url: 'https://recordings.useovia.com/0b9e4f6c.mp3',
    transcript: 'Agent: Hola, le llamo de Andes Retail.\nClient: Sí, dígame.',
    duration: 200,
    analysis: 'Customer agreed to a follow-up visit.',
    latency_metrics: '{"p50":420}',
    created_at: '2024-03-12T14:04:58Z',
    updated_at: '2024-03-12T14:08:25Z',
    agent: { name: 'Sofía (ventas)' },
    metadata: {
      rule_id: 'rule-17',
      call_tag: 'follow_up',
      call_id_full: 'ovia-0b9e4f6c-full',
      sip_trunk_id: 'trunk-cl-1',
    },
    costs: {
      llm: 0.021,
      stt: 0.008,
      tts: 0.012,
      total: 0.041,
      details: {
        tts_characters: 812,
        llm_prompt_tokens: 2311,
        llm_completion_tokens: 402,
        stt_audio_duration_seconds: 200,
      },
    },
    transcript_objects: [
      { content: 'Hola, le llamo de Andes Retail.', timestamp: '2024-03-12T14:05:02Z' },
      { content: 'Sí, dígame.', timestamp: '2024-03-12T14:05:06Z' },
    ],
  };
}

function parse(body: unknown) {
  return oviaCallSchema.parse(body);
}

describe('Ovia toCall', () => {
  it('maps every field of the documented call', () => {
    const body = oviaCallBody();
    const call = toCall(parse(body));
    expect(call).toEqual({
      provider: 'OVIA',
      providerId: '0b9e4f6c-3d2a-4e1b-8c7d-6f5e4d3c2b1a',
      status: 'COMPLETED',
      providerStatus: 'completed',
      direction: 'OUTBOUND',
      channel: 'CALL',
      from: '+14155550123',
      to: '+56912345678',
      customerPhone: '+56912345678',
      startedAt: '2024-03-12T14:05:00.000Z',
      endedAt: '2024-03-12T14:08:20.000Z',
      durationSeconds: 200,
      recordingUrl: 'https://recordings.useovia.com/0b9e4f6c.mp3',
      transcript: 'Agent: Hola, le llamo de Andes Retail.\nClient: Sí, dígame.',
      transcriptEntries: [
        {
          role: null,
          content: 'Hola, le llamo de Andes Retail.',
          timestamp: '2024-03-12T14:05:02.000Z',
        },
        { role: null, content: 'Sí, dígame.', timestamp: '2024-03-12T14:05:06.000Z' },
      ],
      costs: {
        total: 0.041,
        llm: 0.021,
        llmInput: null,
        llmOutput: null,
        stt: 0.008,
        tts: 0.012,
        telephony: null,
        telephonyCall: null,
        answeringMachineDetection: null,
        currency: null,
        usage: {
          llmPromptTokens: 2311,
          llmCompletionTokens: 402,
          ttsCharacters: 812,
          sttAudioSeconds: 200,
        },
      },
      agent: {
        provider: 'OVIA',
        providerId: '8a7b6c5d-4e3f-4a1b-9c2d-1e0f9a8b7c6d',
        name: 'Sofía (ventas)',
      },
      notes: [],
      classification: { tag: 'follow_up', reasoning: null },
      extraction: null,
      customData: null,
      analysis: 'Customer agreed to a follow-up visit.',
      createdAt: '2024-03-12T14:04:58.000Z',
      updatedAt: '2024-03-12T14:08:25.000Z',
      scheduledFor: null,
      campaignId: null,
      useCase: null,
      ratings: [],
      parentCallId: null,
      tags: [],
      customerName: null,
      customerId: null,
      skillId: null,
      agentScore: null,
      category: null,
      contactId: null,
      funnelConversationId: null,
      lastUpdateSequence: null,
      raw: body,
    });
    // The parsed body is exactly what was received, nothing added or coerced.
    expect(call.raw).toStrictEqual(body);
  });

  it('takes the customer from `from_number` on inbound calls', () => {
    const call = toCall(parse({ ...oviaCallBody(), direction: 'inbound' }));
    expect(call.direction).toBe('INBOUND');
    expect(call.customerPhone).toBe('+14155550123');
  });

  it('reads a transcript entry role when Ovia gives one', () => {
    const call = toCall(
      parse({
        ...oviaCallBody(),
        transcript_objects: [
          { role: 'agent', content: 'Buenos días', timestamp: '2024-03-12T14:05:02Z' },
          { role: 'user', content: 'Hola' },
        ],
      }),
    );
    expect(call.transcriptEntries).toEqual([
      { role: 'agent', content: 'Buenos días', timestamp: '2024-03-12T14:05:02.000Z' },
      { role: 'user', content: 'Hola', timestamp: null },
    ]);
  });

  it.each([
    ['completed', 'COMPLETED'],
    ['in-progress', 'IN_PROGRESS'],
    ['in_progress', 'IN_PROGRESS'],
    ['In Progress', 'IN_PROGRESS'],
    ['failed', 'FAILED'],
    ['no-answer', 'NO_ANSWER'],
    ['no_answer', 'NO_ANSWER'],
    ['busy', 'BUSY'],
    ['queued', 'QUEUED'],
    ['ringing', 'RINGING'],
    ['canceled', 'CANCELED'],
    ['cancelled', 'CANCELED'],
    ['scheduled', 'SCHEDULED'],
    ['COMPLETED', 'COMPLETED'],
  ] as const)('maps status %s to %s', (raw, expected) => {
    const call = toCall(parse({ ...oviaCallBody(), status: raw }));
    expect(call.status).toBe(expected);
    expect(call.providerStatus).toBe(raw);
  });

  it('maps an unknown status to UNKNOWN and keeps the raw one', () => {
    const call = toCall(parse({ ...oviaCallBody(), status: 'voicemail_left' }));
    expect(call.status).toBe('UNKNOWN');
    expect(call.providerStatus).toBe('voicemail_left');
  });

  it('keeps unknown members in raw', () => {
    const body = { ...oviaCallBody(), sentiment: { score: 0.8 }, campaign: 'spring' };
    const call = toCall(parse(body));
    expect(call.raw).toStrictEqual(body);
    expect(call.raw).toMatchObject({ sentiment: { score: 0.8 }, campaign: 'spring' });
  });

  it('reads usage from costs.details, each count on its own', () => {
    const body = oviaCallBody();
    const call = toCall(
      parse({ ...body, costs: { total: 0.02, details: { llm_prompt_tokens: 1200 } } }),
    );
    expect(call.costs?.usage).toEqual({
      llmPromptTokens: 1200,
      llmCompletionTokens: null,
      ttsCharacters: null,
      sttAudioSeconds: null,
    });
    expect(toCall(parse({ ...body, costs: { total: 0.02 } })).costs?.usage).toBeNull();
  });

  it('maps a minimal call (only the id) to nulls, not errors', () => {
    const call = toCall(parse({ id: '0b9e4f6c-3d2a-4e1b-8c7d-6f5e4d3c2b1a' }));
    expect(call).toMatchObject({
      status: 'UNKNOWN',
      providerStatus: null,
      direction: null,
      from: null,
      to: null,
      customerPhone: null,
      startedAt: null,
      costs: null,
      agent: null,
      classification: null,
      transcriptEntries: [],
      notes: [],
      updatedAt: null,
    });
  });

  it('rejects a call without an id', () => {
    const { id: _id, ...body } = oviaCallBody();
    expect(oviaCallSchema.safeParse(body).success).toBe(false);
    expect(oviaCallSchema.safeParse({ ...body, id: '' }).success).toBe(false);
    expect(oviaCallListSchema.safeParse({ data: [body], total: 1 }).success).toBe(false);
  });
});
