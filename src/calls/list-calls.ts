import type { Context } from '../context.js';
import { atPath, providerNotConfigured } from '../errors.js';
import type { Call, CallFilter } from '../model/call.js';
import { providerRank, type CallProvider } from '../model/provider.js';
import type { MergeInput } from '../paging/merged-list.js';
import { listConnection } from '../paging/list-connection.js';
import { localId } from '../ids.js';
import type { ConnectionShape } from '../schema/connection.js';
import { callSortKey, filterFingerprint, matchesCallFilter } from './call-filter.js';

/**
 * Newest first (`startedAt`, else creation time, descending); calls with neither are upcoming
 * and come first; ties go by provider in the enum's order, then by vendor id as a string.
 */
export function compareCalls(a: Call, b: Call): number {
  const keyA = callSortKey(a);
  const keyB = callSortKey(b);
  if (keyA !== keyB) {
    if (keyA === null) return -1;
    if (keyB === null) return 1;
    return keyB - keyA;
  }
  const rank = providerRank(a.provider) - providerRank(b.provider);
  if (rank !== 0) return rank;
  return a.providerId < b.providerId ? -1 : a.providerId > b.providerId ? 1 : 0;
}

/**
 * The merged, cursor-paged list of calls over several call vendors. Vendors that fail or are not
 * configured add an error at `path` and leave the other vendors' calls in place.
 */
export async function listCalls(
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
    inputs.push({ key: provider, source, exact, keep: (call) => matchesCallFilter(call, filter) });
  }
  const connection = await listConnection(ctx, {
    inputs,
    compare: compareCalls,
    first,
    after,
    fingerprint: filterFingerprint(providers, filter),
    path,
  });
  for (const { node } of connection.edges) {
    ctx.loaders.call.prime(localId(node.provider, node.providerId), node);
  }
  return connection;
}
