import { toCall } from './map.js';
import { cxInteractionSchema } from './schemas.js';
import type { WebhookParser } from '../vendor-definition.js';

/**
 * CX's webhook events (assumed: CX documents no webhooks). `data` is the interaction exactly as
 * its `GET` route answers it (docs/vendors/cx.md, "Webhooks (assumed)").
 */
export const CX_WEBHOOK_EVENTS = ['interaction.created', 'interaction.updated'] as const;

export const cxWebhook: WebhookParser = (type, data) => {
  if (!(CX_WEBHOOK_EVENTS as readonly string[]).includes(type)) return { kind: 'ignored' };
  const parsed = cxInteractionSchema.safeParse(data);
  return parsed.success ? { kind: 'call', call: toCall(parsed.data) } : null;
};
