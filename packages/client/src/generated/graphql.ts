/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A note to add to a HappyRobot call. */
export type AddCallNoteInput = {
  /** The global id of a HappyRobot call. */
  callId: string | number;
  /** The note text. */
  content: string;
  /** Flag the call for attention. Default false. */
  flagged?: boolean | null | undefined;
  /** Who writes the note. */
  userId?: string | null | undefined;
};

/** What the LlamadaPro agent knows of the person it calls. */
export type AgentCallContactInfoInput = {
  /** More facts about the person: an object of string values. */
  additionalInfo?: unknown;
  /** Where the person works. */
  company?: string | null | undefined;
  /** The person's first name. */
  firstName?: string | null | undefined;
  /** The person's last name. */
  lastName?: string | null | undefined;
};

/** The LlamadaPro agent's personality on one call. */
export type AgentCallPersonalityInput = {
  /** How it speaks, e.g. `professional`. */
  communicationStyle?: string | null | undefined;
  /** Further traits, in prose. */
  customTraits?: string | null | undefined;
  /** The name the agent gives itself. */
  name?: string | null | undefined;
};

/** Whether the customer called in (INBOUND) or was called (OUTBOUND). */
export type CallDirection =
  /** The customer called in. */
  | 'INBOUND'
  /** The agent called the customer. */
  | 'OUTBOUND';

/** Which call events a subscription receives; every given member must match. */
export type CallEventFilter = {
  /** Only the events of this call (its global id). */
  callId?: string | number | null | undefined;
  /** Only these call vendors (default: all). */
  providers?: Array<Provider> | null | undefined;
  /** Only events whose call has one of these statuses. */
  status?: Array<CallStatus> | null | undefined;
};

/** How an event's call differs from the last event of that call: the first is CREATED, a new status STATUS_CHANGED (ENDED when it is COMPLETED, FAILED, NO_ANSWER, BUSY or CANCELED), anything else UPDATED. */
export type CallEventType =
  /** The first event of a call, whatever its status. */
  | 'CREATED'
  /** The call has a new, final status: COMPLETED, FAILED, NO_ANSWER, BUSY or CANCELED. */
  | 'ENDED'
  /** The call has a new status that does not end it. */
  | 'STATUS_CHANGED'
  /** Something other than the status changed. */
  | 'UPDATED';

/** Narrows a list of calls; every member given must match. */
export type CallFilter = {
  /** An Agent's id (`Agent.id`): only that agent's calls, on its vendor alone (with `providers`, the agent's vendor must be among them). Sent to Ovia natively. */
  agentId?: string | number | null | undefined;
  /** HappyRobot's own id of a campaign (`Call.campaignId`); checked on every HappyRobot call read. The other vendors have no campaigns and match nothing. */
  campaignId?: string | null | undefined;
  /** Only calls whose `classification.tag` is this, ignoring case. Checked on every call read; CX classifies nothing and matches nothing. */
  classificationTag?: string | null | undefined;
  /** Only this direction. */
  direction?: CallDirection | null | undefined;
  /** E.164 number; matches `from` or `to`. */
  phone?: string | null | undefined;
  /** Default: every call provider (OVIA, LLAMADAPRO, CX, HAPPYROBOT). */
  providers?: Array<Provider> | null | undefined;
  /** Started at or after this time. */
  startedAfter?: string | null | undefined;
  /** Started before this time. */
  startedBefore?: string | null | undefined;
  /** Any of these statuses. One status is sent to Ovia, LlamadaPro and HappyRobot in the vendor's spelling where that spelling is known (not CANCELED, which vendors spell two ways); several, and the rest, are checked on every call read. */
  status?: Array<CallStatus> | null | undefined;
  /** Last updated at or after this time (`Call.updatedAt`), for incremental sync. No vendor filters by it, so it is checked on every call read; CX and HappyRobot report no update time and match nothing. */
  updatedAfter?: string | null | undefined;
  /** HappyRobot's own id of a use case (`Call.useCase.id`); sent to HappyRobot natively. The other vendors have no use cases and match nothing. */
  useCaseId?: string | null | undefined;
};

