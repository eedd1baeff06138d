import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  compareIds,
  DialectRefusal,
  findById,
  hasBearer,
  numberedPage,
  ok,
  parseBody,
  refusalsAnswered,
  textQuery,
} from '../dialect-helpers.js';
import type { LiveSandbox } from '../live.js';
import type { Dialect } from '../vendor-server.js';
import type { HappyRobotCallRecord, HappyRobotData } from './data.js';
import { happyRobotCallWalk, happyRobotInboundCall } from './live.js';

/** The body of HappyRobot's `POST /api/v1/calls/{id}/notes` (docs/vendors/happyrobot.md). */
const addNoteBody = z.object({
  content: z
    .string({ error: 'content is required' })
    .trim()
    .min(1, { error: 'content is required' }),
  flagged: z.boolean({ error: 'flagged must be a boolean' }).optional(),
  user_id: z.string({ error: 'user_id must be a string' }).nullish(),
});

/** The body of the sandbox's own `POST /sandbox/inbound-calls` (./live.ts). */
const inboundCallBody = z.object({
  from: z
    .string({ error: 'from must be a string' })
    .regex(/^\+[1-9]\d{7,14}$/, { error: 'from must be an E.164 phone number' })
    .default('+56912345678'),
});

/** Inbound calls one sandbox takes, so that a script ringing in a loop cannot grow it forever. */
export const MAX_INBOUND_CALLS = 1000;

/** The doc: "Required string length: 24". */
function checkedId(id: string | undefined): string {
  if (id === undefined || id.length !== 24)
    throw new DialectRefusal(400, 'id must be 24 characters long');
  return id;
}

/** Scheduled calls (no `created` yet) lead by id, then the rest newest first, ties by id. */
function byHappyRobotOrder(a: HappyRobotCallRecord, b: HappyRobotCallRecord): number {
  if (a.created === null || b.created === null) {
    if (a.created === null && b.created === null) return compareIds(a.id, b.id);
    return a.created === null ? -1 : 1;
  }
  return Date.parse(b.created) - Date.parse(a.created) || compareIds(a.id, b.id);
}

/**
 * HappyRobot pages by page number from 1 and answers `{data, total, page}`. With `live`, the
 * sandbox's own `POST /sandbox/inbound-calls` rings a call that walks through HappyRobot's
 * statuses (./live.ts); HappyRobot itself has no route that starts one.
 */
export function createHappyRobotDialect(
  data: HappyRobotData,
  credentials: { apiKey: string },
  live?: LiveSandbox,
): Dialect {
  let inboundCalls = 0;
  const find = (id: string | undefined): HappyRobotCallRecord =>
    findById(data.calls, checkedId(id), 'Call');
  return refusalsAnswered({
    vendor: 'happyrobot',
    isAuthorized: (headers) => hasBearer(headers, credentials.apiKey),
    errorBody: (_status, message) => ({ error: { message } }),
    routes: [
      {
        method: 'GET',
        path: '/api/v1/calls',
        handle({ query }) {
          const phone = textQuery(query, 'phone');
          const status = textQuery(query, 'status')?.toLowerCase() ?? null;
          const useCaseId = textQuery(query, 'use_case_id');
          const matching = data.calls.filter(
            (call) =>
              (phone === null || call.metadata.from === phone || call.metadata.to === phone) &&
              (status === null || call.status.toLowerCase() === status) &&
              (useCaseId === null || call.use_case.id === useCaseId),
          );
          const sorted = [...matching].sort(byHappyRobotOrder);
          return ok(numberedPage(query, sorted));
        },
      },
      {
        method: 'GET',
        path: '/api/v1/calls/{id}',
        handle: ({ params }) => ok(find(params.id)),
      },
      {
        method: 'POST',
        path: '/api/v1/calls/{id}/notes',
        handle({ params, body }) {
          const call = find(params.id);
          const input = parseBody(addNoteBody, body);
          call.notes.push({
            id: randomBytes(12).toString('hex'),
            user_id: input.user_id ?? null,
            content: input.content,
            flagged: input.flagged ?? false,
            created_at: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
          });
          return ok(call);
        },
      },
      {
        method: 'POST',
        path: '/sandbox/inbound-calls',
        handle({ body }) {
          const input = parseBody(inboundCallBody, body);
          if (inboundCalls >= MAX_INBOUND_CALLS) {
            throw new DialectRefusal(
              429,
              `this sandbox takes at most ${MAX_INBOUND_CALLS} inbound calls`,
            );
          }
          // A rung call exists only to walk: past the walks at once it is refused, not left Queued.
          if (live && !live.canWalk) {
            throw new DialectRefusal(
              429,
              'this sandbox is walking as many calls as it can; retry later',
            );
          }
          inboundCalls += 1;
          const call = happyRobotInboundCall(input.from, Date.now());
          data.calls.unshift(call);
          live?.walk('happyrobot', happyRobotCallWalk(call));
          return ok(call, 201);
        },
      },
    ],
  });
}
