import type { Context } from '../../context.js';
import type { AgentRef, Call } from '../../model/call.js';
import type { Problem } from '../../model/problem.js';
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
 * `Problem.agent`: the agent of the problem's call, as that call's vendor names it; Freya's own
 * name for it when the call names another or none.
 */
export async function agentOfProblem(ctx: Context, problem: Problem): Promise<AgentRef | null> {
  if (problem.agentId === null) return null;
  const call = await callOfProblem(ctx, problem);
  if (!call) return null;
  if (call.agent?.providerId === problem.agentId) return call.agent;
  return { provider: call.provider, providerId: problem.agentId, name: problem.agentName };
}
