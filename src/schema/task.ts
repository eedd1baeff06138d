import { responsePathAsArray } from 'graphql';
import { z } from 'zod';
import { builder } from '../builder.js';
import { atPath, invalidInput, providerNotConfigured } from '../errors.js';
import { expectGlobalId, localId, parseLocalId, type GlobalId } from '../ids.js';
import {
  TASK_ACTOR_TYPES,
  TASK_STATUSES,
  type Task,
  type TaskActor,
  type TaskActorType,
  type TaskFilter,
  type TaskStatus,
} from '../model/task.js';
import type { MergeInput } from '../paging/merged-list.js';
import { listConnection } from '../paging/list-connection.js';
import { defineConnection, FIRST_DEFAULT, validateFirst } from './connection.js';
import { ProviderEnum } from './enums.js';

export const TaskStatusEnum = builder.enumType('TaskStatus', {
  description: 'Where a task stands.',
  values: {
    COMPLETED: { description: 'Done.' },
    CANCELLED: { description: 'Called off; see `cancellationReason`.' },
    SCHEDULED: {
      description:
        'Open, due in the future or without a due date (also any status we do not know).',
    },
    OVERDUE: { description: 'Open and past its due date.' },
  } satisfies Record<TaskStatus, { description: string }>,
});

export const TaskActorTypeEnum = builder.enumType('TaskActorType', {
  description: 'Who can create or carry out a task.',
  values: {
    USER: { description: 'A person using LlamadaPro.' },
    AI_EMPLOYEE: { description: 'A LlamadaPro AI employee (voice or chat agent).' },
  } satisfies Record<TaskActorType, { description: string }>,
});

const TaskActorRef = builder.objectRef<TaskActor>('TaskActor').implement({
  description: 'The person or AI employee that created or carries out a task.',
  fields: (t) => ({
    id: t.exposeString('id', { description: "The vendor's id of the user or AI employee." }),
    type: t.field({
      type: TaskActorTypeEnum,
      description: 'USER or AI_EMPLOYEE.',
      resolve: (actor) => actor.type,
    }),
  }),
});

function isTask(value: unknown): value is Task {
  return typeof value === 'object' && value !== null && 'objective' in value;
}

/** LlamadaPro is the only vendor with tasks. */
function taskVendorId(id: Pick<GlobalId, 'provider' | 'providerId'>): string {
  if (id.provider !== 'LLAMADAPRO') {
    throw invalidInput(`id: ${id.provider} has no tasks`, { field: ['id'] });
  }
  return id.providerId;
}

export const TaskType = builder.node(builder.objectRef<Task>('Task'), {
  description: 'A follow-up task on a LlamadaPro conversation, for a person or an AI employee.',
  id: { resolve: (task) => localId(task.provider, task.providerId) },
  isTypeOf: isTask,
  loadOne: (id, ctx) => ctx.loaders.task.load(taskVendorId(parseLocalId(id))),
  fields: (t) => ({
    provider: t.field({
      type: ProviderEnum,
      description: 'The vendor that holds the task (LLAMADAPRO).',
      resolve: (task) => task.provider,
    }),
    providerId: t.exposeString('providerId', { description: "The vendor's own id of the task." }),
    objective: t.exposeString('objective', { description: 'What is to be done.' }),
    status: t.field({
      type: TaskStatusEnum,
      description: 'Where the task stands.',
      resolve: (task) => task.status,
    }),
    dueDate: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the task is due.',
      resolve: (task) => task.dueDate,
    }),
    publishedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the task was published to its assignee.',
      resolve: (task) => task.publishedAt,
    }),
    completedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the task was completed.',
      resolve: (task) => task.completedAt,
    }),
    cancelledAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the task was cancelled.',
      resolve: (task) => task.cancelledAt,
    }),
    cancellationReason: t.exposeString('cancellationReason', {
      nullable: true,
      description: 'Why the task was cancelled.',
    }),
    createdBy: t.field({
      type: TaskActorRef,
      nullable: true,
      description: 'Who created the task.',
      resolve: (task) => task.createdBy,
    }),
    assignedTo: t.field({
      type: TaskActorRef,
      nullable: true,
      description: 'Who is to carry the task out.',
      resolve: (task) => task.assignedTo,
    }),
    conversationId: t.exposeString('conversationId', {
      nullable: true,
      description: "The LlamadaPro conversation the task belongs to (the vendor's own id).",
    }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the vendor created the task.',
      resolve: (task) => task.createdAt,
    }),
    updatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the vendor last changed the task.',
      resolve: (task) => task.updatedAt,
    }),
    raw: t.field({
      type: 'JSON',
      nullable: true,
      description: "The vendor's object exactly as received, unknown members included.",
      resolve: (task) => task.raw ?? null,
    }),
  }),
});

