import { describe, expect, it } from 'vitest';
import { toCall } from '../../src/vendors/happyrobot/map.js';
import {
  happyRobotCallListSchema,
  happyRobotCallSchema,
} from '../../src/vendors/happyrobot/schemas.js';

/** The Call HappyRobot answers to a new note (docs/vendors/happyrobot.md). */
function happyRobotCallBody(): Record<string, unknown> {
  return {
    id: '65f1a2b3c4d5e6f7a8b9c0d1',
    organization_id: '64aa00bb11cc22dd33ee44ff',
    type: 'Inbound',
    status: 'Completed',
    provider: 'Twilio',
    metadata: {
      call_sid: 'CA8f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c',
      from: '+14155550188',
      to: '+14155550100',
      recording_sid: 'RE1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d',
      tags: ['carrier', 'load-update'],
      custom: { clientId: '123', orderId: '456' },
    },
    use_case: {
      id: '64bb11cc22dd33ee44ff5566',
      organization_id: '64aa00bb11cc22dd33ee44ff',
      name: 'Kate',
      transfer_number: '+14155550999',
      extract_with_ai: [
        {
          name: 'load_number',
          description: 'The load number',
          type: 'string',
          example: 'L-1042',
          required: true,
        },
      ],
      classification_tags: [{ name: 'booked', description: 'The carrier booked the load' }],
      language: 'en-US',
      detailed_work_hours: {},
      work_start: '08:00',
      work_end: '18:00',
      timezone: 'America/Los_Angeles',
      generic_after_hours_message: 'We are closed, please call back tomorrow.',
      enable_detailed_work_hours: true,
      keywords: ['load', 'rate'],
      hooks: [
        {
          url: 'https://hooks.example.com/happyrobot',
          headers: [{ key: 'x-source', value: 'hr' }],
        },
      ],
      params: {},
      amd: true,
      amd_behavior: 'Hangup',
      amd_messages: {},
      sample_labels: [{ name: 'good', color: 'slate' }],
      hidden: true,
      evaluation_models: ['gpt-4o'],
      max_duration_mins: 15,
      recorded_message_inbound: true,
      recorded_message_outbound: true,
      show_original_caller_id: true,
      disable_end_call_after_n_reminders: true,
      model: 'gpt-4o',
    },
    prompt_id: '64cc22dd33ee44ff55667788',
    agent: { id: '64dd33ee44ff556677889900', name: 'Kate' },
    language: 'en-US',
    params: {},
    extraction: { load_number: 'L-1042', rate: 1850 },
    classification: { tag: 'booked', reasoning: 'The carrier accepted the offered rate.' },
    created: '2024-01-01T01:01:01Z',
    duration: 123,
    viewed_by: ['ops@example.com'],
    parent_call_id: '65f1a2b3c4d5e6f7a8b9c0d0',
    notes: [
      {
        id: '65f1a2b3c4d5e6f7a8b9c0e1',
        user_id: 'user_2abc',
        content: 'Carrier asked for a callback on Monday.',
        flagged: true,
        created_at: '2024-01-01T01:05:00Z',
      },
    ],
    samples: ['sample-1'],
    ratings: [{ emoji: '✅', email: 'jsmith@example.com', created: '2024-01-01T01:10:00Z' }],
    scheduled_for: '2024-01-01T01:00:00Z',
    use_backup: true,
    wait_until_awake: true,
    campaign_id: '64ee44ff5566778899001122',
    max_duration_mins: 15,
    transfer_contact_email: 'dispatch@example.com',
    costs: {
      created: '2023-11-07T05:31:56Z',
      total_costs: 0.42,
      voip: {
        external: true,
        amd_cost: 0.01,
        call_cost: 0.09,
        total_cost: 0.1,
        pricing_id: 'voip-us',
      },
      transcriber: { total_cost: 0.05, pricing_id: 'stt-1' },
      llm: {
        input_cost: 0.12,
        output_cost: 0.08,
        total_cost: 0.2,
        input_pricing_id: 'in-1',
        output_pricing_id: 'out-1',
      },
      tts: { total_cost: 0.07, pricing_id: 'tts-1' },
      'per-minute': {},
    },
  };
}

const parse = (body: unknown) => happyRobotCallSchema.parse(body);

