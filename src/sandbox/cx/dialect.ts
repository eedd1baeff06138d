import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  findById,
  newestFirst,
  numberedPage,
  ok,
  parseBody,
  refusalsAnswered,
  textQuery,
} from '../dialect-helpers.js';
import type { LiveSandbox } from '../live.js';
import type { Dialect } from '../vendor-server.js';
import type { CxInteractionRecord, CxData } from './data.js';
import { cxInteractionWalk } from './live.js';

const required = (name: string) =>
  z
    .string({ error: `${name} is required` })
    .trim()
    .min(1, { error: `${name} is required` });

/** The body of CX's `POST /api/v1/calls` (docs/vendors/cx.md). */
const createInteractionBody = z.object({
  agentId: required('agentId'),
  channel: z.enum(['call', 'sms', 'whatsapp', 'webchat'], {
    error: 'channel must be one of call, sms, whatsapp, webchat',
  }),
  skillId: required('skillId'),
  customerName: required('customerName'),
  customerPhone: required('customerPhone'),
});

/** The line CX dials from when the agent has none on record. */
const DEFAULT_AGENT_PHONE = '+56229400100';

/**
 * CX speaks camelCase behind Basic auth and pages by page number from 1. With `live`, a started
 * interaction walks through its statuses (./live.ts).
 */
export function createCxDialect(
  data: CxData,
  credentials: { username: string; password: string },
  live?: LiveSandbox,
): Dialect {
  const expected = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  return refusalsAnswered({
    vendor: 'cx',
    isAuthorized: (headers) => {
      const match = /^basic\s+(.+)$/i.exec(headers.authorization ?? '');
      return match !== null && `Basic ${match[1]?.trim() ?? ''}` === expected;
    },
    errorBody: (status, message) => ({ statusCode: status, message }),
    routes: [
      {
        method: 'GET',
        path: '/api/v1/calls',
        handle({ query }) {
          const phone = textQuery(query, 'customerPhone');
          const matching = data.interactions.filter(
            (interaction) => phone === null || interaction.customerPhone === phone,
          );
          const sorted = newestFirst(
            matching,
            (interaction) => Date.parse(interaction.createdAt),
            (interaction) => interaction.id,
          );
          return ok(numberedPage(query, sorted));
        },
      },
      {
        method: 'GET',
        path: '/api/v1/calls/{id}',
        handle: ({ params }) => ok(findById(data.interactions, params.id, 'Interaction')),
      },
      {
        method: 'POST',
        path: '/api/v1/calls',
        handle({ body }) {
          const input = parseBody(createInteractionBody, body);
          const known = data.interactions.find(
            (interaction) => interaction.customerPhone === input.customerPhone,
          );
          const agentPhone =
            data.interactions.find((interaction) => interaction.agentId === input.agentId)
              ?.agentPhone ?? DEFAULT_AGENT_PHONE;
          const stored: CxInteractionRecord = {
            id: randomUUID(),
            status: 'in-progress',
            agentPhone,
            customerPhone: input.customerPhone,
            agentId: input.agentId,
            customerId: known?.customerId ?? randomUUID(),
            skillId: input.skillId,
            customerName: input.customerName,
            transcription: '',
            recordingUrl: '',
            channel: input.channel,
            createdAt: new Date().toISOString(),
          };
          data.interactions.unshift(stored);
          live?.walk('cx', cxInteractionWalk(stored));
          // The documented answer has neither `channel` nor `createdAt`; only reads carry them.
          const { channel: _channel, createdAt: _createdAt, ...answer } = stored;
          return ok(answer);
        },
      },
    ],
  });
}
