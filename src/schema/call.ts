import { responsePathAsArray } from 'graphql';
import { z } from 'zod';
import { RAW_FIELD } from './scalars.js';
import { builder } from '../builder.js';
import { globalIdOf, text } from '../mutations/inputs.js';
import { runMutation, type MutationOutcome } from '../mutations/run-mutation.js';
import { UserErrorType, idempotencyKeyArg } from './mutation.js';
import { parseCallFilter } from '../calls/call-filter.js';
import { listCalls } from '../calls/list-calls.js';
import { expectGlobalId, localId } from '../ids.js';
import {
  type Call,
  type CallClassification,
  type CallCosts,
  type CallNote,
  type TranscriptEntry,
} from '../model/call.js';
import { isCallProvider } from '../model/provider.js';
import { happyRobotCallId } from '../vendors/happyrobot/ids.js';
import { invalidInput } from '../errors.js';
import { AgentRefType } from './agent.js';
import {
  defineConnection,
  defineConnectionArgs,
  FIRST_DEFAULT,
  validateFirst,
} from './connection.js';
import { CallDirectionEnum, CallStatusEnum, ChannelEnum, ProviderEnum } from './enums.js';

const TranscriptEntryType = builder.objectRef<TranscriptEntry>('TranscriptEntry').implement({
  description: 'One utterance of a call transcript.',
  fields: (t) => ({
    role: t.exposeString('role', {
      nullable: true,
      description: 'Who spoke, as the vendor names it (agent, user, customer…).',
    }),
    content: t.exposeString('content', { description: 'What was said.' }),
    timestamp: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was said.',
      resolve: (entry) => entry.timestamp,
    }),
  }),
});

const CallCostsType = builder.objectRef<CallCosts>('CallCosts').implement({
  description: 'What a call cost, split the way the vendor reports it.',
  fields: (t) => ({
    total: t.exposeFloat('total', { nullable: true, description: 'Total cost.' }),
    llm: t.exposeFloat('llm', { nullable: true, description: 'Language-model cost.' }),
    stt: t.exposeFloat('stt', { nullable: true, description: 'Speech-to-text cost.' }),
    tts: t.exposeFloat('tts', { nullable: true, description: 'Text-to-speech cost.' }),
    telephony: t.exposeFloat('telephony', {
      nullable: true,
      description: 'Telephony (carrier) cost.',
    }),
    currency: t.exposeString('currency', {
      nullable: true,
      description: 'ISO 4217 currency, when the vendor says.',
    }),
  }),
});

const CallNoteType = builder.objectRef<CallNote>('CallNote').implement({
  description: 'A note a person left on a call (HappyRobot).',
  fields: (t) => ({
    id: t.exposeID('id', { description: "The vendor's note id." }),
    content: t.exposeString('content', { description: 'The note text.' }),
    flagged: t.exposeBoolean('flagged', {
      description: 'Whether the note flags the call for attention.',
    }),
    userId: t.exposeString('userId', { nullable: true, description: 'Who wrote it.' }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was written.',
      resolve: (note) => note.createdAt,
    }),
  }),
});

const CallClassificationType = builder
  .objectRef<CallClassification>('CallClassification')
  .implement({
    description: "The vendor's classification of a call's outcome.",
    fields: (t) => ({
      tag: t.exposeString('tag', { description: 'The class, e.g. `appointment_booked`.' }),
      reasoning: t.exposeString('reasoning', {
        nullable: true,
        description: 'Why the vendor chose it.',
      }),
    }),
  });

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
      resolve: async (call, _, ctx) => {
        if (call.recordingUrl !== null || call.provider !== 'LLAMADAPRO') return call.recordingUrl;
        return (await ctx.loaders.recording.load(call.providerId))?.url ?? null;
      },
    }),
    transcript: t.string({
      nullable: true,
      description:
        'The whole transcript as text. LlamadaPro serves it on its own route, read only when asked for.',
      resolve: async (call, _, ctx) => {
        if (call.transcript !== null || call.provider !== 'LLAMADAPRO') return call.transcript;
        return (await ctx.loaders.transcription.load(call.providerId))?.text ?? null;
      },
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
    resolve: (_, args, ctx) => {
      const id = expectGlobalId(args.id, 'Call');
      if (!isCallProvider(id.provider)) throw invalidInput(`${id.provider} has no calls`);
      return ctx.loaders.call.load(localId(id.provider, id.providerId));
    },
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
    resolve: (_, args, ctx, info) => {
      const { providers, filter } = parseCallFilter(args.filter);
      return listCalls(ctx, {
        providers,
        filter,
        first: validateFirst(args.first, FIRST_DEFAULT),
        after: args.after ?? null,
        path: responsePathAsArray(info.path),
      });
    },
  }),
}));

