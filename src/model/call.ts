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

/** What a call consumed, in the units the vendor counts; null where the vendor does not say. */
export interface CallUsage {
  llmPromptTokens: number | null;
  llmCompletionTokens: number | null;
  ttsCharacters: number | null;
  sttAudioSeconds: number | null;
}

export interface CallCosts {
  total: number | null;
  llm: number | null;
  /** The language-model cost split into input and output, where the vendor splits it. */
  llmInput: number | null;
  llmOutput: number | null;
  stt: number | null;
  tts: number | null;
  telephony: number | null;
  /** The telephony cost split into the call itself and answering-machine detection. */
  telephonyCall: number | null;
  answeringMachineDetection: number | null;
  currency: string | null;
  usage: CallUsage | null;
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

/** A person's rating of a call. */
export interface CallRating {
  emoji: string;
  email: string | null;
  createdAt: string | null;
}

/** The vendor's configuration a call ran under (HappyRobot's use case). */
export interface CallUseCase {
  id: string;
  name: string | null;
  language: string | null;
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
  /** What the vendor's AI extracted from the conversation; null where the vendor has none. */
  extraction: unknown;
  /** Data the caller supplied with the call, stored by the vendor as given. */
  customData: unknown;
  analysis: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  /** When a call that has not run yet is planned to. */
  scheduledFor: string | null;
  campaignId: string | null;
  useCase: CallUseCase | null;
  ratings: CallRating[];
  /** The vendor's own id of the call this one follows from. */
  parentCallId: string | null;
  tags: string[];
  customerName: string | null;
  /** The vendor's own id of the customer (CX). */
  customerId: string | null;
  skillId: string | null;
  agentScore: number | null;
  category: string | null;
  /** The vendor's own id of the contact the call is filed under (LlamadaPro). */
  contactId: string | null;
  funnelConversationId: string | null;
  lastUpdateSequence: number | null;
  raw: unknown;
}

/** What `calls(filter)` narrows by, already validated. */
export interface CallFilter {
  status?: CallStatus[];
  direction?: CallDirection;
  phone?: string;
  startedAfter?: Date;
  startedBefore?: Date;
  /** The vendor's own id of the agent. */
  agentId?: string;
  /** Last updated at or after this time. */
  updatedAfter?: Date;
  /** `classification.tag`, compared ignoring case. */
  classificationTag?: string;
  useCaseId?: string;
  campaignId?: string;
}

/** A call's transcription, read from its own route. */
export interface CallTranscription {
  providerId: string | null;
  text: string | null;
  url: string | null;
  /** The service that transcribed the call, e.g. `deepgram`. */
  transcriber: string | null;
  /** The vendor's own id of the recording that was transcribed. */
  recordingId: string | null;
  createdAt: string | null;
  updatedAt: string | null;
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

/**
 * The members of a call that only some vendors fill, as a call that fills none of them has them;
 * each vendor's mapper spreads this and sets its own.
 */
export function noVendorExtras() {
  return {
    scheduledFor: null,
    campaignId: null,
    useCase: null,
    ratings: [],
    parentCallId: null,
    tags: [],
    customerName: null,
    customerId: null,
    skillId: null,
    agentScore: null,
    category: null,
    contactId: null,
    funnelConversationId: null,
    lastUpdateSequence: null,
  } satisfies Partial<Call>;
}
