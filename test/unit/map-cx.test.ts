import { describe, expect, it } from 'vitest';
import { toCall } from '../../src/vendors/cx/map.js';
import { cxInteractionListSchema, cxInteractionSchema } from '../../src/vendors/cx/schemas.js';

/** The Interaction CX answers (docs/vendors/cx.md), with realistic values. */
function cxInteractionBody(): Record<string, unknown> {
  return {
    id: '7d3f1c2e-5a4b-4c6d-8e9f-0a1b2c3d4e5f',
    status: 'in-progress',
    agentPhone: '+525512345678',
    customerPhone: '+33612345678',
    agentId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
    customerId: 'f0e1d2c3-b4a5-4968-8776-655443322110',
    skillId: '11223344-5566-4778-899a-abbccddeeff0',
    customerName: 'Léa Dubois',
    transcription: 'Hello, how can I help you?',
    recordingUrl: 'https://cx-recordings.example.com/7d3f1c2e.wav',
  };
}

/** As read back from the list and by id: with `channel` and `createdAt` (docs/vendors/cx.md). */
function cxReadBody(): Record<string, unknown> {
  return { ...cxInteractionBody(), channel: 'whatsapp', createdAt: '2024-05-02T09:30:00Z' };
}

const parse = (body: unknown) => cxInteractionSchema.parse(body);

describe('CX toCall', () => {
  it('maps every field of the documented interaction', () => {
    const body = cxInteractionBody();
    const call = toCall(parse(body));
    expect(call).toEqual({
      provider: 'CX',
      providerId: '7d3f1c2e-5a4b-4c6d-8e9f-0a1b2c3d4e5f',
      status: 'IN_PROGRESS',
      providerStatus: 'in-progress',
      direction: 'OUTBOUND',
      channel: 'CALL',
      from: '+525512345678',
      to: '+33612345678',
      customerPhone: '+33612345678',
      startedAt: null,
      endedAt: null,
      durationSeconds: null,
      recordingUrl: 'https://cx-recordings.example.com/7d3f1c2e.wav',
      transcript: 'Hello, how can I help you?',
      transcriptEntries: [],
      costs: null,
      agent: { provider: 'CX', providerId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', name: null },
      notes: [],
      classification: null,
      extraction: null,
      customData: null,
      analysis: null,
      createdAt: null,
      updatedAt: null,
      scheduledFor: null,
      campaignId: null,
      useCase: null,
      ratings: [],
      parentCallId: null,
      tags: [],
      customerName: 'Léa Dubois',
      customerId: 'f0e1d2c3-b4a5-4968-8776-655443322110',
      skillId: '11223344-5566-4778-899a-abbccddeeff0',
      agentScore: null,
      category: null,
      contactId: null,
      funnelConversationId: null,
      lastUpdateSequence: null,
      raw: body,
    });
    expect(call.raw).toStrictEqual(body);
  });

  it('maps a blank customer name, and missing customer and skill ids, to null', () => {
    const { customerId: _c, skillId: _s, ...body } = cxInteractionBody();
    const call = toCall(parse({ ...body, customerName: ' ' }));
    expect(call).toMatchObject({ customerName: null, customerId: null, skillId: null });
  });

  it('reads channel and createdAt from an interaction read back', () => {
    const call = toCall(parse(cxReadBody()));
    expect(call.channel).toBe('WHATSAPP');
    expect(call.startedAt).toBe('2024-05-02T09:30:00.000Z');
    expect(call.createdAt).toBe('2024-05-02T09:30:00.000Z');
  });

  it('uses the requested channel when the answer has none, and the answer’s when it has one', () => {
    expect(toCall(parse(cxInteractionBody()), 'SMS').channel).toBe('SMS');
    expect(toCall(parse(cxReadBody()), 'SMS').channel).toBe('WHATSAPP');
    expect(toCall(parse({ ...cxInteractionBody(), channel: 'fax' })).channel).toBe('CALL');
  });

  it('splits an "Agent:/Customer:" transcription into entries', () => {
    const call = toCall(
      parse({
        ...cxInteractionBody(),
        transcription:
          'Agent: Hello, how can I help you?\nCustomer: I need to move my delivery.\nto Friday please\nAgent: Done.',
      }),
    );
    expect(call.transcriptEntries).toEqual([
      { role: 'agent', content: 'Hello, how can I help you?', timestamp: null },
      {
        role: 'customer',
        content: 'I need to move my delivery.\nto Friday please',
        timestamp: null,
      },
      { role: 'agent', content: 'Done.', timestamp: null },
    ]);
  });

  it.each([
    ['completed', 'COMPLETED'],
    ['in-progress', 'IN_PROGRESS'],
    ['failed', 'FAILED'],
    ['no-answer', 'NO_ANSWER'],
    ['busy', 'BUSY'],
    ['queued', 'QUEUED'],
    ['ringing', 'RINGING'],
    ['canceled', 'CANCELED'],
    ['cancelled', 'CANCELED'],
    ['scheduled', 'SCHEDULED'],
  ] as const)('maps status %s to %s', (raw, expected) => {
    const call = toCall(parse({ ...cxInteractionBody(), status: raw }));
    expect(call.status).toBe(expected);
    expect(call.providerStatus).toBe(raw);
  });

  it('maps an unknown status to UNKNOWN and keeps the raw one', () => {
    const call = toCall(parse({ ...cxInteractionBody(), status: 'escalated' }));
    expect(call.status).toBe('UNKNOWN');
    expect(call.providerStatus).toBe('escalated');
  });

  it('reads an empty transcription as no transcript', () => {
    const call = toCall(parse({ ...cxInteractionBody(), transcription: '' }));
    expect(call.transcript).toBeNull();
    expect(call.transcriptEntries).toEqual([]);
  });

  it('keeps unknown members in raw', () => {
    const body = { ...cxReadBody(), queueName: 'retention', score: 4 };
    expect(toCall(parse(body)).raw).toStrictEqual(body);
  });

  it('rejects an interaction without an id', () => {
    const { id: _id, ...body } = cxInteractionBody();
    expect(cxInteractionSchema.safeParse(body).success).toBe(false);
    expect(cxInteractionListSchema.safeParse({ data: [body], total: 1, page: 1 }).success).toBe(
      false,
    );
  });
});
