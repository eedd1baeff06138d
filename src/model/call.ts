import type { CallProvider } from './provider.js';

export const CALL_STATUSES = [
  'SCHEDULED',
  'QUEUED',
  'RINGING',
  'IN_PROGRESS',
  'COMPLETED',
  'FAILED',
  'NO_ANSWER',
  'BUSY',
  'CANCELED',
  'UNKNOWN',
] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const CALL_DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

export const CHANNELS = ['CALL', 'SMS', 'WHATSAPP', 'WEBCHAT'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface TranscriptEntry {
  role: string | null;
  content: string;
  timestamp: string | null;
}

export interface CallCosts {
  total: number | null;
  llm: number | null;
  stt: number | null;
  tts: number | null;
  telephony: number | null;
  currency: string | null;
}

export interface CallNote {
  id: string;
  content: string;
  flagged: boolean;
  userId: string | null;
  createdAt: string | null;
}

export interface CallClassification {
  tag: string;
  reasoning: string | null;
}

/** An agent as a call vendor names it; `providerId` may be a name where the vendor gives no id. */
export interface AgentRef {
  provider: CallProvider;
  providerId: string;
  name: string | null;
}

/** The unified call every call vendor's mapper produces. Dates are ISO 8601 strings. */
export interface Call {
  provider: CallProvider;
  providerId: string;
  status: CallStatus;
  providerStatus: string | null;
  direction: CallDirection | null;
  channel: Channel;
  from: string | null;
  to: string | null;
  customerPhone: string | null;
  startedAt: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
  recordingUrl: string | null;
  transcript: string | null;
  transcriptEntries: TranscriptEntry[];
  costs: CallCosts | null;
  agent: AgentRef | null;
  notes: CallNote[];
  classification: CallClassification | null;
  extraction: unknown;
  analysis: string | null;
  createdAt: string | null;
  raw: unknown;
}

/** What `calls(filter)` narrows by, already validated. */
export interface CallFilter {
  status?: CallStatus[];
  direction?: CallDirection;
  phone?: string;
  startedAfter?: Date;
  startedBefore?: Date;
  agentId?: string;
}

/** A call's transcription, read from its own route. */
export interface CallTranscription {
  providerId: string | null;
  text: string | null;
  url: string | null;
  createdAt: string | null;
  raw: unknown;
}

/** A call's recording, read from its own route. */
export interface CallRecording {
  providerId: string | null;
  callId: string | null;
  url: string | null;
  startedAt: string | null;
  durationSeconds: number | null;
  dualChannel: boolean | null;
  createdAt: string | null;
  raw: unknown;
}
