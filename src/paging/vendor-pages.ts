import type { NativePosition, Page, PagedSource } from './paged-source.js';

/** One page as a vendor answers it: its items and its count of every matching item. */
export interface VendorPage<T> {
  items: T[];
  total: number;
}

/** Positions come back from cursors; anything but a whole number at or above `min` is a bug. */
function wholeNumber(pos: NativePosition, min: number, what: string): number {
  const value = typeof pos === 'number' ? pos : Number(pos);
  if (!Number.isInteger(value) || value < min) throw new Error(`invalid ${what} ${String(pos)}`);
  return value;
}

function pageSize(size: number, maxPageSize: number): number {
  return Math.min(Math.max(size, 1), maxPageSize);
}

/**
 * A vendor list paged by `offset` and `limit` (Ovia, Freya): `fetch` reads `limit` items from
 * `offset`; the next page starts after the items read, while the vendor's total says more follow.
 */
export function offsetPages<T>(options: {
  vendor: string;
  maxPageSize: number;
  fetch: (offset: number, limit: number) => Promise<VendorPage<T>>;
}): PagedSource<T> {
  const { vendor, maxPageSize, fetch } = options;
  return {
    start: 0,
    maxPageSize,
    fetchPage: async (pos, size): Promise<Page<T>> => {
      const offset = wholeNumber(pos, 0, `${vendor} list offset`);
      const page = await fetch(offset, pageSize(size, maxPageSize));
      const end = offset + page.items.length;
      return {
        items: page.items,
        next: page.items.length > 0 && end < page.total ? end : null,
        total: page.total,
      };
    },
    // Stepped by what the first page held, as `next` steps: a vendor serving fewer than asked
    // for is still read without a gap.
    positionsAfter: (first) => {
      const step = first.items.length;
      const positions: number[] = [];
      for (let offset = step; step > 0 && offset < first.total; offset += step) {
        positions.push(offset);
      }
      return positions;
    },
  };
}

/**
 * A vendor list paged by page number from 1 and `limit` (CX, HappyRobot): more pages follow
 * while the pages read so far hold fewer items than the vendor's total.
 */
export function numberedPages<T>(options: {
  vendor: string;
  maxPageSize: number;
  fetch: (page: number, limit: number) => Promise<VendorPage<T>>;
}): PagedSource<T> {
  const { vendor, maxPageSize, fetch } = options;
  return {
    start: 1,
    maxPageSize,
    fetchPage: async (pos, size): Promise<Page<T>> => {
      const number = wholeNumber(pos, 1, `${vendor} page`);
      const limit = pageSize(size, maxPageSize);
      const page = await fetch(number, limit);
      return {
        items: page.items,
        next: page.items.length > 0 && number * limit < page.total ? number + 1 : null,
        total: page.total,
      };
    },
    positionsAfter: (first, size) => {
      if (first.items.length === 0) return [];
      const last = Math.ceil(first.total / pageSize(size, maxPageSize));
      const positions: number[] = [];
      for (let number = 2; number <= last; number += 1) positions.push(number);
      return positions;
    },
  };
}

/** A list known to be empty without asking the vendor (a filter that can match nothing). */
export function noPages<T>(maxPageSize: number): PagedSource<T> {
  return { start: 0, maxPageSize, fetchPage: async () => ({ items: [], next: null, total: 0 }) };
}
