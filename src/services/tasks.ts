import { z } from 'zod';
import type { Context } from '../context.js';
import { atPath, providerNotConfigured } from '../errors.js';
import { expectGlobalId, parseLocalId, type GlobalId, vendorIdOn } from '../ids.js';
import type { ConnectionShape } from '../model/connection.js';
import type { Contact } from '../model/contact.js';
import type { ConversationRef } from '../model/conversation.js';
import {
  SETTABLE_TASK_STATUSES,
  TASK_ACTOR_TYPES,
  type CreateTaskInput,
  type Task,
  type TaskFilter,
} from '../model/task.js';
import { globalIdOf, nonBlank, notNull, numericId } from '../mutations/inputs.js';
import { runMutation, type MutationArgs, type MutationOutcome } from '../mutations/run-mutation.js';
import type { PagedSource } from '../paging/paged-source.js';
import { llamadaProTaskId } from '../vendors/llamadapro/ids.js';
import { prefetchDefinitions, type ContactRead } from './contacts.js';
import {
  filterDate,
  filterEnum,
  filterId,
  filterMember,
  filterText,
  parseFilter,
} from './filters.js';
import {
  FIRST_DEFAULT,
  listConnection,
  reportVendorFailure,
  validateFirst,
  vendorList,
  type ListArgs,
} from './list-connection.js';

/** Tasks are LlamadaPro's; the id must also have the form of a LlamadaPro task id. */
const taskVendorId = (id: Pick<GlobalId, 'provider' | 'providerId'>): string =>
  vendorIdOn(id, 'LLAMADAPRO', { format: llamadaProTaskId });

/** A task as the node interface asks for it, by `PROVIDER:vendorId`. */
export function taskNode(ctx: Context, id: string): Promise<Task> {
  return ctx.loaders.task.load(taskVendorId(parseLocalId(id)));
}

export function taskById(ctx: Context, id: string): Promise<Task> {
  return ctx.loaders.task.load(taskVendorId(expectGlobalId(ctx, id, 'Task')));
}

/**
 * A status to set or to list by: UNKNOWN only reads a vendor status the mapping does not know, so
 * it cannot be sent.
 */
const settableStatus = z.enum(SETTABLE_TASK_STATUSES, {
  error: `must be one of ${SETTABLE_TASK_STATUSES.join(', ')}; UNKNOWN is only read, never sent`,
});

const taskFilterSchema = z
  .object({
    status: filterMember(settableStatus),
    dueBefore: filterDate(),
    dueAfter: filterDate(),
    // GetTasks types conversationId as a number; anything else would be a vendor 400.
    conversationId: filterId(
      z.string().regex(/^\d{1,15}$/, { error: 'must be a LlamadaPro conversation id (digits)' }),
    ),
    assignedToType: filterEnum(TASK_ACTOR_TYPES),
    assignedToId: filterText(),
  })
  .refine((value) => !(value.dueAfter && value.dueBefore && value.dueAfter > value.dueBefore), {
    error: 'must not be after dueBefore',
    path: ['dueAfter'],
  });

export function listTasks(
  ctx: Context,
  args: ListArgs & { filter?: unknown },
): Promise<ConnectionShape<Task>> {
  const filter: TaskFilter = parseFilter(taskFilterSchema, args.filter);
  const first = validateFirst(args.first, FIRST_DEFAULT);
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
    path: args.path,
  });
}

/** `Contact.tasks`: the tasks of the contact's conversations, newest first. */
export async function tasksOfContact(
  ctx: Context,
  contact: Contact,
  args: ListArgs,
): Promise<ConnectionShape<Task>> {
  const first = validateFirst(args.first, FIRST_DEFAULT);
  const after = args.after ?? null;
  const { path } = args;
  const connector = ctx.connectors.connectors.llamadapro;
  if (!connector) {
    ctx.reportError(atPath(providerNotConfigured('LLAMADAPRO'), path));
    return listConnection(ctx, { inputs: [], first, after, fingerprint: 'Contact.tasks', path });
  }
  let lists: Array<{ conversationId: string; source: PagedSource<Task> }> = [];
  try {
    lists = await connector.contactTaskPages(contact.providerId);
  } catch (error) {
    reportVendorFailure(ctx, { key: 'LLAMADAPRO', error }, path);
  }
  return listConnection(ctx, {
    inputs: lists.map(({ conversationId, source }) => ({
      key: conversationId,
      source,
      exact: true,
      keep: () => true,
      idOf: (task) => task.providerId,
    })),
    compare: (a, b) =>
      (b.createdAt ?? '').localeCompare(a.createdAt ?? '') ||
      a.providerId.localeCompare(b.providerId),
    first,
    after,
    fingerprint: JSON.stringify([
      'Contact.tasks',
      contact.providerId,
      lists.map((list) => list.conversationId),
    ]),
    path,
  });
}

