import type { z } from 'zod';
import type { Route } from '../../http/route.js';
import type { QueryValue, UpstreamClient } from '../../http/upstream-client.js';
import type { NativePosition, Page, PagedSource } from '../../paging/paged-source.js';
import type { LlamadaProList } from './shared.js';

/** Largest page the GET lists are asked for. */
const MAX_PAGE_SIZE = 100;

export interface TokenListOptions<Raw, T> {
  route: Route;
  schema: z.ZodType<LlamadaProList<Raw>>;
  map: (raw: Raw) => T;
  params?: Record<string, string | number>;
  query?: Record<string, QueryValue>;
  /** The page-size parameter: `pageSize`, except GetTasks which documents `limit`. */
  sizeParam?: 'pageSize' | 'limit';
}

/**
 * Any LlamadaPro list as a PagedSource: the empty token is the first page (no `pageToken`
 * sent), the answer's `nextPageToken` the next one.
 */
export function tokenPages<Raw, T>(
  http: UpstreamClient,
  options: TokenListOptions<Raw, T>,
): PagedSource<T> {
  const sizeParam = options.sizeParam ?? 'pageSize';
  return {
    start: '',
    maxPageSize: MAX_PAGE_SIZE,
    fetchPage: async (pos: NativePosition, size: number): Promise<Page<T>> => {
      const token = String(pos);
      const answer = await http.request({
        route: options.route,
        ...(options.params === undefined ? {} : { params: options.params }),
        query: {
          ...options.query,
          [sizeParam]: clampSize(size, MAX_PAGE_SIZE),
          pageToken: token === '' ? undefined : token,
        },
        schema: options.schema,
      });
      return {
        items: answer.items.map(options.map),
        next: nextToken(answer.nextPageToken),
        // Only the search may leave the count out; then what this page holds is all we know.
        total: answer.totalCount ?? answer.items.length,
      };
    },
  };
}

export function clampSize(size: number, max: number): number {
  return Math.min(Math.max(Math.trunc(size), 1), max);
}

/** An empty token would read as the first page again: it means there is no next page. */
export function nextToken(token: string | null | undefined): string | null {
  return token === null || token === undefined || token === '' ? null : token;
}
