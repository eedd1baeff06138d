import type { UpstreamClient } from '../../../http/upstream-client.js';
import type { CreateTaskInput, Task, TaskFilter, UpdateTaskInput } from '../../../model/task.js';
import type { PagedSource } from '../../../paging/paged-source.js';
import { mappedRequest } from '../mapped-request.js';
import { tokenPages } from '../token-pages.js';
import { toLlamadaProCreateTaskBody, toLlamadaProUpdateTaskBody, toTask } from './map.js';
import { llamadaProTaskRoutes as routes } from './routes.js';
import { llamadaProTaskListSchema, llamadaProTaskSchema } from './schemas.js';

const requestTask = mappedRequest(llamadaProTaskSchema, toTask);

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
    return requestTask(this.http, { route: routes.getTask, params: { taskId: id } });
  }

  // Writes. None is retried (the UpstreamClient retries GETs only).

  async createTask(input: CreateTaskInput): Promise<Task> {
    return requestTask(this.http, {
      route: routes.createTask,
      body: toLlamadaProCreateTaskBody(input),
    });
  }

  async updateTask(id: string, input: UpdateTaskInput): Promise<Task> {
    return requestTask(this.http, {
      route: routes.updateTask,
      params: { taskId: id },
      body: toLlamadaProUpdateTaskBody(input),
    });
  }

  async deleteTask(id: string): Promise<Task> {
    return requestTask(this.http, { route: routes.deleteTask, params: { taskId: id } });
  }
}
