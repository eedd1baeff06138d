import { builder } from '../builder.js';
import type { CallRecording } from '../model/call.js';
import type { MutationOutcome } from '../mutations/run-mutation.js';
import { callOfRecording, callRecording } from '../services/calls/call-details.js';
import { loadRecording } from '../services/calls/record-call.js';
import { CallType } from './call.js';
import { CallDirectionEnum } from './enums.js';
import { UserErrorType, idempotencyKeyArg } from './mutation.js';

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
      resolve: (recording, _, ctx) => callOfRecording(ctx, recording),
    }),
  }),
});

builder.objectFields(CallType, (t) => ({
  recording: t.field({
    type: CallRecordingType,
    nullable: true,
    description:
      "The call's recording with its details (length, dual channel), where the vendor serves it on a route of its own (LlamadaPro; read only when asked for, one request per call, shared with `recordingUrl`); null on the other vendors, and when the call has none.",
    resolve: (call, _, ctx) => callRecording(ctx, call),
  }),
}));

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
    resolve: (_, args, ctx) => loadRecording(ctx, args),
  }),
);
