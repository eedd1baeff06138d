import { toProblem } from './map.js';
import { freyaProblemSchema } from './schemas.js';
import type { WebhookParser } from '../vendor-definition.js';

/**
 * Freya's webhook events (assumed: Freya documents no webhooks). `data` is the problem exactly
 * as its `GET` route answers it (docs/vendors/freya.md, "Webhooks (assumed)"). The graph has no
 * problem subscription yet, so they are checked, parsed and then dropped.
 */
export const FREYA_WEBHOOK_EVENTS = ['problem.created', 'problem.updated'] as const;

export const freyaWebhook: WebhookParser = (type, data) => {
  if (!(FREYA_WEBHOOK_EVENTS as readonly string[]).includes(type)) return { kind: 'ignored' };
  const parsed = freyaProblemSchema.safeParse(data);
  return parsed.success ? { kind: 'problem', problem: toProblem(parsed.data) } : null;
};
