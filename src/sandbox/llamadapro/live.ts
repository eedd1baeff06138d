import type { LLAMADAPRO_CALL_WEBHOOK_EVENTS } from '../../vendors/llamadapro/webhooks.js';
import { liveTranscriptText, type LiveStep } from '../live.js';
import {
  LLAMADAPRO_TENANT_ID,
  type LlamadaProCallRecord,
  type LlamadaProData,
  type LlamadaProMessageRecord,
} from './records.js';

type LlamadaProCallEvent = (typeof LLAMADAPRO_CALL_WEBHOOK_EVENTS)[number];

/**
 * A call placed through one of LlamadaPro's three start routes, live: `queued` → `ringing` →
 * `in-progress` → `completed`, with its recording and transcription stored at the end (served by
 * `GET /api/v1/calls/{callId}/transcription` and `/recording`). Each step changes `call` in place
 * and bumps `lastUpdateSequence`, as LlamadaPro's own updates do.
 */
export function llamadaProCallWalk(
  data: LlamadaProData,
  call: LlamadaProCallRecord,
  now: () => string,
): LiveStep[] {
  const step = (type: LlamadaProCallEvent, change: (at: string) => void): LiveStep => ({
    type,
    apply() {
      const at = now();
      change(at);
      if (type !== 'call.created') {
        call.updatedAt = at;
        call.lastUpdateSequence += 1;
      }
      return call;
    },
  });
  return [
    step('call.created', () => undefined),
    step('call.updated', () => {
      call.status = 'ringing';
    }),
    step('call.updated', () => {
      call.status = 'in-progress';
    }),
    step('call.updated', (at) => {
      call.status = 'completed';
      call.duration = Math.max(1, Math.round((Date.parse(at) - Date.parse(call.startTime)) / 1000));
      const recordingId = data.nextIds.recording++;
      data.recordings.set(call.id, {
        id: recordingId,
        tenantId: LLAMADAPRO_TENANT_ID,
        callId: call.id,
        providerId: `RE${recordingId.toString(16).padStart(32, '0')}`,
        providerName: call.providerName,
        callProviderId: call.providerId,
        callProviderName: call.providerName,
        url: `https://media.llamadapro.example/recordings/live-${call.id}.mp3`,
        startTime: call.startTime,
        duration: call.duration,
        dualChannel: false,
        createdAt: at,
        updatedAt: at,
      });
      const transcriptionId = data.nextIds.transcription++;
      data.transcriptions.set(call.id, {
        id: transcriptionId,
        tenantId: LLAMADAPRO_TENANT_ID,
        providerId: `live-${transcriptionId}`,
        providerName: 'deepgram',
        recordingId,
        url: `https://media.llamadapro.example/transcriptions/live-${transcriptionId}.json`,
        text: liveTranscriptText(),
        createdAt: at,
        updatedAt: at,
      });
    }),
  ];
}

/**
 * A sent WhatsApp template, live: posted as `message.created` at once, then, one step later, the
 * contact's answer: an inbound text message in the same conversation, stored and posted likewise.
 */
export function llamadaProReplyWalk(
  data: LlamadaProData,
  sent: LlamadaProMessageRecord,
  now: () => string,
): LiveStep[] {
  return [
    { type: 'message.created', apply: () => sent },
    {
      type: 'message.created',
      apply() {
        const at = now();
        const reply: LlamadaProMessageRecord = {
          ...sent,
          id: `msg_c${String(data.nextIds.message++).padStart(8, '0')}`,
          providerId: null,
          userId: null,
          content: 'Gracias, recibido. ¿Me pueden llamar mañana?',
          status: 'delivered',
          direction: 'inbound',
          sender: { ...sent.recipient, metadata: {} },
          recipient: { ...sent.sender, metadata: {} },
          attachments: [],
          createdAt: at,
          updatedAt: at,
          metadata: { type: 'text', inReplyTo: sent.id },
          errors: [],
          customFields: {},
          mediaProcessing: null,
        };
        data.messages.push(reply);
        return reply;
      },
    },
  ];
}
