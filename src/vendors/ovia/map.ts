import type { Call, CallCosts, TranscriptEntry } from '../../model/call.js';
import {
  customerSide,
  nonEmpty,
  toCallDirection,
  toCallStatus,
  toE164,
  toIsoDate,
} from '../normalize.js';
import type { OviaCall, OviaCosts, OviaTranscriptObject } from './schemas.js';

/** An Ovia call as the unified Call; pure. */
export function toCall(raw: OviaCall): Call {
  const direction = toCallDirection(raw.direction);
  const from = phone(raw.from_number);
  const to = phone(raw.to_number);
  const tag = nonEmpty(raw.metadata?.call_tag);
  return {
    provider: 'OVIA',
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
    extraction: null,
    analysis: raw.analysis ?? null,
    createdAt: toIsoDate(raw.created_at),
    raw,
  };
}

/** E.164 when the number can be read as one; otherwise Ovia's text (e.g. a SIP URI) as given. */
function phone(raw: string | null | undefined): string | null {
  return toE164(raw) ?? nonEmpty(raw);
}

/** An entry without content says nothing, so it is dropped rather than failing the call. */
function toTranscriptEntry(entry: OviaTranscriptObject): TranscriptEntry[] {
  if (entry.content === null || entry.content === undefined) return [];
  return [
    { role: entry.role ?? null, content: entry.content, timestamp: toIsoDate(entry.timestamp) },
  ];
}

/** Ovia reports no telephony cost and no currency. */
function toCosts(costs: OviaCosts): CallCosts {
  return {
    total: costs.total ?? null,
    llm: costs.llm ?? null,
    stt: costs.stt ?? null,
    tts: costs.tts ?? null,
    telephony: null,
    currency: null,
  };
}
