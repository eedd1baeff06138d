import type { Call, CallNote } from './call.js';

/** A note to leave on a call (`addCallNote`). */
export interface CallNoteInput {
  content: string;
  /** @default false */
  flagged?: boolean | null | undefined;
  userId?: string | null | undefined;
}

/** The note a vendor added, and the call it is on with all its notes. */
export interface AddedCallNote {
  /** Null when the vendor's answer does not show which note is the new one. */
  note: CallNote | null;
  call: Call;
}