/** Normalized call status. Vendor statuses compare case-insensitively with `-`, `_` and space equivalent; one the mapping does not know is UNKNOWN (see `Call.providerStatus`). */
export type CallStatus =
  /** The line was busy. */
  | 'BUSY'
  /** Called off before it was placed. */
  | 'CANCELED'
  /** Answered and ended normally. */
  | 'COMPLETED'
  /** Could not be placed or broke off with an error. */
  | 'FAILED'
  /** Answered and still going on. */
  | 'IN_PROGRESS'
  /** Rang out without being answered. */
  | 'NO_ANSWER'
  /** Accepted by the vendor, waiting to be dialled. */
  | 'QUEUED'
  /** Dialling; nobody has answered yet. */
  | 'RINGING'
  /** Planned for later; has no start time yet. */
  | 'SCHEDULED'
  /** A vendor status the mapping does not know; see `Call.providerStatus`. */
  | 'UNKNOWN';

/** The medium of an interaction. */
export type Channel =
  /** A phone call. */
  | 'CALL'
  /** Text messages (CX). */
  | 'SMS'
  /** A web chat (CX). */
  | 'WEBCHAT'
  /** WhatsApp messages (CX). */
  | 'WHATSAPP';

/** A new LlamadaPro task on a conversation. */
export type CreateTaskInput = {
  /** Who is to carry the task out. */
  assignedTo: TaskActorInput;
  /** The LlamadaPro conversation the task belongs to (the vendor's numeric id). */
  conversationId: string;
  /** Who creates the task. */
  createdBy: TaskActorInput;
  /** When the task is due. */
  dueDate?: string | null | undefined;
  /** What is to be done. */
  objective: string;
  /** The initial status; LlamadaPro makes it SCHEDULED when left out. UNKNOWN is refused. */
  status?: TaskStatus | null | undefined;
};

/** A CX interaction: the agent reaches the customer on a channel. */
export type CxStartCallInput = {
  /** The CX agent (UUID). */
  agentId: string;
  /** How to reach the customer; sent lower-case. */
  channel: Channel;
  /** The customer's name. */
  customerName: string;
  /** The customer's number (E.164). */
  customerPhone: string;
  /** The CX skill to use (UUID). */
  skillId: string;
};

/** A LlamadaPro AI-agent call described by its objectives (StartAgentCall). */
export type LlamadaProAgentCallInput = {
  /** What the agent must not do. */
  constraints?: Array<string> | null | undefined;
  /** Who the agent calls. */
  contactInfo?: AgentCallContactInfoInput | null | undefined;
  /** An object stored with the call. */
  customData?: unknown;
  /** The number to call from (E.164); LlamadaPro picks one when left out. */
  fromPhoneNumber?: string | null | undefined;
  /** Facts the agent may draw on, in prose. */
  knowledgeBase?: string | null | undefined;
  /** The Spanish (or English) variant spoken: one of CL, MX, CO, PE, US. */
  localization?: string | null | undefined;
  /** Hang up after this many seconds (> 0). */
  maxDurationSeconds?: number | null | undefined;
  /** What the agent must achieve; at least one. */
  objectives: Array<string>;
  /** The agent's personality. */
  personality?: AgentCallPersonalityInput | null | undefined;
  /** Vapi settings; when given, the call runs on Vapi. */
  providerConfig?: VapiProviderConfigInput | null | undefined;
  /** Hang up after this many seconds of silence (> 0). */
  silenceTimeoutSeconds?: number | null | undefined;
  /** The steps to follow, in order. */
  taskSteps?: Array<string> | null | undefined;
  /** The number to call (E.164). */
  toPhoneNumber: string;
  /** The LlamadaPro user the call is for. */
  userId?: number | null | undefined;
};

/** A LlamadaPro bridge call connecting a person to a number (StartBridgeCall). */
export type LlamadaProBridgeCallInput = {
  /** An object stored with the call. */
  callCustomData?: unknown;
  /** The number to call from (E.164); LlamadaPro picks one when left out. */
  from?: string | null | undefined;
  /** The number to call (E.164). */
  to: string;
};

