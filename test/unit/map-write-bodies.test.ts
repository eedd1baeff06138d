import { describe, expect, it } from 'vitest';
import { toFreyaCreateProblemBody } from '../../src/vendors/freya/map.js';
import {
  toLlamadaProCreateContactBody,
  toLlamadaProUpdateContactBody,
} from '../../src/vendors/llamadapro/contacts/map.js';
import {
  toLlamadaProCreateTaskBody,
  toLlamadaProUpdateTaskBody,
} from '../../src/vendors/llamadapro/tasks/map.js';

describe('unified write inputs as vendor bodies', () => {
  it('files a problem under Freya names: `title` is `problem`, types in lower case', () => {
    expect(
      toFreyaCreateProblemBody({ title: 'Customer heard silence', type: 'AUDIO', severity: 0.9 }),
    ).toEqual({ problem: 'Customer heard silence', type: 'audio', severity: 0.9 });
    expect(toFreyaCreateProblemBody({ title: 'No type' })).toEqual({ problem: 'No type' });
  });

  it('creates a LlamadaPro contact with numeric user ids and channelType addresses', () => {
    expect(
      toLlamadaProCreateContactBody({
        firstName: 'Ana',
        userId: '12',
        addresses: [{ channel: 'PHONE', address: '+56911111111' }],
      }),
    ).toEqual({
      firstName: 'Ana',
      userId: 12,
      addresses: [{ channelType: 'PHONE', address: '+56911111111' }],
    });
  });

  it('sends the nulls of a contact update and leaves omitted members out', () => {
    expect(toLlamadaProUpdateContactBody({ lastName: null, userId: null })).toEqual({
      lastName: null,
      userId: null,
    });
  });

  it('puts a task on its conversation and lower-cases its enums', () => {
    expect(
      toLlamadaProCreateTaskBody({
        objective: 'Call back',
        conversationId: '901',
        assignedTo: { id: 'emp-44', type: 'AI_EMPLOYEE' },
        createdBy: { id: '12', type: 'USER' },
      }),
    ).toEqual({
      context: { conversationId: 901 },
      objective: 'Call back',
      createdBy: { id: '12', type: 'user' },
      assignedTo: { id: 'emp-44', type: 'ai_employee' },
    });
    expect(toLlamadaProUpdateTaskBody({ status: 'OVERDUE', conversationId: '902' })).toEqual({
      status: 'overdue',
      context: { conversationId: 902 },
    });
  });
});
