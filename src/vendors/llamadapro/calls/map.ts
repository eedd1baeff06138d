import { noVendorExtras } from '../../../model/call.js';
import type {
  Call,
  CallDirection,
  CallRecording,
  CallStatus,
  CallTranscription,
} from '../../../model/call.js';
import type { LoadRecordingInput, RecordCallInput } from '../../../model/record-call.js';
import type {
  LlamadaProAgentCallInput,
  LlamadaProBridgeCallInput,
  LlamadaProVoiceAgentCallInput,
} from '../../../model/start-call.js';
import {
  customerSide,
  endFromDuration,
  nonEmpty,
  toCallDirection,
  toCallStatus,
  toIsoDate,
} from '../../normalize.js';
import { idString } from '../ids.js';
import type {
  LlamadaProAgentCallBody,
  LlamadaProBridgeCallBody,
  LlamadaProCall,
  LlamadaProCallDirection,
  LlamadaProCreateCallBody,
  LlamadaProLoadRecordingBody,
  LlamadaProRecording,
  LlamadaProTranscription,
  LlamadaProVoiceAgentCallBody,
} from './schemas.js';

/**
 * A LlamadaPro call as the unified Call; pure. `customData` is what the caller stored with the
 * call; LlamadaPro extracts nothing from the conversation, so `extraction` is null.
 */
export function toCall(raw: LlamadaProCall): Call {
  const direction = toCallDirection(raw.direction);
  const from = nonEmpty(raw.from);
  const to = nonEmpty(raw.to);
  const startedAt = toIsoDate(raw.startTime);
  const durationSeconds = raw.duration ?? null;
  const category = nonEmpty(raw.category);
  return {
    provider: 'LLAMADAPRO',
    ...noVendorExtras(),
    providerId: String(raw.id),
    status: toCallStatus(raw.status),
    providerStatus: raw.status ?? null,
    direction,
    channel: 'CALL',
    from,
    to,
    customerPhone: customerSide(direction, from, to),
    startedAt,
    endedAt: endFromDuration(startedAt, durationSeconds),
    durationSeconds,
    // Recording and transcription live on their own routes, fetched only when asked for.
    recordingUrl: null,
    transcript: null,
    transcriptEntries: [],
    costs: null,
    // LlamadaPro calls name no agent.
    agent: null,
    notes: [],
    classification: category === null ? null : { tag: category, reasoning: null },
    extraction: null,
    customData: raw.customData ?? null,
    analysis: null,
    createdAt: toIsoDate(raw.createdAt),
    updatedAt: toIsoDate(raw.updatedAt),
    agentScore: raw.agentScore ?? null,
    category,
    contactId: idString(raw.contactId),
    funnelConversationId: idString(raw.funnelConversationId),
    lastUpdateSequence: raw.lastUpdateSequence ?? null,
    raw,
  };
}

export function toTranscription(raw: LlamadaProTranscription): CallTranscription {
  return {
    providerId: idString(raw.id),
    text: raw.text ?? null,
    url: nonEmpty(raw.url),
    transcriber: nonEmpty(raw.providerName),
    recordingId: idString(raw.recordingId),
    createdAt: toIsoDate(raw.createdAt),
    updatedAt: toIsoDate(raw.updatedAt),
    raw,
  };
}

export function toRecording(raw: LlamadaProRecording): CallRecording {
  return {
    providerId: idString(raw.id),
    callId: idString(raw.callId),
    url: nonEmpty(raw.url),
    startedAt: toIsoDate(raw.startTime),
    durationSeconds: raw.duration ?? null,
    dualChannel: raw.dualChannel ?? null,
    createdAt: toIsoDate(raw.createdAt),
    raw,
  };
}

/** LlamadaPro spells directions `outgoing` / `incoming` (its CallDirection enum). */
function toLlamadaProDirection(direction: CallDirection): LlamadaProCallDirection {
  return direction === 'OUTBOUND' ? 'outgoing' : 'incoming';
}

/** A unified status as LlamadaPro writes it: lower case with dashes (`no-answer`). */
function toLlamadaProStatus(status: CallStatus): string {
  return status.toLowerCase().replace(/_/g, '-');
}

/**
 * The statuses the call list's `status` parameter is sent for, in that spelling
 * (docs/vendors/llamadapro.md, Vocabularies). CANCELED is left out because both `canceled` and
 * `cancelled` read as it, SCHEDULED and UNKNOWN because LlamadaPro's calls are not known to carry
 * them; a filter on those is checked on every item instead.
 */
const LISTED_STATUSES: ReadonlySet<CallStatus> = new Set([
  'COMPLETED',
  'IN_PROGRESS',
  'NO_ANSWER',
  'BUSY',
  'FAILED',
  'QUEUED',
  'RINGING',
]);

export function toLlamadaProStatusFilter(status: CallStatus): string | null {
  return LISTED_STATUSES.has(status) ? toLlamadaProStatus(status) : null;
}

/** The document types these ids as numbers; ours are strings of digits, checked before. */
function asNumber(id: string | undefined): number | undefined {
  return id === undefined ? undefined : Number(id);
}

/**
 * StartAgentCall, objectives form: the members as given; `providerConfig` goes with
 * `provider: "vapi"`, the only provider value the document lists.
 */
export function toLlamadaProAgentCallBody(
  input: LlamadaProAgentCallInput,
): LlamadaProAgentCallBody {
  const { providerConfig, ...members } = input;
  const body: LlamadaProAgentCallBody = { ...members };
  if (providerConfig) {
    body.provider = 'vapi';
    body.providerConfig = providerConfig;
  }
  return body;
}

/** StartAgentCall, voiceAgentId form. */
export function toLlamadaProVoiceAgentCallBody(
  input: LlamadaProVoiceAgentCallInput,
): LlamadaProVoiceAgentCallBody {
  return {
    voiceAgentId: Number(input.voiceAgentId),
    to: input.to,
    contextVariables: input.contextVariables,
    customData: input.customData,
  };
}

/** StartBridgeCall. */
export function toLlamadaProBridgeCallBody(
  input: LlamadaProBridgeCallInput,
): LlamadaProBridgeCallBody {
  return { from: input.from, to: input.to, callCustomData: input.callCustomData };
}

/** CreateCall, in LlamadaPro's spellings of status and direction. */
export function toLlamadaProCreateCallBody(input: RecordCallInput): LlamadaProCreateCallBody {
  const {
    status,
    direction,
    startedAt,
    durationSeconds,
    userId,
    teamId,
    funnelConversationId,
    sessionId,
    metadata,
    ...members
  } = input;
  return {
    ...members,
    teamId: asNumber(teamId),
    funnelConversationId: asNumber(funnelConversationId),
    sessionId: asNumber(sessionId),
    status: toLlamadaProStatus(status),
    direction: toLlamadaProDirection(direction),
    startTime: startedAt.toISOString(),
    // The document requires these members; null says "not known".
    duration: durationSeconds ?? null,
    userId: userId ?? null,
    metadata: metadata ?? null,
  };
}

/** LoadRecording; direction and start time only when given. */
export function toLlamadaProLoadRecordingBody(
  input: LoadRecordingInput,
): LlamadaProLoadRecordingBody {
  const { callDirection, callStartTime, ...members } = input;
  return {
    ...members,
    ...(callDirection ? { callDirection: toLlamadaProDirection(callDirection) } : {}),
    ...(callStartTime ? { callStartTime: callStartTime.toISOString() } : {}),
  };
}
