import { z } from 'zod';
import { opaqueVendorId } from '../../ids.js';

/**
 * LlamadaPro's API document (docs/vendors/llamadapro.md) types the `id` path parameters of
 * contacts and custom fields, and `definitionId` / `optionId` of list options, as
 * `number <double>`, and gives conversations and calls numeric ids in their bodies; the sandbox
 * counts them up from 1001, 401, 901, 6001 and 73001. Whole numbers of at most 15 digits, which
 * every double holds exactly.
 */
const numericId = z.string().regex(/^\d{1,15}$/, { error: 'must be a LlamadaPro numeric id' });

export const llamadaProContactId = numericId;
export const llamadaProCustomFieldId = numericId;
export const llamadaProCustomFieldOptionId = numericId;
export const llamadaProConversationId = numericId;
/** Call routes are not in the document; its Call schema's `id` is a number. */
export const llamadaProCallId = numericId;

/**
 * The document types `taskId` and `messageId` only as `string`; the sandbox's are `task_<hex>`
 * and `msg_<hex>`, but no format is promised, so only what every id in a URL must be is checked.
 */
export const llamadaProTaskId = opaqueVendorId;
export const llamadaProMessageId = opaqueVendorId;

const DIGITS = /^\d+$/;

/** An id as the vendor wrote it (number or string) as ours; absent or empty is null. */
export function idString(value: string | number | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : String(value);
}

/** The document types these ids as numbers; our ids are strings of digits. */
export function vendorId(id: string): string | number {
  return DIGITS.test(id) ? Number(id) : id;
}
