import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { e164, numericId, sendIfGiven, text, uuid } from '../mutations/inputs.js';
import { runMutation, type MutationOutcome } from '../mutations/run-mutation.js';
import { definePayload, UserErrorType, idempotencyKeyArg } from './mutation.js';
import { localId } from '../ids.js';
import { CALL_DIRECTIONS, CALL_STATUSES, CHANNELS, type Call } from '../model/call.js';
import { toCxChannel } from '../vendors/cx/map.js';
import {
  toLlamadaProDirection,
  toLlamadaProStatus,
  type CallRecording,
} from '../vendors/llamadapro/map.js';
import { invalidInput } from '../errors.js';
import { CallType } from './call.js';
import { CallDirectionEnum, CallStatusEnum, ChannelEnum } from './enums.js';

/*
 * Starting and recording calls on the call vendors: the @oneOf StartCallInput with one form per
 * vendor dialect, recordCall (LlamadaPro CreateCall) and loadRecording.
 */

const LOCALIZATIONS = ['CL', 'MX', 'CO', 'PE', 'US'] as const;
const localization = z.enum(LOCALIZATIONS, { error: 'must be one of CL, MX, CO, PE, US' });
const jsonObject = z.record(z.string(), z.unknown(), { error: 'must be a JSON object' });
const positive = z.number().positive({ error: 'must be greater than 0' });
const nonNegative = z.number().min(0, { error: 'must not be negative' });
const fraction = nonNegative.max(1, { error: 'must be between 0 and 1' });
/** LlamadaPro's numeric ids, given as strings of digits, go upstream as the numbers they are. */
const llamadaProNumber = numericId.transform(Number);
const callDirection = z.enum(CALL_DIRECTIONS);

const OviaStartCallInput = builder.inputType('OviaStartCallInput', {
  description: 'An Ovia call (POST /api/v1/calls on Ovia).',
  fields: (t) => ({
    userId: t.string({ required: true, description: 'The Ovia user placing the call (UUID).' }),
    agentId: t.string({ required: true, description: 'The Ovia agent that talks (UUID).' }),
    type: t.string({ required: true, description: 'The kind of call, e.g. `phone_call`.' }),
    direction: t.field({
      type: CallDirectionEnum,
      required: true,
      description: 'INBOUND or OUTBOUND; sent lower-case.',
    }),
    fromNumber: t.string({ required: true, description: 'The calling number (E.164).' }),
    toNumber: t.string({ required: true, description: 'The called number (E.164).' }),
    phoneNumberId: t.string({
      required: true,
      description: 'The Ovia phone number the call goes through (UUID).',
    }),
  }),
});

const AgentCallPersonalityInput = builder.inputType('AgentCallPersonalityInput', {
  description: "The LlamadaPro agent's personality on one call.",
  fields: (t) => ({
    name: t.string({ required: false, description: 'The name the agent gives itself.' }),
    communicationStyle: t.string({
      required: false,
      description: 'How it speaks, e.g. `professional`.',
    }),
    customTraits: t.string({ required: false, description: 'Further traits, in prose.' }),
  }),
});

const AgentCallContactInfoInput = builder.inputType('AgentCallContactInfoInput', {
  description: 'What the LlamadaPro agent knows of the person it calls.',
  fields: (t) => ({
    firstName: t.string({ required: false, description: "The person's first name." }),
    lastName: t.string({ required: false, description: "The person's last name." }),
    company: t.string({ required: false, description: 'Where the person works.' }),
    additionalInfo: t.field({
      type: 'JSON',
      required: false,
      description: 'More facts about the person: an object of string values.',
    }),
  }),
});

const VapiModelChoiceInput = builder.inputType('VapiModelChoiceInput', {
  description: 'Which language model Vapi runs.',
  fields: (t) => ({
    provider: t.string({ required: false, description: 'The model vendor, e.g. `openai`.' }),
    model: t.string({ required: false, description: 'The model, e.g. `gpt-4o`.' }),
  }),
});

