import { builder } from '../builder.js';
import type { CallTranscription } from '../model/call.js';
import { callTranscription } from '../services/calls/call-details.js';
import { CallType } from './call.js';

const CallTranscriptionType = builder.objectRef<CallTranscription>('CallTranscription').implement({
  description:
    'The transcription LlamadaPro holds for one of its calls, served on a route of its own (GetCallTranscription).',
  fields: (t) => ({
    text: t.exposeString('text', {
      nullable: true,
      description: 'The whole transcript as text, as `Call.transcript` gives it.',
    }),
    url: t.exposeString('url', {
      nullable: true,
      description: 'Where LlamadaPro keeps the transcription file.',
    }),
    transcriber: t.exposeString('transcriber', {
      nullable: true,
      description: 'The service that transcribed the call, e.g. `deepgram` (`providerName`).',
    }),
    recordingId: t.exposeString('recordingId', {
      nullable: true,
      description:
        "LlamadaPro's own id of the recording that was transcribed (`recordingId`; not a global id).",
    }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When LlamadaPro stored the transcription.',
      resolve: (transcription) => transcription.createdAt,
    }),
    updatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When LlamadaPro last changed the transcription.',
      resolve: (transcription) => transcription.updatedAt,
    }),
  }),
});

builder.objectFields(CallType, (t) => ({
  transcription: t.field({
    type: CallTranscriptionType,
    nullable: true,
    description:
      "The call's transcription with its details, where the vendor serves it on a route of its own (LlamadaPro; read only when asked for, one request per call, shared with `transcript`); null on the other vendors, and when the call has none.",
    resolve: (call, _, ctx) => callTranscription(ctx, call),
  }),
}));