describe('HappyRobot toCall', () => {
  it('maps every field of the documented call', () => {
    const body = happyRobotCallBody();
    const call = toCall(parse(body));
    expect(call).toEqual({
      provider: 'HAPPYROBOT',
      providerId: '65f1a2b3c4d5e6f7a8b9c0d1',
      status: 'COMPLETED',
      providerStatus: 'Completed',
      direction: 'INBOUND',
      channel: 'CALL',
      from: '+14155550188',
      to: '+14155550100',
      customerPhone: '+14155550188',
      startedAt: '2024-01-01T01:01:01.000Z',
      endedAt: '2024-01-01T01:03:04.000Z',
      durationSeconds: 123,
      recordingUrl: null,
      transcript: null,
      transcriptEntries: [],
      costs: {
        total: 0.42,
        llm: 0.2,
        llmInput: 0.12,
        llmOutput: 0.08,
        stt: 0.05,
        tts: 0.07,
        telephony: 0.1,
        telephonyCall: 0.09,
        answeringMachineDetection: 0.01,
        currency: null,
        usage: null,
      },
      agent: { provider: 'HAPPYROBOT', providerId: '64dd33ee44ff556677889900', name: 'Kate' },
      notes: [
        {
          id: '65f1a2b3c4d5e6f7a8b9c0e1',
          content: 'Carrier asked for a callback on Monday.',
          flagged: true,
          userId: 'user_2abc',
          createdAt: '2024-01-01T01:05:00.000Z',
        },
      ],
      classification: { tag: 'booked', reasoning: 'The carrier accepted the offered rate.' },
      extraction: { load_number: 'L-1042', rate: 1850 },
      customData: { clientId: '123', orderId: '456' },
      analysis: null,
      createdAt: '2024-01-01T01:01:01.000Z',
      updatedAt: null,
      scheduledFor: '2024-01-01T01:00:00.000Z',
      campaignId: '64ee44ff5566778899001122',
      useCase: { id: '64bb11cc22dd33ee44ff5566', name: 'Kate', language: 'en-US' },
      ratings: [
        { emoji: '✅', email: 'jsmith@example.com', createdAt: '2024-01-01T01:10:00.000Z' },
      ],
      parentCallId: '65f1a2b3c4d5e6f7a8b9c0d0',
      tags: ['carrier', 'load-update'],
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
    expect(call.raw).toStrictEqual(body);
  });

  it('has no end while the duration is unknown, nor while the call is Scheduled', () => {
    expect(toCall(parse({ ...happyRobotCallBody(), duration: null })).endedAt).toBeNull();
    expect(toCall(parse({ ...happyRobotCallBody(), status: 'Scheduled' })).endedAt).toBeNull();
  });

  it('drops ratings without an emoji and maps a call without use case, ratings or tags', () => {
    const body = happyRobotCallBody();
    const metadata = { ...(body['metadata'] as Record<string, unknown>), tags: undefined };
    const { use_case: _u, ratings: _r, ...rest } = body;
    const call = toCall(parse({ ...rest, metadata }));
    expect(call.useCase).toBeNull();
    expect(call.ratings).toEqual([]);
    expect(call.tags).toEqual([]);
    const rated = toCall(
      parse({ ...body, ratings: [{ email: 'x@example.com' }, { emoji: '👎', created: null }] }),
    );
    expect(rated.ratings).toEqual([{ emoji: '👎', email: null, createdAt: null }]);
    const tagged = toCall(parse({ ...body, metadata: { ...metadata, tags: ['vip', ' ', null] } }));
    expect(tagged.tags).toEqual(['vip']);
  });

  it('has no start while the call is Scheduled', () => {
    const call = toCall(parse({ ...happyRobotCallBody(), status: 'Scheduled' }));
    expect(call.status).toBe('SCHEDULED');
    expect(call.startedAt).toBeNull();
    expect(call.createdAt).toBe('2024-01-01T01:01:01.000Z');
  });

  it('takes the customer from metadata.to on outbound calls', () => {
    const call = toCall(parse({ ...happyRobotCallBody(), type: 'Outbound' }));
    expect(call.direction).toBe('OUTBOUND');
    expect(call.customerPhone).toBe('+14155550100');
  });

  it('reads no recording URL or transcript, which the document does not have, and keeps them raw', () => {
    const body = {
      ...happyRobotCallBody(),
      recording_url: 'https://rec.happyrobot.ai/x.mp3',
      transcript: 'Hi Kate',
    };
    const call = toCall(parse(body));
    expect(call.recordingUrl).toBeNull();
    expect(call.transcript).toBeNull();
    expect(call.raw).toStrictEqual(body);
  });

  it('maps absent extraction, classification and costs to null', () => {
    const { extraction: _e, classification: _c, costs: _k, ...body } = happyRobotCallBody();
    const call = toCall(parse(body));
    expect(call.extraction).toBeNull();
    expect(call.classification).toBeNull();
    expect(call.costs).toBeNull();
  });

  it.each([
    ['Completed', 'COMPLETED'],
    ['In Progress', 'IN_PROGRESS'],
    ['Failed', 'FAILED'],
    ['No Answer', 'NO_ANSWER'],
    ['Busy', 'BUSY'],
    ['Queued', 'QUEUED'],
    ['Ringing', 'RINGING'],
    ['Canceled', 'CANCELED'],
    ['Cancelled', 'CANCELED'],
    ['Scheduled', 'SCHEDULED'],
  ] as const)('maps status %s to %s', (raw, expected) => {
    const call = toCall(parse({ ...happyRobotCallBody(), status: raw }));
    expect(call.status).toBe(expected);
    expect(call.providerStatus).toBe(raw);
  });

  it('maps an unknown status to UNKNOWN and keeps the raw one', () => {
    const call = toCall(parse({ ...happyRobotCallBody(), status: 'Transferred' }));
    expect(call.status).toBe('UNKNOWN');
    expect(call.providerStatus).toBe('Transferred');
  });

  it('keeps unknown members in raw', () => {
    const body = { ...happyRobotCallBody(), sentiment: 'positive', tags_v2: [1, 2] };
    expect(toCall(parse(body)).raw).toStrictEqual(body);
  });

  it('rejects a call without an id', () => {
    const { id: _id, ...body } = happyRobotCallBody();
    expect(happyRobotCallSchema.safeParse(body).success).toBe(false);
    expect(happyRobotCallListSchema.safeParse({ data: [body], total: 1, page: 1 }).success).toBe(
      false,
    );
  });
});
