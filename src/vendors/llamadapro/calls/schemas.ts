import { z } from 'zod';
import type {
  LlamadaProAgentCallInput,
  LlamadaProBridgeCallInput,
  LlamadaProVoiceAgentCallInput,
} from '../../../model/start-call.js';
import { id, llamadaProListSchema, num, text } from '../shared.js';

// Call — the answer of StartAgentCall, StartBridgeCall, CreateCall and the call reads.
export const llamadaProCallSchema = z.looseObject({
  id,
  tenantId: text,
  providerId: text,
  providerName: text,
  funnelConversationId: num,
  sessionId: num,
  userId: num,
  contactId: num,
  opportunityId: num,
  analysisConfigId: num,
  teamId: num,
  from: text,
  to: text,
  redirectedTo: text,
  duration: num,
  direction: text,
  status: text,
  startTime: text,
  metadata: z.unknown().optional(),
  customData: z.unknown().optional(),
  agentScore: num,
  category: text,
  createdAt: text,
  updatedAt: text,
  lastUpdateSequence: num,
});
export type LlamadaProCall = z.infer<typeof llamadaProCallSchema>;

export const llamadaProCallListSchema = llamadaProListSchema(llamadaProCallSchema);

// GetCallTranscription
export const llamadaProTranscriptionSchema = z.looseObject({
  id: id.nullish(),
  tenantId: text,
  providerId: text,
  providerName: text,
  recordingId: num,
  url: text,
  text: text,
  createdAt: text,
  updatedAt: text,
});
export type LlamadaProTranscription = z.infer<typeof llamadaProTranscriptionSchema>;

// GetCallRecording (also what LoadRecording is assumed to answer)
export const llamadaProRecordingSchema = z.looseObject({
  id: id.nullish(),
  tenantId: text,
  callId: id.nullish(),
  providerId: text,
  providerName: text,
  callProviderId: text,
  callProviderName: text,
  url: text,
  startTime: text,
  duration: num,
  dualChannel: z.boolean().nullish(),
  createdAt: text,
  updatedAt: text,
});
export type LlamadaProRecording = z.infer<typeof llamadaProRecordingSchema>;

/** The agent-call `localization` values the document lists (docs/vendors/llamadapro.md). */
export const LLAMADAPRO_LOCALIZATIONS = ['CL', 'MX', 'CO', 'PE', 'US'] as const;

// The start bodies are the unified start forms (model/start-call.ts) but for what the document
// spells otherwise.

/** StartAgentCall, objectives form: `providerConfig` goes with `provider: "vapi"`. */
export interface LlamadaProAgentCallBody extends LlamadaProAgentCallInput {
  provider?: 'vapi';
}

/** StartAgentCall, voiceAgentId form: the document types the agent's id as a number. */
export type LlamadaProVoiceAgentCallBody = Omit<LlamadaProVoiceAgentCallInput, 'voiceAgentId'> & {
  voiceAgentId: number;
};

/** StartBridgeCall; nothing sends the document's `providerData` yet. */
export interface LlamadaProBridgeCallBody extends LlamadaProBridgeCallInput {
  providerData?: Record<string, unknown>;
}

/** CreateCall: records a call that happened elsewhere. */
export interface LlamadaProCreateCallBody {
  status: string;
  userId: number | null;
  metadata: unknown;
  providerId?: string | undefined;
  providerName?: string | undefined;
  customData?: unknown;
  funnelConversationId?: number | undefined;
  sessionId?: number | undefined;
  from: string;
  to: string;
  redirectedTo?: string | null | undefined;
  duration: number | null;
  direction: LlamadaProCallDirection;
  startTime: string;
  teamId?: number | null | undefined;
}

/** The document's CallDirection enum. */
export type LlamadaProCallDirection = 'outgoing' | 'incoming';

/** LoadRecording. */
export interface LlamadaProLoadRecordingBody {
  userId: number;
  url: string;
  callTo?: string | undefined;
  callFrom?: string | undefined;
  callDirection?: LlamadaProCallDirection;
  callStartTime?: string;
}
