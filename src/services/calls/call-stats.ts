import type { Context } from '../../context.js';
import { atPath, invalidInput, providerNotConfigured } from '../../errors.js';
import { encodeGlobalId, localId, type IdScope } from '../../ids.js';
import type { Call } from '../../model/call.js';
import type { CallProvider } from '../../model/provider.js';
import type { Page, PagedSource } from '../../paging/paged-source.js';
import { pagesAfter, readRest } from '../../paging/read-rest.js';
import { reportVendorFailure } from '../list-connection.js';
import { matchesCallFilter, parseCallFilter } from './call-filter.js';

export const CALL_STATS_DIMENSIONS = ['PROVIDER', 'STATUS', 'DIRECTION', 'AGENT', 'DAY'] as const;
export type CallStatsDimension = (typeof CALL_STATS_DIMENSIONS)[number];

/** The key part of a call that has no value for a dimension (no agent, no start time…). */
export const NO_VALUE = 'none';

export interface CallStatsGroup {
  key: string[];
  count: number;
  durationSeconds: number;
  /** The sum of the known costs, or null when the group mixes currencies or has no cost. */
  cost: number | null;
  currency: string | null;
}

export interface CallStats {
  totalCount: number;
  groups: CallStatsGroup[];
  /** False when a vendor failed and its calls are missing. */
  complete: boolean;
}

function keyPart(call: Call, dimension: CallStatsDimension, scope: IdScope): string {
  switch (dimension) {
    case 'PROVIDER':
      return call.provider;
    case 'STATUS':
      return call.status;
    case 'DIRECTION':
      return call.direction ?? NO_VALUE;
    case 'AGENT':
      return call.agent
        ? encodeGlobalId(scope, 'Agent', localId(call.agent.provider, call.agent.providerId))
        : NO_VALUE;
    case 'DAY': {
      const started = call.startedAt === null ? Number.NaN : Date.parse(call.startedAt);
      return Number.isNaN(started) ? NO_VALUE : new Date(started).toISOString().slice(0, 10);
    }
  }
}

/**
 * The currency a call's known cost is in. No vendor states one today; an unstated currency is
 * taken to be the vendor's own, so one vendor's unstated costs add up and two vendors' do not.
 */
function costCurrency(call: Call): string {
  const currency = call.costs?.currency?.trim().toUpperCase();
  return currency ? `code:${currency}` : `unstated:${call.provider}`;
}

interface Accumulator {
  key: string[];
  count: number;
  durationSeconds: number;
  cost: number;
  currencies: Set<string>;
  currency: string | null;
}

/**
 * Groups calls by `dimensions` (one key part per dimension, in their order). A group's cost is
 * the sum of its calls' known costs when they share one currency, else null; calls without a
 * known cost do not take part in that. Groups are ordered by count, largest first, then by key.
 */
export function groupCalls(
  calls: Iterable<Call>,
  dimensions: readonly CallStatsDimension[],
  /** The id scope AGENT keys are given in (`Context.idScope`). */
  scope: IdScope,
): CallStatsGroup[] {
  const groups = new Map<string, Accumulator>();
  for (const call of calls) {
    const key = dimensions.map((dimension) => keyPart(call, dimension, scope));
    const id = JSON.stringify(key);
    let group = groups.get(id);
    if (!group) {
      group = { key, count: 0, durationSeconds: 0, cost: 0, currencies: new Set(), currency: null };
      groups.set(id, group);
    }
    group.count += 1;
    group.durationSeconds += call.durationSeconds ?? 0;
    const total = call.costs?.total;
    if (typeof total === 'number' && Number.isFinite(total)) {
      group.cost += total;
      group.currencies.add(costCurrency(call));
      group.currency = call.costs?.currency?.trim().toUpperCase() || null;
    }
  }
  return [...groups.values()]
    .map((group) => {
      const single = group.currencies.size === 1;
      return {
        key: group.key,
        count: group.count,
        durationSeconds: group.durationSeconds,
        // Rounded to a millionth, so that adding many small floats does not show as noise.
        cost: single ? Math.round(group.cost * 1e6) / 1e6 : null,
        currency: single ? group.currency : null,
      };
    })
    .sort((a, b) => b.count - a.count || compareKeys(a.key, b.key));
}

