import type { PagedSource } from './paged-source.js';

/** Every item of a vendor list, read in the largest pages the vendor serves. */
export async function readAll<T>(source: PagedSource<T>): Promise<T[]> {
  const items: T[] = [];
  let position: string | number | null = source.start;
  while (position !== null) {
    const page = await source.fetchPage(position, source.maxPageSize);
    items.push(...page.items);
    position = page.items.length === 0 ? null : page.next;
  }
  return items;
}

/** Counts every item that passes `keep` by reading the whole list in the largest pages. */
export async function countItems<T>(
  source: PagedSource<T>,
  keep: (item: T) => boolean,
): Promise<number> {
  return (await readAll(source)).filter(keep).length;
}
