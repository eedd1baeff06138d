import type { CallDirection, Channel } from './call.js';

/*
 * The ways `startCall` can start a call, one per vendor dialect, as validated from the graph's
 * input: camelCase, ids as strings, optional members left out when not given. Each vendor folder
 * turns its form into the body its document asks for.
 */

/** An Ovia call. */
export interface OviaStartCallInput {
  userId: string;
  agentId: string;
  type: string;
  direction: CallDirection;
  fromNumber: string;
  toNumber: string;
  phoneNumberId: string;
}

export interface AgentCallPersonality {
  name?: string | undefined;
  communicationStyle?: string | undefined;
  customTraits?: string | undefined;
}

export interface AgentCallContactInfo {
  firstName?: string | undefined;
  lastName?: string | undefined;
  company?: string | undefined;
  additionalInfo?: Record<string, string> | undefined;
}

export interface VapiModelConfig {
  maxTokens?: number | undefined;
  temperature?: number | undefined;
  model?: { provider?: string | undefined; model?: string | undefined } | undefined;
}

export interface VapiVoiceConfig {
  provider?: string | undefined;
  voiceId?: string | undefined;
  model?: string | undefined;
  speed?: number | undefined;
  stability?: number | undefined;
  style?: number | undefined;
  optimizeStreamingLatency?: number | undefined;
}

export interface VapiTranscriberConfig {
  provider?: string | undefined;
  model?: string | undefined;
  localization?: string | undefined;
  confidenceThreshold?: number | undefined;
  keywords?: string[] | undefined;
}

/** Settings for the Vapi runtime; giving them runs the agent call on Vapi. */
export interface VapiProviderConfig {
  model?: VapiModelConfig | undefined;
  voice?: VapiVoiceConfig | undefined;
  transcriber?: VapiTranscriberConfig | undefined;
}

/** A LlamadaPro AI-agent call described by its objectives. */
export interface LlamadaProAgentCallInput {
  toPhoneNumber: string;
  fromPhoneNumber?: string | undefined;
  objectives: string[];
  userId?: number | undefined;
  personality?: AgentCallPersonality | undefined;
  localization?: string | undefined;
  constraints?: string[] | undefined;
  contactInfo?: AgentCallContactInfo | undefined;
  knowledgeBase?: string | undefined;
  taskSteps?: string[] | undefined;
  maxDurationSeconds?: number | undefined;
  silenceTimeoutSeconds?: number | undefined;
  customData?: Record<string, unknown> | undefined;
  providerConfig?: VapiProviderConfig | undefined;
}

/** A call by a configured LlamadaPro voice agent; `voiceAgentId` is a string of digits. */
export interface LlamadaProVoiceAgentCallInput {
  voiceAgentId: string;
  to: string;
  contextVariables: Record<string, unknown>;
  customData?: Record<string, unknown> | undefined;
}

/** A LlamadaPro bridge call. */
export interface LlamadaProBridgeCallInput {
  from?: string | undefined;
  to: string;
  callCustomData?: Record<string, unknown> | undefined;
}

/** A CX interaction: the agent reaches the customer on a channel. */
export interface CxStartInteractionInput {
  agentId: string;
  channel: Channel;
  skillId: string;
  customerName: string;
  customerPhone: string;
}

/** `startCall`'s input: exactly one member is given. */
export interface StartCallInput {
  ovia?: OviaStartCallInput | undefined;
  llamadaproAgent?: LlamadaProAgentCallInput | undefined;
  llamadaproVoiceAgent?: LlamadaProVoiceAgentCallInput | undefined;
  llamadaproBridge?: LlamadaProBridgeCallInput | undefined;
  cx?: CxStartInteractionInput | undefined;
}
