import { readAll } from './read-all.js';
/**
 * Reading a vendor list from any position, whatever its native pagination (offset, page number,
 * page token), so that merged lists can resume each vendor exactly after the last item they took.
 *
 * A position is the vendor's own page position `pos` plus how many items of that page were
 * already consumed (`skip`), with the page size the position was made for.
 */

/** The vendor's native page position: an offset, a page number or a page token. */
export type NativePosition = number | string;

export interface Page<T> {
  items: T[];
  /** Where the following page starts, or null when this is the last page. */
  next: NativePosition | null;
  /** The vendor's count of every item matching the native filter. */
  total: number;
}

export interface PagedSource<T> {
  /** The position of the first page. */
  readonly start: NativePosition;
  /** Largest page the vendor serves. */
  readonly maxPageSize: number;
  fetchPage(pos: NativePosition, size: number): Promise<Page<T>>;
}

export interface StreamPosition {
  pos: NativePosition;
  skip: number;
  size: number;
}

/** `done` when the vendor has nothing after it. */
export type ResumePoint = StreamPosition | 'done';

export interface ReadResult<T> {
  items: Array<{ item: T; after: ResumePoint }>;
  /** Where reading stopped; 'done' when the vendor ran out. */
  end: ResumePoint;
  /** The vendor's total for the native filter, from the last page read. */
  total: number | null;
}

/**
 * Reads up to `limit` items that pass `keep`, starting at `from` (or at the first page, read in
 * pages of `pageSize`). Pages are fetched one after another only while more items are needed,
 * so a vendor that filters natively costs one request.
 */
export async function readItems<T>(
  source: PagedSource<T>,
  from: ResumePoint | null,
  limit: number,
  keep: (item: T) => boolean = () => true,
  pageSize: number = limit,
): Promise<ReadResult<T>> {
  const items: Array<{ item: T; after: ResumePoint }> = [];
  let position: ResumePoint = from ?? {
    pos: source.start,
    skip: 0,
    size: Math.min(Math.max(pageSize, 1), source.maxPageSize),
  };
  let total: number | null = null;

  while (position !== 'done' && items.length < limit) {
    const page = await source.fetchPage(position.pos, position.size);
    total = page.total;
    const current: StreamPosition = position;
    const pageItems = page.items;
    let nextPosition: ResumePoint =
      page.next === null || pageItems.length === 0
        ? 'done'
        : { pos: page.next, skip: 0, size: current.size };

    for (let index = current.skip; index < pageItems.length; index += 1) {
      const after: ResumePoint =
        index + 1 < pageItems.length ? { ...current, skip: index + 1 } : nextPosition;
      const item = pageItems[index] as T;
      if (!keep(item)) continue;
      items.push({ item, after });
      if (items.length === limit) {
        nextPosition = after;
        break;
      }
    }
    position = nextPosition;
  }
  return { items, end: position, total };
}

/** Counts every item that passes `keep` by reading the whole list in the largest pages. */
export async function countItems<T>(
  source: PagedSource<T>,
  keep: (item: T) => boolean,
): Promise<number> {
  return (await readAll(source)).filter(keep).length;
}
