import { z } from 'zod';
import type { Context } from '../context.js';
import { expectGlobalId, parseLocalId, type GlobalId, vendorIdOn } from '../ids.js';
import type { Call } from '../model/call.js';
import type { ConnectionShape } from '../model/connection.js';
import {
  PROBLEM_TYPES,
  type CreateProblemInput,
  type Problem,
  type ProblemFilter,
} from '../model/problem.js';
import { nonBlank, sendIfGiven } from '../mutations/inputs.js';
import { runMutation, type MutationArgs, type MutationOutcome } from '../mutations/run-mutation.js';
import { freyaProblemId } from '../vendors/freya/ids.js';
import { filterMember, filterText, parseFilter } from './filters.js';
import { FIRST_DEFAULT, validateFirst, vendorList, type ListArgs } from './list-connection.js';

/** Problems are Freya's; the id must also have the form of a Freya problem id. */
const problemVendorId = (id: Pick<GlobalId, 'provider' | 'providerId'>): string =>
  vendorIdOn(id, 'FREYA', { format: freyaProblemId });

/** A problem as the node interface asks for it, by `PROVIDER:vendorId`. */
export function problemNode(ctx: Context, id: string): Promise<Problem> {
  return ctx.loaders.problem.load(problemVendorId(parseLocalId(id)));
}

export function problemById(ctx: Context, id: string): Promise<Problem> {
  return ctx.loaders.problem.load(problemVendorId(expectGlobalId(ctx, id, 'Problem')));
}

const problemFilterSchema = z.object({
  callId: filterText(),
  status: filterText(),
  resolved: filterMember(z.boolean()),
});

export function listProblems(
  ctx: Context,
  args: ListArgs & { filter?: unknown },
): Promise<ConnectionShape<Problem>> {
  const filter: ProblemFilter = parseFilter(problemFilterSchema, args.filter);
  const first = validateFirst(args.first, FIRST_DEFAULT);
  return vendorList(ctx, 'freya', {
    source: (connector) => connector.problemPages(filter),
    first,
    after: args.after ?? null,
    fingerprint: JSON.stringify([
      'problems',
      filter.callId ?? null,
      filter.status ?? null,
      filter.resolved ?? null,
    ]),
    path: args.path,
  });
}

/** `Call.problems`: batched through Freya's `callIds` filter. */
export function problemsOfCall(ctx: Context, call: Call): Promise<Problem[]> {
  return ctx.loaders.problemsByCallId.load(call.providerId);
}

const createProblemArgs = z.object({
  input: z.object({
    problem: nonBlank(),
    description: sendIfGiven(nonBlank()),
    callId: sendIfGiven(nonBlank()),
    agentId: sendIfGiven(nonBlank()),
    type: sendIfGiven(z.enum(PROBLEM_TYPES)),
    severity: sendIfGiven(
      z
        .number()
        .min(0, { error: 'must be between 0 and 1' })
        .max(1, { error: 'must be between 0 and 1' }),
    ),
    status: sendIfGiven(nonBlank()),
    assignedTo: sendIfGiven(nonBlank()),
    messageId: sendIfGiven(nonBlank()),
  }),
});

export function createProblem(ctx: Context, args: MutationArgs): Promise<MutationOutcome<Problem>> {
  return runMutation(ctx, {
    name: 'createProblem',
    args: { input: args.input },
    schema: createProblemArgs,
    idempotencyKey: args.idempotencyKey,
    run: async ({ input: { problem: title, ...rest } }) => {
      const input: CreateProblemInput = { title, ...rest };
      const filed = await ctx.vendor('freya').fileProblem(input);
      ctx.loaders.problem.prime(filed.providerId, filed);
      return filed;
    },
  });
}
