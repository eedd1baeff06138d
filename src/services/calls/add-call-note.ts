import type { Context } from '../../context.js';
import type { AddedCallNote } from '../../model/call-note.js';
import {
  runMutation,
  type MutationArgs,
  type MutationOutcome,
} from '../../mutations/run-mutation.js';
import { addCallNoteArgs } from './add-call-note-inputs.js';
import { primeCall } from './get-call.js';

/** `addCallNote`: HappyRobot is the one call vendor that takes notes. */
export function addCallNote(
  ctx: Context,
  args: MutationArgs,
): Promise<MutationOutcome<AddedCallNote>> {
  return runMutation(ctx, {
    name: 'addCallNote',
    args: { input: args.input },
    schema: addCallNoteArgs,
    idempotencyKey: args.idempotencyKey,
    run: async ({ input: { callId, ...note } }) => {
      const added = await ctx.vendor('happyrobot').addNote(callId, note);
      primeCall(ctx, added.call);
      return added;
    },
  });
}