/** A call by a configured LlamadaPro voice agent (StartAgentCall, voiceAgentId form). */
export type LlamadaProVoiceAgentCallInput = {
  /** An object of values for the agent's prompt, e.g. the customer's name. */
  contextVariables: unknown;
  /** An object stored with the call. */
  customData?: unknown;
  /** The number to call (E.164). */
  to: string;
  /** The voice agent: LlamadaPro's numeric id, given as a number (`123`) or a string of digits (`"123"`); sent as a number. */
  voiceAgentId: string | number;
};

/** Whether the customer wrote (INBOUND) or was written to (OUTBOUND). */
export type MessageDirection =
  /** From the customer to the business. */
  | 'INBOUND'
  /** From the business to the customer. */
  | 'OUTBOUND';

/** An Ovia call (POST /api/v1/calls on Ovia). */
export type OviaStartCallInput = {
  /** The Ovia agent that talks (UUID). */
  agentId: string;
  /** INBOUND or OUTBOUND; sent lower-case. */
  direction: CallDirection;
  /** The calling number (E.164). */
  fromNumber: string;
  /** The Ovia phone number the call goes through (UUID). */
  phoneNumberId: string;
  /** The called number (E.164). */
  toNumber: string;
  /** The kind of call, e.g. `phone_call`. */
  type: string;
  /** The Ovia user placing the call (UUID). */
  userId: string;
};

/** What kind of problem was found in a conversation. */
export type ProblemType =
  /** Audio quality: noise, silence, cut-offs. */
  | 'AUDIO'
  /** The agent decided or answered wrongly. */
  | 'DECISION'
  /** Anything else (also any type we do not know). */
  | 'GENERAL'
  /** A platform or integration failure. */
  | 'SYSTEM'
  /** Speech was transcribed wrongly. */
  | 'TRANSCRIPTION';

/** A voice-agent platform behind the graph. */
export type Provider =
  /** CX: interactions on every channel (calls, SMS, WhatsApp, web chat). */
  | 'CX'
  /** Freya: QA problems found on calls. */
  | 'FREYA'
  /** HappyRobot: calls with notes, classifications and costs. */
  | 'HAPPYROBOT'
  /** LlamadaPro: calls with transcripts and recordings, CRM contacts, tasks, WhatsApp messages and custom fields. */
  | 'LLAMADAPRO'
  /** Ovia: voice-agent calls. */
  | 'OVIA';

/** How the gateway reaches a vendor. */
export type ProviderMode =
  /** Neither configured nor sandboxed; its fields answer PROVIDER_NOT_CONFIGURED. */
  | 'DISABLED'
  /** The real vendor, configured through its environment variables. */
  | 'LIVE'
  /** The embedded sandbox vendor on loopback. */
  | 'SANDBOX';

/** A WhatsApp template message sent through LlamadaPro. Give `variables` or `components`, never both (or neither, for a template without parameters). */
export type SendWhatsAppTemplateInput = {
  /** WhatsApp template components, for headers, media, currency and buttons: a non-empty array of objects whose `type` is header, body or button, each with its `parameters`. */
  components?: unknown;
  /** Custom field values to store on the message, as a JSON object. */
  customFields?: unknown;
  /** The business number it is sent from, in E.164 (+14155552671). */
  fromPhoneNumber: string;
  /** The template’s language, as WhatsApp names it: "es", "en_US"… */
  languageCode: string;
  /** The approved template’s name. */
  templateName: string;
  /** The customer number it is sent to, in E.164. */
  toPhoneNumber: string;
  /** The LlamadaPro user sending it. */
  userId?: string | null | undefined;
  /** The values of the body’s text parameters, in order (simple templates). */
  variables?: Array<string> | null | undefined;
};

