import { builder } from '../builder.js';
import { localId } from '../ids.js';
import { AgentRefType } from './agent.js';
import type { Call } from '../model/call.js';
import { callRecordingUrl, callTranscript } from '../services/calls/call-details.js';
import {
  CallClassificationType,
  CallCostsType,
  CallNoteType,
  CallRatingType,
  CallUseCaseType,
  TranscriptEntryType,
} from './call-parts.js';
import { defineConnection } from './connection.js';
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
      description:
        "Data the vendor's AI extracted from the conversation, shaped as the vendor defines it (HappyRobot `extraction`, per use case); null for vendors that extract nothing (Ovia, LlamadaPro, CX).",
      resolve: (call) => call.extraction ?? null,
    }),
    customData: t.field({
      type: 'JSON',
      nullable: true,
      description:
        'Data the caller supplied with the call and the vendor stored as given: LlamadaPro `customData` (what `startCall` and `recordCall` send as `customData` / `callCustomData`), HappyRobot `metadata.custom`; null elsewhere.',
      resolve: (call) => call.customData ?? null,
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
    updatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'When the vendor last changed the record (Ovia `updated_at`, LlamadaPro `updatedAt`); null for CX and HappyRobot, which report none. `CallFilter.updatedAfter` filters on it.',
      resolve: (call) => call.updatedAt,
    }),
    scheduledFor: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        'When a call that has not run yet is planned to run (HappyRobot `scheduled_for`); null on the other vendors.',
      resolve: (call) => call.scheduledFor,
    }),
    campaignId: t.exposeString('campaignId', {
      nullable: true,
      description:
        "HappyRobot's own id of the campaign the call belongs to (`campaign_id`); null on the other vendors.",
    }),
    useCase: t.field({
      type: CallUseCaseType,
      nullable: true,
      description:
        'The HappyRobot use case the call ran under (`use_case`); null on the other vendors.',
      resolve: (call) => call.useCase,
    }),
    ratings: t.field({
      type: [CallRatingType],
      description: 'How people rated the call (HappyRobot `ratings`); empty on the other vendors.',
      resolve: (call) => call.ratings,
    }),
    parentCallId: t.exposeString('parentCallId', {
      nullable: true,
      description:
        "The vendor's own id (not a global id) of the call this one follows from, e.g. a retry or a transfer (HappyRobot `parent_call_id`); null on the other vendors.",
    }),
    tags: t.exposeStringList('tags', {
      description:
        'Labels put on the call (HappyRobot `metadata.tags`); empty on the other vendors.',
    }),
    customerName: t.exposeString('customerName', {
      nullable: true,
      description:
        'The name of the customer the call was with, as the vendor holds it (CX `customerName`).',
    }),
    customerId: t.exposeString('customerId', {
      nullable: true,
      description: "CX's own id of the customer (`customerId`; not a global id).",
    }),
    skillId: t.exposeString('skillId', {
      nullable: true,
      description: "CX's own id of the skill the agent used (`skillId`), as `startCall` takes it.",
    }),
    agentScore: t.exposeFloat('agentScore', {
      nullable: true,
      description:
        "LlamadaPro's score of how the agent did on the call (`agentScore`), on LlamadaPro's scale.",
    }),
    category: t.exposeString('category', {
      nullable: true,
      description:
        "LlamadaPro's category of the call (`category`); the same value is `classification.tag` there.",
    }),
    contactId: t.exposeString('contactId', {
      nullable: true,
      description:
        "LlamadaPro's own id of the contact the call is filed under (`contactId`; not a global id). `contact` finds the contact by phone instead.",
    }),
    funnelConversationId: t.exposeString('funnelConversationId', {
      nullable: true,
      description:
        "LlamadaPro's own id of the funnel conversation the call belongs to (`funnelConversationId`), as `Task.conversationId` holds it.",
    }),
    lastUpdateSequence: t.exposeFloat('lastUpdateSequence', {
      nullable: true,
      description:
        "LlamadaPro's change counter of the call (`lastUpdateSequence`): it grows with every change, so a sync can tell a newer copy from an older one.",
    }),
    raw: t.expose('raw', RAW_FIELD),
  }),
});

export const CallConnection = defineConnection('Call', CallType);
