import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  DialectRefusal,
  findById,
  hasBearer,
  intQuery,
  newestFirst,
  ok,
  parseBody,
  refusalsAnswered,
  textQuery,
} from '../dialect-helpers.js';
import type { Dialect } from '../vendor-server.js';
import type { FreyaProblemRecord, FreyaData } from './data.js';

const optionalText = z.string({ error: 'must be a string' }).nullish();

/**
 * The body of Freya's `POST /api/v2/problems` (docs/vendors/freya.md). The doc types `callId` as
 * a uuid, but problems are raised on calls of every vendor (numeric LlamadaPro ids, 24-hex
 * HappyRobot ids), so any non-empty string is taken.
 */
const createProblemBody = z.object({
  workspaceId: z.guid({ error: 'workspaceId must be a uuid' }),
  problem: z
    .string({ error: 'problem is required' })
    .min(1, { error: 'problem must not be empty' }),
  callId: z
    .string({ error: 'callId must be a string' })
    .min(1, { error: 'callId must not be empty' })
    .nullish(),
  agentId: optionalText,
  description: optionalText,
  type: z
    .enum(['system', 'audio', 'transcription', 'decision', 'general'], {
      error: 'type must be one of system, audio, transcription, decision, general',
    })
    .default('general'),
  severity: z
    .number({ error: 'severity must be a number' })
    .min(0, { error: 'severity must be between 0 and 1' })
    .max(1, { error: 'severity must be between 0 and 1' })
    .default(0.5),
  status: z.string({ error: 'status must be a string' }).min(1).default('open'),
  assignedTo: optionalText,
  messageId: optionalText,
  resolved: z.boolean({ error: 'resolved must be a boolean' }).default(false),
});

function booleanQuery(query: URLSearchParams, name: string): boolean | null {
  const raw = textQuery(query, name);
  if (raw === null) return null;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new DialectRefusal(400, `${name} must be true or false`);
}

/** Freya wraps every answer in `{success, data}` and scopes everything to a workspace. */
export function createFreyaDialect(data: FreyaData, credentials: { apiKey: string }): Dialect {
  const checkWorkspace = (workspaceId: string | null): void => {
    if (workspaceId === null) throw new DialectRefusal(400, 'workspaceId is required');
    if (workspaceId !== data.workspaceId)
      throw new DialectRefusal(403, 'no access to this workspace');
  };
  return refusalsAnswered({
    vendor: 'freya',
    isAuthorized: (headers) => hasBearer(headers, credentials.apiKey),
    errorBody: (_status, message) => ({ success: false, error: { message } }),
    routes: [
      {
        method: 'GET',
        path: '/api/v2/problems',
        handle({ query }) {
          checkWorkspace(textQuery(query, 'workspaceId'));
          const limit = intQuery(query, 'limit', 50, 1, 200);
          const offset = intQuery(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
          const callId = textQuery(query, 'callId');
          const callIdsRaw = textQuery(query, 'callIds');
          const callIds =
            callIdsRaw === null
              ? null
              : new Set(
                  callIdsRaw
                    .split(',')
                    .map((id) => id.trim())
                    .filter((id) => id !== ''),
                );
          if (callIds !== null && callIds.size > 50)
            throw new DialectRefusal(400, 'callIds accepts at most 50 ids');
          const status = textQuery(query, 'status');
          const resolved = booleanQuery(query, 'resolved');
          const matching = data.problems.filter(
            (problem) =>
              (callId === null || problem.callId === callId) &&
              (callIds === null || (problem.callId !== null && callIds.has(problem.callId))) &&
              (status === null || problem.status === status) &&
              (resolved === null || problem.resolved === resolved),
          );
          const sorted = newestFirst(
            matching,
            (problem) => Date.parse(problem.createdAt),
            (problem) => problem.id,
          );
          return ok({
            success: true,
            data: { problems: sorted.slice(offset, offset + limit), total: sorted.length },
          });
        },
      },
      {
        method: 'GET',
        path: '/api/v2/problems/{id}',
        handle: ({ params }) =>
          ok({ success: true, data: { problem: findById(data.problems, params.id, 'Problem') } }),
      },
      {
        method: 'POST',
        path: '/api/v2/problems',
        handle({ body }) {
          const input = parseBody(createProblemBody, body);
          checkWorkspace(input.workspaceId);
          const now = new Date().toISOString();
          // What Freya knows of the call, taken from an earlier problem on the same call.
          const sibling = input.callId
            ? data.problems.find((problem) => problem.callId === input.callId)
            : undefined;
          const problem: FreyaProblemRecord = {
            problem: input.problem,
            id: randomUUID(),
            workspaceId: input.workspaceId,
            callId: input.callId ?? null,
            agentId: input.agentId ?? sibling?.agentId ?? null,
            description: input.description ?? null,
            type: input.type,
            severity: input.severity,
            status: input.resolved ? 'resolved' : input.status,
            assignedTo: input.assignedTo ?? null,
            createdBy: 'user',
            messageId: input.messageId ?? null,
            resolved: input.resolved,
            resolvedAt: input.resolved ? now : null,
            resolvedBy: null,
            solutionId: null,
            createdAt: now,
            updatedAt: now,
            callStartedAt: sibling?.callStartedAt ?? null,
            customerNumber: sibling?.customerNumber ?? null,
            agentName: sibling?.agentName ?? null,
            resolvedByName: null,
            assignees: input.assignedTo
              ? [{ userId: input.assignedTo, assignedAt: now, userName: null }]
              : [],
            commentsCount: 0,
            isArchived: false,
          };
          data.problems.unshift(problem);
          return ok(
            {
              success: true,
              data: {
                message: 'Problem created',
                result: { success: true, problem, message: 'Problem created successfully' },
              },
            },
            201,
          );
        },
      },
    ],
  });
}
