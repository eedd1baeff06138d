import { z } from 'zod';
import type { DialectRoute } from '../vendor-server.js';
import { newestFirst, pageOf, readPaging } from './lists.js';
import { LLAMADAPRO_TENANT_ID, type LlamadaProData, type LlamadaProTaskRecord } from './records.js';
import {
  dateQuery,
  enumQuery,
  fail,
  integerQuery,
  isoDate,
  parseBody,
  route,
  textQuery,
} from './requests.js';

/* LlamadaPro's tasks (docs/vendors/llamadapro.md): list, read, create, update and delete. */

const TASK_STATUSES = ['completed', 'cancelled', 'scheduled', 'overdue'] as const;
const ACTOR_TYPES = ['user', 'ai_employee'] as const;

const actorSchema = z.looseObject({ id: z.string().min(1), type: z.enum(ACTOR_TYPES) });
const taskCreateSchema = z.looseObject({
  context: z.looseObject({ conversationId: z.number().int() }),
  objective: z.string().min(1),
  createdBy: actorSchema,
  assignedTo: actorSchema,
  dueDate: isoDate.nullish(),
  status: z.enum(TASK_STATUSES).optional(),
});
const taskUpdateSchema = z.looseObject({
  status: z.enum(TASK_STATUSES).optional(),
  context: z.looseObject({ conversationId: z.number().int() }).optional(),
  objective: z.string().min(1).optional(),
  assignedTo: actorSchema.optional(),
  publishedAt: isoDate.nullish(),
  dueDate: isoDate.nullish(),
  completedAt: isoDate.nullish(),
  cancelledAt: isoDate.nullish(),
  cancellationReason: z.string().nullish(),
});

/** The task routes over `data`; `now` stamps the records they create and change. */
export function llamadaProTaskRoutes(data: LlamadaProData, now: () => string): DialectRoute[] {
  const findTask = (raw: string | undefined): LlamadaProTaskRecord =>
    data.tasks.find((task) => task.id === raw) ?? fail(404, `task ${raw ?? ''} not found`);
  /** A task's context must name a conversation that exists. */
  const requireConversation = (conversationId: number): void => {
    if (!data.conversations.some((conversation) => conversation.id === conversationId))
      fail(400, `context.conversationId: conversation ${conversationId} does not exist`);
  };

  return [
    route('GET', '/api/v1/tasks', ({ query }) => {
      const paging = readPaging(query, 'tasks', 'limit');
      const status = enumQuery(query, 'status', TASK_STATUSES);
      const dueBefore = dateQuery(query, 'dueBefore');
      const dueAfter = dateQuery(query, 'dueAfter');
      const conversationId = integerQuery(query, 'conversationId', 0, Number.MAX_SAFE_INTEGER);
      const assignedToType = enumQuery(query, 'assignedToType', ACTOR_TYPES);
      const assignedToId = textQuery(query, 'assignedToId');
      const due = (task: LlamadaProTaskRecord): number | null =>
        task.dueDate === null ? null : Date.parse(task.dueDate);
      // Both due bounds are inclusive; a task without a due date passes neither.
      const tasks = data.tasks
        .filter((task) => status === undefined || task.status === status)
        .filter((task) => dueBefore === undefined || (due(task) ?? Infinity) <= dueBefore)
        .filter((task) => dueAfter === undefined || (due(task) ?? -Infinity) >= dueAfter)
        .filter(
          (task) => conversationId === undefined || task.context.conversationId === conversationId,
        )
        .filter((task) => assignedToType === undefined || task.assignedTo.type === assignedToType)
        .filter((task) => assignedToId === undefined || task.assignedTo.id === assignedToId)
        .sort(newestFirst((task) => task.createdAt));
      return pageOf(tasks, 'tasks', paging);
    }),
    route('GET', '/api/v1/tasks/{taskId}', ({ params }) => findTask(params['taskId'])),
    route('POST', '/api/v1/tasks', ({ body }) => {
      const input = parseBody(taskCreateSchema, body);
      requireConversation(input.context.conversationId);
      const at = now();
      const status = input.status ?? 'scheduled';
      const task: LlamadaProTaskRecord = {
        id: `task_c${String(data.nextIds.task++).padStart(8, '0')}`,
        tenantId: LLAMADAPRO_TENANT_ID,
        createdAt: at,
        updatedAt: at,
        context: { conversationId: input.context.conversationId },
        objective: input.objective,
        createdBy: { id: input.createdBy.id, type: input.createdBy.type },
        assignedTo: { id: input.assignedTo.id, type: input.assignedTo.type },
        publishedAt: at,
        dueDate: input.dueDate == null ? null : new Date(Date.parse(input.dueDate)).toISOString(),
        completedAt: status === 'completed' ? at : null,
        cancelledAt: status === 'cancelled' ? at : null,
        cancellationReason: null,
        status,
      };
      data.tasks.push(task);
      return task;
    }),
    route('PUT', '/api/v1/tasks/{taskId}', ({ params, body }) => {
      const task = findTask(params['taskId']);
      const input = parseBody(taskUpdateSchema, body);
      if (input.context !== undefined) requireConversation(input.context.conversationId);
      const at = now();
      const date = (value: string | null): string | null =>
        value === null ? null : new Date(Date.parse(value)).toISOString();
      if (input.context !== undefined)
        task.context = { conversationId: input.context.conversationId };
      if (input.objective !== undefined) task.objective = input.objective;
      if (input.assignedTo !== undefined)
        task.assignedTo = { id: input.assignedTo.id, type: input.assignedTo.type };
      if (input.publishedAt !== undefined) task.publishedAt = date(input.publishedAt);
      if (input.dueDate !== undefined) task.dueDate = date(input.dueDate);
      if (input.completedAt !== undefined) task.completedAt = date(input.completedAt);
      if (input.cancelledAt !== undefined) task.cancelledAt = date(input.cancelledAt);
      if (input.cancellationReason !== undefined)
        task.cancellationReason = input.cancellationReason;
      if (input.status !== undefined && input.status !== task.status) {
        task.status = input.status;
        if (input.status === 'completed' && task.completedAt === null) task.completedAt = at;
        if (input.status === 'cancelled' && task.cancelledAt === null) task.cancelledAt = at;
      }
      task.updatedAt = at;
      return task;
    }),
    route('DELETE', '/api/v1/tasks/{taskId}', ({ params }) => {
      const task = findTask(params['taskId']);
      data.tasks.splice(data.tasks.indexOf(task), 1);
      return task;
    }),
  ];
}
