import { z } from 'zod';
import { invalidInput } from '../errors.js';

/*
 * The pieces every list's `filter` argument is parsed with. GraphQL hands an absent member as
 * undefined and an explicit null as null; for a filter both mean "not narrowed by this member",
 * so each piece turns null into undefined and the parsed filter holds only what narrows.
 */

/** Any member: absent and null alike leave the list unnarrowed by it. */
export function filterMember<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? undefined);
}

/** Free text or an id of no known format: trimmed, and not empty. */
export const filterText = () =>
  filterMember(z.string().trim().min(1, { error: 'must not be empty' }));

/**
 * An id that must have a vendor's format (`format` sees it trimmed); an id of no known format is
 * `filterText`.
 */
export const filterId = (format: z.ZodType<string, string>) =>
  filterMember(z.string().trim().pipe(format));

export const filterDate = () => filterMember(z.date());

export const filterEnum = <const V extends readonly [string, ...string[]]>(values: V) =>
  filterMember(z.enum(values));

/** A list of enum values, each once; an empty list narrows nothing. */
export const filterEnumList = <const V extends readonly [string, ...string[]]>(values: V) =>
  filterMember(z.array(z.enum(values))).transform((list) =>
    list === undefined || list.length === 0 ? undefined : [...new Set(list)],
  );

/**
 * Parses a list's `filter` argument (absent or null is an empty filter). A bad member is an
 * INVALID_INPUT error naming it, e.g. `filter.dueAfter: must not be after dueBefore` at
 * `["filter", "dueAfter"]`, before any vendor is asked.
 */
export function parseFilter<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const member = issue?.path.map(String) ?? [];
    throw invalidInput(`filter.${member.join('.')}: ${issue?.message ?? 'invalid'}`, {
      field: ['filter', ...member],
    });
  }
  return parsed.data;
}