export const TaskConnection = defineConnection('Task', TaskType);

const TaskFilterInput = builder.inputType('TaskFilter', {
  description: 'Narrows a list of tasks; every member given must match.',
  fields: (t) => ({
    status: t.field({ type: TaskStatusEnum, required: false, description: 'Only this status.' }),
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

const taskFilterSchema = z
  .object({
    status: z.enum(TASK_STATUSES).nullish(),
    dueBefore: z.date().nullish(),
    dueAfter: z.date().nullish(),
    // GetTasks types conversationId as a number; anything else would be a vendor 400.
    conversationId: z
      .string()
      .trim()
      .regex(/^\d{1,15}$/, { error: 'must be a LlamadaPro conversation id (digits)' })
      .nullish(),
    assignedToType: z.enum(TASK_ACTOR_TYPES).nullish(),
    assignedToId: z.string().trim().min(1, { error: 'must not be empty' }).nullish(),
  })
  .refine((value) => !(value.dueAfter && value.dueBefore && value.dueAfter > value.dueBefore), {
    error: 'must not be after dueBefore',
    path: ['dueAfter'],
  })
  .nullish();

/** Validates `TaskFilter`; bad values are INVALID_INPUT errors naming the member. */
function parseTaskFilter(input: unknown): TaskFilter {
  const parsed = taskFilterSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const member = issue?.path.map(String) ?? [];
    throw invalidInput(`filter.${member.join('.')}: ${issue?.message ?? 'invalid'}`, {
      field: ['filter', ...member],
    });
  }
  const value = parsed.data ?? {};
  const filter: TaskFilter = {};
  if (value.status) filter.status = value.status;
  if (value.dueBefore) filter.dueBefore = value.dueBefore;
  if (value.dueAfter) filter.dueAfter = value.dueAfter;
  if (value.conversationId) filter.conversationId = value.conversationId;
  if (value.assignedToType) filter.assignedToType = value.assignedToType;
  if (value.assignedToId) filter.assignedToId = value.assignedToId;
  return filter;
}

builder.queryFields((t) => ({
  task: t.field({
    type: TaskType,
    nullable: true,
    description: 'One task by its global id.',
    args: { id: t.arg.id({ required: true, description: 'A Task id.' }) },
    resolve: (_, args, ctx) => ctx.loaders.task.load(taskVendorId(expectGlobalId(args.id, 'Task'))),
  }),
  tasks: t.field({
    type: TaskConnection,
    description: "LlamadaPro's tasks, newest first.",
    args: {
      filter: t.arg({ type: TaskFilterInput, required: false }),
      first: t.arg.int({ defaultValue: FIRST_DEFAULT, description: 'How many tasks (0 to 100).' }),
      after: t.arg.string({ description: 'The `endCursor` of the previous page.' }),
    },
    resolve: (_, args, ctx, info) => {
      const filter = parseTaskFilter(args.filter);
      const first = validateFirst(args.first, FIRST_DEFAULT);
      const path = responsePathAsArray(info.path);
      const connector = ctx.connectors.connectors.llamadapro;
      const inputs: MergeInput<Task>[] = [];
      if (connector) {
        inputs.push({
          key: 'LLAMADAPRO',
          source: connector.taskPages(filter),
          exact: true,
          keep: () => true,
        });
      } else {
        ctx.reportError(atPath(providerNotConfigured('LLAMADAPRO'), path));
      }
      return listConnection(ctx, {
        inputs,
        first,
        after: args.after ?? null,
        fingerprint: JSON.stringify([
          'tasks',
          filter.status ?? null,
          filter.dueBefore?.toISOString() ?? null,
          filter.dueAfter?.toISOString() ?? null,
          filter.conversationId ?? null,
          filter.assignedToType ?? null,
          filter.assignedToId ?? null,
        ]),
        path,
      });
    },
  }),
}));