/** Exactly one way to start a call, each on its vendor. */
export type StartCallInput =
  {   /** A CX interaction on any channel. */
  cx: CxStartCallInput; llamadaproAgent?: never; llamadaproBridge?: never; llamadaproVoiceAgent?: never; ovia?: never; }
  |  { cx?: never;   /** A LlamadaPro AI-agent call described by its objectives. */
  llamadaproAgent: LlamadaProAgentCallInput; llamadaproBridge?: never; llamadaproVoiceAgent?: never; ovia?: never; }
  |  { cx?: never; llamadaproAgent?: never;   /** A LlamadaPro bridge call. */
  llamadaproBridge: LlamadaProBridgeCallInput; llamadaproVoiceAgent?: never; ovia?: never; }
  |  { cx?: never; llamadaproAgent?: never; llamadaproBridge?: never;   /** A call by a configured LlamadaPro voice agent. */
  llamadaproVoiceAgent: LlamadaProVoiceAgentCallInput; ovia?: never; }
  |  { cx?: never; llamadaproAgent?: never; llamadaproBridge?: never; llamadaproVoiceAgent?: never;   /** An Ovia call. */
  ovia: OviaStartCallInput; };

/** A user or AI employee that creates or carries out a task. */
export type TaskActorInput = {
  /** The vendor's id of the user or AI employee. */
  id: string;
  /** USER or AI_EMPLOYEE. */
  type: TaskActorType;
};

/** Who can create or carry out a task. */
export type TaskActorType =
  /** A LlamadaPro AI employee (voice or chat agent). */
  | 'AI_EMPLOYEE'
  /** A person using LlamadaPro. */
  | 'USER';

/** Where a task stands. */
export type TaskStatus =
  /** Called off; see `cancellationReason`. */
  | 'CANCELLED'
  /** Done. */
  | 'COMPLETED'
  /** Open and past its due date. */
  | 'OVERDUE'
  /** Open, due in the future or without a due date. */
  | 'SCHEDULED'
  /** A vendor status the mapping does not know (or none); the vendor's own is `Task.providerStatus`. Only read: refused in filters and inputs. */
  | 'UNKNOWN';

/** Why a mutation did not do what it was asked. */
export type UserErrorCode =
  /** The operation used its allowance of upstream requests; this vendor was not asked. */
  | 'FAN_OUT_LIMITED'
  /** An earlier request with this idempotency key may have reached the vendor but its outcome is unknown (it failed unexpectedly, or the gateway process handling it stopped before recording it), or it ran but its result was too large to keep; the key stays pinned until it expires and nothing was sent again. */
  | 'IDEMPOTENCY_KEY_IN_DOUBT'
  /** The idempotency key was used before with other input. */
  | 'IDEMPOTENCY_KEY_REUSED'
  /** The gateway cannot take or check an idempotency key now (its store is full, this client holds as many keys as it may, or the shared store, Redis, cannot be reached); nothing was sent. Repeats of keys already used still work while the store can be reached. */
  | 'IDEMPOTENCY_UNAVAILABLE'
  /** An argument is malformed or out of range; no vendor was called. */
  | 'INVALID_INPUT'
  /** The object does not exist at the vendor. */
  | 'NOT_FOUND'
  /** The vendor is neither configured nor sandboxed. */
  | 'PROVIDER_NOT_CONFIGURED'
  /** The vendor answered with a body we could not read. */
  | 'UPSTREAM_BAD_RESPONSE'
  /** The vendor asked us to slow down (429). */
  | 'UPSTREAM_RATE_LIMITED'
  /** The vendor refused the request (4xx). */
  | 'UPSTREAM_REJECTED'
  /** The vendor did not answer in time; the outcome is unknown. */
  | 'UPSTREAM_TIMEOUT'
  /** The vendor failed (5xx) or could not be reached. */
  | 'UPSTREAM_UNAVAILABLE';

/** Which language model Vapi runs. */
export type VapiModelChoiceInput = {
  /** The model, e.g. `gpt-4o`. */
  model?: string | null | undefined;
  /** The model vendor, e.g. `openai`. */
  provider?: string | null | undefined;
};

/** Vapi's language-model settings. */
export type VapiModelConfigInput = {
  /** Most tokens per answer. */
  maxTokens?: number | null | undefined;
  /** Which model. */
  model?: VapiModelChoiceInput | null | undefined;
  /** Sampling temperature. */
  temperature?: number | null | undefined;
};

