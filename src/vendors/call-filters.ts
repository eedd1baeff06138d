import type { CallFilter, CallStatus } from '../model/call.js';

/*
 * What every call connector decides about a filter the same way: which members it can send, which
 * its calls can never satisfy, and whether what it sends is the whole filter. Callers apply the
 * whole filter to every item anyway (src/services/calls/call-filter.ts).
 */

/** Whether the filter narrows by any of these members (an empty status list narrows nothing). */
export function narrowsBy(filter: CallFilter, members: ReadonlyArray<keyof CallFilter>): boolean {
  return members.some((member) => {
    const value = filter[member];
    return Array.isArray(value) ? value.length > 0 : value !== undefined;
  });
}

/**
 * The filter's status in the vendor's spelling, for a list parameter that takes one value: only
 * when exactly one status is asked for and `spell` knows how the vendor writes it, else undefined
 * (and the status is checked on every item instead).
 */
export function nativeStatus(
  filter: CallFilter,
  spell: (status: CallStatus) => string | null,
): string | undefined {
  const [status, ...others] = filter.status ?? [];
  if (status === undefined || others.length > 0) return undefined;
  return spell(status) ?? undefined;
}
