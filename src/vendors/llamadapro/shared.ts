import { z } from 'zod';

/*
 * What every LlamadaPro answer schema is built from. Bodies are read as LlamadaPro's API document
 * shows them (docs/vendors/llamadapro.md). Objects are loose so that `raw` is the object as
 * received; nothing is coerced or defaulted. Only what a mapper cannot do without is required;
 * everything else is `.nullish()`.
 */

/** The document writes ids as numbers (`0.1`) on some objects and strings on others. */
export const id = z.union([z.number(), z.string()]);
export const text = z.string().nullish();
export const num = z.number().nullish();
export const dictionary = z.record(z.string(), z.unknown()).nullish();

/**
 * The list envelope every LlamadaPro list answers. `nextPageToken` is absent or null on the last
 * page; `totalCount` is tolerated missing (the search only counts when asked to).
 */
export function llamadaProListSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    items: z.array(item),
    nextPageToken: z.string().nullish(),
    totalCount: z.number().nullish(),
  });
}
export interface LlamadaProList<T> {
  items: T[];
  nextPageToken?: string | null | undefined;
  totalCount?: number | null | undefined;
}
