import type { Context } from '../../context.js';
import { invalidInput } from '../../errors.js';
import type { Call } from '../../model/call.js';
import type { StartCallInput } from '../../model/start-call.js';
import {
  runMutation,
  type MutationArgs,
  type MutationOutcome,
} from '../../mutations/run-mutation.js';
import { primeCall } from './get-call.js';
import { startCallArgs } from './start-call-inputs.js';

/**
 * `startCall`: validates the one form given, then starts the call on that form's vendor, once per
 * idempotency key (a repeat would dial twice).
 */
export function startCall(ctx: Context, args: MutationArgs): Promise<MutationOutcome<Call>> {
  return runMutation(ctx, {
    name: 'startCall',
    args: { input: args.input },
    schema: startCallArgs,
    idempotencyKey: args.idempotencyKey,
    run: async ({ input }) => primeCall(ctx, await startOnVendor(ctx, input)),
  });
}

function startOnVendor(ctx: Context, input: StartCallInput): Promise<Call> {
  if (input.ovia) return ctx.vendor('ovia').startCall(input.ovia);
  if (input.llamadaproAgent) return ctx.vendor('llamadapro').startAgentCall(input.llamadaproAgent);
  if (input.llamadaproVoiceAgent) {
    return ctx.vendor('llamadapro').startVoiceAgentCall(input.llamadaproVoiceAgent);
  }
  if (input.llamadaproBridge)
    return ctx.vendor('llamadapro').startBridgeCall(input.llamadaproBridge);
  if (input.cx) return ctx.vendor('cx').startInteraction(input.cx);
  // GraphQL's @oneOf rule lets exactly one member through; this is only reached if it did not.
  throw invalidInput('give exactly one way to start the call', { field: ['input'] });
}
