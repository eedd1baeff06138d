import type { UpstreamClient } from '../../../http/upstream-client.js';
import type { CreateTaskInput, Task, TaskFilter, UpdateTaskInput } from '../../../model/task.js';
import type { PagedSource } from '../../../paging/paged-source.js';
import { tokenPages } from '../token-pages.js';
import { toLlamadaProCreateTaskBody, toLlamadaProUpdateTaskBody, toTask } from './map.js';
import { llamadaProTaskRoutes as routes } from './routes.js';
import { llamadaProTaskListSchema, llamadaProTaskSchema } from './schemas.js';

/** LlamadaPro's tasks: the filtered list, the read and the writes. */
export class LlamadaProTaskClient {
  constructor(readonly http: UpstreamClient) {}

  /** Every TaskFilter member is a GetTasks parameter; enums go lower-case as documented. */
  taskPages(filter: TaskFilter = {}): PagedSource<Task> {
    return tokenPages(this.http, {
      route: routes.listTasks,
      schema: llamadaProTaskListSchema,
      map: toTask,
      sizeParam: 'limit',
      query: {
        status: filter.status?.toLowerCase(),
        dueBefore: filter.dueBefore?.toISOString(),
        dueAfter: filter.dueAfter?.toISOString(),
        conversationId: filter.conversationId,
        assignedToType: filter.assignedToType?.toLowerCase(),
        assignedToId: filter.assignedToId,
      },
    });
  }

  async getTask(id: string): Promise<Task> {
    return toTask(
      await this.http.request({
        route: routes.getTask,
        params: { taskId: id },
        schema: llamadaProTaskSchema,
      }),
    );
  }

  // Writes. None is retried (the UpstreamClient retries GETs only).

  async createTask(input: CreateTaskInput): Promise<Task> {
    return toTask(
      await this.http.request({
        route: routes.createTask,
        body: toLlamadaProCreateTaskBody(input),
        schema: llamadaProTaskSchema,
      }),
    );
  }

  async updateTask(id: string, input: UpdateTaskInput): Promise<Task> {
    return toTask(
      await this.http.request({
        route: routes.updateTask,
        params: { taskId: id },
        body: toLlamadaProUpdateTaskBody(input),
        schema: llamadaProTaskSchema,
      }),
    );
  }

  async deleteTask(id: string): Promise<Task> {
    return toTask(
      await this.http.request({
        route: routes.deleteTask,
        params: { taskId: id },
        schema: llamadaProTaskSchema,
      }),
    );
  }
}