const VapiModelConfigInput = builder.inputType('VapiModelConfigInput', {
  description: "Vapi's language-model settings.",
  fields: (t) => ({
    maxTokens: t.float({ required: false, description: 'Most tokens per answer (> 0).' }),
    temperature: t.float({ required: false, description: 'Sampling temperature (>= 0).' }),
    model: t.field({
      type: VapiModelChoiceInput,
      required: false,
      description: 'Which model.',
    }),
  }),
});

const VapiVoiceConfigInput = builder.inputType('VapiVoiceConfigInput', {
  description: "Vapi's text-to-speech settings.",
  fields: (t) => ({
    provider: t.string({ required: false, description: 'The voice vendor, e.g. `11labs`.' }),
    voiceId: t.string({ required: false, description: "The voice, by the vendor's id." }),
    model: t.string({ required: false, description: "The vendor's voice model." }),
    speed: t.float({ required: false, description: 'Speaking speed (> 0).' }),
    stability: t.float({ required: false, description: 'Voice stability (0 to 1).' }),
    style: t.float({ required: false, description: 'Style exaggeration (0 to 1).' }),
    optimizeStreamingLatency: t.float({
      required: false,
      description: 'Latency optimization level (>= 0).',
    }),
  }),
});

const VapiTranscriberConfigInput = builder.inputType('VapiTranscriberConfigInput', {
  description: "Vapi's speech-to-text settings.",
  fields: (t) => ({
    provider: t.string({
      required: false,
      description: 'The transcription vendor, e.g. `deepgram`.',
    }),
    model: t.string({ required: false, description: "The vendor's model, e.g. `nova-2`." }),
    localization: t.string({
      required: false,
      description: 'The speech variant: one of CL, MX, CO, PE, US.',
    }),
    confidenceThreshold: t.float({
      required: false,
      description: 'Words below this confidence are dropped (0 to 1).',
    }),
    keywords: t.stringList({ required: false, description: 'Words to listen for.' }),
  }),
});

const VapiProviderConfigInput = builder.inputType('VapiProviderConfigInput', {
  description:
    'Vapi-specific settings of a LlamadaPro agent call; giving them sends `provider: "vapi"`.',
  fields: (t) => ({
    model: t.field({
      type: VapiModelConfigInput,
      required: false,
      description: 'The language model.',
    }),
    voice: t.field({ type: VapiVoiceConfigInput, required: false, description: 'The voice.' }),
    transcriber: t.field({
      type: VapiTranscriberConfigInput,
      required: false,
      description: 'The transcriber.',
    }),
  }),
});

const LlamadaProAgentCallInput = builder.inputType('LlamadaProAgentCallInput', {
  description: 'A LlamadaPro AI-agent call described by its objectives (StartAgentCall).',
  fields: (t) => ({
    toPhoneNumber: t.string({ required: true, description: 'The number to call (E.164).' }),
    fromPhoneNumber: t.string({
      required: false,
      description: 'The number to call from (E.164); LlamadaPro picks one when left out.',
    }),
    objectives: t.stringList({
      required: true,
      description: 'What the agent must achieve; at least one.',
    }),
    userId: t.int({ required: false, description: 'The LlamadaPro user the call is for.' }),
    personality: t.field({
      type: AgentCallPersonalityInput,
      required: false,
      description: "The agent's personality.",
    }),
    localization: t.string({
      required: false,
      description: 'The Spanish (or English) variant spoken: one of CL, MX, CO, PE, US.',
    }),
    constraints: t.stringList({
      required: false,
      description: 'What the agent must not do.',
    }),
    contactInfo: t.field({
      type: AgentCallContactInfoInput,
      required: false,
      description: 'Who the agent calls.',
    }),
    knowledgeBase: t.string({
      required: false,
      description: 'Facts the agent may draw on, in prose.',
    }),
    taskSteps: t.stringList({ required: false, description: 'The steps to follow, in order.' }),
    maxDurationSeconds: t.float({
      required: false,
      description: 'Hang up after this many seconds (> 0).',
    }),
    silenceTimeoutSeconds: t.float({
      required: false,
      description: 'Hang up after this many seconds of silence (> 0).',
    }),
    customData: t.field({
      type: 'JSON',
      required: false,
      description: 'An object stored with the call.',
    }),
    providerConfig: t.field({
      type: VapiProviderConfigInput,
      required: false,
      description: 'Vapi settings; when given, the call runs on Vapi.',
    }),
  }),
});

