import { responsePathAsArray } from 'graphql';
import { z } from 'zod';
import { RAW_FIELD } from './scalars.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { invalidInput } from '../errors.js';
import { expectGlobalId, localId, parseLocalId, type GlobalId, vendorIdOn } from '../ids.js';
import {
  TASK_ACTOR_TYPES,
  TASK_STATUSES,
  type Task,
  type TaskActor,
  type TaskActorType,
  type TaskFilter,
  type TaskStatus,
} from '../model/task.js';
import { vendorList } from '../paging/list-connection.js';
import { globalIdOf, notNull, numericId, text } from '../mutations/inputs.js';
import { runMutation } from '../mutations/run-mutation.js';
import { llamadaProTaskId } from '../vendors/llamadapro/ids.js';
import type {
  CreateTaskInput,
  LlamadaProConnector,
  UpdateTaskInput,
} from '../vendors/llamadapro/client.js';
import { defineConnection, FIRST_DEFAULT, validateFirst } from './connection.js';
import { ProviderEnum } from './enums.js';
import { definePayload, idempotencyKeyArg } from './mutation.js';

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

const taskVendorId = (id: Pick<GlobalId, 'provider' | 'providerId'>): string =>
  vendorIdOn(id, 'LLAMADAPRO', { format: llamadaProTaskId });

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
    raw: t.expose('raw', RAW_FIELD),
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
      filter: t.arg({
        type: TaskFilterInput,
        required: false,
        description: 'Which tasks to list; every task when absent.',
      }),
      first: t.arg.int({ defaultValue: FIRST_DEFAULT, description: 'How many tasks (0 to 100).' }),
      after: t.arg.string({ description: 'The `endCursor` of the previous page.' }),
    },
    resolve: (_, args, ctx, info) => {
      const filter = parseTaskFilter(args.filter);
      const first = validateFirst(args.first, FIRST_DEFAULT);
      const path = responsePathAsArray(info.path);
      return vendorList(ctx, 'llamadapro', {
        source: (connector) => connector.taskPages(filter),
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

// --- Mutations: CreateTask / UpdateTask / DeleteTask -------------------------------------------

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

const CreateTaskInputType = builder.inputType('CreateTaskInput', {
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
      description: 'The initial status; LlamadaPro makes it SCHEDULED when left out.',
    }),
  }),
});

const UpdateTaskInputType = builder.inputType('UpdateTaskInput', {
  description:
    'Changes to a task. An omitted member is left alone; an explicit null clears it (only the dates and `cancellationReason` can be cleared).',
  fields: (t) => ({
    objective: t.string({ required: false, description: 'What is to be done.' }),
    status: t.field({ type: TaskStatusEnum, required: false, description: 'The new status.' }),
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

const taskActorSchema = z.object({ id: text(200), type: z.enum(TASK_ACTOR_TYPES) });
const taskId = globalIdOf('Task', 'LLAMADAPRO').pipe(llamadaProTaskId);
// The document types conversationId as a number.
const conversationId = z.string().trim().pipe(numericId);
/** An update date: omitted is left alone, null clears it; the vendor takes ISO strings. */
const clearableDate = z
  .date()
  .transform((date) => date.toISOString())
  .nullable()
  .optional();

const createTaskArgs = z.object({
  input: z.object({
    objective: text(),
    conversationId,
    assignedTo: taskActorSchema,
    createdBy: taskActorSchema,
    dueDate: z.date().nullish(),
    status: z.enum(TASK_STATUSES).nullish(),
  }),
});

const updateTaskArgs = z.object({
  id: taskId,
  input: z.object({
    objective: notNull(text()),
    status: notNull(z.enum(TASK_STATUSES)),
    dueDate: clearableDate,
    publishedAt: clearableDate,
    completedAt: clearableDate,
    cancelledAt: clearableDate,
    cancellationReason: text(2_000).nullable().optional(),
    conversationId: notNull(conversationId),
    assignedTo: notNull(taskActorSchema),
  }),
});

const deleteTaskArgs = z.object({ id: taskId });

const TaskPayload = definePayload(
  'TaskPayload',
  'task',
  TaskType,
  'The task written, or what went wrong.',
);

function llamadaPro(ctx: Context): LlamadaProConnector {
  const connector = ctx.vendor('llamadapro');
  return connector;
}

builder.mutationFields((t) => ({
  createTask: t.field({
    type: TaskPayload,
    description: 'Creates a LlamadaPro task on a conversation (POST /api/v1/tasks).',
    args: {
      input: t.arg({
        type: CreateTaskInputType,
        required: true,
        description: 'The task to create.',
      }),
      idempotencyKey: idempotencyKeyArg(t),
    },
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'createTask',
        args: { input: args.input },
        schema: createTaskArgs,
        idempotencyKey: args.idempotencyKey,
        run: async ({ input }) => {
          const body: CreateTaskInput = {
            objective: input.objective,
            conversationId: input.conversationId,
            assignedTo: input.assignedTo,
            createdBy: input.createdBy,
          };
          if (input.dueDate) body.dueDate = input.dueDate.toISOString();
          if (input.status) body.status = input.status;
          const task = await llamadaPro(ctx).createTask(body);
          ctx.loaders.task.prime(task.providerId, task);
          return task;
        },
      }),
  }),
  updateTask: t.field({
    type: TaskPayload,
    description:
      'Changes a LlamadaPro task (PUT /api/v1/tasks/{taskId}); only the members given are sent.',
    args: {
      id: t.arg.id({ required: true, description: 'The global id of the task.' }),
      input: t.arg({
        type: UpdateTaskInputType,
        required: true,
        description: 'The members to change; omitted ones are left alone.',
      }),
    },
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'updateTask',
        args: { id: args.id, input: args.input },
        schema: updateTaskArgs,
        run: async ({ id, input }) => {
          // Members left out stay undefined, which the connector does not send.
          const changes: UpdateTaskInput = { ...input };
          const task = await llamadaPro(ctx).updateTask(id, changes);
          ctx.loaders.task.clear(id).prime(id, task);
          return task;
        },
      }),
  }),
  deleteTask: t.field({
    type: TaskPayload,
    description: 'Deletes a LlamadaPro task for good and answers it as it was.',
    args: { id: t.arg.id({ required: true, description: 'The global id of the task.' }) },
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'deleteTask',
        args: { id: args.id },
        schema: deleteTaskArgs,
        run: async ({ id }) => {
          const task = await llamadaPro(ctx).deleteTask(id);
          ctx.loaders.task.clear(id);
          return task;
        },
      }),
  }),
}));
