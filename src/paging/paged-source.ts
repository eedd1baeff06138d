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
  /**
   * The positions of every page after `first`, the page read at `start` in pages of `size`, in
   * list order, when the vendor's paging lets them be told from that page's total (offsets, page
   * numbers), so that they can be asked for at once. Absent, or null, where each position comes
   * with the page before it (a page token). Call it only with a total already checked against a
   * limit: it answers one position per page.
   */
  positionsAfter?(first: Page<T>, size: number): NativePosition[] | null;
}

export interface StreamPosition {
  pos: NativePosition;
  skip: number;
  size: number;
  /**
   * The id of the item read just before this position. Items added or removed ahead of it move
   * it to another offset; finding it again tells where to go on.
   */
  last?: string;
  /** That item's key in the list's order, to recognise items already read where `last` is lost. */
  key?: SortKey;
}

/** A short key that places an item in a list's order; it travels in cursors, so only JSON values. */
export type SortKey = ReadonlyArray<string | number | null>;

/** A list's order expressed on keys, so that a position can remember where in it it stood. */
export interface KeyOrder<T> {
  keyOf(item: T): SortKey;
  compare(a: SortKey, b: SortKey): number;
}

/** What lets a read resume after the last item it took when the list changed in between. */
export interface Resume<T> {
  idOf?: ((item: T) => string) | undefined;
  /** The order the vendor lists in; without one, only `idOf` can tell items already read. */
  order?: KeyOrder<T> | undefined;
}

/** Cursors stay small: longer ids and key strings are not remembered. */
export const MAX_REMEMBERED_LENGTH = 200;
export const MAX_SORT_KEY_PARTS = 8;

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
 *
 * Vendors page by offset, so items added to (or removed from) a list ahead of `from` shift what
 * lies at `from`. With `resume`, reading goes on right after the item `from` was made after,
 * wherever it has moved, and items known to be read already are dropped.
 */
export async function readItems<T>(
  source: PagedSource<T>,
  from: ResumePoint | null,
  limit: number,
  keep: (item: T) => boolean = () => true,
  pageSize: number = limit,
  resume: Resume<T> = {},
): Promise<ReadResult<T>> {
  const { idOf, order } = resume;
  const items: Array<{ item: T; after: ResumePoint }> = [];
  let position: ResumePoint = from ?? {
    pos: source.start,
    skip: 0,
    size: Math.min(Math.max(pageSize, 1), source.maxPageSize),
  };
  let total: number | null = null;

  const anchor = from && from !== 'done' && idOf ? from.last : undefined;
  const mark = from && from !== 'done' && order ? from.key : undefined;
  let searching = anchor !== undefined || mark !== undefined;
  let dropping = false;
  const isRead = (item: T): boolean =>
    order !== undefined && mark !== undefined && order.compare(order.keyOf(item), mark) <= 0;

  // A page fetched ahead while looking for the anchor is kept for when reading gets there.
  const ahead = new Map<string, Page<T>>();
  const fetchPage = async (pos: NativePosition, size: number): Promise<Page<T>> => {
    const cacheKey = JSON.stringify([pos, size]);
    const known = ahead.get(cacheKey);
    if (known) {
      ahead.delete(cacheKey);
      return known;
    }
    return source.fetchPage(pos, size);
  };

  while (position !== 'done' && items.length < limit) {
    const current: StreamPosition = position;
    const page = await fetchPage(current.pos, current.size);
    total = page.total;
    const pageItems = page.items;
    let nextPosition: ResumePoint =
      page.next === null || pageItems.length === 0
        ? 'done'
        : { pos: page.next, skip: 0, size: current.size };

    let first = current.skip;
    if (searching) {
      const found =
        anchor === undefined || !idOf ? -1 : pageItems.findIndex((item) => idOf(item) === anchor);
      const lastItem = pageItems.at(-1);
      if (found >= 0) {
        first = found + 1;
        searching = false;
        dropping = false;
      } else if (dropping) {
        first = 0;
      } else if (
        mark !== undefined &&
        // Either the anchor was on this page and is gone from it, or the whole page is items
        // read already: the list shifted and only the order tells what is new.
        (current.skip > 0 || (lastItem !== undefined && isRead(lastItem)))
      ) {
        dropping = true;
        first = 0;
      } else if (mark === undefined && current.skip > 0 && page.next !== null) {
        // The anchor was on this page; items added ahead may have pushed it onto the next one.
        const following = await source.fetchPage(page.next, current.size);
        const later = idOf ? following.items.findIndex((item) => idOf(item) === anchor) : -1;
        searching = false;
        if (later >= 0) {
          position = { pos: page.next, skip: later + 1, size: current.size };
          total = following.total;
          ahead.set(JSON.stringify([page.next, current.size]), following);
          continue;
        }
        ahead.set(JSON.stringify([page.next, current.size]), following);
      } else {
        // Where the anchor ended a page, the next page not holding it is the usual case.
        searching = false;
      }
    }

    for (let index = first; index < pageItems.length; index += 1) {
      const item = pageItems[index] as T;
      if (dropping) {
        if (isRead(item)) continue;
        dropping = false;
        searching = false;
      }
      if (!keep(item)) continue;
      const after = remembering(
        index + 1 < pageItems.length
          ? { pos: current.pos, skip: index + 1, size: current.size }
          : nextPosition,
        item,
        resume,
      );
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

/** `at` with what it takes to find `item` again, where that fits in a cursor. */
function remembering<T>(at: ResumePoint, item: T, resume: Resume<T>): ResumePoint {
  if (at === 'done' || (!resume.idOf && !resume.order)) return at;
  const position: StreamPosition = { pos: at.pos, skip: at.skip, size: at.size };
  const id = resume.idOf?.(item);
  if (id !== undefined && id.length <= MAX_REMEMBERED_LENGTH) position.last = id;
  const key = resume.order?.keyOf(item);
  if (key !== undefined && fitsInCursor(key)) position.key = key;
  return position;
}

function fitsInCursor(key: SortKey): boolean {
  return (
    key.length <= MAX_SORT_KEY_PARTS &&
    key.every((part) =>
      typeof part === 'number'
        ? Number.isFinite(part)
        : part === null || part.length <= MAX_REMEMBERED_LENGTH,
    )
  );
}