/** Vapi-specific settings of a LlamadaPro agent call; giving them sends `provider: "vapi"`. */
export type VapiProviderConfigInput = {
  /** The language model. */
  model?: VapiModelConfigInput | null | undefined;
  /** The transcriber. */
  transcriber?: VapiTranscriberConfigInput | null | undefined;
  /** The voice. */
  voice?: VapiVoiceConfigInput | null | undefined;
};

/** Vapi's speech-to-text settings. */
export type VapiTranscriberConfigInput = {
  /** Words below this confidence are dropped. */
  confidenceThreshold?: number | null | undefined;
  /** Words to listen for. */
  keywords?: Array<string> | null | undefined;
  /** The speech variant: one of CL, MX, CO, PE, US. */
  localization?: string | null | undefined;
  /** The vendor's model, e.g. `nova-2`. */
  model?: string | null | undefined;
  /** The transcription vendor, e.g. `deepgram`. */
  provider?: string | null | undefined;
};

/** Vapi's text-to-speech settings. */
export type VapiVoiceConfigInput = {
  /** The vendor's voice model. */
  model?: string | null | undefined;
  /** Latency optimization level. */
  optimizeStreamingLatency?: number | null | undefined;
  /** The voice vendor, e.g. `11labs`. */
  provider?: string | null | undefined;
  /** Speaking speed. */
  speed?: number | null | undefined;
  /** Voice stability. */
  stability?: number | null | undefined;
  /** Style exaggeration. */
  style?: number | null | undefined;
  /** The voice, by the vendor's id. */
  voiceId?: string | null | undefined;
};

export type AddCallNoteMutationVariables = Exact<{
  input: AddCallNoteInput;
  idempotencyKey?: string | null | undefined;
}>;


export type AddCallNoteMutation = { addCallNote: { note: { id: string, content: string, flagged: boolean, createdAt: string | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, provider: Provider | null }> } };

export type CallDetailQueryVariables = Exact<{
  id: string | number;
}>;


export type CallDetailQuery = { call: { id: string, provider: Provider, providerId: string, status: CallStatus, providerStatus: string | null, direction: CallDirection | null, channel: Channel, from: string | null, to: string | null, customerPhone: string | null, startedAt: string | null, endedAt: string | null, durationSeconds: number | null, recordingUrl: string | null, transcript: string | null, transcriptEntries: Array<{ role: string | null, content: string, timestamp: string | null }>, agent: { id: string, name: string | null } | null, notes: Array<{ id: string, content: string, flagged: boolean, createdAt: string | null }>, classification: { tag: string, reasoning: string | null } | null, costs: { total: number | null, currency: string | null } | null, problems: Array<{ id: string, title: string, type: ProblemType, severity: number, resolved: boolean }> | null, contact: { id: string, displayName: string | null } | null } | null };

export type CallStatsQueryVariables = Exact<{
  startedAfter?: string | null | undefined;
}>;


export type CallStatsQuery = { callStats: { totalCount: number, complete: boolean, groups: Array<{ key: Array<string>, count: number, durationSeconds: number, cost: number | null, currency: string | null }> } };

export type Contact360QueryVariables = Exact<{
  phone: string;
}>;


export type Contact360Query = { contactByPhone: { id: string, displayName: string | null, phones: Array<string>, emails: Array<string>, customFields: Array<{ key: string, value: unknown, definition: { label: string | null } | null }>, calls: { edges: Array<{ node: { id: string, provider: Provider, status: CallStatus, startedAt: string | null } }> } | null, messages: { edges: Array<{ node: { id: string, direction: MessageDirection | null, content: string | null, createdAt: string | null } }> } | null, tasks: { edges: Array<{ node: { id: string, objective: string, status: TaskStatus, dueDate: string | null } }> } | null } | null };

export type CreateTaskMutationVariables = Exact<{
  input: CreateTaskInput;
  idempotencyKey?: string | null | undefined;
}>;


