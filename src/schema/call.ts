import { responsePathAsArray } from 'graphql';
import { builder } from '../builder.js';
import { localId } from '../ids.js';
import type { Call } from '../model/call.js';
import { callRecordingUrl, callTranscript } from '../services/calls/call-details.js';
import { getCall } from '../services/calls/get-call.js';
import { listAgentCalls, listCalls } from '../services/calls/list-calls.js';
import { AgentRefType } from './agent.js';
import {
  CallClassificationType,
  CallCostsType,
  CallNoteType,
  TranscriptEntryType,
} from './call-parts.js';
import { defineConnection, defineConnectionArgs } from './connection.js';
import { CallDirectionEnum, CallStatusEnum, ChannelEnum, ProviderEnum } from './enums.js';
import { RAW_FIELD } from './scalars.js';

function isCall(value: unknown): value is Call {
  return (
    typeof value === 'object' &&
    value !== null &&
    'transcriptEntries' in value &&
    'channel' in value
  );
}

export const CallType = builder.node(builder.objectRef<Call>('Call'), {
  description: 'A call (or CX interaction on any channel) on one of the call vendors, normalized.',
  id: { resolve: (call) => localId(call.provider, call.providerId) },
  isTypeOf: isCall,
  loadOne: (id, ctx) => ctx.loaders.call.load(id),
  fields: (t) => ({
    provider: t.field({
      type: ProviderEnum,
      description: 'The vendor that holds the call.',
      resolve: (call) => call.provider,
    }),
    providerId: t.exposeString('providerId', { description: "The vendor's own id of the call." }),
    status: t.field({
      type: CallStatusEnum,
      description: 'Normalized status.',
      resolve: (call) => call.status,
    }),
    providerStatus: t.exposeString('providerStatus', {
      nullable: true,
      description: "The vendor's raw status string.",
    }),
    direction: t.field({
      type: CallDirectionEnum,
      nullable: true,
      description: 'INBOUND or OUTBOUND; null when the vendor does not say.',
      resolve: (call) => call.direction,
    }),
    channel: t.field({
      type: ChannelEnum,
      description: 'CALL, or the CX interaction channel.',
      resolve: (call) => call.channel,
    }),
    from: t.exposeString('from', { nullable: true, description: 'The calling number.' }),
    to: t.exposeString('to', { nullable: true, description: 'The called number.' }),
    customerPhone: t.exposeString('customerPhone', {
      nullable: true,
      description: "The customer's side: `to` when outbound, `from` when inbound.",
    }),
    startedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the call started; null while scheduled.',
      resolve: (call) => call.startedAt,
    }),
    endedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the call ended.',
      resolve: (call) => call.endedAt,
    }),
    durationSeconds: t.exposeFloat('durationSeconds', {
      nullable: true,
      description: 'Length of the call in seconds.',
    }),
    recordingUrl: t.string({
      nullable: true,
      description:
        'Where the recording can be fetched. LlamadaPro serves it on its own route, read only when asked for.',
      resolve: (call, _, ctx) => callRecordingUrl(ctx, call),
    }),
    transcript: t.string({
      nullable: true,
      description:
        'The whole transcript as text. LlamadaPro serves it on its own route, read only when asked for.',
      resolve: (call, _, ctx) => callTranscript(ctx, call),
    }),
    transcriptEntries: t.field({
      type: [TranscriptEntryType],
      description: 'The transcript utterance by utterance, where the vendor gives it.',
      resolve: (call) => call.transcriptEntries,
    }),
    costs: t.field({
      type: CallCostsType,
      nullable: true,
      description: 'Costs, where the vendor reports them.',
      resolve: (call) => call.costs,
    }),
    agent: t.field({
      type: AgentRefType,
      nullable: true,
      description: 'The voice agent that handled the call.',
      resolve: (call) => call.agent,
    }),
    notes: t.field({
      type: [CallNoteType],
      description: 'Notes people left on the call.',
      resolve: (call) => call.notes,
    }),
    classification: t.field({
      type: CallClassificationType,
      nullable: true,
      description: "The vendor's classification of the outcome.",
      resolve: (call) => call.classification,
    }),
    extraction: t.field({
      type: 'JSON',
      nullable: true,
      description: 'Data the vendor extracted from the conversation.',
      resolve: (call) => call.extraction ?? null,
    }),
    analysis: t.exposeString('analysis', {
      nullable: true,
      description: "The vendor's analysis of the call.",
    }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the vendor created the record.',
      resolve: (call) => call.createdAt,
    }),
    raw: t.expose('raw', RAW_FIELD),
  }),
});

export const CallConnection = defineConnection('Call', CallType);

const CallFilterInput = builder.inputType('CallFilter', {
  description: 'Narrows a list of calls; every member given must match.',
  fields: (t) => ({
    providers: t.field({
      type: [ProviderEnum],
      required: false,
      description: 'Default: every call provider (OVIA, LLAMADAPRO, CX, HAPPYROBOT).',
    }),
    status: t.field({
      type: [CallStatusEnum],
      required: false,
      description: 'Any of these statuses.',
    }),
    direction: t.field({
      type: CallDirectionEnum,
      required: false,
      description: 'Only this direction.',
    }),
    phone: t.string({ required: false, description: 'E.164 number; matches `from` or `to`.' }),
    startedAfter: t.field({
      type: 'DateTime',
      required: false,
      description: 'Started at or after this time.',
    }),
    startedBefore: t.field({
      type: 'DateTime',
      required: false,
      description: 'Started before this time.',
    }),
  }),
});

builder.queryFields((t) => ({
  call: t.field({
    type: CallType,
    nullable: true,
    description: 'One call by its global id.',
    args: { id: t.arg.id({ required: true, description: 'A Call id.' }) },
    resolve: (_, args, ctx) => getCall(ctx, args.id),
  }),
  calls: t.field({
    type: CallConnection,
    description:
      "Calls from every call vendor merged into one list, newest first. The cursor holds every vendor's position, so paging to the end yields each call once; a failing vendor's calls are missing and named in `errors`.",
    args: {
      filter: t.arg({
        type: CallFilterInput,
        required: false,
        description: 'Which calls to list; every call vendor when absent.',
      }),
      ...defineConnectionArgs(t),
    },
    resolve: (_, args, ctx, info) =>
      listCalls(ctx, { ...args, path: responsePathAsArray(info.path) }),
  }),
}));

builder.objectFields(AgentRefType, (t) => ({
  calls: t.field({
    type: CallConnection,
    description: "The agent's calls, newest first.",
    args: defineConnectionArgs(t),
    resolve: (agent, args, ctx, info) =>
      listAgentCalls(ctx, agent, { ...args, path: responsePathAsArray(info.path) }),
  }),
}));
