import { noVendorExtras } from '../../model/call.js';
import { toPhone } from '../../model/phone.js';
import type { Call, CallCosts, CallNote, CallRating, CallStatus } from '../../model/call.js';
import type { AddedCallNote, CallNoteInput } from '../../model/call-note.js';
import {
  customerSide,
  endFromDuration,
  nonEmpty,
  toCallDirection,
  toCallStatus,
  toIsoDate,
} from '../normalize.js';
import type {
  HappyRobotAddNoteBody,
  HappyRobotCall,
  HappyRobotCosts,
  HappyRobotNote,
  HappyRobotRating,
} from './schemas.js';

/**
 * A HappyRobot call as the unified Call; pure. Its direction is the call `type`, its numbers are
 * in `metadata`, and `created` is when it started unless it is still Scheduled; it ended
 * `duration` seconds later. The document's call has no recording URL or transcript (only the
 * carrier's `metadata.recording_sid`), so both are null.
 */
export function toCall(raw: HappyRobotCall): Call {
  const status = toCallStatus(raw.status);
  const direction = toCallDirection(raw.type);
  const from = toPhone(raw.metadata?.from);
  const to = toPhone(raw.metadata?.to);
  const created = toIsoDate(raw.created);
  const startedAt = status === 'SCHEDULED' ? null : created;
  const durationSeconds = raw.duration ?? null;
  const tag = nonEmpty(raw.classification?.tag);
  const useCaseId = nonEmpty(raw.use_case?.id);
  return {
    provider: 'HAPPYROBOT',
    ...noVendorExtras(),
    providerId: raw.id,
    status,
    providerStatus: raw.status ?? null,
    direction,
    channel: 'CALL',
    from,
    to,
    customerPhone: customerSide(direction, from, to),
    startedAt,
    endedAt: endFromDuration(startedAt, durationSeconds),
    durationSeconds,
    recordingUrl: null,
    transcript: null,
    transcriptEntries: [],
    costs: raw.costs ? toCosts(raw.costs) : null,
    agent: raw.agent?.id
      ? { provider: 'HAPPYROBOT', providerId: raw.agent.id, name: raw.agent.name ?? null }
      : null,
    notes: (raw.notes ?? []).map(toNote),
    classification: tag === null ? null : { tag, reasoning: raw.classification?.reasoning ?? null },
    extraction: raw.extraction ?? null,
    customData: raw.metadata?.custom ?? null,
    analysis: null,
    createdAt: created,
    updatedAt: null,
    scheduledFor: toIsoDate(raw.scheduled_for),
    campaignId: nonEmpty(raw.campaign_id),
    useCase:
      useCaseId === null
        ? null
        : {
            id: useCaseId,
            name: nonEmpty(raw.use_case?.name),
            language: nonEmpty(raw.use_case?.language),
          },
    ratings: (raw.ratings ?? []).flatMap(toRating),
    parentCallId: nonEmpty(raw.parent_call_id),
    tags: (raw.metadata?.tags ?? []).flatMap((tag) => nonEmpty(tag) ?? []),
    raw,
  };
}

/** A rating without its emoji says nothing, so it is dropped rather than failing the call. */
function toRating(raw: HappyRobotRating): CallRating[] {
  const emoji = nonEmpty(raw.emoji);
  if (emoji === null) return [];
  return [{ emoji, email: nonEmpty(raw.email), createdAt: toIsoDate(raw.created) }];
}

export function toNote(raw: HappyRobotNote): CallNote {
  return {
    id: raw.id,
    content: raw.content ?? '',
    flagged: raw.flagged ?? false,
    userId: raw.user_id ?? null,
    createdAt: toIsoDate(raw.created_at),
  };
}

/**
 * HappyRobot's cost parts: voip is the telephony (the call and answering-machine detection), the
 * transcriber the speech-to-text; no currency and no usage counts are given.
 */
function toCosts(costs: HappyRobotCosts): CallCosts {
  return {
    total: costs.total_costs ?? null,
    llm: costs.llm?.total_cost ?? null,
    llmInput: costs.llm?.input_cost ?? null,
    llmOutput: costs.llm?.output_cost ?? null,
    stt: costs.transcriber?.total_cost ?? null,
    tts: costs.tts?.total_cost ?? null,
    telephony: costs.voip?.total_cost ?? null,
    telephonyCall: costs.voip?.call_cost ?? null,
    answeringMachineDetection: costs.voip?.amd_cost ?? null,
    currency: null,
    usage: null,
  };
}

/**
 * How HappyRobot writes each status, for the list's `status` parameter (docs/vendors/happyrobot.md,
 * Vocabularies): `Scheduled` is the document's example, the rest HappyRobot's capitalized words.
 * CANCELED is left out because both `Canceled` and `Cancelled` read as it; a filter on it is
 * checked on every item instead.
 */
const HAPPYROBOT_STATUSES: Partial<Record<CallStatus, string>> = {
  SCHEDULED: 'Scheduled',
  QUEUED: 'Queued',
  RINGING: 'Ringing',
  IN_PROGRESS: 'In Progress',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
  NO_ANSWER: 'No Answer',
  BUSY: 'Busy',
};

export function toHappyRobotStatus(status: CallStatus): string | null {
  return HAPPYROBOT_STATUSES[status] ?? null;
}

/** The `POST /api/v1/calls/{id}/notes` body; `user_id` only when given (docs/vendors/happyrobot.md). */
export function toHappyRobotAddNoteBody(input: CallNoteInput): HappyRobotAddNoteBody {
  return {
    content: input.content,
    flagged: input.flagged ?? false,
    ...(input.userId ? { user_id: input.userId } : {}),
  };
}

/**
 * HappyRobot answers a new note with the whole call, not the note: the new note is taken to be
 * the last one with the content sent.
 */
export function toAddedNote(raw: HappyRobotCall, content: string): AddedCallNote {
  const call = toCall(raw);
  const note = call.notes.findLast((candidate) => candidate.content === content) ?? null;
  return { note, call };
}
