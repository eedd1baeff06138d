import type { NativePosition, Page, PagedSource } from './paged-source.js';

export interface ReadRestOptions<T> {
  /** Pages asked for at once, where their positions are known ahead. */
  inFlight: number;
  /**
   * Tells items apart: an item met again on a later page (the list shifted between two pages) is
   * kept only where it came first.
   */
  idOf?: (item: T) => string;
}

/**
 * How many more requests reading the list to its end takes, as its first page (read at
 * `source.start` in pages of `size`) tells: exact where the source can tell the remaining
 * positions, else estimated from the total and what the first page held (a page token).
 */
export function pagesAfter<T>(source: PagedSource<T>, first: Page<T>, size: number): number {
  if (first.next === null || first.items.length === 0) return 0;
  const positions = source.positionsAfter?.(first, size);
  if (positions) return positions.length;
  return Math.max(1, Math.ceil((first.total - first.items.length) / first.items.length));
}

/**
 * Every item of a list from its first page (already read at `source.start` in pages of `size`)
 * to its end, in list order. Where the source can tell the remaining positions from the first
 * page's total, they are asked for at once, `inFlight` at most at a time; otherwise one after
 * another. Either way reading goes on from the last page while it says more follow, so a list
 * that grew after its first page is read to its end. The first failure stops asking for more
 * pages; it is thrown once the pages in flight have settled, so none outlives the read.
 */
export async function readRest<T>(
  source: PagedSource<T>,
  first: Page<T>,
  size: number,
  options: ReadRestOptions<T>,
): Promise<T[]> {
  const pages: Page<T>[] = [first];
  let last = first;
  if (first.next !== null && first.items.length > 0) {
    const positions = source.positionsAfter?.(first, size) ?? null;
    if (positions !== null && positions.length > 0) {
      const read = await fetchPages(source, positions, size, options.inFlight);
      for (const [index, page] of read.entries()) {
        pages.push(page);
        const planned = positions[index + 1];
        if (planned !== undefined) pages.push(...(await fillGap(source, page, planned, size)));
      }
      last = read[read.length - 1] ?? first;
    }
  }
  while (last.next !== null && last.items.length > 0) {
    last = await source.fetchPage(last.next, size);
    pages.push(last);
  }
  return distinct(
    pages.flatMap((page) => page.items),
    options.idOf,
  );
}

/**
 * The pages between `page` and the next planned position, when `page` came back shorter than the
 * step the plan assumed (a vendor that answers fewer items on some page): read one after another
 * from where `page` says the list goes on, while that is still before `planned`. Positions are
 * compared only when both are numbers (offsets, page numbers), which grow along a list.
 */
async function fillGap<T>(
  source: PagedSource<T>,
  page: Page<T>,
  planned: NativePosition,
  size: number,
): Promise<Page<T>[]> {
  const filled: Page<T>[] = [];
  let next = page.next;
  while (typeof next === 'number' && typeof planned === 'number' && next < planned) {
    const more = await source.fetchPage(next, size);
    filled.push(more);
    if (more.items.length === 0) break;
    next = more.next;
  }
  return filled;
}

/** The pages at `positions`, in their order, with at most `inFlight` requests at once. */
async function fetchPages<T>(
  source: PagedSource<T>,
  positions: readonly NativePosition[],
  size: number,
  inFlight: number,
): Promise<Page<T>[]> {
  const pages: Array<Page<T> | undefined> = new Array(positions.length);
  // An object, so that what the workers set is seen after they end (TypeScript narrows a `let`).
  const state: { next: number; failure: { error: unknown } | null } = { next: 0, failure: null };
  const worker = async (): Promise<void> => {
    for (;;) {
      const index = state.next;
      const position = positions[index];
      if (state.failure !== null || position === undefined) return;
      state.next += 1;
      try {
        pages[index] = await source.fetchPage(position, size);
      } catch (error) {
        state.failure ??= { error };
      }
    }
  };
  const workers = Math.min(Math.max(1, Math.trunc(inFlight)), positions.length);
  await Promise.all(Array.from({ length: workers }, worker));
  if (state.failure !== null) throw state.failure.error;
  return pages.filter((page): page is Page<T> => page !== undefined);
}

function distinct<T>(items: T[], idOf: ((item: T) => string) | undefined): T[] {
  if (!idOf) return items;
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = idOf(item);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
