import { z } from 'zod';
import type { LiveSandbox } from '../live.js';
import type { DialectRoute } from '../vendor-server.js';
import { llamadaProCallWalk } from './live.js';
import { newestFirst, pageOf, readPaging } from './lists.js';
import { contactByPhone, latestConversationOf } from './lookups.js';
import {
  LLAMADAPRO_COMPANY_NUMBERS,
  LLAMADAPRO_TENANT_ID,
  type LlamadaProCallRecord,
  type LlamadaProData,
  type LlamadaProRecordingRecord,
} from './records.js';
import {
  dateQuery,
  dictionary,
  e164,
  fail,
  isoDate,
  numericId,
  parseBody,
  route,
  textQuery,
} from './requests.js';

/*
 * LlamadaPro's calls and recordings (docs/vendors/llamadapro.md): the call list and one call with
 * its transcription and recording, the three ways of placing a call, and the uploads of calls and
 * recordings made elsewhere.
 */

const agentCallSchema = z.looseObject({
  toPhoneNumber: e164,
  fromPhoneNumber: e164.optional(),
  objectives: z
    .array(z.string().min(1))
    .min(1, { error: 'objectives must hold at least one objective' }),
  userId: z.number().optional(),
  personality: z.looseObject({}).optional(),
  localization: z.enum(['CL', 'MX', 'CO', 'PE', 'US']).optional(),
  constraints: z.array(z.string()).optional(),
  contactInfo: z.looseObject({}).optional(),
  knowledgeBase: z.string().optional(),
  taskSteps: z.array(z.string()).optional(),
  maxDurationSeconds: z.number().positive().optional(),
  silenceTimeoutSeconds: z.number().positive().optional(),
  customData: dictionary.optional(),
  provider: z.literal('vapi').optional(),
  providerConfig: z.looseObject({}).optional(),
});
const voiceAgentCallSchema = z.looseObject({
  voiceAgentId: z.number(),
  to: e164,
  contextVariables: dictionary,
  customData: dictionary.optional(),
});
const bridgeCallSchema = z.looseObject({
  from: e164.optional(),
  to: e164,
  providerData: z.looseObject({}).optional(),
  callCustomData: dictionary.optional(),
});
const createCallSchema = z
  .looseObject({
    status: z.string().min(1),
    userId: z.number().nullable(),
    metadata: z.unknown(),
    providerId: z.string().optional(),
    providerName: z.string().optional(),
    customData: z.unknown().optional(),
    funnelConversationId: z.number().optional(),
    sessionId: z.number().optional(),
    from: z.string().min(1),
    to: z.string().min(1),
    redirectedTo: z.string().nullish(),
    duration: z.number().min(0).nullable(),
    direction: z.string().min(1),
    startTime: isoDate,
    teamId: z.number().nullish(),
  })
  .refine((body) => 'metadata' in body, {
    error: 'metadata is required (null is allowed)',
    path: ['metadata'],
  });
const loadRecordingSchema = z.looseObject({
  userId: z.number(),
  url: z.string().regex(/^https?:\/\/\S+$/, { error: 'must be an http(s) URL' }),
  callTo: z.string().optional(),
  callFrom: z.string().optional(),
  callDirection: z.enum(['outgoing', 'incoming']).optional(),
  callStartTime: isoDate.optional(),
});

/**
 * The call and recording routes over `data`; `now` stamps the records they create. With `live`,
 * calls placed through the three start routes walk through their statuses.
 */
