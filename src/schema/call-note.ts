import { builder } from '../builder.js';
import type { AddedCallNote } from '../model/call-note.js';
import type { MutationOutcome } from '../mutations/run-mutation.js';
import { addCallNote } from '../services/calls/add-call-note.js';
import { CallType } from './call.js';
import { CallNoteType } from './call-parts.js';
import { UserErrorType, idempotencyKeyArg } from './mutation.js';

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

const AddCallNotePayload = builder
  .objectRef<MutationOutcome<AddedCallNote>>('AddCallNotePayload')
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
    resolve: (_, args, ctx) => addCallNote(ctx, args),
  }),
);
