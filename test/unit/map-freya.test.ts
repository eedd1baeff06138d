import { describe, expect, it } from 'vitest';
import { toProblem } from '../../src/vendors/freya/map.js';
import {
  freyaCreateProblemAnswerSchema,
  freyaProblemListSchema,
  freyaProblemSchema,
} from '../../src/vendors/freya/schemas.js';

/** The problem inside Freya's create answer (docs/vendors/freya.md). */
function freyaProblemBody(): Record<string, unknown> {
  return {
    problem: 'Agent quoted the wrong delivery window',
    id: 'prb_8f3a2c1d',
    workspaceId: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
    callId: '0b9e4f6c-3d2a-4e1b-8c7d-6f5e4d3c2b1a',
    agentId: 'agent_ventas_1',
    description: 'The agent promised delivery on Saturday; the warehouse is closed on weekends.',
    type: 'decision',
    severity: 0.7,
    status: 'open',
    assignedTo: 'user_42',
    createdBy: 'ai',
    messageId: 'msg_771',
    resolved: false,
    resolvedAt: '2024-03-13T10:00:00Z',
    resolvedBy: 'user_42',
    solutionId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    createdAt: '2024-03-12T15:00:00Z',
    updatedAt: '2024-03-12T16:30:00Z',
    callStartedAt: '2024-03-12T14:05:00Z',
    customerNumber: '+56912345678',
    agentName: 'Sofía (ventas)',
    resolvedByName: 'Camila Rojas',
    assignees: [
      { userId: 'user_42', assignedAt: '2024-03-12T15:10:00Z', userName: 'Camila Rojas' },
    ],
    commentsCount: 3,
    isArchived: false,
  };
}

describe('Freya toProblem', () => {
  it('maps every field of the documented problem', () => {
    const body = freyaProblemBody();
    const problem = toProblem(freyaProblemSchema.parse(body));
    expect(problem).toEqual({
      provider: 'FREYA',
      providerId: 'prb_8f3a2c1d',
      title: 'Agent quoted the wrong delivery window',
      description: 'The agent promised delivery on Saturday; the warehouse is closed on weekends.',
      type: 'DECISION',
      severity: 0.7,
      status: 'open',
      resolved: false,
      resolvedAt: '2024-03-13T10:00:00.000Z',
      resolvedBy: 'user_42',
      callId: '0b9e4f6c-3d2a-4e1b-8c7d-6f5e4d3c2b1a',
      agentId: 'agent_ventas_1',
      agentName: 'Sofía (ventas)',
      customerNumber: '+56912345678',
      assignees: [
        { userId: 'user_42', userName: 'Camila Rojas', assignedAt: '2024-03-12T15:10:00.000Z' },
      ],
      commentsCount: 3,
      archived: false,
      createdAt: '2024-03-12T15:00:00.000Z',
      updatedAt: '2024-03-12T16:30:00.000Z',
      raw: body,
    });
    expect(problem.raw).toStrictEqual(body);
  });

  it.each([
    ['system', 'SYSTEM'],
    ['audio', 'AUDIO'],
    ['transcription', 'TRANSCRIPTION'],
    ['decision', 'DECISION'],
    ['general', 'GENERAL'],
    ['AUDIO', 'AUDIO'],
    ['billing', 'GENERAL'],
  ] as const)('maps type %s to %s', (raw, expected) => {
    expect(toProblem(freyaProblemSchema.parse({ ...freyaProblemBody(), type: raw })).type).toBe(
      expected,
    );
  });

  it('applies the documented defaults when severity, resolved and type are absent', () => {
    const problem = toProblem(
      freyaProblemSchema.parse({ id: 'prb_1', problem: 'Silence on the line' }),
    );
    expect(problem).toMatchObject({
      title: 'Silence on the line',
      type: 'GENERAL',
      severity: 0.5,
      resolved: false,
      status: null,
      callId: null,
      assignees: [],
      archived: null,
      commentsCount: null,
    });
  });

  it('drops assignees without a user id', () => {
    const problem = toProblem(
      freyaProblemSchema.parse({
        ...freyaProblemBody(),
        assignees: [{ userName: 'Ghost' }, { userId: 'u1' }],
      }),
    );
    expect(problem.assignees).toEqual([{ userId: 'u1', userName: null, assignedAt: null }]);
  });

  it('keeps unknown members in raw', () => {
    const body = { ...freyaProblemBody(), priorityLabel: 'P2', tags: ['delivery'] };
    expect(toProblem(freyaProblemSchema.parse(body)).raw).toStrictEqual(body);
  });

  it('reads the documented create answer', () => {
    const answer = freyaCreateProblemAnswerSchema.parse({
      success: true,
      data: {
        message: 'Problem created',
        result: { success: true, problem: freyaProblemBody(), message: 'Problem created' },
      },
    });
    expect(toProblem(answer.data.result.problem).providerId).toBe('prb_8f3a2c1d');
  });

  it('rejects a problem without an id', () => {
    const { id: _id, ...body } = freyaProblemBody();
    expect(freyaProblemSchema.safeParse(body).success).toBe(false);
    expect(
      freyaProblemListSchema.safeParse({ success: true, data: { problems: [body], total: 1 } })
        .success,
    ).toBe(false);
  });
});