const LlamadaProVoiceAgentCallInput = builder.inputType('LlamadaProVoiceAgentCallInput', {
  description: 'A call by a configured LlamadaPro voice agent (StartAgentCall, voiceAgentId form).',
  fields: (t) => ({
    voiceAgentId: t.string({
      required: true,
      description: "The voice agent: LlamadaPro's numeric id, as a string.",
    }),
    to: t.string({ required: true, description: 'The number to call (E.164).' }),
    contextVariables: t.field({
      type: 'JSON',
      required: true,
      description: "An object of values for the agent's prompt, e.g. the customer's name.",
    }),
    customData: t.field({
      type: 'JSON',
      required: false,
      description: 'An object stored with the call.',
    }),
  }),
});

const LlamadaProBridgeCallInput = builder.inputType('LlamadaProBridgeCallInput', {
  description: 'A LlamadaPro bridge call connecting a person to a number (StartBridgeCall).',
  fields: (t) => ({
    from: t.string({
      required: false,
      description: 'The number to call from (E.164); LlamadaPro picks one when left out.',
    }),
    to: t.string({ required: true, description: 'The number to call (E.164).' }),
    callCustomData: t.field({
      type: 'JSON',
      required: false,
      description: 'An object stored with the call.',
    }),
  }),
});

const CxStartCallInput = builder.inputType('CxStartCallInput', {
  description: 'A CX interaction: the agent reaches the customer on a channel.',
  fields: (t) => ({
    agentId: t.string({ required: true, description: 'The CX agent (UUID).' }),
    channel: t.field({
      type: ChannelEnum,
      required: true,
      description: 'How to reach the customer; sent lower-case.',
    }),
    skillId: t.string({ required: true, description: 'The CX skill to use (UUID).' }),
    customerName: t.string({ required: true, description: "The customer's name." }),
    customerPhone: t.string({ required: true, description: "The customer's number (E.164)." }),
  }),
});

const StartCallInput = builder.inputType('StartCallInput', {
  description: 'Exactly one way to start a call, each on its vendor.',
  isOneOf: true,
  fields: (t) => ({
    ovia: t.field({ type: OviaStartCallInput, description: 'An Ovia call.' }),
    llamadaproAgent: t.field({
      type: LlamadaProAgentCallInput,
      description: 'A LlamadaPro AI-agent call described by its objectives.',
    }),
    llamadaproVoiceAgent: t.field({
      type: LlamadaProVoiceAgentCallInput,
      description: 'A call by a configured LlamadaPro voice agent.',
    }),
    llamadaproBridge: t.field({
      type: LlamadaProBridgeCallInput,
      description: 'A LlamadaPro bridge call.',
    }),
    cx: t.field({ type: CxStartCallInput, description: 'A CX interaction on any channel.' }),
  }),
});

const vapiConfig = z.object({
  model: sendIfGiven(
    z.object({
      maxTokens: sendIfGiven(positive.int({ error: 'must be a whole number' })),
      temperature: sendIfGiven(nonNegative),
      model: sendIfGiven(
        z.object({ provider: sendIfGiven(text(100)), model: sendIfGiven(text(200)) }),
      ),
    }),
  ),
  voice: sendIfGiven(
    z.object({
      provider: sendIfGiven(text(100)),
      voiceId: sendIfGiven(text(200)),
      model: sendIfGiven(text(200)),
      speed: sendIfGiven(positive),
      stability: sendIfGiven(fraction),
      style: sendIfGiven(fraction),
      optimizeStreamingLatency: sendIfGiven(nonNegative),
    }),
  ),
  transcriber: sendIfGiven(
    z.object({
      provider: sendIfGiven(text(100)),
      model: sendIfGiven(text(200)),
      localization: sendIfGiven(localization),
      confidenceThreshold: sendIfGiven(fraction),
      keywords: sendIfGiven(z.array(text(200))),
    }),
  ),
});

