import type { Context } from '../../context.js';
import type { Call, CallRecording } from '../../model/call.js';
import {
  runMutation,
  type MutationArgs,
  type MutationOutcome,
} from '../../mutations/run-mutation.js';
import { primeCall } from './get-call.js';
import { loadRecordingArgs, recordCallArgs } from './record-call-inputs.js';

/*
 * Calls made elsewhere, recorded in LlamadaPro, the one call vendor that takes them: as a call
 * (`recordCall`) or as a recording it files under a new call (`loadRecording`).
 */

/** `recordCall`. */
export function recordCall(ctx: Context, args: MutationArgs): Promise<MutationOutcome<Call>> {
  return runMutation(ctx, {
    name: 'recordCall',
    args: { input: args.input },
    schema: recordCallArgs,
    idempotencyKey: args.idempotencyKey,
    run: async ({ input }) => primeCall(ctx, await ctx.vendor('llamadapro').createCall(input)),
  });
}

/** `loadRecording`; a success may carry no recording (LlamadaPro documents no answer body). */
export function loadRecording(
  ctx: Context,
  args: MutationArgs,
): Promise<MutationOutcome<CallRecording | null>> {
  return runMutation(ctx, {
    name: 'loadRecording',
    args: { input: args.input },
    schema: loadRecordingArgs,
    idempotencyKey: args.idempotencyKey,
    run: async ({ input }) => ctx.vendor('llamadapro').loadRecording(input),
  });
}
