import { z } from 'zod';
import { id, llamadaProListSchema, text } from '../shared.js';

// Task — GetTasks items, GetTask, CreateTask, UpdateTask, DeleteTask
const llamadaProTaskActorSchema = z.looseObject({ id: id.nullish(), type: text });
export type LlamadaProTaskActor = z.infer<typeof llamadaProTaskActorSchema>;

export const llamadaProTaskSchema = z.looseObject({
  id,
  tenantId: text,
  createdAt: text,
  updatedAt: text,
  context: z.looseObject({ conversationId: id.nullish() }).nullish(),
  objective: z.string(),
  createdBy: llamadaProTaskActorSchema.nullish(),
  assignedTo: llamadaProTaskActorSchema.nullish(),
  publishedAt: text,
  dueDate: text,
  completedAt: text,
  cancelledAt: text,
  cancellationReason: text,
  status: text,
});
export type LlamadaProTask = z.infer<typeof llamadaProTaskSchema>;

export const llamadaProTaskListSchema = llamadaProListSchema(llamadaProTaskSchema);
