import { builder } from '../builder.js';
import type { TaskActorType, TaskStatus } from '../model/task.js';

/* The task enums and what clients send: the filter of `tasks` and the mutations' inputs. */

export const TaskStatusEnum = builder.enumType('TaskStatus', {
  description: 'Where a task stands.',
  values: {
    COMPLETED: { description: 'Done.' },
    CANCELLED: { description: 'Called off; see `cancellationReason`.' },
    SCHEDULED: { description: 'Open, due in the future or without a due date.' },
    OVERDUE: { description: 'Open and past its due date.' },
    UNKNOWN: {
      description:
        "A vendor status the mapping does not know (or none); the vendor's own is `Task.providerStatus`. Only read: refused in filters and inputs.",
    },
  } satisfies Record<TaskStatus, { description: string }>,
});

export const TaskActorTypeEnum = builder.enumType('TaskActorType', {
  description: 'Who can create or carry out a task.',
  values: {
    USER: { description: 'A person using LlamadaPro.' },
    AI_EMPLOYEE: { description: 'A LlamadaPro AI employee (voice or chat agent).' },
  } satisfies Record<TaskActorType, { description: string }>,
});

export const TaskFilterInput = builder.inputType('TaskFilter', {
  description: 'Narrows a list of tasks; every member given must match.',
  fields: (t) => ({
    status: t.field({
      type: TaskStatusEnum,
      required: false,
      description: 'Only this status; UNKNOWN is refused (the vendor cannot be asked for it).',
    }),
    dueBefore: t.field({
      type: 'DateTime',
      required: false,
      description: 'Due at or before this time (tasks without a due date are left out).',
    }),
    dueAfter: t.field({
      type: 'DateTime',
      required: false,
      description: 'Due at or after this time (tasks without a due date are left out).',
    }),
    conversationId: t.string({
      required: false,
      description: "Only tasks of this LlamadaPro conversation (the vendor's numeric id).",
    }),
    assignedToType: t.field({
      type: TaskActorTypeEnum,
      required: false,
      description: 'Only tasks assigned to this kind of actor.',
    }),
    assignedToId: t.string({
      required: false,
      description: 'Only tasks assigned to this user or AI employee id.',
    }),
  }),
});

const TaskActorInput = builder.inputType('TaskActorInput', {
  description: 'A user or AI employee that creates or carries out a task.',
  fields: (t) => ({
    id: t.string({ required: true, description: "The vendor's id of the user or AI employee." }),
    type: t.field({
      type: TaskActorTypeEnum,
      required: true,
      description: 'USER or AI_EMPLOYEE.',
    }),
  }),
});

export const CreateTaskInputType = builder.inputType('CreateTaskInput', {
  description: 'A new LlamadaPro task on a conversation.',
  fields: (t) => ({
    objective: t.string({ required: true, description: 'What is to be done.' }),
    conversationId: t.string({
      required: true,
      description: "The LlamadaPro conversation the task belongs to (the vendor's numeric id).",
    }),
    assignedTo: t.field({
      type: TaskActorInput,
      required: true,
      description: 'Who is to carry the task out.',
    }),
    createdBy: t.field({
      type: TaskActorInput,
      required: true,
      description: 'Who creates the task.',
    }),
    dueDate: t.field({ type: 'DateTime', required: false, description: 'When the task is due.' }),
    status: t.field({
      type: TaskStatusEnum,
      required: false,
      description:
        'The initial status; LlamadaPro makes it SCHEDULED when left out. UNKNOWN is refused.',
    }),
  }),
});

export const UpdateTaskInputType = builder.inputType('UpdateTaskInput', {
  description:
    'Changes to a task. An omitted member is left alone; an explicit null clears it (only the dates and `cancellationReason` can be cleared).',
  fields: (t) => ({
    objective: t.string({ required: false, description: 'What is to be done.' }),
    status: t.field({
      type: TaskStatusEnum,
      required: false,
      description: 'The new status; UNKNOWN is refused.',
    }),
    dueDate: t.field({ type: 'DateTime', required: false, description: 'When the task is due.' }),
    publishedAt: t.field({
      type: 'DateTime',
      required: false,
      description: 'When the task was published to its assignee.',
    }),
    completedAt: t.field({
      type: 'DateTime',
      required: false,
      description: 'When the task was completed.',
    }),
    cancelledAt: t.field({
      type: 'DateTime',
      required: false,
      description: 'When the task was cancelled.',
    }),
    cancellationReason: t.string({
      required: false,
      description: 'Why the task was cancelled.',
    }),
    conversationId: t.string({
      required: false,
      description: "Moves the task to this LlamadaPro conversation (the vendor's numeric id).",
    }),
    assignedTo: t.field({
      type: TaskActorInput,
      required: false,
      description: 'Who is to carry the task out.',
    }),
  }),
});
