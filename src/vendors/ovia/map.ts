import { noVendorExtras } from '../../model/call.js';
import { toPhone } from '../../model/phone.js';
import type { Call, CallCosts, CallStatus, TranscriptEntry } from '../../model/call.js';
import type { OviaStartCallInput } from '../../model/start-call.js';
import { customerSide, nonEmpty, toCallDirection, toCallStatus, toIsoDate } from '../normalize.js';
import type { OviaCall, OviaCosts, OviaStartCallBody, OviaTranscriptObject } from './schemas.js';

/** An Ovia call as the unified Call; pure. */
export function toCall(raw: OviaCall): Call {
  const direction = toCallDirection(raw.direction);
  const from = toPhone(raw.from_number);
  const to = toPhone(raw.to_number);
  const tag = nonEmpty(raw.metadata?.call_tag);
  return {
    provider: 'OVIA',
    ...noVendorExtras(),
    providerId: raw.id,
    status: toCallStatus(raw.status),
    providerStatus: raw.status ?? null,
    direction,
    channel: 'CALL',
    from,
    to,
    customerPhone: customerSide(direction, from, to),
    startedAt: toIsoDate(raw.started_at),
    endedAt: toIsoDate(raw.ended_at),
    durationSeconds: raw.duration ?? null,
    recordingUrl: nonEmpty(raw.recording_url),
    transcript: nonEmpty(raw.transcript),
    transcriptEntries: (raw.transcript_objects ?? []).flatMap(toTranscriptEntry),
    costs: raw.costs ? toCosts(raw.costs) : null,
    agent: raw.agent_id
      ? { provider: 'OVIA', providerId: raw.agent_id, name: raw.agent?.name ?? null }
      : null,
    notes: [],
    classification: tag === null ? null : { tag, reasoning: null },
    // `analysis` is Ovia's prose about the call; Ovia extracts no structured data.
    extraction: null,
    customData: null,
    analysis: raw.analysis ?? null,
    createdAt: toIsoDate(raw.created_at),
    updatedAt: toIsoDate(raw.updated_at),
    raw,
  };
}

/** An entry without content says nothing, so it is dropped rather than failing the call. */
function toTranscriptEntry(entry: OviaTranscriptObject): TranscriptEntry[] {
  if (entry.content === null || entry.content === undefined) return [];
  return [
    { role: entry.role ?? null, content: entry.content, timestamp: toIsoDate(entry.timestamp) },
  ];
}

/** Ovia reports no telephony cost and no currency; `details` is what the call consumed. */
function toCosts(costs: OviaCosts): CallCosts {
  const details = costs.details;
  return {
    total: costs.total ?? null,
    llm: costs.llm ?? null,
    llmInput: null,
    llmOutput: null,
    stt: costs.stt ?? null,
    tts: costs.tts ?? null,
    telephony: null,
    telephonyCall: null,
    answeringMachineDetection: null,
    currency: null,
    usage: details
      ? {
          llmPromptTokens: details.llm_prompt_tokens ?? null,
          llmCompletionTokens: details.llm_completion_tokens ?? null,
          ttsCharacters: details.tts_characters ?? null,
          sttAudioSeconds: details.stt_audio_duration_seconds ?? null,
        }
      : null,
  };
}

/** The `POST /api/v1/calls` body: snake_case, direction lower-case (docs/vendors/ovia.md). */
export function toOviaStartCallBody(input: OviaStartCallInput): OviaStartCallBody {
  return {
    user_id: input.userId,
    agent_id: input.agentId,
    type: input.type,
    direction: input.direction === 'OUTBOUND' ? 'outbound' : 'inbound',
    from_number: input.fromNumber,
    to_number: input.toNumber,
    phone_number_id: input.phoneNumberId,
  };
}

/**
 * How Ovia writes each status, for the list's `status` parameter (docs/vendors/ovia.md,
 * Vocabularies): `completed` is the document's example, the rest Ovia's snake_case. CANCELED is
 * left out because both `canceled` and `cancelled` read as it, SCHEDULED because Ovia's spelling
 * of it is not known; a filter on those is checked on every item instead.
 */
const OVIA_STATUSES: Partial<Record<CallStatus, string>> = {
  COMPLETED: 'completed',
  IN_PROGRESS: 'in_progress',
  FAILED: 'failed',
  NO_ANSWER: 'no_answer',
  BUSY: 'busy',
  QUEUED: 'queued',
  RINGING: 'ringing',
};

export function toOviaStatus(status: CallStatus): string | null {
  return OVIA_STATUSES[status] ?? null;
}