/** `Task.conversation`: the funnel conversation the task belongs to. */
export function conversationOfTask(ctx: Context, task: Task): Promise<ConversationRef> | null {
  return task.conversationId === null ? null : ctx.loaders.conversation.load(task.conversationId);
}

/** `Task.contact`: the contact of the task's conversation, embedded in it or read by its id. */
export async function contactOfTask(
  ctx: Context,
  task: Task,
  read: ContactRead,
): Promise<Contact | null> {
  if (task.conversationId === null) return null;
  prefetchDefinitions(ctx, read);
  const conversation = await ctx.loaders.conversation.load(task.conversationId);
  const embedded = conversation.contacts[0];
  if (embedded) return embedded;
  return conversation.contactId ? ctx.loaders.contact.load(conversation.contactId) : null;
}

const taskActorSchema = z.object({ id: nonBlank(), type: z.enum(TASK_ACTOR_TYPES) });
const taskId = globalIdOf('Task', 'LLAMADAPRO').pipe(llamadaProTaskId);
// The document types conversationId as a number.
const conversationId = z.string().trim().pipe(numericId);
/** An update date: omitted is left alone, null clears it; the model carries ISO strings. */
const clearableDate = z
  .date()
  .transform((date) => date.toISOString())
  .nullable()
  .optional();

const createTaskArgs = z.object({
  input: z.object({
    objective: nonBlank(),
    conversationId,
    assignedTo: taskActorSchema,
    createdBy: taskActorSchema,
    dueDate: z.date().nullish(),
    status: settableStatus.nullish(),
  }),
});

const updateTaskArgs = z.object({
  id: taskId,
  input: z.object({
    objective: notNull(nonBlank()),
    status: notNull(settableStatus),
    dueDate: clearableDate,
    publishedAt: clearableDate,
    completedAt: clearableDate,
    cancelledAt: clearableDate,
    cancellationReason: nonBlank().nullable().optional(),
    conversationId: notNull(conversationId),
    assignedTo: notNull(taskActorSchema),
  }),
});

const deleteTaskArgs = z.object({ id: taskId });

export function createTask(ctx: Context, args: MutationArgs): Promise<MutationOutcome<Task>> {
  return runMutation(ctx, {
    name: 'createTask',
    args: { input: args.input },
    schema: createTaskArgs,
    idempotencyKey: args.idempotencyKey,
    run: async ({ input }) => {
      const task: CreateTaskInput = {
        objective: input.objective,
        conversationId: input.conversationId,
        assignedTo: input.assignedTo,
        createdBy: input.createdBy,
      };
      if (input.dueDate) task.dueDate = input.dueDate.toISOString();
      if (input.status) task.status = input.status;
      const created = await ctx.vendor('llamadapro').createTask(task);
      ctx.loaders.task.prime(created.providerId, created);
      return created;
    },
  });
}

export function updateTask(
  ctx: Context,
  args: { id: string; input: unknown },
): Promise<MutationOutcome<Task>> {
  return runMutation(ctx, {
    name: 'updateTask',
    args: { id: args.id, input: args.input },
    schema: updateTaskArgs,
    // Members left out stay undefined, which the connector does not send.
    run: async ({ id, input }) => {
      const task = await ctx.vendor('llamadapro').updateTask(id, input);
      ctx.loaders.task.clear(id).prime(id, task);
      return task;
    },
  });
}

export function deleteTask(ctx: Context, args: { id: string }): Promise<MutationOutcome<Task>> {
  return runMutation(ctx, {
    name: 'deleteTask',
    args: { id: args.id },
    schema: deleteTaskArgs,
    run: async ({ id }) => {
      const task = await ctx.vendor('llamadapro').deleteTask(id);
      ctx.loaders.task.clear(id);
      return task;
    },
  });
}