export type CreateTaskMutation = { createTask: { task: { id: string, provider: Provider, providerId: string, objective: string, status: TaskStatus, dueDate: string | null, assignedTo: { id: string, type: TaskActorType } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, provider: Provider | null }> } };

export type DashboardQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: CallFilter | null | undefined;
}>;


export type DashboardQuery = { providers: Array<{ provider: Provider, mode: ProviderMode }>, calls: { totalCount: number | null, edges: Array<{ node: { id: string, provider: Provider, status: CallStatus, direction: CallDirection | null, startedAt: string | null, durationSeconds: number | null, customerPhone: string | null, agent: { id: string, name: string | null } | null, contact: { id: string, displayName: string | null, emails: Array<string> } | null, problems: Array<{ id: string, title: string, severity: number, resolved: boolean }> | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type LiveCallsSubscriptionVariables = Exact<{
  filter?: CallEventFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type LiveCallsSubscription = { callEvents: { cursor: string, type: CallEventType, occurredAt: string, provider: Provider, call: { id: string, providerId: string, status: CallStatus, providerStatus: string | null, customerPhone: string | null, durationSeconds: number | null, transcript: string | null } } };

export type LiveMessagesSubscriptionVariables = Exact<{
  contactId?: string | number | null | undefined;
  after?: string | null | undefined;
}>;


export type LiveMessagesSubscription = { messageEvents: { cursor: string, occurredAt: string, message: { id: string, direction: MessageDirection | null, status: string | null, content: string | null, createdAt: string | null, contact: { id: string, displayName: string | null } | null } } };

export type NewestCallsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: CallFilter | null | undefined;
}>;


export type NewestCallsQuery = { calls: { totalCount: number | null, edges: Array<{ cursor: string, node: { id: string, provider: Provider, providerId: string, status: CallStatus, direction: CallDirection | null, channel: Channel, customerPhone: string | null, startedAt: string | null, durationSeconds: number | null, agent: { id: string, name: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type SendWhatsAppTemplateMutationVariables = Exact<{
  input: SendWhatsAppTemplateInput;
  idempotencyKey?: string | null | undefined;
}>;


export type SendWhatsAppTemplateMutation = { sendWhatsAppTemplate: { message: { id: string, provider: Provider, channel: Channel, direction: MessageDirection | null, status: string | null, content: string | null, createdAt: string | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, provider: Provider | null }> } };

export type StartCallMutationVariables = Exact<{
  input: StartCallInput;
  idempotencyKey?: string | null | undefined;
}>;


export type StartCallMutation = { startCall: { call: { id: string, provider: Provider, providerId: string, status: CallStatus, direction: CallDirection | null, from: string | null, to: string | null } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: UserErrorCode, provider: Provider | null }> } };


export const AddCallNoteDocument = {"__meta__":{"hash":"sha256:2ff911832d1e70813a47d9bbd32a70573cdb47058fdc662ad28e6fc57b150798"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddCallNote"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddCallNoteInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addCallNote"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"note"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"flagged"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}}]}}]}}]} as unknown as DocumentNode<AddCallNoteMutation, AddCallNoteMutationVariables>;
export const CallDetailDocument = {"__meta__":{"hash":"sha256:14f1c0c20d2d52b4dcf91141332a98848686ffbb52d3e4c31a42af5d361146da"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CallDetail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"call"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}},{"kind":"Field","name":{"kind":"Name","value":"customerPhone"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"recordingUrl"}},{"kind":"Field","name":{"kind":"Name","value":"transcript"}},{"kind":"Field","name":{"kind":"Name","value":"transcriptEntries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"timestamp"}}]}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"flagged"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"classification"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"tag"}},{"kind":"Field","name":{"kind":"Name","value":"reasoning"}}]}},{"kind":"Field","name":{"kind":"Name","value":"costs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"resolved"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<CallDetailQuery, CallDetailQueryVariables>;
export const CallStatsDocument = {"__meta__":{"hash":"sha256:e78c7ca229297c113c41a26b8a18ca9451d6eca0b4b412a08aa8c396aab28669"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CallStats"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"startedAfter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}},"defaultValue":{"kind":"StringValue","value":"2026-01-01T00:00:00Z","block":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callStats"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"startedAfter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"startedAfter"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"groupBy"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"PROVIDER"},{"kind":"EnumValue","value":"STATUS"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"complete"}},{"kind":"Field","name":{"kind":"Name","value":"groups"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"count"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"cost"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]}}]} as unknown as DocumentNode<CallStatsQuery, CallStatsQueryVariables>;
export const Contact360Document = {"__meta__":{"hash":"sha256:07f92a565bbbd1cd4dc58e7fbc7b49aa2d2e52a3f439690b27721241712ba74a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Contact360"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"phone"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contactByPhone"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"phone"},"value":{"kind":"Variable","name":{"kind":"Name","value":"phone"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"phones"}},{"kind":"Field","name":{"kind":"Name","value":"emails"}},{"kind":"Field","name":{"kind":"Name","value":"customFields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"definition"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"label"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"calls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"messages"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"5"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"objective"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<Contact360Query, Contact360QueryVariables>;
export const CreateTaskDocument = {"__meta__":{"hash":"sha256:df2d83d84622313f4ceacf699cf5431c424ae927be1c2e84e735c631ecef4785"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTask"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTaskInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTask"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"task"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"objective"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"assignedTo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}}]}}]}}]} as unknown as DocumentNode<CreateTaskMutation, CreateTaskMutationVariables>;
export const DashboardDocument = {"__meta__":{"hash":"sha256:0f4a56631699eda6d1a868a545a8f04c6487a4c4bc1b7acc998d1fe4ec95c074"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Dashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"25"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CallFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"providers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"calls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"customerPhone"}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"emails"}}]}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"resolved"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<DashboardQuery, DashboardQueryVariables>;
export const LiveCallsDocument = {"__meta__":{"hash":"sha256:f5de04e8f5e20b9b99227283975e2318e88b48316823fa7b8b6f1f58c10a64f5"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LiveCalls"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CallEventFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"callEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"call"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"providerStatus"}},{"kind":"Field","name":{"kind":"Name","value":"customerPhone"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"transcript"}}]}}]}}]}}]} as unknown as DocumentNode<LiveCallsSubscription, LiveCallsSubscriptionVariables>;
export const LiveMessagesDocument = {"__meta__":{"hash":"sha256:388d6b60b36d6ae3260ac0ae10246b74645e84c413d1c6027a54ac7c4ad1c8c4"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"LiveMessages"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contactId"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"contactId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contactId"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"occurredAt"}},{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]}}]} as unknown as DocumentNode<LiveMessagesSubscription, LiveMessagesSubscriptionVariables>;
export const NewestCallsDocument = {"__meta__":{"hash":"sha256:d4c37aefff098d7c8e1b0a366afc6d123c166e7d62d33f1a53cea9c8c764dd67"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NewestCalls"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CallFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"calls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"customerPhone"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<NewestCallsQuery, NewestCallsQueryVariables>;
export const SendWhatsAppTemplateDocument = {"__meta__":{"hash":"sha256:81d355664c81325fef64fe5e974a0904e214eddfe4929d58d137e70ea9b0579c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SendWhatsAppTemplate"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendWhatsAppTemplateInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendWhatsAppTemplate"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"message"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"content"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}}]}}]}}]} as unknown as DocumentNode<SendWhatsAppTemplateMutation, SendWhatsAppTemplateMutationVariables>;
export const StartCallDocument = {"__meta__":{"hash":"sha256:439ba725c3dce3e811a78204e92d3b05b70031d0e1a5022e51ee870735bc75d2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartCall"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartCallInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startCall"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}},{"kind":"Argument","name":{"kind":"Name","value":"idempotencyKey"},"value":{"kind":"Variable","name":{"kind":"Name","value":"idempotencyKey"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"call"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"from"}},{"kind":"Field","name":{"kind":"Name","value":"to"}}]}},{"kind":"Field","name":{"kind":"Name","value":"userErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}}]}}]}}]}}]} as unknown as DocumentNode<StartCallMutation, StartCallMutationVariables>;