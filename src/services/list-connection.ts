import { GraphQLError } from 'graphql';
import type { Context } from '../context.js';
import { PROVIDER_OF, type Connectors } from '../connectors.js';
import { atPath, invalidInput, providerNotConfigured } from '../errors.js';
import type { KeyOrder, PagedSource } from '../paging/paged-source.js';
import type { ConnectionShape } from '../model/connection.js';
import { readMergedPage, type MergeInput } from '../paging/merged-list.js';

/**
 * A Relay connection over one or more vendor lists. A vendor that fails leaves its items out and
 * adds one error at `path`, so a list is never the reason a whole response fails.
 */
export async function listConnection<T>(
  ctx: Context,
  options: {
    inputs: MergeInput<T>[];
    /** Orders items of different vendors; unused with a single vendor. */
    compare?: (a: T, b: T) => number;
    /**
     * The order every vendor lists in, as keys that fit in a cursor. It can stand for `compare`
     * and lets paging drop items already listed when a vendor's list has shifted.
     */
    order?: KeyOrder<T>;
    first: number;
    after: string | null;
    /** Describes the list's arguments; a cursor is only valid for the same fingerprint. */
    fingerprint: string;
    path: ReadonlyArray<string | number>;
  },
): Promise<ConnectionShape<T>> {
  const { order, after, path } = options;
  const compare =
    options.compare ??
    (order ? (a: T, b: T) => order.compare(order.keyOf(a), order.keyOf(b)) : () => 0);
  const page = await readMergedPage({
    inputs: options.inputs,
    compare: (a, b) => compare(a.item, b.item),
    order,
    first: options.first,
    after,
    fingerprint: options.fingerprint,
  });
  for (const failure of page.failures) reportVendorFailure(ctx, failure, path);
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
      for (const failure of total.failures) {
        reportVendorFailure(ctx, failure, [...path, 'totalCount']);
      }
      return total.count;
    },
  };
}

/**
 * A connection over one vendor's own list. Without a connector for the vendor the list is empty
 * and carries a PROVIDER_NOT_CONFIGURED error.
 */
export function vendorList<K extends keyof Connectors, T extends { providerId: string }>(
  ctx: Context,
  key: K,
  options: {
    source: (connector: NonNullable<Connectors[K]>) => PagedSource<T>;
    first: number;
    after: string | null;
    fingerprint: string;
    path: ReadonlyArray<string | number>;
  },
): Promise<ConnectionShape<T>> {
  const inputs: MergeInput<T>[] = [];
  const connector = ctx.connectors.connectors[key];
  if (connector) {
    inputs.push({
      key,
      source: options.source(connector),
      exact: true,
      keep: () => true,
      idOf: (item) => item.providerId,
    });
  } else {
    ctx.reportError(atPath(providerNotConfigured(PROVIDER_OF[key]), options.path));
  }
  return listConnection(ctx, { ...options, inputs });
}

export function reportVendorFailure(
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

export const FIRST_DEFAULT = 20;
export const FIRST_MAX = 100;

/** `first` with its default, or INVALID_INPUT outside 0..FIRST_MAX. */
export function validateFirst(first: number | null | undefined, fallback: number): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 0 || value > FIRST_MAX) {
    throw invalidInput(`first must be between 0 and ${FIRST_MAX}`, { field: ['first'] });
  }
  return value;
}

/** A list field's `first` and `after` as GraphQL hands them, and where the field sits. */
export interface ListArgs {
  first?: number | null;
  after?: string | null;
  path: ReadonlyArray<string | number>;
}
