import type { CallDirection, CallStatus, Channel } from '../model/call.js';

const STATUS_WORDS: Record<string, CallStatus> = {
  completed: 'COMPLETED',
  'in progress': 'IN_PROGRESS',
  failed: 'FAILED',
  'no answer': 'NO_ANSWER',
  busy: 'BUSY',
  queued: 'QUEUED',
  ringing: 'RINGING',
  canceled: 'CANCELED',
  cancelled: 'CANCELED',
  scheduled: 'SCHEDULED',
};

/** Case-insensitive (docs/architecture.md, "Mapping"), with `-`, `_` and space equivalent; anything else is UNKNOWN. */
export function toCallStatus(raw: string | null | undefined): CallStatus {
  if (raw === null || raw === undefined) return 'UNKNOWN';
  const key = raw
    .trim()
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ');
  return STATUS_WORDS[key] ?? 'UNKNOWN';
}

/** `inbound`/`incoming` and `outbound`/`outgoing`, any case; anything else is null. */
export function toCallDirection(raw: string | null | undefined): CallDirection | null {
  const key = raw?.trim().toLowerCase();
  if (key === 'inbound' || key === 'incoming') return 'INBOUND';
  if (key === 'outbound' || key === 'outgoing') return 'OUTBOUND';
  return null;
}

export function toChannel(raw: string | null | undefined): Channel | null {
  const key = raw?.trim().toUpperCase();
  return key === 'CALL' || key === 'SMS' || key === 'WHATSAPP' || key === 'WEBCHAT' ? key : null;
}

/** The customer's side of a call: `to` when outbound, `from` when inbound. */
export function customerSide(
  direction: CallDirection | null,
  from: string | null,
  to: string | null,
): string | null {
  if (direction === 'OUTBOUND') return to;
  if (direction === 'INBOUND') return from;
  return null;
}

const CANONICAL_UTC =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
const SECONDS_UTC =
  /^(\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d)Z$/;

/** An ISO 8601 date-time string as given, or null when absent or unparseable. */
export function toIsoDate(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw === '') return null;
  // Most vendor dates are already UTC ISO strings; skipping the Date round trip for them is a
  // measurable share of mapping a page of calls.
  if (CANONICAL_UTC.test(raw)) return raw;
  const seconds = SECONDS_UTC.exec(raw);
  if (seconds) return `${seconds[1]}.000Z`;
  const time = Date.parse(raw);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

export function nonEmpty(raw: string | null | undefined): string | null {
  return raw === null || raw === undefined || raw.trim() === '' ? null : raw;
}

/** When a call ended, from its start and its duration in seconds; null unless both are known. */
export function endFromDuration(
  startedAt: string | null,
  durationSeconds: number | null,
): string | null {
  if (startedAt === null || durationSeconds === null) return null;
  return new Date(Date.parse(startedAt) + durationSeconds * 1000).toISOString();
}
