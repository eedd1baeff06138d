import { z } from 'zod';
import { invalidInput } from '../errors.js';
import { countItems } from './read-all.js';
import {
  MAX_REMEMBERED_LENGTH,
  MAX_SORT_KEY_PARTS,
  readItems,
  type KeyOrder,
  type PagedSource,
  type ResumePoint,
} from './paged-source.js';

/**
 * One vendor's part of a merged list: its paged source, whether its native filter is the whole
 * filter (so its total can be trusted), and the local filter every item must pass.
 */
export interface MergeInput<T> {
  key: string;
  source: PagedSource<T>;
  exact: boolean;
  keep: (item: T) => boolean;
  /** The item's id within this vendor; with it, paging holds when the vendor's list shifts. */
  idOf?: ((item: T) => string) | undefined;
}

export interface MergedEdge<T> {
  key: string;
  item: T;
  cursor: string;
}

export interface MergedPage<T> {
  edges: MergedEdge<T>[];
  hasNextPage: boolean;
  endCursor: string | null;
  startCursor: string | null;
  /** Vendors that failed, with their error; their items are missing from `edges`. */
  failures: Array<{ key: string; error: unknown }>;
  /** Every matching item across the vendors that answer; read lazily. */
  totalCount: () => Promise<{ count: number; failures: Array<{ key: string; error: unknown }> }>;
}

const resumePointSchema = z.union([
  z.literal('done'),
  z.object({
    pos: z.union([z.number().int().min(0), z.string().max(2000)]),
    skip: z.number().int().min(0),
    size: z.number().int().min(1).max(1000),
    last: z.string().max(MAX_REMEMBERED_LENGTH).optional(),
    key: z
      .array(z.union([z.string().max(MAX_REMEMBERED_LENGTH), z.number(), z.null()]))
      .max(MAX_SORT_KEY_PARTS)
      .optional(),
  }),
]);
const cursorSchema = z.object({
  v: z.literal(1),
  f: z.string(),
  p: z.record(z.string(), resumePointSchema),
});
type CursorState = Record<string, ResumePoint>;

export function encodeCursor(fingerprint: string, state: CursorState): string {
  return Buffer.from(JSON.stringify({ v: 1, f: fingerprint, p: state }), 'utf8').toString(
    'base64url',
  );
}

export function decodeCursor(cursor: string, fingerprint: string): CursorState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidInput('`after` is not a cursor of this list');
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) throw invalidInput('`after` is not a cursor of this list');
  if (result.data.f !== fingerprint) {
    throw invalidInput('`after` belongs to a list with other arguments (filter or providers)');
  }
  return result.data.p;
}

/**
 * Merges several vendors' lists, each already ordered by `compare`, into one page of `first`
 * items. The cursor after each item holds every vendor's position, so paging to the end yields
 * every item exactly once and in order; a vendor that fails keeps its position and is reported.
 * Positions also remember the last item taken from each vendor (see `readItems`), so items a
 * vendor adds ahead of it meanwhile do not bring back items already listed.
 */
export async function readMergedPage<T>(options: {
  inputs: MergeInput<T>[];
  compare: (a: { key: string; item: T }, b: { key: string; item: T }) => number;
  /** The order each vendor lists in, when it has one; it tells items read already apart. */
  order?: KeyOrder<T> | undefined;
  first: number;
  after: string | null;
  fingerprint: string;
}): Promise<MergedPage<T>> {
  const { inputs, compare, order, first, fingerprint } = options;
  const state: CursorState = options.after ? decodeCursor(options.after, fingerprint) : {};
  const failures: Array<{ key: string; error: unknown }> = [];

  const reads = await Promise.all(
    inputs.map(async (input) => {
      const from = state[input.key];
      if (from === 'done' || first === 0)
        return { input, items: [], end: from ?? null, total: null };
      try {
        // Where items are filtered locally, larger pages save round trips.
        const pageSize = input.exact ? first : input.source.maxPageSize;
        const read = await readItems(input.source, from ?? null, first, input.keep, pageSize, {
          idOf: input.idOf,
          order,
        });
        return { input, items: read.items, end: read.end, total: read.total };
      } catch (error) {
        failures.push({ key: input.key, error });
        return null;
      }
    }),
  );
  const healthy = reads.filter((read) => read !== null);

  const positions: CursorState = { ...state };
  const taken = new Map<string, number>();
  const edges: MergedEdge<T>[] = [];
  while (edges.length < first) {
    let best: (typeof healthy)[number] | undefined;
    for (const read of healthy) {
      const head = read.items[taken.get(read.input.key) ?? 0];
      if (!head) continue;
      const bestHead = best ? best.items[taken.get(best.input.key) ?? 0] : undefined;
      if (
        !best ||
        !bestHead ||
        compare(
          { key: read.input.key, item: head.item },
          { key: best.input.key, item: bestHead.item },
        ) < 0
      ) {
        best = read;
      }
    }
    if (!best) break;
    const index = taken.get(best.input.key) ?? 0;
    const head = best.items[index];
    if (!head) break;
    taken.set(best.input.key, index + 1);
    const exhausted = index + 1 === best.items.length && best.end === 'done';
    positions[best.input.key] = exhausted ? 'done' : head.after;
    edges.push({
      key: best.input.key,
      item: head.item,
      cursor: encodeCursor(fingerprint, positions),
    });
  }

  // A vendor that returned nothing more is finished even if none of its items were taken.
  for (const read of healthy) {
    if (read.items.length === 0 && read.end === 'done') positions[read.input.key] = 'done';
  }
  const leftovers = healthy.some((read) => (taken.get(read.input.key) ?? 0) < read.items.length);
  const hasNextPage =
    leftovers ||
    inputs.some(
      (input) =>
        positions[input.key] !== 'done' &&
        !(healthy.find((read) => read.input.key === input.key)?.end === 'done'),
    );

  let totalPromise: ReturnType<MergedPage<T>['totalCount']> | undefined;
  const totalCount = () =>
    (totalPromise ??= countTotal(
      // A vendor that just failed is already reported; asking it again would only double the wait.
      inputs.filter((input) => !failures.some((failure) => failure.key === input.key)),
      healthy,
    ));

  return {
    edges,
    hasNextPage: first === 0 ? inputs.some((input) => state[input.key] !== 'done') : hasNextPage,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
    failures,
    totalCount,
  };
}

async function countTotal<T>(
  inputs: MergeInput<T>[],
  reads: Array<{ input: MergeInput<T>; total: number | null; end: ResumePoint | null }>,
): Promise<{ count: number; failures: Array<{ key: string; error: unknown }> }> {
  const failures: Array<{ key: string; error: unknown }> = [];
  const counts = await Promise.all(
    inputs.map(async (input) => {
      try {
        if (input.exact) {
          const known = reads.find((read) => read.input === input)?.total;
          if (known !== null && known !== undefined) return known;
          const page = await input.source.fetchPage(input.source.start, 1);
          return page.total;
        }
        return await countItems(input.source, input.keep);
      } catch (error) {
        failures.push({ key: input.key, error });
        return 0;
      }
    }),
  );
  return { count: counts.reduce((sum, count) => sum + count, 0), failures };
}
