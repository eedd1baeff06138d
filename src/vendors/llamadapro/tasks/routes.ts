import { defineRoutes } from '../../../http/route.js';

/** The document's GetTasks / CreateTask / GetTask / UpdateTask / DeleteTask. */
// prettier-ignore
export const llamadaProTaskRoutes = defineRoutes({
  listTasks: { method: 'GET', path: '/api/v1/tasks', source: 'doc', capability: 'tasks.list', cache: ['tasks'] },
  createTask: { method: 'POST', path: '/api/v1/tasks', source: 'doc', capability: 'tasks.create', invalidates: ['tasks'] },
  getTask: { method: 'GET', path: '/api/v1/tasks/{taskId}', source: 'doc', capability: 'tasks.get', cache: ['task:{taskId}'] },
  updateTask: { method: 'PUT', path: '/api/v1/tasks/{taskId}', source: 'doc', capability: 'tasks.update', invalidates: ['task:{taskId}', 'tasks'] },
  deleteTask: { method: 'DELETE', path: '/api/v1/tasks/{taskId}', source: 'doc', capability: 'tasks.delete', invalidates: ['task:{taskId}', 'tasks'] },
});