const startCallArgs = z.object({
  input: z.object({
    ovia: sendIfGiven(
      z.object({
        userId: uuid,
        agentId: uuid,
        type: text(100),
        direction: callDirection,
        fromNumber: e164,
        toNumber: e164,
        phoneNumberId: uuid,
      }),
    ),
    llamadaproAgent: sendIfGiven(
      z.object({
        toPhoneNumber: e164,
        fromPhoneNumber: sendIfGiven(e164),
        objectives: z.array(text(2_000)).min(1, { error: 'must hold at least one objective' }),
        userId: sendIfGiven(positive.int()),
        personality: sendIfGiven(
          z.object({
            name: sendIfGiven(text(200)),
            communicationStyle: sendIfGiven(text(200)),
            customTraits: sendIfGiven(text(2_000)),
          }),
        ),
        localization: sendIfGiven(localization),
        constraints: sendIfGiven(z.array(text(2_000))),
        contactInfo: sendIfGiven(
          z.object({
            firstName: sendIfGiven(text(200)),
            lastName: sendIfGiven(text(200)),
            company: sendIfGiven(text(200)),
            additionalInfo: sendIfGiven(
              z.record(z.string(), z.string(), { error: 'must be an object of strings' }),
            ),
          }),
        ),
        knowledgeBase: sendIfGiven(text(100_000)),
        taskSteps: sendIfGiven(z.array(text(2_000))),
        maxDurationSeconds: sendIfGiven(positive),
        silenceTimeoutSeconds: sendIfGiven(positive),
        customData: sendIfGiven(jsonObject),
        providerConfig: sendIfGiven(vapiConfig),
      }),
    ),
    llamadaproVoiceAgent: sendIfGiven(
      z.object({
        voiceAgentId: llamadaProNumber,
        to: e164,
        contextVariables: jsonObject,
        customData: sendIfGiven(jsonObject),
      }),
    ),
    llamadaproBridge: sendIfGiven(
      z.object({
        from: sendIfGiven(e164),
        to: e164,
        callCustomData: sendIfGiven(jsonObject),
      }),
    ),
    cx: sendIfGiven(
      z.object({
        agentId: uuid,
        channel: z.enum(CHANNELS),
        skillId: uuid,
        customerName: text(200),
        customerPhone: e164,
      }),
    ),
  }),
});
type StartCallArgs = z.output<typeof startCallArgs>;

export const StartCallPayload = definePayload(
  'StartCallPayload',
  'call',
  CallType,
  'The call started (or recorded), as the vendor answered it.',
);

/** Sends the one member GraphQL's @oneOf rule let through to its vendor. */
async function startCall(ctx: Context, { input }: StartCallArgs): Promise<Call> {
  if (input.ovia) {
    const connector = ctx.vendor('ovia');
    const ovia = input.ovia;
    return connector.startCall({
      user_id: ovia.userId,
      agent_id: ovia.agentId,
      type: ovia.type,
      direction: ovia.direction === 'OUTBOUND' ? 'outbound' : 'inbound',
      from_number: ovia.fromNumber,
      to_number: ovia.toNumber,
      phone_number_id: ovia.phoneNumberId,
    });
  }
  if (input.llamadaproAgent) {
    const { providerConfig, ...agent } = input.llamadaproAgent;
    return ctx.vendor('llamadapro').startAgentCall({
      ...agent,
      ...(providerConfig ? { provider: 'vapi', providerConfig } : {}),
    });
  }
  if (input.llamadaproVoiceAgent) {
    return ctx.vendor('llamadapro').startVoiceAgentCall(input.llamadaproVoiceAgent);
  }
  if (input.llamadaproBridge)
    return ctx.vendor('llamadapro').startBridgeCall(input.llamadaproBridge);
  if (input.cx) {
    const connector = ctx.vendor('cx');
    return connector.startInteraction({ ...input.cx, channel: toCxChannel(input.cx.channel) });
  }
  // GraphQL's @oneOf rule lets exactly one member through; this is only reached if it did not.
  throw invalidInput('give exactly one way to start the call', { field: ['input'] });
}

builder.mutationField('startCall', (t) =>
  t.field({
    type: StartCallPayload,
    description:
      'Starts a call on Ovia, LlamadaPro (three ways) or CX and answers it as a unified Call. Never retried: a repeat would dial twice, so pass an idempotencyKey to make retries safe.',
    args: {
      input: t.arg({
        type: StartCallInput,
        required: true,
        description: 'Which vendor, and how; exactly one member.',
      }),
      idempotencyKey: idempotencyKeyArg(t),
    },
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'startCall',
        args: { input: args.input },
        schema: startCallArgs,
        idempotencyKey: args.idempotencyKey,
        run: async (input) => primeCall(ctx, await startCall(ctx, input)),
      }),
  }),
);

