import { SANDBOX_NOW } from '../people.js';
import type { Random } from '../random.js';
import { DAY, HOUR, isoMillis, MINUTE, SECOND } from '../seeding.js';
import { displayName, fill, weighted } from './data-helpers.js';
import {
  LLAMADAPRO_AI_EMPLOYEE_IDS,
  LLAMADAPRO_TENANT_ID,
  LLAMADAPRO_USER_IDS,
  type LlamadaProContactRecord,
  type LlamadaProConversationRecord,
  type LlamadaProTaskActor,
  type LlamadaProTaskRecord,
  type LlamadaProTaskStatus,
} from './records.js';

const TASK_COUNT = 120;

const TASK_OBJECTIVES = [
  'Call {name} back to confirm the delivery window',
  'Enviar cotización actualizada a {name}',
  'Follow up with {name} on the unpaid invoice',
  'Agendar demo del producto con {name}',
  'Check that {name} received the replacement part',
  'Confirmar datos de facturación de {name}',
  'Send the signed contract copy to {name}',
  'Recordar a {name} la renovación del plan',
];
const CANCELLATION_REASONS = [
  'Customer asked not to be contacted',
  'Duplicate task',
  'Deal closed by another agent',
  'Phone number out of service',
];

/** Tasks on real conversations. */
export function createTasks(
  random: Random,
  contacts: LlamadaProContactRecord[],
  conversations: LlamadaProConversationRecord[],
): LlamadaProTaskRecord[] {
  const tasks: LlamadaProTaskRecord[] = [];
  const actor = (preferAi: boolean): LlamadaProTaskActor =>
    preferAi
      ? { id: random.pick(LLAMADAPRO_AI_EMPLOYEE_IDS), type: 'ai_employee' }
      : { id: String(random.pick(LLAMADAPRO_USER_IDS)), type: 'user' };
  for (let index = 0; index < TASK_COUNT; index += 1) {
    const conversation = random.pick(conversations);
    const contact = contacts.find((entry) => entry.id === conversation.contactId);
    const status = weighted<LlamadaProTaskStatus>(random, [
      ['completed', 35],
      ['cancelled', 15],
      ['scheduled', 30],
      ['overdue', 20],
    ]);
    let createdMs = SANDBOX_NOW - random.int(1, 60) * DAY - random.int(0, 86_399) * SECOND;
    let dueMs: number | null;
    let completedMs: number | null = null;
    let cancelledMs: number | null = null;
    if (status === 'scheduled') {
      dueMs = SANDBOX_NOW + random.int(1, 30) * DAY + random.int(0, 23) * HOUR;
    } else if (status === 'overdue') {
      dueMs = SANDBOX_NOW - random.int(1, 20) * DAY - random.int(0, 23) * HOUR;
      createdMs = dueMs - random.int(1, 10) * DAY;
    } else {
      dueMs = random.chance(0.1) ? null : createdMs + random.int(1, 10) * DAY;
      const doneMs = Math.min(createdMs + random.int(2, 240) * HOUR, SANDBOX_NOW - HOUR);
      if (status === 'completed') completedMs = doneMs;
      else cancelledMs = doneMs;
    }
    const publishedMs =
      status === 'scheduled' && random.chance(0.15) ? null : createdMs + random.int(0, 60) * MINUTE;
    const updatedMs = Math.max(createdMs, publishedMs ?? 0, completedMs ?? 0, cancelledMs ?? 0);
    tasks.push({
      id: `task_${random.hex(16)}`,
      tenantId: LLAMADAPRO_TENANT_ID,
      createdAt: isoMillis(createdMs),
      updatedAt: isoMillis(updatedMs),
      context: { conversationId: conversation.id },
      objective: fill(random.pick(TASK_OBJECTIVES), {
        name: contact === undefined ? 'the customer' : displayName(contact),
      }),
      createdBy: actor(random.chance(0.3)),
      assignedTo: actor(random.chance(0.5)),
      publishedAt: publishedMs === null ? null : isoMillis(publishedMs),
      dueDate: dueMs === null ? null : isoMillis(dueMs),
      completedAt: completedMs === null ? null : isoMillis(completedMs),
      cancelledAt: cancelledMs === null ? null : isoMillis(cancelledMs),
      cancellationReason: cancelledMs === null ? null : random.pick(CANCELLATION_REASONS),
      status,
    });
  }
  return tasks;
}
