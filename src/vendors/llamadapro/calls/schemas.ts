import { z } from 'zod';
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

/** StartAgentCall's `providerConfig` for Vapi, the only provider the document lists. */
export interface LlamadaProVapiConfig {
  model?: {
    maxTokens?: number | undefined;
    temperature?: number | undefined;
    model?: { provider?: string | undefined; model?: string | undefined } | undefined;
  };
  voice?: {
    provider?: string | undefined;
    voiceId?: string | undefined;
    model?: string | undefined;
    speed?: number | undefined;
    stability?: number | undefined;
    style?: number | undefined;
    optimizeStreamingLatency?: number | undefined;
  };
  transcriber?: {
    provider?: string | undefined;
    model?: string | undefined;
    localization?: string | undefined;
    confidenceThreshold?: number | undefined;
    keywords?: string[] | undefined;
  };
}

/** StartAgentCall, objectives form (the document's request body). */
export interface LlamadaProAgentCallBody {
  toPhoneNumber: string;
  fromPhoneNumber?: string | undefined;
  objectives: string[];
  userId?: number | undefined;
  personality?: {
    name?: string | undefined;
    communicationStyle?: string | undefined;
    customTraits?: string | undefined;
  };
  localization?: string | undefined;
  constraints?: string[] | undefined;
  contactInfo?: {
    firstName?: string | undefined;
    lastName?: string | undefined;
    company?: string | undefined;
    additionalInfo?: Record<string, string> | undefined;
  };
  knowledgeBase?: string | undefined;
  taskSteps?: string[] | undefined;
  maxDurationSeconds?: number | undefined;
  silenceTimeoutSeconds?: number | undefined;
  customData?: Record<string, unknown> | undefined;
  provider?: 'vapi';
  providerConfig?: LlamadaProVapiConfig;
}

/** StartAgentCall, voiceAgentId form. */
export interface LlamadaProVoiceAgentCallBody {
  voiceAgentId: number;
  to: string;
  contextVariables: Record<string, unknown>;
  customData?: Record<string, unknown> | undefined;
}

/** StartBridgeCall. */
export interface LlamadaProBridgeCallBody {
  from?: string | undefined;
  to: string;
  providerData?: Record<string, unknown>;
  callCustomData?: Record<string, unknown> | undefined;
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