export function llamadaProCallRoutes(
  data: LlamadaProData,
  now: () => string,
  live?: LiveSandbox,
): DialectRoute[] {
  const findCall = (raw: string | undefined): LlamadaProCallRecord => {
    const id = numericId(raw, 'callId');
    return data.calls.find((call) => call.id === id) ?? fail(404, `call ${id} not found`);
  };

  const storeCall = (
    fields: Partial<LlamadaProCallRecord> &
      Pick<LlamadaProCallRecord, 'from' | 'to' | 'direction' | 'providerName'>,
  ): LlamadaProCallRecord => {
    const at = now();
    const id = data.nextIds.call++;
    const customer = fields.direction === 'incoming' ? fields.from : fields.to;
    const contact = contactByPhone(data, customer);
    const call: LlamadaProCallRecord = {
      id,
      tenantId: LLAMADAPRO_TENANT_ID,
      providerId:
        fields.providerName === 'twilio'
          ? `CA${id.toString(16).padStart(32, '0')}`
          : `${fields.providerName}-${id}`,
      funnelConversationId:
        contact === undefined ? null : (latestConversationOf(data, contact.id)?.id ?? null),
      sessionId: null,
      userId: null,
      contactId: contact?.id ?? null,
      opportunityId: null,
      analysisConfigId: null,
      teamId: null,
      redirectedTo: null,
      duration: null,
      status: 'queued',
      startTime: at,
      metadata: null,
      customData: null,
      agentScore: null,
      category: null,
      createdAt: at,
      updatedAt: at,
      lastUpdateSequence: 1,
      ...fields,
    };
    data.calls.push(call);
    return call;
  };
  const placeCall = (fields: Parameters<typeof storeCall>[0]): LlamadaProCallRecord => {
    const call = storeCall(fields);
    live?.walk('llamadapro', llamadaProCallWalk(data, call, now));
    return call;
  };

  return [
    route('GET', '/api/v1/calls', ({ query }) => {
      const paging = readPaging(query, 'calls');
      const phone = textQuery(query, 'phone');
      const statuses = textQuery(query, 'status')
        ?.split(',')
        .map((status) => status.trim().toLowerCase())
        .filter((status) => status !== '');
      const after = dateQuery(query, 'startedAfter');
      const before = dateQuery(query, 'startedBefore');
      // startedAfter is inclusive and startedBefore exclusive, like Ovia, so consecutive
      // windows never count a call twice.
      const calls = data.calls
        .filter((call) => phone === undefined || call.from === phone || call.to === phone)
        .filter((call) => statuses === undefined || statuses.includes(call.status.toLowerCase()))
        .filter((call) => after === undefined || Date.parse(call.startTime) >= after)
        .filter((call) => before === undefined || Date.parse(call.startTime) < before)
        .sort(newestFirst((call) => call.startTime));
      return pageOf(calls, 'calls', paging);
    }),
    route('GET', '/api/v1/calls/{callId}', ({ params }) => findCall(params['callId'])),
    route('GET', '/api/v1/calls/{callId}/transcription', ({ params }) => {
      const call = findCall(params['callId']);
      return data.transcriptions.get(call.id) ?? fail(404, `call ${call.id} has no transcription`);
    }),
    route('GET', '/api/v1/calls/{callId}/recording', ({ params }) => {
      const call = findCall(params['callId']);
      return data.recordings.get(call.id) ?? fail(404, `call ${call.id} has no recording`);
    }),
    route('POST', '/api/v1/calls/agent', ({ body }) => {
      const input = parseBody(agentCallSchema, body);
      return placeCall({
        from: input.fromPhoneNumber ?? LLAMADAPRO_COMPANY_NUMBERS[0],
        to: input.toPhoneNumber,
        direction: 'outgoing',
        providerName: input.provider ?? 'vapi',
        userId: input.userId ?? null,
        metadata: {
          mode: 'agent',
          objectives: input.objectives,
          localization: input.localization ?? null,
          taskSteps: input.taskSteps ?? [],
          maxDurationSeconds: input.maxDurationSeconds ?? null,
        },
        customData: input.customData ?? null,
      });
    }),
    route('POST', '/api/v1/calls/voice-agent', ({ body }) => {
      const input = parseBody(voiceAgentCallSchema, body);
      return placeCall({
        from: LLAMADAPRO_COMPANY_NUMBERS[1],
        to: input.to,
        direction: 'outgoing',
        providerName: 'vapi',
        metadata: {
          mode: 'voice-agent',
          voiceAgentId: input.voiceAgentId,
          contextVariables: input.contextVariables,
        },
        customData: input.customData ?? null,
      });
    }),
    route('POST', '/api/v1/calls/bridge', ({ body }) => {
      const input = parseBody(bridgeCallSchema, body);
      return placeCall({
        from: input.from ?? LLAMADAPRO_COMPANY_NUMBERS[0],
        to: input.to,
        direction: 'outgoing',
        providerName: 'twilio',
        metadata: { mode: 'bridge' },
        customData: input.callCustomData ?? null,
      });
    }),
    route('POST', '/api/v1/calls', ({ body }) => {
      const input = parseBody(createCallSchema, body);
      const call = storeCall({
        from: input.from,
        to: input.to,
        direction: input.direction,
        providerName: input.providerName ?? 'external',
        status: input.status,
        userId: input.userId,
        metadata: input.metadata ?? null,
        customData: input.customData ?? null,
        redirectedTo: input.redirectedTo ?? null,
        duration: input.duration,
        startTime: new Date(Date.parse(input.startTime)).toISOString(),
        teamId: input.teamId ?? null,
        ...(input.funnelConversationId === undefined
          ? {}
          : { funnelConversationId: input.funnelConversationId }),
        ...(input.sessionId === undefined ? {} : { sessionId: input.sessionId }),
      });
      if (input.providerId !== undefined) call.providerId = input.providerId;
      return call;
    }),
    route('POST', '/api/v1/recordings', ({ body }) => {
      const input = parseBody(loadRecordingSchema, body);
      const at = now();
      const call = storeCall({
        from: input.callFrom ?? null,
        to: input.callTo ?? null,
        direction: input.callDirection ?? 'outgoing',
        providerName: 'upload',
        status: 'completed',
        userId: input.userId,
        startTime:
          input.callStartTime === undefined
            ? at
            : new Date(Date.parse(input.callStartTime)).toISOString(),
      });
      const id = data.nextIds.recording++;
      const recording: LlamadaProRecordingRecord = {
        id,
        tenantId: LLAMADAPRO_TENANT_ID,
        callId: call.id,
        providerId: `upl_${id}`,
        providerName: 'upload',
        callProviderId: call.providerId,
        callProviderName: call.providerName,
        url: input.url,
        startTime: call.startTime,
        duration: null,
        dualChannel: false,
        createdAt: at,
        updatedAt: at,
      };
      data.recordings.set(call.id, recording);
      return recording;
    }),
  ];
}