function primeCall(ctx: Context, call: Call): Call {
  ctx.loaders.call.prime(localId(call.provider, call.providerId), call);
  return call;
}

const RecordCallInput = builder.inputType('RecordCallInput', {
  description:
    'A call that happened outside LlamadaPro, to record there (CreateCall). Phone numbers are E.164.',
  fields: (t) => ({
    status: t.field({
      type: CallStatusEnum,
      required: true,
      description: 'How the call went; UNKNOWN is refused. Sent in LlamadaPro’s spelling.',
    }),
    direction: t.field({
      type: CallDirectionEnum,
      required: true,
      description: 'Sent as LlamadaPro’s `outgoing` / `incoming`.',
    }),
    from: t.string({ required: true, description: 'The calling number (E.164).' }),
    to: t.string({ required: true, description: 'The called number (E.164).' }),
    startedAt: t.field({ type: 'DateTime', required: true, description: 'When it started.' }),
    durationSeconds: t.float({
      required: false,
      description: 'How long it lasted, in seconds (>= 0); null when unknown.',
    }),
    userId: t.int({ required: false, description: 'The LlamadaPro user who made or took it.' }),
    teamId: t.string({ required: false, description: "The LlamadaPro team's numeric id." }),
    redirectedTo: t.string({
      required: false,
      description: 'The number it was forwarded to (E.164).',
    }),
    providerId: t.string({
      required: false,
      description: "The call's id at the telephony provider that carried it.",
    }),
    providerName: t.string({
      required: false,
      description: 'The telephony provider that carried it, e.g. `twilio`.',
    }),
    funnelConversationId: t.string({
      required: false,
      description: "The LlamadaPro funnel conversation's numeric id.",
    }),
    sessionId: t.string({
      required: false,
      description: "The LlamadaPro session's numeric id.",
    }),
    metadata: t.field({
      type: 'JSON',
      required: false,
      description: 'Anything to keep with the call; null when left out.',
    }),
    customData: t.field({
      type: 'JSON',
      required: false,
      description: 'Your own data about the call.',
    }),
  }),
});

/** LlamadaPro spells statuses lower-case with dashes (`in-progress`, `no-answer`). */

const recordCallArgs = z.object({
  input: z.object({
    status: z
      .enum(CALL_STATUSES)
      .refine((status) => status !== 'UNKNOWN', { error: 'must be a known status' }),
    direction: callDirection,
    from: e164,
    to: e164,
    startedAt: z.date(),
    durationSeconds: nonNegative.nullish(),
    userId: positive.int().nullish(),
    teamId: sendIfGiven(llamadaProNumber),
    redirectedTo: sendIfGiven(e164),
    providerId: sendIfGiven(text(200)),
    providerName: sendIfGiven(text(100)),
    funnelConversationId: sendIfGiven(llamadaProNumber),
    sessionId: sendIfGiven(llamadaProNumber),
    metadata: z.unknown().optional(),
    customData: sendIfGiven(z.unknown()),
  }),
});

builder.mutationField('recordCall', (t) =>
  t.field({
    type: StartCallPayload,
    description:
      'Records in LlamadaPro a call that happened elsewhere (CreateCall), so it shows in `calls` with the rest.',
    args: {
      input: t.arg({
        type: RecordCallInput,
        required: true,
        description: 'The call to record.',
      }),
      idempotencyKey: idempotencyKeyArg(t),
    },
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'recordCall',
        args: { input: args.input },
        schema: recordCallArgs,
        idempotencyKey: args.idempotencyKey,
        run: async ({ input }) => {
          const { status, direction, startedAt, durationSeconds, userId, ...rest } = input;
          const call = await ctx.vendor('llamadapro').createCall({
            ...rest,
            status: toLlamadaProStatus(status),
            direction: toLlamadaProDirection(direction),
            startTime: startedAt.toISOString(),
            // The document requires these members; null says "not known".
            duration: durationSeconds ?? null,
            userId: userId ?? null,
            metadata: rest.metadata ?? null,
          });
          return primeCall(ctx, call);
        },
      }),
  }),
);

