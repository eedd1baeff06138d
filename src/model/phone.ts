/**
 * A phone number in E.164 (`+` and 8 to 15 digits) with spaces, dashes, dots and brackets dropped
 * and a leading `00` read as `+`; null when it cannot be one.
 */
export function toE164(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  let value = raw.trim().replace(/[\s\-.()]/g, '');
  if (value.startsWith('00')) value = `+${value.slice(2)}`;
  return /^\+[1-9]\d{7,14}$/.test(value) ? value : null;
}

/** A vendor's phone field: in E.164 when it can be read as a number, else as given (or null). */
export function toPhone(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw.trim() === '') return null;
  return toE164(raw) ?? raw;
}
