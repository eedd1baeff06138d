import type {
  CreateTaskInput,
  Task,
  TaskActor,
  TaskActorType,
  TaskStatus,
  UpdateTaskInput,
} from '../../../model/task.js';
import { toIsoDate } from '../../normalize.js';
import { idString, vendorId } from '../ids.js';
import type { LlamadaProTask, LlamadaProTaskActor } from './schemas.js';

const TASK_STATUSES: Record<string, TaskStatus> = {
  COMPLETED: 'COMPLETED',
  CANCELLED: 'CANCELLED',
  CANCELED: 'CANCELLED',
  SCHEDULED: 'SCHEDULED',
  OVERDUE: 'OVERDUE',
};

/**
 * The document's task statuses, in any case. Any other (e.g. the `pending` of the document's own
 * example URL), or none, is UNKNOWN; the vendor's spelling is kept in `providerStatus`.
 */
export function toTaskStatus(raw: string | null | undefined): TaskStatus {
  return TASK_STATUSES[(raw ?? '').trim().toUpperCase()] ?? 'UNKNOWN';
}

export function toTaskActorType(raw: string | null | undefined): TaskActorType | null {
  const key = (raw ?? '')
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '_');
  if (key === 'user') return 'USER';
  if (key === 'ai_employee') return 'AI_EMPLOYEE';
  return null;
}

/** An actor whose id or type is missing or unknown cannot be shown as a TaskActor: null. */
function toTaskActor(raw: LlamadaProTaskActor | null | undefined): TaskActor | null {
  const id = idString(raw?.id);
  const type = toTaskActorType(raw?.type);
  return id === null || type === null ? null : { id, type };
}

export function toTask(raw: LlamadaProTask): Task {
  return {
    provider: 'LLAMADAPRO',
    providerId: String(raw.id),
    objective: raw.objective,
    status: toTaskStatus(raw.status),
    providerStatus: raw.status ?? null,
    dueDate: toIsoDate(raw.dueDate),
    publishedAt: toIsoDate(raw.publishedAt),
    completedAt: toIsoDate(raw.completedAt),
    cancelledAt: toIsoDate(raw.cancelledAt),
    cancellationReason: raw.cancellationReason ?? null,
    createdBy: toTaskActor(raw.createdBy),
    assignedTo: toTaskActor(raw.assignedTo),
    conversationId: idString(raw.context?.conversationId),
    createdAt: toIsoDate(raw.createdAt),
    updatedAt: toIsoDate(raw.updatedAt),
    raw,
  };
}

function toLlamadaProActor(actor: TaskActor): { id: string; type: string } {
  return { id: actor.id, type: actor.type.toLowerCase() };
}

/** The CreateTask body; enums go lower-case as documented. */
export function toLlamadaProCreateTaskBody(input: CreateTaskInput): Record<string, unknown> {
  const body: Record<string, unknown> = {
    context: { conversationId: vendorId(input.conversationId) },
    objective: input.objective,
    createdBy: toLlamadaProActor(input.createdBy),
    assignedTo: toLlamadaProActor(input.assignedTo),
  };
  if (input.dueDate !== undefined) body.dueDate = input.dueDate;
  if (input.status !== undefined) body.status = input.status.toLowerCase();
  return body;
}

/** The UpdateTask body: only the members given, the nulls that clear a member included. */
export function toLlamadaProUpdateTaskBody(input: UpdateTaskInput): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (input.objective !== undefined) body.objective = input.objective;
  if (input.status !== undefined) body.status = input.status.toLowerCase();
  for (const key of [
    'dueDate',
    'publishedAt',
    'completedAt',
    'cancelledAt',
    'cancellationReason',
  ] as const) {
    if (input[key] !== undefined) body[key] = input[key];
  }
  if (input.conversationId !== undefined) {
    body.context = { conversationId: vendorId(input.conversationId) };
  }
  if (input.assignedTo !== undefined) body.assignedTo = toLlamadaProActor(input.assignedTo);
  return body;
}
