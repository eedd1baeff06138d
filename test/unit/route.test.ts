import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fillPath, MAX_PATH_PARAMETER_LENGTH, type Route } from '../../src/http/route.js';

const deleteTask: Route = {
  method: 'DELETE',
  path: '/api/v1/tasks/{taskId}',
  source: 'doc',
  capability: 'tasks.delete',
};
const option: Route = {
  method: 'GET',
  path: '/api/v1/custom-fields/{definitionId}/options/{optionId}',
  source: 'assumed',
  capability: 'customFieldOptions.get',
};

function refusal(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('fillPath filled the path');
}

describe('fillPath', () => {
  it.each([
    ['task_9f2c41d07ab35e68', '/api/v1/tasks/task_9f2c41d07ab35e68'],
    ['3c90c3cc-0d44-4b50-8888-8dd25736052a', '/api/v1/tasks/3c90c3cc-0d44-4b50-8888-8dd25736052a'],
    ['...', '/api/v1/tasks/...'],
    ['a:b', '/api/v1/tasks/a%3Ab'],
    ['é', '/api/v1/tasks/%C3%A9'],
    [
      'x'.repeat(MAX_PATH_PARAMETER_LENGTH),
      `/api/v1/tasks/${'x'.repeat(MAX_PATH_PARAMETER_LENGTH)}`,
    ],
  ])('fills %j in as one segment', (taskId, path) => {
    expect(fillPath(deleteTask, { taskId })).toBe(path);
  });

  it('fills numbers in', () => {
    expect(fillPath(option, { definitionId: 401, optionId: '901' })).toBe(
      '/api/v1/custom-fields/401/options/901',
    );
  });

  // Each of these either leaves the route once the URL is resolved or is one decoding away from it.
  it.each([
    ['', 'must not be empty'],
    ['.', 'must not be "." or ".."'],
    ['..', 'must not be "." or ".."'],
    ['x'.repeat(MAX_PATH_PARAMETER_LENGTH + 1), `must be at most ${MAX_PATH_PARAMETER_LENGTH}`],
    ['a/b', 'must not hold'],
    ['a\\b', 'must not hold'],
    ['a?b', 'must not hold'],
    ['a#b', 'must not hold'],
    ['%2e%2e', 'must not hold'],
    ['a b', 'must not hold'],
    ['a\tb', 'must not hold'],
    ['a\u0000b', 'must not hold'],
    ['a\u007fb', 'must not hold'],
    ['\ud800', 'must not hold'],
  ])('refuses %j as INVALID_INPUT', (taskId, reason) => {
    const error = refusal(() => fillPath(deleteTask, { taskId }));
    expect(error.extensions['code']).toBe('INVALID_INPUT');
    expect(error.message).toContain(`taskId ${reason}`);
    expect(error.message).toContain('DELETE /api/v1/tasks/{taskId}');
  });

  it('checks every parameter of the route', () => {
    const error = refusal(() => fillPath(option, { definitionId: 401, optionId: '..' }));
    expect(error.message).toContain('optionId must not be "." or ".."');
  });
});
