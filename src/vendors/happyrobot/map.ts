import { toPhone } from '../../model/phone.js';
import type { Call, CallCosts, CallNote } from '../../model/call.js';
import type { AddedCallNote, CallNoteInput } from '../../model/call-note.js';
import { customerSide, nonEmpty, toCallDirection, toCallStatus, toIsoDate } from '../normalize.js';
import type {
  HappyRobotAddNoteBody,
  HappyRobotCall,
  HappyRobotCosts,
  HappyRobotNote,
} from './schemas.js';

/**
 * A HappyRobot call as the unified Call; pure. Its direction is the call `type`, its numbers are
 * in `metadata`, and `created` is when it started unless it is still Scheduled.
 */
export function toCall(raw: HappyRobotCall): Call {
  const status = toCallStatus(raw.status);
  const direction = toCallDirection(raw.type);
  const from = toPhone(raw.metadata?.from);
  const to = toPhone(raw.metadata?.to);
  const created = toIsoDate(raw.created);
  const tag = nonEmpty(raw.classification?.tag);
  return {
    provider: 'HAPPYROBOT',
    providerId: raw.id,
    status,
    providerStatus: raw.status ?? null,
    direction,
    channel: 'CALL',
    from,
    to,
    customerPhone: customerSide(direction, from, to),
    startedAt: status === 'SCHEDULED' ? null : created,
    endedAt: null,
    durationSeconds: raw.duration ?? null,
    recordingUrl: typeof raw.recording_url === 'string' ? nonEmpty(raw.recording_url) : null,
    transcript: typeof raw.transcript === 'string' ? nonEmpty(raw.transcript) : null,
    transcriptEntries: [],
    costs: raw.costs ? toCosts(raw.costs) : null,
    agent: raw.agent?.id
      ? { provider: 'HAPPYROBOT', providerId: raw.agent.id, name: raw.agent.name ?? null }
      : null,
    notes: (raw.notes ?? []).map(toNote),
    classification: tag === null ? null : { tag, reasoning: raw.classification?.reasoning ?? null },
    extraction: raw.extraction ?? null,
    analysis: null,
    createdAt: created,
    raw,
  };
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

/** HappyRobot's cost parts: voip is the telephony; no currency is given. */
function toCosts(costs: HappyRobotCosts): CallCosts {
  return {
    total: costs.total_costs ?? null,
    llm: costs.llm?.total_cost ?? null,
    stt: costs.transcriber?.total_cost ?? null,
    tts: costs.tts?.total_cost ?? null,
    telephony: costs.voip?.total_cost ?? null,
    currency: null,
  };
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
