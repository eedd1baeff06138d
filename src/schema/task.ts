import { responsePathAsArray } from 'graphql';
import { RAW_FIELD } from './scalars.js';
import { builder } from '../builder.js';
import { localId } from '../ids.js';
import type { Task, TaskActor } from '../model/task.js';
import {
  createTask,
  deleteTask,
  listTasks,
  taskById,
  taskNode,
  updateTask,
} from '../services/tasks.js';
import { defineConnection, FIRST_DEFAULT } from './connection.js';
import { ProviderEnum } from './enums.js';
import { definePayload, idempotencyKeyArg } from './mutation.js';
import {
  CreateTaskInputType,
  TaskActorTypeEnum,
  TaskFilterInput,
  TaskStatusEnum,
  UpdateTaskInputType,
} from './task-inputs.js';

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

export const TaskType = builder.node(builder.objectRef<Task>('Task'), {
  description: 'A follow-up task on a LlamadaPro conversation, for a person or an AI employee.',
  id: { resolve: (task) => localId(task.provider, task.providerId) },
  isTypeOf: isTask,
  loadOne: (id, ctx) => taskNode(ctx, id),
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
      description:
        'Where the task stands; UNKNOWN when the vendor status is one the mapping does not know.',
      resolve: (task) => task.status,
    }),
    providerStatus: t.exposeString('providerStatus', {
      nullable: true,
      description:
        "The vendor's own status, as received (LlamadaPro's `status`, e.g. `scheduled`).",
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

builder.queryFields((t) => ({
  task: t.field({
    type: TaskType,
    nullable: true,
    description: 'One task by its global id.',
    args: { id: t.arg.id({ required: true, description: 'A Task id.' }) },
    resolve: (_, args, ctx) => taskById(ctx, args.id),
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
    resolve: (_, args, ctx, info) =>
      listTasks(ctx, { ...args, path: responsePathAsArray(info.path) }),
  }),
}));

// --- Mutations: CreateTask / UpdateTask / DeleteTask -------------------------------------------

const TaskPayload = definePayload(
  'TaskPayload',
  'task',
  TaskType,
  'The task written, or what went wrong.',
);

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
    resolve: (_, args, ctx) => createTask(ctx, args),
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
    resolve: (_, args, ctx) => updateTask(ctx, args),
  }),
  deleteTask: t.field({
    type: TaskPayload,
    description: 'Deletes a LlamadaPro task for good and answers it as it was.',
    args: { id: t.arg.id({ required: true, description: 'The global id of the task.' }) },
    resolve: (_, args, ctx) => deleteTask(ctx, args),
  }),
}));
