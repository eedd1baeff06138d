import type { CX_WEBHOOK_EVENTS } from '../../vendors/cx/webhooks.js';
import { liveTranscriptText, type LiveStep } from '../live.js';
import type { CxInteractionRecord } from './data.js';

type CxEvent = (typeof CX_WEBHOOK_EVENTS)[number];

/**
 * A started CX interaction, live. CX creates interactions `in-progress` (docs/vendors/cx.md), so
 * the walk goes `in-progress` → `in-progress` with half the transcription → `completed` with all
 * of it. Each step changes `interaction` in place, so the GET route answers what was posted.
 */
export function cxInteractionWalk(interaction: CxInteractionRecord): LiveStep[] {
  const step = (type: CxEvent, change: () => void): LiveStep => ({
    type,
    apply() {
      change();
      return interaction;
    },
  });
  return [
    step('interaction.created', () => undefined),
    step('interaction.updated', () => {
      interaction.transcription = liveTranscriptText().split('\n').slice(0, 2).join('\n');
    }),
    step('interaction.updated', () => {
      interaction.status = 'completed';
      interaction.transcription = liveTranscriptText();
      interaction.recordingUrl = `https://recordings.cx.example/${interaction.id}.wav`;
    }),
  ];
}
