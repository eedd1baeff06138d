import { toCall } from './calls/map.js';
import { llamadaProCallSchema } from './calls/schemas.js';
import { toMessage } from './messages/map.js';
import { llamadaProMessageSchema } from './messages/schemas.js';
import type { WebhookParser } from '../vendor-definition.js';

/**
 * LlamadaPro's webhook events (assumed: LlamadaPro documents no webhooks). A call event's `data`
 * is the call as `GET /api/v1/calls/{callId}` answers it; `message.created`'s is the WhatsApp
 * message as the message routes answer it (docs/vendors/llamadapro.md, "Webhooks (assumed)").
 */
export const LLAMADAPRO_CALL_WEBHOOK_EVENTS = ['call.created', 'call.updated'] as const;

export const llamadaProWebhook: WebhookParser = (type, data) => {
  if (type === 'message.created') {
    const parsed = llamadaProMessageSchema.safeParse(data);
    return parsed.success ? { kind: 'message', message: toMessage(parsed.data) } : null;
  }
  if (!(LLAMADAPRO_CALL_WEBHOOK_EVENTS as readonly string[]).includes(type)) {
    return { kind: 'ignored' };
  }
  const parsed = llamadaProCallSchema.safeParse(data);
  return parsed.success ? { kind: 'call', call: toCall(parsed.data) } : null;
};
