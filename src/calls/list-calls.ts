import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';
import { atPath, invalidInput, providerNotConfigured } from '../errors.js';
import type { Call, CallFilter } from '../model/call.js';
import { providerRank, type CallProvider } from '../model/provider.js';
import { readMergedPage, type MergeInput } from '../paging/merged-list.js';
import type { ConnectionShape } from '../schema/connection.js';
import { FIRST_MAX } from '../schema/connection.js';
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

export function validateFirst(first: number | null | undefined, fallback: number): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 0 || value > FIRST_MAX) {
    throw invalidInput(`first must be between 0 and ${FIRST_MAX}`, { field: ['first'] });
  }
  return value;
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
  const page = await readMergedPage({
    inputs,
    compare: (a, b) => compareCalls(a.item, b.item),
    first,
    after,
    fingerprint: filterFingerprint(providers, filter),
  });
  for (const failure of page.failures) reportVendorFailure(ctx, failure, path);
  for (const edge of page.edges) {
    ctx.loaders.call.prime(`${edge.item.provider}:${edge.item.providerId}`, edge.item);
  }
  return {
    edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: edge.item })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: after !== null,
      startCursor: page.startCursor,
      endCursor: page.endCursor,
    },
    totalCount: async () => {
      const total = await page.totalCount();
      for (const failure of total.failures)
        reportVendorFailure(ctx, failure, [...path, 'totalCount']);
      return total.count;
    },
  };
}

function reportVendorFailure(
  ctx: Context,
  failure: { key: string; error: unknown },
  path: ReadonlyArray<string | number>,
): void {
  if (failure.error instanceof GraphQLError) {
    ctx.reportError(atPath(failure.error, path));
    return;
  }
  ctx.logger.error(
    { err: failure.error, provider: failure.key },
    'unexpected error in a vendor list',
  );
  ctx.reportError(
    new GraphQLError('Unexpected error.', {
      path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', provider: failure.key },
    }),
  );
}
