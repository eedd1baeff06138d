import { fail, integerQuery, textQuery } from './requests.js';

/*
 * How LlamadaPro's sandbox pages, orders, filters and searches its lists: opaque page tokens,
 * `filterBy=field:value;...`, `sortBy=field=asc|desc,...` and accent-blind free text.
 */

export const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;

// ---------------------------------------------------------------------------------------------
// Paging: an opaque token is base64url("<list>:<offset>"), so a token of one list is refused by another.

function encodeToken(list: string, offset: number): string {
  return Buffer.from(`${list}:${offset}`, 'utf8').toString('base64url');
}

export function decodeToken(list: string, token: string): number {
  const match = /^([\w-]+):(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (match === null || match[1] !== list || encodeToken(list, Number(match[2])) !== token) {
    fail(400, 'pageToken is not valid for this list');
  }
  return Number(match[2]);
}

interface Paging {
  offset: number;
  size: number;
}

export function readPaging(query: URLSearchParams, list: string, sizeParam = 'pageSize'): Paging {
  const size = integerQuery(query, sizeParam, 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE;
  const token = textQuery(query, 'pageToken');
  if (token !== undefined) return { offset: decodeToken(list, token), size };
  const page = integerQuery(query, 'page', 1, 1_000_000);
  return { offset: page === undefined ? 0 : (page - 1) * size, size };
}

export function pageOf<T>(
  items: T[],
  list: string,
  paging: Paging,
): { items: T[]; nextPageToken: string | null; totalCount: number } {
  const end = paging.offset + paging.size;
  return {
    items: items.slice(paging.offset, end),
    nextPageToken: end < items.length ? encodeToken(list, end) : null,
    totalCount: items.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Ordering

export type Comparable = string | number | null;

export function compareValues(a: Comparable, b: Comparable): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

export function byIdAsc(a: { id: number }, b: { id: number }): number {
  return a.id - b.id;
}

/** The given orders in turn, then id ascending, so that every list has one stable order. */
export function orderThenById<T extends { id: number }>(
  sorts: Array<(a: T, b: T) => number>,
): (a: T, b: T) => number {
  return (a, b) => {
    for (const compare of sorts) {
      const order = compare(a, b);
      if (order !== 0) return order;
    }
    return byIdAsc(a, b);
  };
}

export function newestFirst<T extends { id: string | number }>(
  time: (item: T) => string,
): (a: T, b: T) => number {
  return (a, b) => Date.parse(time(b)) - Date.parse(time(a)) || compareValues(a.id, b.id);
}

/** `field=asc|desc`, comma-separated, as the document's `sortBy=createdAt=desc`. */
export function parseSortBy<T>(
  raw: string | undefined,
  keys: Record<string, (item: T) => Comparable>,
): Array<(a: T, b: T) => number> {
  if (raw === undefined) return [];
  return raw
    .split(',')
    .filter((part) => part !== '')
    .map((part) => {
      const [field = '', direction = 'asc'] = part.split(/[=:]/);
      const key = keys[field];
      if (key === undefined || (direction !== 'asc' && direction !== 'desc')) {
        fail(
          400,
          `sortBy: "${part}" must be field=asc|desc with field one of ${Object.keys(keys).join(', ')}`,
        );
      }
      const sign = direction === 'desc' ? -1 : 1;
      return (a: T, b: T) => sign * compareValues(key(a), key(b));
    });
}

// ---------------------------------------------------------------------------------------------
// Filters and free text

/** `field:value;field:value`, as the document's `filterBy=firstName:John;email:x`. */
export function parseFilterBy(
  raw: string | undefined,
  fields: readonly string[],
): Array<[string, string]> {
  if (raw === undefined) return [];
  return raw
    .split(';')
    .filter((part) => part !== '')
    .map((part): [string, string] => {
      const colon = part.indexOf(':');
      const field = colon > 0 ? part.slice(0, colon) : '';
      if (!fields.includes(field))
        fail(400, `filterBy: "${part}" must be field:value with field one of ${fields.join(', ')}`);
      return [field, part.slice(colon + 1)];
    });
}

/** Lower case without accents, for the free-text searches. */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function matchesText(haystack: Array<string | null>, search: string | undefined): boolean {
  if (search === undefined || search.trim() === '') return true;
  const text = fold(haystack.filter((part) => part !== null).join(' '));
  return fold(search)
    .split(/\s+/)
    .filter((term) => term !== '')
    .every((term) => text.includes(term));
}