builder.objectFields(AgentRefType, (t) => ({
  calls: t.field({
    type: CallConnection,
    description: "The agent's calls, newest first.",
    args: defineConnectionArgs(t),
    resolve: (agent, args, ctx, info) =>
      listCalls(ctx, {
        providers: [agent.provider],
        filter: { agentId: agent.providerId },
        first: validateFirst(args.first, FIRST_DEFAULT),
        after: args.after ?? null,
        path: responsePathAsArray(info.path),
      }),
  }),
}));

const AddCallNoteInput = builder.inputType('AddCallNoteInput', {
  description: 'A note to add to a HappyRobot call.',
  fields: (t) => ({
    callId: t.id({ required: true, description: 'The global id of a HappyRobot call.' }),
    content: t.string({ required: true, description: 'The note text.' }),
    flagged: t.boolean({
      required: false,
      description: 'Flag the call for attention. Default false.',
    }),
    userId: t.string({ required: false, description: 'Who writes the note.' }),
  }),
});

const addCallNoteArgs = z.object({
  input: z.object({
    callId: globalIdOf('Call', 'HAPPYROBOT').pipe(happyRobotCallId),
    content: text(),
    flagged: z.boolean().nullish(),
    userId: text(200).nullish(),
  }),
});

interface AddedNote {
  note: CallNote | null;
  call: Call;
}

const AddCallNotePayload = builder
  .objectRef<MutationOutcome<AddedNote>>('AddCallNotePayload')
  .implement({
    description: 'The note added, and the call it is on.',
    fields: (t) => ({
      note: t.field({
        type: CallNoteType,
        nullable: true,
        description: 'The new note, or null when the mutation failed.',
        resolve: (outcome) => outcome.result?.note ?? null,
      }),
      call: t.field({
        type: CallType,
        nullable: true,
        description: 'The call with all its notes, or null when the mutation failed.',
        resolve: (outcome) => outcome.result?.call ?? null,
      }),
      userErrors: t.field({
        type: [UserErrorType],
        description: 'Empty on success.',
        resolve: (outcome) => outcome.userErrors,
      }),
    }),
  });

builder.mutationField('addCallNote', (t) =>
  t.field({
    type: AddCallNotePayload,
    description: 'Adds a note to a HappyRobot call.',
    args: {
      input: t.arg({
        type: AddCallNoteInput,
        required: true,
        description: 'The call and the note to leave on it.',
      }),
      idempotencyKey: idempotencyKeyArg(t),
    },
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'addCallNote',
        args: { input: args.input },
        schema: addCallNoteArgs,
        idempotencyKey: args.idempotencyKey,
        run: async ({ input }) => {
          const connector = ctx.vendor('happyrobot');
          const call = await connector.addNote(input.callId, {
            content: input.content,
            flagged: input.flagged ?? false,
            ...(input.userId ? { user_id: input.userId } : {}),
          });
          ctx.loaders.call.prime(localId(call.provider, call.providerId), call);
          // HappyRobot answers the whole call; the new note is the last one with our content.
          const note =
            call.notes.findLast((candidate) => candidate.content === input.content) ?? null;
          return { note, call };
        },
      }),
  }),
);
