import { toCall } from './map.js';
import { happyRobotCallSchema } from './schemas.js';
import type { WebhookParser } from '../vendor-definition.js';

/**
 * HappyRobot's webhook events (assumed: HappyRobot documents no webhooks). `data` is the call
 * exactly as `GET /api/v1/calls/{id}` answers it (docs/vendors/happyrobot.md, "Webhooks (assumed)").
 */
export const HAPPYROBOT_WEBHOOK_EVENTS = [
  'call.created',
  'call.updated',
  'call.completed',
] as const;

export const happyRobotWebhook: WebhookParser = (type, data) => {
  if (!(HAPPYROBOT_WEBHOOK_EVENTS as readonly string[]).includes(type)) return { kind: 'ignored' };
  const parsed = happyRobotCallSchema.safeParse(data);
  return parsed.success ? { kind: 'call', call: toCall(parsed.data) } : null;
};
