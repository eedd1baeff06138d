import { conversation } from '../dialogues.js';
import type { SandboxPerson } from '../people.js';
import { createRandom, mixSeed, type Random } from '../random.js';
import {
  companyNumberFor,
  DAY,
  HOUR,
  isoSeconds,
  MINUTE,
  pickCustomer,
  round,
  SANDBOX_COUNTS,
  SECOND,
  seededStart,
  statusPlan,
  TODAY,
} from '../seeding.js';
import {
  HAPPYROBOT_ORGANIZATION,
  HAPPYROBOT_USE_CASES,
  type HappyRobotUseCaseRecord,
} from './use-cases.js';

export interface HappyRobotNoteRecord {
  id: string;
  user_id: string | null;
  content: string;
  flagged: boolean;
  created_at: string;
}

export interface HappyRobotCostsRecord {
  created: string;
  total_costs: number;
  voip: {
    external: boolean;
    amd_cost: number;
    call_cost: number;
    total_cost: number;
    pricing_id: string;
  };
  transcriber: { total_cost: number; pricing_id: string };
  llm: {
    input_cost: number;
    output_cost: number;
    total_cost: number;
    input_pricing_id: string;
    output_pricing_id: string;
  };
  tts: { total_cost: number; pricing_id: string };
  'per-minute': Record<string, number>;
}

/** HappyRobot's Call as its notes route answers it (docs/vendors/happyrobot.md). */
export interface HappyRobotCallRecord {
  id: string;
  organization_id: string;
  type: 'Inbound' | 'Outbound';
  status: string;
  provider: string;
  metadata: {
    call_sid: string;
    from: string;
    to: string;
    recording_sid: string | null;
    tags: string[];
    custom: Record<string, string>;
  };
  use_case: HappyRobotUseCaseRecord;
  prompt_id: string;
  agent: { id: string; name: string };
  language: string;
  params: Record<string, string>;
  extraction: Record<string, unknown>;
  classification: { tag: string; reasoning: string } | null;
  /** Null while the call is Scheduled; `scheduled_for` says when it will run. */
  created: string | null;
  duration: number | null;
  viewed_by: string[];
  parent_call_id: string | null;
  notes: HappyRobotNoteRecord[];
  samples: string[];
  ratings: { emoji: string; email: string; created: string }[];
  scheduled_for: string | null;
  use_backup: boolean;
  wait_until_awake: boolean;
  campaign_id: string | null;
  max_duration_mins: number;
  transfer_contact_email: string | null;
  costs: HappyRobotCostsRecord | null;
}

export interface HappyRobotData {
  calls: HappyRobotCallRecord[];
}

const HAPPYROBOT_EVERY = [
  'In Progress',
  'Scheduled',
  'Failed',
  'Canceled',
  'No Answer',
  'Busy',
  'Voicemail',
  'Queued',
  'Ringing',
] as const;
type HappyRobotStatus = 'Completed' | (typeof HAPPYROBOT_EVERY)[number];
const HAPPYROBOT_WEIGHTS: readonly (readonly [HappyRobotStatus, number])[] = [
  ['Completed', 68],
  ['No Answer', 8],
  ['Scheduled', 6],
  ['Failed', 5],
  ['Busy', 4],
  ['Voicemail', 5],
  ['Canceled', 4],
];

const HAPPYROBOT_NOTE_USERS = ['user_2f8a1c', 'user_7b3e9d'];

/** What a call of `duration` seconds costs, itemised as HappyRobot does (docs/vendors/happyrobot.md). */
export function happyRobotCosts(
  random: Random,
  created: number,
  duration: number,
  outbound: boolean,
): HappyRobotCostsRecord {
  const minutes = duration / 60;
  const callCost = round(minutes * 0.014);
  const amdCost = outbound ? 0.0075 : 0;
  const voip = round(callCost + amdCost);
  const transcriber = round(minutes * 0.0043);
  const input = round(minutes * 0.0061);
  const output = round(minutes * 0.0024);
  const llm = round(input + output);
  const tts = round(minutes * 0.018);
  return {
    created: isoSeconds(created + (duration + random.int(5, 30)) * SECOND),
    total_costs: round(voip + transcriber + llm + tts),
    voip: {
      external: false,
      amd_cost: amdCost,
      call_cost: callCost,
      total_cost: voip,
      pricing_id: 'twilio-voice-2026',
    },
    transcriber: { total_cost: transcriber, pricing_id: 'deepgram-nova-3' },
    llm: {
      input_cost: input,
      output_cost: output,
      total_cost: llm,
      input_pricing_id: 'gpt-4o-input',
      output_pricing_id: 'gpt-4o-output',
    },
    tts: { total_cost: tts, pricing_id: 'elevenlabs-turbo' },
    'per-minute': {},
  };
}

