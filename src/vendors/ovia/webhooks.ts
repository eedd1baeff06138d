import { toCall } from './map.js';
import { oviaCallSchema } from './schemas.js';
import type { WebhookParser } from '../vendor-definition.js';

/**
 * Ovia's webhook events (assumed: Ovia documents no webhooks). `data` is the call exactly as
 * `GET /api/v1/calls/{id}` answers it (docs/vendors/ovia.md, "Webhooks (assumed)").
 */
export const OVIA_WEBHOOK_EVENTS = ['call.created', 'call.updated', 'call.ended'] as const;

export const oviaWebhook: WebhookParser = (type, data) => {
  if (!(OVIA_WEBHOOK_EVENTS as readonly string[]).includes(type)) return { kind: 'ignored' };
  const parsed = oviaCallSchema.safeParse(data);
  return parsed.success ? { kind: 'call', call: toCall(parsed.data) } : null;
};
