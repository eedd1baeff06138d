import type { OVIA_WEBHOOK_EVENTS } from '../../vendors/ovia/webhooks.js';
import { isoSecondsOf, LIVE_DIALOGUE, liveTranscriptText, type LiveStep } from '../live.js';
import type { OviaCallRecord } from './data.js';

type OviaEvent = (typeof OVIA_WEBHOOK_EVENTS)[number];

/**
 * A started Ovia call, live: `queued` (as the POST answered it) → `ringing` → `in_progress` →
 * `completed` with its transcript. Each step changes `call` in place, so `GET /api/v1/calls/{id}`
 * answers what the last webhook carried.
 */
export function oviaCallWalk(call: OviaCallRecord, now: () => number = Date.now): LiveStep[] {
  const step = (type: OviaEvent, change: (at: number) => void): LiveStep => ({
    type,
    apply() {
      const at = now();
      change(at);
      call.updated_at = isoSecondsOf(at);
      return call;
    },
  });
  return [
    step('call.created', () => undefined),
    step('call.updated', () => {
      call.status = 'ringing';
    }),
    step('call.updated', () => {
      call.status = 'in_progress';
    }),
    step('call.ended', (at) => {
      const started = Date.parse(call.started_at);
      call.status = 'completed';
      call.ended_at = isoSecondsOf(at);
      call.duration = Math.max(1, Math.round((at - started) / 1000));
      call.transcript = liveTranscriptText();
      call.transcript_objects = LIVE_DIALOGUE.map(([, content], index) => ({
        content,
        timestamp: isoSecondsOf(Math.min(at, started + (index + 1) * 1000)),
      }));
      call.recording_url = `https://recordings.ovia.example/${call.id}.mp3`;
    }),
  ];
}
