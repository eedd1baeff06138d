import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  dateQuery,
  findById,
  hasBearer,
  intQuery,
  newestFirst,
  ok,
  parseBody,
  refusalsAnswered,
  textQuery,
} from '../dialect-helpers.js';
import type { LiveSandbox } from '../live.js';
import type { Dialect } from '../vendor-server.js';
import type { OviaCallRecord, OviaData } from './data.js';
import { oviaCallWalk } from './live.js';

/** The body of Ovia's `POST /api/v1/calls` (docs/vendors/ovia.md). */
const startCallBody = z.object({
  user_id: z.guid({ error: 'user_id must be a uuid' }),
  agent_id: z.guid({ error: 'agent_id must be a uuid' }),
  type: z.string({ error: 'type is required' }).min(1, { error: 'type is required' }),
  direction: z.enum(['inbound', 'outbound'], { error: 'direction must be inbound or outbound' }),
  from_number: z
    .string({ error: 'from_number is required' })
    .min(1, { error: 'from_number is required' }),
  to_number: z
    .string({ error: 'to_number is required' })
    .min(1, { error: 'to_number is required' }),
  phone_number_id: z.guid({ error: 'phone_number_id must be a uuid' }),
});

const UNKNOWN_AGENT_NAME = 'Ovia agent';

/**
 * Ovia speaks snake_case, pages by offset and answers `{data, total}`. With `live`, a started call
 * walks through its statuses (./live.ts).
 */
export function createOviaDialect(
  data: OviaData,
  credentials: { apiKey: string },
  live?: LiveSandbox,
): Dialect {
  return refusalsAnswered({
    vendor: 'ovia',
    isAuthorized: (headers) => hasBearer(headers, credentials.apiKey),
    errorBody: (_status, message) => ({ detail: message }),
    routes: [
      {
        method: 'GET',
        path: '/api/v1/calls',
        handle({ query }) {
          const limit = intQuery(query, 'limit', 20, 1, 100);
          const offset = intQuery(query, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
          const agentId = textQuery(query, 'agent_id');
          const phone = textQuery(query, 'phone');
          const status = textQuery(query, 'status')?.toLowerCase() ?? null;
          const after = dateQuery(query, 'started_after');
          const before = dateQuery(query, 'started_before');
          const matching = data.calls.filter((call) => {
            const started = Date.parse(call.started_at);
            return (
              (agentId === null || call.agent_id === agentId) &&
              (phone === null || call.from_number === phone || call.to_number === phone) &&
              (status === null || call.status.toLowerCase() === status) &&
              (after === null || started >= after) &&
              (before === null || started < before)
            );
          });
          const sorted = newestFirst(
            matching,
            (call) => Date.parse(call.started_at),
            (call) => call.id,
          );
          return ok({ data: sorted.slice(offset, offset + limit), total: sorted.length });
        },
      },
      {
        method: 'GET',
        path: '/api/v1/calls/{id}',
        handle: ({ params }) => ok(findById(data.calls, params.id, 'call')),
      },
      {
        method: 'POST',
        path: '/api/v1/calls',
        handle({ body }) {
          const input = parseBody(startCallBody, body);
          const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
          const agentName =
            data.calls.find((call) => call.agent_id === input.agent_id)?.agent.name ??
            UNKNOWN_AGENT_NAME;
          const call: OviaCallRecord = {
            ...input,
            id: randomUUID(),
            status: 'queued',
            started_at: now,
            ended_at: null,
            recording_url: null,
            transcript: null,
            duration: null,
            analysis: null,
            latency_metrics: null,
            created_at: now,
            updated_at: now,
            agent: { name: agentName },
            metadata: { rule_id: 'rule_api', call_tag: 'api', call_id_full: '', sip_trunk_id: '' },
            costs: null,
            transcript_objects: [],
          };
          data.calls.unshift(call);
          live?.walk('ovia', oviaCallWalk(call));
          return ok(call);
        },
      },
    ],
  });
}
