import { builder } from '../builder.js';
import type { CallClassification, CallCosts, CallNote, TranscriptEntry } from '../model/call.js';

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

export const CallCostsType = builder.objectRef<CallCosts>('CallCosts').implement({
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