const CallRecordingType = builder.objectRef<CallRecording>('CallRecording').implement({
  description: 'A recording LlamadaPro holds for one of its calls.',
  fields: (t) => ({
    url: t.exposeString('url', { nullable: true, description: 'Where the audio is.' }),
    durationSeconds: t.exposeFloat('durationSeconds', {
      nullable: true,
      description: 'Length of the audio in seconds.',
    }),
    dualChannel: t.exposeBoolean('dualChannel', {
      nullable: true,
      description: 'Whether each side is on its own channel.',
    }),
    startedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the recorded call started.',
      resolve: (recording) => recording.startedAt,
    }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When LlamadaPro stored the recording.',
      resolve: (recording) => recording.createdAt,
    }),
    callId: t.exposeString('callId', {
      nullable: true,
      description: "The LlamadaPro call it belongs to: LlamadaPro's own id, not a global id.",
    }),
    call: t.field({
      type: CallType,
      nullable: true,
      description: 'The LlamadaPro call it belongs to.',
      resolve: (recording, _, ctx) =>
        recording.callId === null
          ? null
          : ctx.loaders.call.load(localId('LLAMADAPRO', recording.callId)),
    }),
  }),
});

const LoadRecordingInput = builder.inputType('LoadRecordingInput', {
  description:
    'A recording to load into LlamadaPro (LoadRecording); LlamadaPro files it under a new call.',
  fields: (t) => ({
    userId: t.int({ required: true, description: 'The LlamadaPro user it belongs to.' }),
    url: t.string({ required: true, description: 'Where LlamadaPro fetches the audio (http(s)).' }),
    callTo: t.string({ required: false, description: 'The called number (E.164).' }),
    callFrom: t.string({ required: false, description: 'The calling number (E.164).' }),
    callDirection: t.field({
      type: CallDirectionEnum,
      required: false,
      description: 'Sent as LlamadaPro’s `outgoing` / `incoming`.',
    }),
    callStartTime: t.field({
      type: 'DateTime',
      required: false,
      description: 'When the recorded call started.',
    }),
  }),
});

const loadRecordingArgs = z.object({
  input: z.object({
    userId: positive.int(),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    callTo: sendIfGiven(e164),
    callFrom: sendIfGiven(e164),
    callDirection: sendIfGiven(callDirection),
    callStartTime: sendIfGiven(z.date()),
  }),
});

// Hand-written rather than definePayload: LlamadaPro may succeed without a body (no recording).
const LoadRecordingPayload = builder
  .objectRef<MutationOutcome<CallRecording | null>>('LoadRecordingPayload')
  .implement({
    description: 'The recording loaded, and what went wrong.',
    fields: (t) => ({
      recording: t.field({
        type: CallRecordingType,
        nullable: true,
        description:
          'The recording, or null when the mutation failed (or LlamadaPro answered no body, then without userErrors).',
        resolve: (outcome) => outcome.result ?? null,
      }),
      userErrors: t.field({
        type: [UserErrorType],
        description: 'Empty on success.',
        resolve: (outcome) => outcome.userErrors,
      }),
    }),
  });

builder.mutationField('loadRecording', (t) =>
  t.field({
    type: LoadRecordingPayload,
    description: 'Loads a recording into LlamadaPro, which files it under a new call.',
    args: {
      input: t.arg({
        type: LoadRecordingInput,
        required: true,
        description: 'The recording to load.',
      }),
      idempotencyKey: idempotencyKeyArg(t),
    },
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'loadRecording',
        args: { input: args.input },
        schema: loadRecordingArgs,
        idempotencyKey: args.idempotencyKey,
        run: async ({ input }) => {
          const { callDirection: direction, callStartTime, ...rest } = input;
          return ctx.vendor('llamadapro').loadRecording({
            ...rest,
            ...(direction ? { callDirection: toLlamadaProDirection(direction) } : {}),
            ...(callStartTime ? { callStartTime: callStartTime.toISOString() } : {}),
          });
        },
      }),
  }),
);
