import type { Context } from '../../context.js';
import { atPath, providerNotConfigured } from '../../errors.js';
import type { AgentRef, Call, CallFilter } from '../../model/call.js';
import { providerRank, type CallProvider } from '../../model/provider.js';
import type { MergeInput } from '../../paging/merged-list.js';
import type { KeyOrder, SortKey } from '../../paging/paged-source.js';
import { FIRST_DEFAULT, listConnection, validateFirst, type ListArgs } from '../list-connection.js';
import type { ConnectionShape } from '../../model/connection.js';
import {
  callSortKey,
  filterFingerprint,
  matchesCallFilter,
  parseCallFilter,
} from './call-filter.js';
import { primeCall } from './get-call.js';

/**
 * A call's place in the merged order: its sort key, its provider's rank and its vendor id. Kept
 * in cursors, so that a vendor's list that shifted between pages can be resumed by order.
 */
function callKey(call: Call): SortKey {
  return [callSortKey(call), providerRank(call.provider), call.providerId];
}

function compareCallKeys(a: SortKey, b: SortKey): number {
  // Keys come back from clients' cursors too; a part of the wrong type compares as missing.
  const number = (value: unknown) => (typeof value === 'number' ? value : null);
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const keyA = number(a[0]);
  const keyB = number(b[0]);
  if (keyA !== keyB) {
    if (keyA === null) return -1;
    if (keyB === null) return 1;
    return keyB - keyA;
  }
  const rank = (number(a[1]) ?? -1) - (number(b[1]) ?? -1);
  if (rank !== 0) return rank;
  const idA = text(a[2]);
  const idB = text(b[2]);
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

/** The merged order of calls, on keys; see `compareCalls`. */
export const CALL_ORDER: KeyOrder<Call> = { keyOf: callKey, compare: compareCallKeys };

/**
 * Newest first (`startedAt`, else creation time, descending); calls with neither are upcoming
 * and come first; ties go by provider in the enum's order, then by vendor id as a string.
 */
export function compareCalls(a: Call, b: Call): number {
  return compareCallKeys(callKey(a), callKey(b));
}

/** `calls(filter:)`: the call vendors the filter names (every one by default), merged. */
export function listCalls(
  ctx: Context,
  args: ListArgs & { filter?: unknown },
): Promise<ConnectionShape<Call>> {
  const { providers, filter } = parseCallFilter(ctx, args.filter);
  return mergeCalls(ctx, {
    providers,
    filter,
    first: validateFirst(args.first, FIRST_DEFAULT),
    after: args.after ?? null,
    path: args.path,
  });
}

/** `Agent.calls`: the agent's calls on its own vendor, newest first. */
export function listAgentCalls(
  ctx: Context,
  agent: AgentRef,
  args: ListArgs,
): Promise<ConnectionShape<Call>> {
  return mergeCalls(ctx, {
    providers: [agent.provider],
    filter: { agentId: agent.providerId },
    first: validateFirst(args.first, FIRST_DEFAULT),
    after: args.after ?? null,
    path: args.path,
  });
}

/**
 * The merged, cursor-paged list of calls over several call vendors. Vendors that fail or are not
 * configured add an error at `path` and leave the other vendors' calls in place.
 */
async function mergeCalls(
  ctx: Context,
  options: {
    providers: CallProvider[];
    filter: CallFilter;
    first: number;
    after: string | null;
    path: ReadonlyArray<string | number>;
  },
): Promise<ConnectionShape<Call>> {
  const { providers, filter, first, after, path } = options;
  const inputs: MergeInput<Call>[] = [];
  for (const provider of providers) {
    const connector = ctx.connectors.callConnector(provider);
    if (!connector) {
      ctx.reportError(atPath(providerNotConfigured(provider), path));
      continue;
    }
    const { source, exact } = connector.callPages(filter);
    inputs.push({
      key: provider,
      source,
      exact,
      keep: (call) => matchesCallFilter(call, filter),
      idOf: (call) => call.providerId,
    });
  }
  const connection = await listConnection(ctx, {
    inputs,
    order: CALL_ORDER,
    first,
    after,
    fingerprint: filterFingerprint(providers, filter),
    path,
  });
  for (const { node } of connection.edges) primeCall(ctx, node);
  return connection;
}
