import type { CallDirection, CallStatus } from './call.js';

/**
 * A call that happened outside LlamadaPro, to record there (`recordCall`). Numeric LlamadaPro
 * ids are strings of digits; `durationSeconds`, `userId` and `metadata` may be null for "not known".
 */
export interface RecordCallInput {
  status: CallStatus;
  direction: CallDirection;
  from: string;
  to: string;
  startedAt: Date;
  durationSeconds?: number | null | undefined;
  userId?: number | null | undefined;
  teamId?: string | undefined;
  redirectedTo?: string | undefined;
  providerId?: string | undefined;
  providerName?: string | undefined;
  funnelConversationId?: string | undefined;
  sessionId?: string | undefined;
  metadata?: unknown;
  customData?: unknown;
}

/** A recording to load into LlamadaPro, which files it under a new call (`loadRecording`). */
export interface LoadRecordingInput {
  userId: number;
  url: string;
  callTo?: string | undefined;
  callFrom?: string | undefined;
  callDirection?: CallDirection | undefined;
  callStartTime?: Date | undefined;
}
