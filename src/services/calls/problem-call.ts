import type { Context } from '../../context.js';
import type { AgentRef, Call } from '../../model/call.js';
import type { Problem } from '../../model/problem.js';
import { CALL_PROVIDERS, type CallProvider } from '../../model/provider.js';
import { primeCall } from './get-call.js';

/*
 * A Freya problem names its call by the call vendor's own id, without saying which vendor: it is
 * looked up on every call vendor whose id format fits (docs/vendors/freya.md).
 */

/** `Problem.call`. */
export async function callOfProblem(ctx: Context, problem: Problem): Promise<Call | null> {
  if (problem.callId === null) return null;
  const call = await ctx.loaders.callByVendorId.load(problem.callId);
  return call ? primeCall(ctx, call) : null;
}

/**
 * `Problem.agent`: the agent of the problem's call, as that call's vendor names it; Freya's
 * `agentId` and `agentName` when the call names another or none. When the call is not found
 * (none of the vendors asked has it), the agent is still Freya's, on the one configured call
 * vendor whose id format fits `callId`; if several fit (a UUID: Ovia and CX) or the problem has
 * no call, an agent cannot be put on a vendor and is null.
 */
export async function agentOfProblem(ctx: Context, problem: Problem): Promise<AgentRef | null> {
  if (problem.agentId === null) return null;
  const call = await callOfProblem(ctx, problem);
  if (call?.agent && call.agent.providerId === problem.agentId) return call.agent;
  const provider = call?.provider ?? onlyVendorFitting(ctx, problem.callId);
  if (provider === null) return null;
  return { provider, providerId: problem.agentId, name: problem.agentName };
}

/** The one configured call vendor whose call ids can look like `callId`, if exactly one. */
function onlyVendorFitting(ctx: Context, callId: string | null): CallProvider | null {
  if (callId === null) return null;
  const fitting = CALL_PROVIDERS.filter((provider) =>
    ctx.connectors.callConnector(provider)?.isCallId(callId),
  );
  return fitting.length === 1 ? (fitting[0] ?? null) : null;
}
