/** The statuses a task can be given or listed by: the vendor's own four. */
export const SETTABLE_TASK_STATUSES = ['COMPLETED', 'CANCELLED', 'SCHEDULED', 'OVERDUE'] as const;
export type SettableTaskStatus = (typeof SETTABLE_TASK_STATUSES)[number];

/** What a task read can show: UNKNOWN is a vendor status the mapping does not know. */
export const TASK_STATUSES = [...SETTABLE_TASK_STATUSES, 'UNKNOWN'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_ACTOR_TYPES = ['USER', 'AI_EMPLOYEE'] as const;
export type TaskActorType = (typeof TASK_ACTOR_TYPES)[number];

export interface TaskActor {
  id: string;
  type: TaskActorType;
}

export interface Task {
  provider: 'LLAMADAPRO';
  providerId: string;
  objective: string;
  status: TaskStatus;
  /** The vendor's own status, as received. */
  providerStatus: string | null;
  dueDate: string | null;
  publishedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  cancellationReason: string | null;
  createdBy: TaskActor | null;
  assignedTo: TaskActor | null;
  conversationId: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  raw: unknown;
}

export interface TaskFilter {
  status?: SettableTaskStatus;
  dueBefore?: Date;
  dueAfter?: Date;
  conversationId?: string;
  assignedToType?: TaskActorType;
  assignedToId?: string;
}

/** A new task on a conversation. Dates are ISO 8601 strings, as in `Task`. */
export interface CreateTaskInput {
  objective: string;
  conversationId: string;
  assignedTo: TaskActor;
  createdBy: TaskActor;
  dueDate?: string;
  /** The vendor makes it SCHEDULED when left out. */
  status?: SettableTaskStatus;
}

/**
 * Changes to a task: an omitted member is left alone; only the dates and `cancellationReason`
 * can be cleared, with null.
 */
export interface UpdateTaskInput {
  objective?: string;
  status?: SettableTaskStatus;
  dueDate?: string | null;
  publishedAt?: string | null;
  completedAt?: string | null;
  cancelledAt?: string | null;
  cancellationReason?: string | null;
  conversationId?: string;
  assignedTo?: TaskActor;
}