function createHappyRobotCalls(
  random: Random,
  people: SandboxPerson[],
  strangers: string[],
): HappyRobotCallRecord[] {
  return Array.from({ length: SANDBOX_COUNTS.happyrobot }, (_, index): HappyRobotCallRecord => {
    const status = statusPlan(random, index, 3, HAPPYROBOT_EVERY, HAPPYROBOT_WEIGHTS);
    const active = status === 'In Progress' || status === 'Queued' || status === 'Ringing';
    const scheduled = status === 'Scheduled';
    const start = seededStart(random, index, 'happyrobot', active);
    const { topic, useCase, promptId, agent } = random.pick(HAPPYROBOT_USE_CASES);
    const customer = pickCustomer(random, people, strangers);
    const ours = companyNumberFor(customer.phone);
    const outbound = scheduled || random.chance(0.6);
    const duration =
      scheduled || active
        ? null
        : status === 'Completed'
          ? random.int(40, 600)
          : status === 'Voicemail'
            ? random.int(15, 40)
            : status === 'Failed'
              ? random.int(0, 10)
              : 0;
    const { variant } = conversation(random, topic, customer, agent.name);
    const tag = useCase.classification_tags[variant]?.name ?? 'confirmed';
    const extraction: Record<string, unknown> =
      status !== 'Completed'
        ? {}
        : topic === 'delivery'
          ? {
              delivery_window: variant === 0 ? '10:00-12:00' : 'Saturday 09:00-13:00',
              instructions: variant === 0 ? 'Ring the bell, intercom broken' : null,
            }
          : topic === 'appointment'
            ? { appointment_time: variant === 0 ? 'Friday 9:30' : 'Monday 11:00' }
            : { renewed: variant === 0, extra_coverage: variant === 0 ? null : 'theft' };
    const id = random.hex(24);
    const notes: HappyRobotNoteRecord[] =
      status === 'Completed' && random.chance(0.12)
        ? [
            {
              id: random.hex(24),
              user_id: random.pick(HAPPYROBOT_NOTE_USERS),
              content: random.pick([
                'Customer sounded unsure, follow up by email.',
                'Great call, use as a training sample.',
                'Asked for a callback next week.',
              ]),
              flagged: random.chance(0.3),
              created_at: isoSeconds(start + ((duration ?? 0) + random.int(60, 3600)) * SECOND),
            },
          ]
        : [];
    return {
      id,
      organization_id: HAPPYROBOT_ORGANIZATION,
      type: outbound ? 'Outbound' : 'Inbound',
      status,
      provider: 'Twilio',
      metadata: {
        call_sid: `CA${random.hex(32)}`,
        from: outbound ? ours : customer.phone,
        to: outbound ? customer.phone : ours,
        recording_sid: duration !== null && duration > 0 ? `RE${random.hex(32)}` : null,
        tags: [topic],
        custom: customer.person
          ? {
              clientId: String(1000 + customer.person.index),
              orderId: String(random.int(40_000, 49_999)),
            }
          : {},
      },
      use_case: useCase,
      prompt_id: promptId,
      agent,
      language: useCase.language,
      params: customer.person ? { customer_name: customer.person.firstName } : {},
      extraction,
      classification:
        status === 'Completed'
          ? {
              tag,
              reasoning: `The customer ${tag === 'confirmed' || tag === 'renewed' ? 'agreed right away' : 'asked for a change'} during the call.`,
            }
          : null,
      created: scheduled ? null : isoSeconds(start),
      duration,
      viewed_by: status === 'Completed' && random.chance(0.4) ? ['ops@acme-logistics.example'] : [],
      parent_call_id: null,
      notes,
      samples: [],
      ratings:
        status === 'Completed' && random.chance(0.15)
          ? [
              {
                emoji: '✅',
                email: 'qa@acme-logistics.example',
                created: isoSeconds(start + DAY / 2),
              },
            ]
          : [],
      scheduled_for: scheduled
        ? isoSeconds(
            TODAY +
              random.int(1, 7) * DAY +
              random.int(13, 21) * HOUR +
              random.int(0, 3) * 15 * MINUTE,
          )
        : null,
      use_backup: false,
      wait_until_awake: false,
      campaign_id: outbound
        ? `67c0${topic === 'delivery' ? 'a' : topic === 'appointment' ? 'b' : 'c'}1b2c3d4e5f60718293a4`
        : null,
      max_duration_mins: 15,
      transfer_contact_email: null,
      costs: duration === null ? null : happyRobotCosts(random, start, duration, outbound),
    };
  });
}

export function createHappyRobotData(
  people: SandboxPerson[],
  strangers: string[],
  seed = 0,
): HappyRobotData {
  return { calls: createHappyRobotCalls(createRandom(mixSeed(303, seed)), people, strangers) };
}