function compareKeys(a: string[], b: string[]): number {
  for (let index = 0; index < a.length; index += 1) {
    const left = a[index] ?? '';
    const right = b[index] ?? '';
    if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
}

/**
 * A vendor's later pages asked for at once by one summary. The vendor's keep-alive pool holds 64
 * connections (src/http/upstream-client.ts), shared by every operation of the gateway: one
 * summary taking an eighth of it leaves room for the queries beside it, and 8 is what the
 * loaders allow one vendor too (PER_VENDOR_CONCURRENCY, src/loaders/limit.ts). A 10 000-call
 * list is 100 pages: 8 at a time waits out 13 vendor round trips after the first page, not 99.
 */
export const STATS_PAGES_IN_FLIGHT = 8;

interface VendorRead {
  provider: CallProvider;
  source: PagedSource<Call>;
  first: Page<Call> | null;
}

/**
 * `callStats(filter:, groupBy:)`: every call the filter matches, on every call vendor it names,
 * read in the vendors' largest pages (each vendor's native filters used), grouped. Each vendor's
 * first page is read first, the vendors side by side. The query is refused before any further
 * page when their totals add up to more than SWITCHBOARD_STATS_MAX_CALLS (`ctx.statsMaxCalls`),
 * or when the pages still to read are more than the upstream requests the operation has left
 * (SWITCHBOARD_MAX_UPSTREAM_REQUESTS): refused whole rather than read in part. Then every vendor
 * reads its remaining pages, STATS_PAGES_IN_FLIGHT at once where their positions follow from the
 * first page's total (offsets, page numbers), one after another where each comes with the page
 * before (page tokens). A vendor that fails (a page past the fan-out allowance too, which retries
 * or other fields of the operation can use up) leaves all its calls out, makes `complete` false
 * and adds an error at `path`.
 */
export async function callStats(
  ctx: Context,
  args: {
    filter?: unknown;
    groupBy: readonly string[];
    path: ReadonlyArray<string | number>;
  },
): Promise<CallStats> {
  const dimensions = parseDimensions(args.groupBy);
  const { providers, filter } = parseCallFilter(ctx, args.filter);
  const { path } = args;
  let complete = true;
  const fail = (provider: CallProvider, error: unknown) => {
    complete = false;
    reportVendorFailure(ctx, { key: provider, error }, path);
  };

  const reads: VendorRead[] = [];
  for (const provider of providers) {
    const connector = ctx.connectors.callConnector(provider);
    if (!connector) {
      complete = false;
      ctx.reportError(atPath(providerNotConfigured(provider), path));
      continue;
    }
    reads.push({ provider, source: connector.callPages(filter).source, first: null });
  }

  await Promise.all(
    reads.map(async (read) => {
      try {
        read.first = await read.source.fetchPage(read.source.start, read.source.maxPageSize);
      } catch (error) {
        fail(read.provider, error);
      }
    }),
  );
  const toRead = reads.reduce((sum, read) => sum + (read.first?.total ?? 0), 0);
  if (toRead > ctx.statsMaxCalls) {
    throw invalidInput(
      `callStats would read ${toRead} calls, more than the ${ctx.statsMaxCalls} allowed (SWITCHBOARD_STATS_MAX_CALLS); narrow the filter`,
      { field: ['filter'] },
    );
  }
  const scope = ctx.caller.operation;
  if (scope) {
    // Counted as requests whether or not the read cache will answer them: the same query is
    // refused or not whatever the cache holds.
    const pages = reads.reduce(
      (sum, read) =>
        sum + (read.first ? pagesAfter(read.source, read.first, read.source.maxPageSize) : 0),
      0,
    );
    if (pages > scope.remaining) {
      throw invalidInput(
        `callStats would read ${toRead} calls in ${pages} more upstream requests, more than the ${scope.remaining} this operation has left of its ${scope.maxUpstreamRequests} (SWITCHBOARD_MAX_UPSTREAM_REQUESTS); narrow the filter`,
        { field: ['filter'] },
      );
    }
  }

  const lists = await Promise.all(
    reads.map(async (read) => {
      if (!read.first) return [];
      try {
        const calls = await readRest(read.source, read.first, read.source.maxPageSize, {
          inFlight: STATS_PAGES_IN_FLIGHT,
          idOf: (call) => call.providerId,
        });
        return calls.filter((call) => matchesCallFilter(call, filter));
      } catch (error) {
        fail(read.provider, error);
        return [];
      }
    }),
  );
  const calls = lists.flat();
  return { totalCount: calls.length, groups: groupCalls(calls, dimensions, ctx.idScope), complete };
}

function parseDimensions(groupBy: readonly string[]): CallStatsDimension[] {
  const dimensions: CallStatsDimension[] = [];
  for (const value of groupBy) {
    const dimension = CALL_STATS_DIMENSIONS.find((name) => name === value);
    if (!dimension)
      throw invalidInput(`groupBy: unknown dimension ${value}`, { field: ['groupBy'] });
    if (dimensions.includes(dimension)) {
      throw invalidInput(`groupBy names ${dimension} twice`, { field: ['groupBy'] });
    }
    dimensions.push(dimension);
  }
  return dimensions;
}
