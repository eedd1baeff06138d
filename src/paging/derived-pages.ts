import type { NativePosition, Page, PagedSource } from './paged-source.js';
import { readAll } from './read-all.js';

/**
 * A list made from every item of another list, for what a vendor has no list route of its own
 * for (the agents its calls name). The other list is read whole when the first page is asked for,
 * once per source, and what `derive` makes of it is served in offset pages.
 */
export function derivedPages<S, T>(
  source: PagedSource<S>,
  derive: (items: S[]) => T[],
): PagedSource<T> {
  let derived: Promise<T[]> | undefined;
  return {
    start: 0,
    maxPageSize: source.maxPageSize,
    fetchPage: async (pos: NativePosition, size: number): Promise<Page<T>> => {
      const offset = typeof pos === 'number' ? pos : Number(pos);
      // Positions come back from cursors; anything but an offset is a bug.
      if (!Number.isInteger(offset) || offset < 0) throw new Error(`invalid offset ${String(pos)}`);
      const items = await (derived ??= readAll(source).then(derive));
      const page = items.slice(offset, offset + Math.max(size, 1));
      const end = offset + page.length;
      return { items: page, next: end < items.length ? end : null, total: items.length };
    },
  };
}
