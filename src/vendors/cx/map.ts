import { noVendorExtras } from '../../model/call.js';
import { toPhone } from '../../model/phone.js';
import type { Call, Channel, TranscriptEntry } from '../../model/call.js';
import type { CxStartInteractionInput } from '../../model/start-call.js';
import { nonEmpty, toCallStatus, toChannel, toIsoDate } from '../normalize.js';
import type { CxInteraction, CxStartInteractionBody } from './schemas.js';

/**
 * A CX interaction as the unified Call; pure. CX interactions are the agent reaching the
 * customer, so they are outbound from `agentPhone` to `customerPhone`. The answer to a start
 * request has no `channel`: the caller passes the channel it asked for as `fallbackChannel`.
 */
export function toCall(raw: CxInteraction, fallbackChannel?: Channel): Call {
  const from = toPhone(raw.agentPhone);
  const to = toPhone(raw.customerPhone);
  const createdAt = toIsoDate(raw.createdAt);
  return {
    provider: 'CX',
    ...noVendorExtras(),
    providerId: raw.id,
    status: toCallStatus(raw.status),
    providerStatus: raw.status ?? null,
    direction: 'OUTBOUND',
    channel: toChannel(raw.channel) ?? fallbackChannel ?? 'CALL',
    from,
    to,
    customerPhone: to,
    startedAt: createdAt,
    endedAt: null,
    durationSeconds: null,
    recordingUrl: nonEmpty(raw.recordingUrl),
    transcript: nonEmpty(raw.transcription),
    transcriptEntries: toTranscriptEntries(raw.transcription),
    costs: null,
    agent: raw.agentId ? { provider: 'CX', providerId: raw.agentId, name: null } : null,
    notes: [],
    classification: null,
    extraction: null,
    customData: null,
    analysis: null,
    createdAt,
    updatedAt: null,
    customerName: nonEmpty(raw.customerName),
    customerId: nonEmpty(raw.customerId),
    skillId: nonEmpty(raw.skillId),
    raw,
  };
}

const SPEAKER = /^\s*(agent|customer)\s*:\s*(.*)$/i;

/**
 * CX gives one transcription string. When its lines are "Agent: ..." / "Customer: ..." they
 * become entries (a line without a speaker continues the one before); a transcription with no
 * speaker at all gives no entries rather than guessed ones.
 */
function toTranscriptEntries(transcription: string | null | undefined): TranscriptEntry[] {
  if (!transcription) return [];
  const lines = transcription.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (!lines.some((line) => SPEAKER.test(line))) return [];
  const entries: TranscriptEntry[] = [];
  for (const line of lines) {
    const match = SPEAKER.exec(line);
    const previous = entries[entries.length - 1];
    if (match) {
      entries.push({
        role: (match[1] ?? '').toLowerCase(),
        content: (match[2] ?? '').trim(),
        timestamp: null,
      });
    } else if (previous) {
      previous.content = `${previous.content}\n${line.trim()}`;
    } else {
      entries.push({ role: null, content: line.trim(), timestamp: null });
    }
  }
  return entries;
}

const CX_CHANNELS = {
  CALL: 'call',
  SMS: 'sms',
  WHATSAPP: 'whatsapp',
  WEBCHAT: 'webchat',
} satisfies Record<Channel, CxStartInteractionBody['channel']>;

/** The `POST /api/v1/calls` body; the channel lower-case (docs/vendors/cx.md). */
export function toCxStartInteractionBody(input: CxStartInteractionInput): CxStartInteractionBody {
  return {
    agentId: input.agentId,
    channel: CX_CHANNELS[input.channel],
    skillId: input.skillId,
    customerName: input.customerName,
    customerPhone: input.customerPhone,
  };
}
