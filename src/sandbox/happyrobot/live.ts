import { randomBytes } from 'node:crypto';
import type { HAPPYROBOT_WEBHOOK_EVENTS } from '../../vendors/happyrobot/webhooks.js';
import { isoSecondsOf, type LiveStep } from '../live.js';
import { createRandom } from '../random.js';
import { companyNumberFor } from '../seeding.js';
import { happyRobotCosts, type HappyRobotCallRecord } from './data.js';
import { HAPPYROBOT_ORGANIZATION, HAPPYROBOT_USE_CASES } from './use-cases.js';

type HappyRobotEvent = (typeof HAPPYROBOT_WEBHOOK_EVENTS)[number];

/**
 * HappyRobot's API has no route that starts a call (docs/vendors/happyrobot.md): its calls begin
 * when a customer dials in or a campaign dials out. The sandbox stands in for the customer with a
 * route of its own, `POST /sandbox/inbound-calls` (README, "Live calls"), which makes the call
 * this function answers: `Queued`, inbound from `from` to the company number of its country.
 */
export function happyRobotInboundCall(from: string, at: number): HappyRobotCallRecord {
  const { useCase, promptId, agent } = HAPPYROBOT_USE_CASES[0]!;
  return {
    id: randomBytes(12).toString('hex'),
    organization_id: HAPPYROBOT_ORGANIZATION,
    type: 'Inbound',
    status: 'Queued',
    provider: 'Twilio',
    metadata: {
      call_sid: `CA${randomBytes(16).toString('hex')}`,
      from,
      to: companyNumberFor(from),
      recording_sid: null,
      tags: ['delivery'],
      custom: {},
    },
    use_case: useCase,
    prompt_id: promptId,
    agent,
    language: useCase.language,
    params: {},
    extraction: {},
    classification: null,
    created: isoSecondsOf(at),
    duration: null,
    viewed_by: [],
    parent_call_id: null,
    notes: [],
    samples: [],
    ratings: [],
    scheduled_for: null,
    use_backup: false,
    wait_until_awake: false,
    campaign_id: null,
    max_duration_mins: useCase.max_duration_mins,
    transfer_contact_email: null,
    costs: null,
  };
}

/**
 * A ringing HappyRobot call, live: `Queued` → `Ringing` → `In Progress` → `Completed`, ending with
 * its duration, costs, extraction and classification. HappyRobot's Call carries no transcript
 * (docs/vendors/happyrobot.md), so none is added. Each step changes `call` in place, so
 * `GET /api/v1/calls/{id}` answers what the last webhook carried.
 */
export function happyRobotCallWalk(
  call: HappyRobotCallRecord,
  now: () => number = Date.now,
): LiveStep[] {
  const step = (type: HappyRobotEvent, change: (at: number) => void): LiveStep => ({
    type,
    apply() {
      change(now());
      return call;
    },
  });
  return [
    step('call.created', () => undefined),
    step('call.updated', () => {
      call.status = 'Ringing';
    }),
    step('call.updated', () => {
      call.status = 'In Progress';
    }),
    step('call.completed', (at) => {
      const started = Date.parse(call.created ?? isoSecondsOf(at));
      const duration = Math.max(1, Math.round((at - started) / 1000));
      const [confirmed] = call.use_case.classification_tags;
      call.status = 'Completed';
      call.duration = duration;
      call.metadata.recording_sid = `RE${randomBytes(16).toString('hex')}`;
      call.extraction = { delivery_window: '10:00-12:00', instructions: null };
      call.classification = {
        tag: confirmed?.name ?? 'confirmed',
        reasoning: 'The customer agreed right away during the call.',
      };
      call.costs = happyRobotCosts(createRandom(started), started, duration, false);
    }),
  ];
}
