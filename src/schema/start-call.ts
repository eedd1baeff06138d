import { builder } from '../builder.js';
import { recordCall } from '../services/calls/record-call.js';
import { startCall } from '../services/calls/start-call.js';
import { CallType } from './call.js';
import { CallDirectionEnum, CallStatusEnum } from './enums.js';
import { definePayload, idempotencyKeyArg } from './mutation.js';
import {
  CxStartCallInput,
  LlamadaProAgentCallInput,
  LlamadaProBridgeCallInput,
  LlamadaProVoiceAgentCallInput,
  OviaStartCallInput,
} from './start-call-inputs.js';

/*
 * Starting calls on the call vendors (the @oneOf StartCallInput, one form per vendor dialect),
 * and recording in LlamadaPro a call made elsewhere (recordCall).
 */

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

export const StartCallPayload = definePayload(
  'StartCallPayload',
  'call',
  CallType,
  'The call started (or recorded), as the vendor answered it.',
);

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
    resolve: (_, args, ctx) => startCall(ctx, args),
  }),
);

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
    teamId: t.id({
      required: false,
      description:
        "The LlamadaPro team's numeric id, given as a number or a string of digits; sent as a number.",
    }),
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
    funnelConversationId: t.id({
      required: false,
      description:
        "The LlamadaPro funnel conversation's numeric id, given as a number or a string of digits; sent as a number.",
    }),
    sessionId: t.id({
      required: false,
      description:
        "The LlamadaPro session's numeric id, given as a number or a string of digits; sent as a number.",
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
    resolve: (_, args, ctx) => recordCall(ctx, args),
  }),
);
