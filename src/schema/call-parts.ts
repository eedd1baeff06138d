import { builder } from '../builder.js';
import type {
  CallClassification,
  CallCosts,
  CallNote,
  CallRating,
  CallUsage,
  CallUseCase,
  TranscriptEntry,
} from '../model/call.js';

/* The value types a Call is made of. */

export const TranscriptEntryType = builder.objectRef<TranscriptEntry>('TranscriptEntry').implement({
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

export const CallUsageType = builder.objectRef<CallUsage>('CallUsage').implement({
  description:
    'What a call consumed, in the units the vendor bills by; a member is null where the vendor does not count it. Only Ovia reports usage (its `costs.details`).',
  fields: (t) => ({
    llmPromptTokens: t.exposeFloat('llmPromptTokens', {
      nullable: true,
      description: 'Language-model tokens read (the prompt). Ovia `llm_prompt_tokens`.',
    }),
    llmCompletionTokens: t.exposeFloat('llmCompletionTokens', {
      nullable: true,
      description: 'Language-model tokens written (the answers). Ovia `llm_completion_tokens`.',
    }),
    ttsCharacters: t.exposeFloat('ttsCharacters', {
      nullable: true,
      description: 'Characters turned into speech. Ovia `tts_characters`.',
    }),
    sttAudioSeconds: t.exposeFloat('sttAudioSeconds', {
      nullable: true,
      description: 'Seconds of audio transcribed. Ovia `stt_audio_duration_seconds`.',
    }),
  }),
});

export const CallCostsType = builder.objectRef<CallCosts>('CallCosts').implement({
  description:
    'What a call cost, split the way the vendor reports it (Ovia and HappyRobot; the other vendors report no costs). Amounts are in the vendor’s billing currency.',
  fields: (t) => ({
    total: t.exposeFloat('total', { nullable: true, description: 'Total cost.' }),
    llm: t.exposeFloat('llm', { nullable: true, description: 'Language-model cost.' }),
    llmInput: t.exposeFloat('llmInput', {
      nullable: true,
      description: 'The part of `llm` spent on input (prompt) tokens. HappyRobot `llm.input_cost`.',
    }),
    llmOutput: t.exposeFloat('llmOutput', {
      nullable: true,
      description: 'The part of `llm` spent on output tokens. HappyRobot `llm.output_cost`.',
    }),
    stt: t.exposeFloat('stt', {
      nullable: true,
      description: 'Speech-to-text cost (HappyRobot: its transcriber).',
    }),
    tts: t.exposeFloat('tts', { nullable: true, description: 'Text-to-speech cost.' }),
    telephony: t.exposeFloat('telephony', {
      nullable: true,
      description: 'Telephony (carrier) cost. HappyRobot `voip.total_cost`; Ovia reports none.',
    }),
    telephonyCall: t.exposeFloat('telephonyCall', {
      nullable: true,
      description:
        'The part of `telephony` charged for the call itself. HappyRobot `voip.call_cost`.',
    }),
    answeringMachineDetection: t.exposeFloat('answeringMachineDetection', {
      nullable: true,
      description:
        'The part of `telephony` charged for answering-machine detection. HappyRobot `voip.amd_cost`.',
    }),
    currency: t.exposeString('currency', {
      nullable: true,
      description:
        'ISO 4217 currency, when the vendor says. Neither Ovia’s nor HappyRobot’s document names one, so it is null today.',
    }),
    usage: t.field({
      type: CallUsageType,
      nullable: true,
      description:
        'What the call consumed (tokens, characters, audio seconds); null where the vendor does not say.',
      resolve: (costs) => costs.usage,
    }),
  }),
});

export const CallRatingType = builder.objectRef<CallRating>('CallRating').implement({
  description: 'A person’s rating of a call (HappyRobot `ratings`).',
  fields: (t) => ({
    emoji: t.exposeString('emoji', { description: 'The rating, as an emoji, e.g. ✅.' }),
    email: t.exposeString('email', { nullable: true, description: 'Who rated the call.' }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the call was rated.',
      resolve: (rating) => rating.createdAt,
    }),
  }),
});

export const CallUseCaseType = builder.objectRef<CallUseCase>('CallUseCase').implement({
  description:
    'The HappyRobot use case a call ran under: the agent’s configuration (prompt, extraction and classification definitions; the rest is in `raw.use_case`).',
  fields: (t) => ({
    id: t.exposeString('id', {
      description: 'HappyRobot’s own id of the use case, as `CallFilter.useCaseId` takes it.',
    }),
    name: t.exposeString('name', { nullable: true, description: 'The use case’s name.' }),
    language: t.exposeString('language', {
      nullable: true,
      description: 'The language the use case speaks, as a BCP 47 tag such as `en-US`.',
    }),
  }),
});

export const CallNoteType = builder.objectRef<CallNote>('CallNote').implement({
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

export const CallClassificationType = builder
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
