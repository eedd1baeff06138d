import { toCallDirection } from '../vendors/normalize.js';
import { SANDBOX_CREDENTIALS } from './credentials.js';
import { createLlamadaProData, type LlamadaProData } from './data-llamadapro.js';
import { createPeople, SANDBOX_NOW, type SandboxPerson } from './people.js';
import { createRandom, type Random } from './random.js';

// ---------------------------------------------------------------------------------------------
// Vendor records, shaped exactly as each vendor document shows its JSON (see vendor-docs/).
// ---------------------------------------------------------------------------------------------

/** vendor-docs/ovia-calls.txt: the Call object. */
export interface OviaCallRecord {
  id: string;
  user_id: string;
  agent_id: string;
  type: string;
  direction: 'inbound' | 'outbound';
  from_number: string;
  to_number: string;
  phone_number_id: string;
  status: string;
  started_at: string;
  ended_at: string | null;
  recording_url: string | null;
  transcript: string | null;
  duration: number | null;
  analysis: string | null;
  latency_metrics: string | null;
  created_at: string;
  updated_at: string;
  agent: { name: string };
  metadata: { rule_id: string; call_tag: string; call_id_full: string; sip_trunk_id: string };
  costs: {
    llm: number;
    stt: number;
    tts: number;
    total: number;
    details: {
      tts_characters: number;
      llm_prompt_tokens: number;
      llm_completion_tokens: number;
      stt_audio_duration_seconds: number;
    };
  } | null;
  transcript_objects: { content: string; timestamp: string }[];
}

/**
 * vendor-docs/cx-interactions.txt: the Interaction. Interactions read back also carry `channel`
 * and `createdAt` (CONTRACT §6); the POST answer does not.
 */
export interface CxInteractionRecord {
  id: string;
  status: string;
  agentPhone: string;
  customerPhone: string;
  agentId: string;
  customerId: string;
  skillId: string;
  customerName: string;
  transcription: string;
  recordingUrl: string;
  channel: 'call' | 'sms' | 'whatsapp' | 'webchat';
  createdAt: string;
}

export interface HappyRobotNoteRecord {
  id: string;
  user_id: string | null;
  content: string;
  flagged: boolean;
  created_at: string;
}

/** A compact, realistic subset of the use case HappyRobot embeds in every call. */
export interface HappyRobotUseCaseRecord {
  id: string;
  organization_id: string;
  name: string;
  transfer_number: string;
  extract_with_ai: {
    name: string;
    description: string;
    type: string;
    example: string;
    required: boolean;
  }[];
  classification_tags: { name: string; description: string }[];
  language: string;
  timezone: string;
  max_duration_mins: number;
  model: string;
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

/** vendor-docs/happyrobot-call-notes.txt: the Call answered by the notes route. */
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

export type FreyaProblemType = 'system' | 'audio' | 'transcription' | 'decision' | 'general';

/** vendor-docs/freya-problems.txt: the `problem` object. */
export interface FreyaProblemRecord {
  problem: string;
  id: string;
  workspaceId: string;
  callId: string | null;
  agentId: string | null;
  description: string | null;
  type: FreyaProblemType;
  severity: number;
  status: string;
  assignedTo: string | null;
  createdBy: string;
  messageId: string | null;
  resolved: boolean;
  resolvedAt: string | null;
  resolvedBy: string | null;
  solutionId: string | null;
  createdAt: string;
  updatedAt: string;
  callStartedAt: string | null;
  customerNumber: string | null;
  agentName: string | null;
  resolvedByName: string | null;
  assignees: { userId: string; assignedAt: string; userName: string | null }[];
  commentsCount: number;
  isArchived: boolean;
}

export interface SandboxData {
  people: SandboxPerson[];
  freya: { workspaceId: string; problems: FreyaProblemRecord[] };
  ovia: { calls: OviaCallRecord[] };
  cx: { interactions: CxInteractionRecord[] };
  happyrobot: { calls: HappyRobotCallRecord[] };
  llamadapro: LlamadaProData;
}

export const SANDBOX_COUNTS = { ovia: 60, cx: 45, happyrobot: 50, problems: 80 } as const;

// ---------------------------------------------------------------------------------------------
// Time, numbers and words shared by every vendor's records.
// ---------------------------------------------------------------------------------------------

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TODAY = SANDBOX_NOW - (SANDBOX_NOW % DAY);

/**
 * Start times shared on purpose so that tie-breaks are exercised: one instant shared by a call
 * of Ovia, CX and HappyRobot, and one instant shared by two calls of each of those vendors.
 */
export const SANDBOX_TIES = {
  acrossVendors: Date.parse('2026-10-27T15:30:00.000Z'),
  ovia: Date.parse('2026-10-20T18:05:12.000Z'),
  cx: Date.parse('2026-10-14T16:42:30.000Z'),
  happyrobot: Date.parse('2026-10-09T14:11:05.000Z'),
} as const;

/** Ovia and HappyRobot write seconds precision (`2023-11-07T05:31:56Z`), as their docs show. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

/** A working-hours moment (12:00–23:59 UTC, daytime in the Americas) 1 to 45 days ago. */
function pastStart(random: Random): number {
  return (
    TODAY -
    random.int(1, 45) * DAY +
    random.int(12, 23) * HOUR +
    random.int(0, 59) * MINUTE +
    random.int(0, 59) * SECOND
  );
}

/** A call still under way: it began minutes before the sandbox's now. */
function recentStart(random: Random): number {
  return SANDBOX_NOW - random.int(1, 25) * MINUTE - random.int(0, 59) * SECOND;
}

function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Our own lines, one per country the customers live in. */
const COMPANY_NUMBERS: Record<string, string> = {
  '+56': '+56229400100',
  '+52': '+525511700200',
  '+1': '+16505550100',
  '+33': '+33185001122',
  '+57': '+576013005500',
};

function companyNumberFor(customer: string): string {
  for (const [prefix, number] of Object.entries(COMPANY_NUMBERS)) {
    if (customer.startsWith(prefix)) return number;
  }
  return '+56229400100';
}

interface Customer {
  phone: string;
  person: SandboxPerson | null;
}

function strangerNumbers(people: SandboxPerson[]): string[] {
  const known = new Set(people.flatMap((person) => [person.phone, person.secondPhone ?? '']));
  const random = createRandom(991);
  const numbers: string[] = [];
  const plans = [
    { prefix: '+5622', digits: 7 },
    { prefix: '+1646', digits: 7 },
    { prefix: '+525533', digits: 6 },
  ];
  while (numbers.length < 20) {
    const plan = random.pick(plans);
    let candidate = plan.prefix;
    for (let i = 0; i < plan.digits; i += 1) candidate += String(random.int(0, 9));
    if (!known.has(candidate) && !numbers.includes(candidate)) numbers.push(candidate);
  }
  return numbers;
}

/** About 85% of calls are with a known person (mostly their main number), the rest with strangers. */
function pickCustomer(random: Random, people: SandboxPerson[], strangers: string[]): Customer {
  if (random.chance(0.85)) {
    const person = random.pick(people);
    const phone =
      person.secondPhone !== null && random.chance(0.3) ? person.secondPhone : person.phone;
    return { phone, person };
  }
  return { phone: random.pick(strangers), person: null };
}

type Topic = 'delivery' | 'appointment' | 'renewal';
type Line = readonly ['agent' | 'customer', string];

const CONVERSATIONS: Record<Topic, ((name: string, agent: string) => Line[])[]> = {
  delivery: [
    (name, agent) => [
      [
        'agent',
        `Hi ${name}, this is ${agent} from Acme Logistics, calling about the parcel we deliver tomorrow.`,
      ],
      ['customer', 'Oh yes, I was expecting it. Do you know what time it will arrive?'],
      [
        'agent',
        'The driver has you between 10 and 12 in the morning. Is the delivery address still correct?',
      ],
      ['customer', 'It is, but please ask them to ring the bell, the intercom is broken.'],
      [
        'agent',
        'Noted, I have added that to the delivery instructions. Anything else I can do for you?',
      ],
      ['customer', 'No, that is all. Thank you!'],
    ],
    (name, agent) => [
      [
        'agent',
        `Good afternoon ${name}, ${agent} from Acme Logistics. We tried to deliver your order today but nobody was home.`,
      ],
      ['customer', 'Sorry, I was at work. Can you bring it on Saturday instead?'],
      ['agent', 'Saturday between 9 and 1 works. Shall I book that slot for you?'],
      ['customer', 'Yes please, Saturday morning is perfect.'],
      ['agent', 'Done. You will get a text with the tracking link on Saturday morning.'],
    ],
  ],
  appointment: [
    (name, agent) => [
      [
        'agent',
        `Hello ${name}, this is ${agent} from Lumen Health reminding you of your appointment on Thursday at 4 pm.`,
      ],
      ['customer', 'Thursday at 4... could we move it to Friday morning?'],
      ['agent', 'I have Friday at 9:30 or 11:00 available. Which one suits you better?'],
      ['customer', '9:30, please.'],
      ['agent', 'You are booked for Friday at 9:30. Please arrive ten minutes early with your ID.'],
      ['customer', 'Perfect, see you then.'],
    ],
    (name, agent) => [
      ['customer', `Hi, I'm calling to confirm my appointment, my name is ${name}.`],
      ['agent', `Thanks ${name}, I'm ${agent}. I can see you on Monday at 11 with Dr. Rojas.`],
      ['customer', 'Great. Is there anything I need to bring?'],
      ['agent', 'Just your insurance card and any recent test results.'],
      ['customer', 'Okay, thank you very much.'],
    ],
  ],
  renewal: [
    (name, agent) => [
      [
        'agent',
        `Hi ${name}, ${agent} here from Pacífico Seguros. Your car insurance policy expires at the end of the month.`,
      ],
      ['customer', 'Right, I got the email. Has the premium gone up?'],
      ['agent', 'It goes up by 4%, but with no claims this year you keep your 15% discount.'],
      ['customer', 'Alright, then please renew it with the same coverage.'],
      ['agent', 'Done. The new policy documents will reach your inbox within the hour.'],
    ],
    (name, agent) => [
      ['customer', `Hello, this is ${name}, I want to ask about renewing my home insurance.`],
      [
        'agent',
        `Of course ${name}, I'm ${agent}. Would you like to keep the same coverage as last year?`,
      ],
      ['customer', 'I would like to add theft protection, if it is not too expensive.'],
      [
        'agent',
        'Adding theft protection costs about 6 dollars more per month. Shall I include it?',
      ],
      ['customer', 'Yes, include it and send me the quote, please.'],
      ['agent', 'I have emailed you the quote. You can accept it with one click.'],
    ],
  ],
};

const VOICEMAIL_LINE = (name: string, agent: string): Line[] => [
  [
    'agent',
    `Hi ${name}, this is ${agent}. Sorry we missed you, please call us back at your convenience. Thank you!`,
  ],
];

const ANALYSES: Record<Topic, string[]> = {
  delivery: [
    'Customer confirmed the delivery window and added instructions for the driver.',
    "Delivery rescheduled to Saturday morning at the customer's request.",
  ],
  appointment: [
    'Appointment moved to Friday 9:30; customer reminded to bring ID.',
    'Customer confirmed the Monday appointment and asked what to bring.',
  ],
  renewal: [
    'Policy renewed with the same coverage; no-claims discount kept.',
    'Customer asked to add theft protection; quote sent by email.',
  ],
};

function conversation(
  random: Random,
  topic: Topic,
  customer: Customer,
  agent: string,
): { lines: Line[]; variant: number } {
  const variants = CONVERSATIONS[topic];
  const variant = random.int(0, variants.length - 1);
  const build = variants[variant] ?? variants[0];
  const name = customer.person?.firstName ?? 'there';
  return { lines: build ? build(name, agent) : [], variant };
}

function transcriptText(lines: Line[]): string {
  return lines
    .map(([role, content]) => `${role === 'agent' ? 'Agent' : 'Customer'}: ${content}`)
    .join('\n');
}

function statusPlan<T extends string>(
  random: Random,
  index: number,
  forced: number,
  every: readonly T[],
  weighted: readonly (readonly [T, number])[],
): T {
  if (index < forced) return weighted[0]?.[0] ?? (every[0] as T);
  const listed = every[index - forced];
  if (listed !== undefined) return listed;
  let roll = random.next() * weighted.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [status, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return status;
  }
  return weighted[0]?.[0] ?? (every[0] as T);
}

// ---------------------------------------------------------------------------------------------
// Ovia
// ---------------------------------------------------------------------------------------------

const OVIA_AGENTS = [
  {
    id: '0b8e6a52-3c1d-4f7e-9a2b-5d6c7e8f9a01',
    name: 'Sofía · Deliveries',
    topic: 'delivery' as Topic,
  },
  {
    id: '1c9f7b63-4d2e-4a8f-8b3c-6e7d8f9a0b12',
    name: 'Martín · Appointments',
    topic: 'appointment' as Topic,
  },
  {
    id: '2da08c74-5e3f-4b9a-9c4d-7f8e9a0b1c23',
    name: 'Renata · Renewals',
    topic: 'renewal' as Topic,
  },
];
const OVIA_USERS = ['7e5d4c3b-2a19-4f8e-8d7c-6b5a49382716', '8f6e5d4c-3b2a-4190-9e8d-7c6b5a493827'];
const OVIA_PHONE_NUMBER_IDS: Record<string, string> = {
  '+56229400100': '4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c10',
  '+525511700200': '5b4c3d2e-1f0a-4b9c-8d8e-7f6a5b4c3d21',
  '+16505550100': '6c5d4e3f-2a1b-4cad-9e9f-8a7b6c5d4e32',
  '+33185001122': '7d6e5f4a-3b2c-4dbe-8fa0-9b8c7d6e5f43',
  '+576013005500': '8e7f6a5b-4c3d-4ecf-9ab1-ac9d8e7f6a54',
};

const OVIA_EVERY = [
  'failed',
  'no_answer',
  'busy',
  'in_progress',
  'queued',
  'ringing',
  'canceled',
  'voicemail',
] as const;
type OviaStatus = 'completed' | (typeof OVIA_EVERY)[number];
const OVIA_WEIGHTS: readonly (readonly [OviaStatus, number])[] = [
  ['completed', 74],
  ['no_answer', 8],
  ['failed', 6],
  ['busy', 4],
  ['voicemail', 5],
  ['canceled', 3],
];

function createOviaCalls(
  random: Random,
  people: SandboxPerson[],
  strangers: string[],
): OviaCallRecord[] {
  return Array.from({ length: SANDBOX_COUNTS.ovia }, (_, index): OviaCallRecord => {
    const status = statusPlan(random, index, 3, OVIA_EVERY, OVIA_WEIGHTS);
    const active = status === 'in_progress' || status === 'queued' || status === 'ringing';
    const start =
      index === 0
        ? SANDBOX_TIES.acrossVendors
        : index <= 2
          ? SANDBOX_TIES.ovia
          : active
            ? recentStart(random)
            : pastStart(random);
    const agent = random.pick(OVIA_AGENTS);
    const customer = pickCustomer(random, people, strangers);
    const ours = companyNumberFor(customer.phone);
    const direction = random.chance(0.65) ? 'outbound' : 'inbound';
    const id = random.uuid();
    const talked = status === 'completed' || status === 'in_progress' || status === 'voicemail';
    const { lines, variant } = conversation(
      random,
      agent.topic,
      customer,
      agent.name.split(' ')[0] ?? 'Sofía',
    );
    const spoken =
      status === 'completed'
        ? lines
        : status === 'in_progress'
          ? lines.slice(0, 2)
          : status === 'voicemail'
            ? VOICEMAIL_LINE(
                customer.person?.firstName ?? 'there',
                agent.name.split(' ')[0] ?? 'Sofía',
              )
            : [];
    const duration =
      status === 'completed'
        ? random.int(45, 540)
        : status === 'voicemail'
          ? random.int(18, 45)
          : status === 'failed'
            ? random.int(0, 12)
            : active
              ? null
              : 0;
    const end = duration === null ? null : start + (duration + random.int(2, 8)) * SECOND;
    let offset = random.int(1, 3);
    const transcriptObjects = spoken.map(([, content]) => {
      const at = start + offset * SECOND;
      offset += random.int(4, 14);
      return { content, timestamp: isoSeconds(at) };
    });
    const minutes = (duration ?? 0) / 60;
    const promptTokens = Math.round(900 + minutes * 1400);
    const completionTokens = Math.round(60 + minutes * 220);
    return {
      id,
      user_id: random.pick(OVIA_USERS),
      agent_id: agent.id,
      type: 'phone_call',
      direction,
      from_number: direction === 'outbound' ? ours : customer.phone,
      to_number: direction === 'outbound' ? customer.phone : ours,
      phone_number_id: OVIA_PHONE_NUMBER_IDS[ours] ?? '4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c10',
      status,
      started_at: isoSeconds(start),
      ended_at: end === null ? null : isoSeconds(end),
      recording_url: talked && !active ? `https://recordings.sandbox.invalid/ovia/${id}.wav` : null,
      transcript: spoken.length > 0 ? transcriptText(spoken) : null,
      duration,
      analysis: status === 'completed' ? (ANALYSES[agent.topic][variant] ?? null) : null,
      latency_metrics: talked
        ? JSON.stringify({ p50_ms: random.int(600, 900), p95_ms: random.int(1100, 1900) })
        : null,
      created_at: isoSeconds(start - random.int(1, 5) * SECOND),
      updated_at: isoSeconds(end ?? start),
      agent: { name: agent.name },
      metadata: {
        rule_id: `rule_${agent.topic}_${random.int(1, 4)}`,
        call_tag: agent.topic,
        call_id_full: `CA${random.hex(32)}`,
        sip_trunk_id: `trunk_${ours.slice(1, 3)}_${random.hex(6)}`,
      },
      costs:
        duration === null
          ? null
          : (() => {
              const llm = round(minutes * 0.012);
              const stt = round(minutes * 0.006);
              const tts = round(minutes * 0.018);
              return {
                llm,
                stt,
                tts,
                total: round(llm + stt + tts),
                details: {
                  tts_characters: Math.round(minutes * 700),
                  llm_prompt_tokens: duration === 0 ? 0 : promptTokens,
                  llm_completion_tokens: duration === 0 ? 0 : completionTokens,
                  stt_audio_duration_seconds: duration,
                },
              };
            })(),
      transcript_objects: transcriptObjects,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// CX
// ---------------------------------------------------------------------------------------------

const CX_AGENTS = [
  {
    id: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c51',
    name: 'Valeria',
    topic: 'delivery' as Topic,
    skillId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e61',
  },
  {
    id: 'ab2c3d4e-5f6a-4b7c-9d8e-1f2a3b4c5d62',
    name: 'Tomás',
    topic: 'appointment' as Topic,
    skillId: 'd2e3f4a5-b6c7-4d8e-9fa0-1b2c3d4e5f72',
  },
  {
    id: 'bc3d4e5f-6a7b-4c8d-8e9f-2a3b4c5d6e73',
    name: 'Julieta',
    topic: 'renewal' as Topic,
    skillId: 'e3f4a5b6-c7d8-4e9f-8ab1-2c3d4e5f6a83',
  },
];

const CX_EVERY = [
  'failed',
  'no-answer',
  'busy',
  'in-progress',
  'queued',
  'ringing',
  'cancelled',
  'transferred',
] as const;
type CxStatus = 'completed' | (typeof CX_EVERY)[number];
const CX_WEIGHTS: readonly (readonly [CxStatus, number])[] = [
  ['completed', 72],
  ['no-answer', 9],
  ['failed', 5],
  ['busy', 4],
  ['transferred', 6],
  ['cancelled', 4],
];
/** Only a voice interaction can ring, be busy or go unanswered. */
const CX_VOICE_ONLY = new Set<CxStatus>(['no-answer', 'busy', 'ringing', 'transferred']);

function createCxInteractions(
  random: Random,
  people: SandboxPerson[],
  strangers: string[],
): CxInteractionRecord[] {
  const customerIds = new Map<string, string>();
  return Array.from({ length: SANDBOX_COUNTS.cx }, (_, index): CxInteractionRecord => {
    const status = statusPlan(random, index, 3, CX_EVERY, CX_WEIGHTS);
    const active = status === 'in-progress' || status === 'queued' || status === 'ringing';
    const start =
      index === 0
        ? SANDBOX_TIES.acrossVendors
        : index <= 2
          ? SANDBOX_TIES.cx
          : active
            ? recentStart(random)
            : pastStart(random);
    const agent = random.pick(CX_AGENTS);
    const customer = pickCustomer(random, people, strangers);
    const roll = random.next();
    const channel: CxInteractionRecord['channel'] =
      CX_VOICE_ONLY.has(status) || index <= 2 || roll < 0.7
        ? 'call'
        : roll < 0.8
          ? 'sms'
          : roll < 0.92
            ? 'whatsapp'
            : 'webchat';
    const id = random.uuid();
    let customerId = customerIds.get(customer.phone);
    if (customerId === undefined) {
      customerId = random.uuid();
      customerIds.set(customer.phone, customerId);
    }
    const { lines } = conversation(random, agent.topic, customer, agent.name);
    const spoken =
      status === 'completed' || status === 'transferred'
        ? lines
        : status === 'in-progress'
          ? lines.slice(0, 2)
          : [];
    return {
      id,
      status,
      agentPhone: companyNumberFor(customer.phone),
      customerPhone: customer.phone,
      agentId: agent.id,
      customerId,
      skillId: agent.skillId,
      customerName: customer.person
        ? `${customer.person.firstName} ${customer.person.lastName}`
        : 'Unknown',
      transcription: transcriptText(spoken),
      recordingUrl:
        channel === 'call' && spoken.length > 0 && !active
          ? `https://recordings.sandbox.invalid/cx/${id}.mp3`
          : '',
      channel,
      createdAt: isoMillis(start),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// HappyRobot
// ---------------------------------------------------------------------------------------------

const HAPPYROBOT_ORGANIZATION = '65f1a2b3c4d5e6f708192a3b';

function happyRobotUseCase(
  id: string,
  name: string,
  language: string,
  extract: HappyRobotUseCaseRecord['extract_with_ai'],
  tags: HappyRobotUseCaseRecord['classification_tags'],
): HappyRobotUseCaseRecord {
  return {
    id,
    organization_id: HAPPYROBOT_ORGANIZATION,
    name,
    transfer_number: '+16505550100',
    extract_with_ai: extract,
    classification_tags: tags,
    language,
    timezone: 'America/Santiago',
    max_duration_mins: 15,
    model: 'gpt-4o',
  };
}

const HAPPYROBOT_USE_CASES: {
  topic: Topic;
  useCase: HappyRobotUseCaseRecord;
  promptId: string;
  agent: { id: string; name: string };
}[] = [
  {
    topic: 'delivery',
    promptId: '66a0b1c2d3e4f5061728394a',
    agent: { id: '66b1c2d3e4f5061728394a5b', name: 'Kate' },
    useCase: happyRobotUseCase(
      '6601a2b3c4d5e6f708192a01',
      'Delivery confirmation',
      'en-US',
      [
        {
          name: 'delivery_window',
          description: 'The delivery window the customer accepted',
          type: 'string',
          example: '10:00-12:00',
          required: true,
        },
        {
          name: 'instructions',
          description: 'Instructions for the driver',
          type: 'string',
          example: 'Ring the bell',
          required: false,
        },
      ],
      [
        { name: 'confirmed', description: 'The customer confirmed the delivery' },
        { name: 'rescheduled', description: 'The customer asked for another day' },
      ],
    ),
  },
  {
    topic: 'appointment',
    promptId: '66a0b1c2d3e4f5061728394b',
    agent: { id: '66b1c2d3e4f5061728394a5c', name: 'Lucas' },
    useCase: happyRobotUseCase(
      '6601a2b3c4d5e6f708192a02',
      'Appointment reminders',
      'en-US',
      [
        {
          name: 'appointment_time',
          description: 'The confirmed appointment time',
          type: 'string',
          example: 'Friday 9:30',
          required: true,
        },
      ],
      [
        { name: 'confirmed', description: 'The appointment stands' },
        { name: 'moved', description: 'The appointment moved to another time' },
      ],
    ),
  },
  {
    topic: 'renewal',
    promptId: '66a0b1c2d3e4f5061728394c',
    agent: { id: '66b1c2d3e4f5061728394a5d', name: 'Elena' },
    useCase: happyRobotUseCase(
      '6601a2b3c4d5e6f708192a03',
      'Insurance renewal',
      'es-CL',
      [
        {
          name: 'renewed',
          description: 'Whether the customer renewed',
          type: 'boolean',
          example: 'true',
          required: true,
        },
        {
          name: 'extra_coverage',
          description: 'Coverage the customer added',
          type: 'string',
          example: 'theft',
          required: false,
        },
      ],
      [
        { name: 'renewed', description: 'The policy was renewed' },
        { name: 'quote_sent', description: 'A quote was sent for the customer to accept' },
      ],
    ),
  },
];

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

function happyRobotCosts(
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
    const start =
      index === 0
        ? SANDBOX_TIES.acrossVendors
        : index <= 2
          ? SANDBOX_TIES.happyrobot
          : active
            ? recentStart(random)
            : pastStart(random);
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

// ---------------------------------------------------------------------------------------------
// Freya problems on the calls of the other four vendors
// ---------------------------------------------------------------------------------------------

interface CallRef {
  id: string;
  start: number;
  customer: string | null;
  agentId: string | null;
  agentName: string | null;
}

const FINISHED = /^(completed|failed|no[-_ ]answer|busy|voicemail|transferred|cancell?ed)$/i;

function callRefs(data: Omit<SandboxData, 'freya' | 'people'>): CallRef[][] {
  const ovia = data.ovia.calls
    .filter((call) => FINISHED.test(call.status))
    .map((call) => ({
      id: call.id,
      start: Date.parse(call.started_at),
      customer: call.direction === 'outbound' ? call.to_number : call.from_number,
      agentId: call.agent_id,
      agentName: call.agent.name,
    }));
  const llamadapro = data.llamadapro.calls
    .filter(
      (call) => FINISHED.test(call.status) && Date.parse(call.startTime) < SANDBOX_NOW - 6 * HOUR,
    )
    .map((call) => ({
      id: String(call.id),
      start: Date.parse(call.startTime),
      customer: toCallDirection(call.direction) === 'INBOUND' ? call.from : call.to,
      agentId: call.userId === null ? null : String(call.userId),
      agentName: null,
    }));
  const cx = data.cx.interactions
    .filter((interaction) => FINISHED.test(interaction.status))
    .map((interaction) => ({
      id: interaction.id,
      start: Date.parse(interaction.createdAt),
      customer: interaction.customerPhone,
      agentId: interaction.agentId,
      agentName: CX_AGENTS.find((agent) => agent.id === interaction.agentId)?.name ?? null,
    }));
  const happyrobot = data.happyrobot.calls
    .filter((call) => call.created !== null && FINISHED.test(call.status))
    .map((call) => ({
      id: call.id,
      start: Date.parse(call.created ?? ''),
      customer: call.type === 'Outbound' ? call.metadata.to : call.metadata.from,
      agentId: call.agent.id,
      agentName: call.agent.name,
    }));
  return [ovia, llamadapro, cx, happyrobot].filter((refs) => refs.length > 0);
}

const FREYA_USERS = [
  { userId: 'usr_01HZX4K7Q2', userName: 'Ana Torres' },
  { userId: 'usr_01HZX4K7Q3', userName: 'Pedro Vargas' },
  { userId: 'usr_01HZX4K7Q4', userName: 'Claire Martin' },
];

const PROBLEM_CATALOGUE: Record<FreyaProblemType, { title: string; description: string }[]> = {
  system: [
    {
      title: 'Booking webhook timed out',
      description:
        'The agent waited 8 seconds for the booking tool and then apologised to the customer.',
    },
    {
      title: 'Call dropped after tool error',
      description: 'The CRM lookup returned 500 and the call ended without a goodbye.',
    },
  ],
  audio: [
    {
      title: 'Choppy audio on customer side',
      description: 'Packet loss made the customer repeat the address twice.',
    },
    {
      title: 'Long silence after greeting',
      description: 'Nearly 4 seconds of silence before the agent answered the first question.',
    },
  ],
  transcription: [
    {
      title: 'Street name transcribed incorrectly',
      description: 'The delivery address was written with the wrong street name.',
    },
    {
      title: 'Policy number misheard',
      description: 'Two digits of the policy number were swapped in the transcript.',
    },
  ],
  decision: [
    {
      title: 'Confirmed delivery without verifying address',
      description: 'The agent skipped the address check required by the script.',
    },
    {
      title: 'Transferred to a human too early',
      description: 'The customer only asked about the time slot; no transfer was needed.',
    },
  ],
  general: [
    {
      title: 'Customer asked not to be called again',
      description: 'Add the number to the do-not-call list.',
    },
    {
      title: 'Follow-up needed',
      description: 'The customer wants a written quote before deciding.',
    },
  ],
};
const PROBLEM_TYPES_LIST: readonly FreyaProblemType[] = [
  'system',
  'audio',
  'transcription',
  'decision',
  'general',
];

function createFreyaProblems(
  random: Random,
  refs: CallRef[][],
  workspaceId: string,
): FreyaProblemRecord[] {
  const problems: FreyaProblemRecord[] = [];
  let vendorTurn = 0;
  let previous: { ref: CallRef | null; created: number } | null = null;
  for (let index = 0; index < SANDBOX_COUNTS.problems; index += 1) {
    let ref: CallRef | null = null;
    let created: number;
    if (index === 1 && previous !== null) {
      // Same call and same instant as the first problem, so ordering ties are exercised.
      ref = previous.ref;
      created = previous.created;
    } else {
      if (index % 10 !== 9 && refs.length > 0) {
        const pool = refs[vendorTurn % refs.length] ?? [];
        vendorTurn += 1;
        ref = pool.length > 0 ? random.pick(pool) : null;
      }
      const base = ref?.start ?? pastStart(random);
      created = Math.min(
        base + random.int(2, 240) * MINUTE + random.int(0, 59) * SECOND,
        SANDBOX_NOW - HOUR,
      );
    }
    previous = { ref, created };
    const type = random.pick(PROBLEM_TYPES_LIST);
    const entry = random.pick(PROBLEM_CATALOGUE[type]);
    const resolved = random.chance(0.35);
    const resolver = random.pick(FREYA_USERS);
    const resolvedAt = resolved
      ? Math.min(created + random.int(1, 72) * HOUR, SANDBOX_NOW - 5 * MINUTE)
      : null;
    const assigneeCount = resolved ? random.int(1, 2) : random.int(0, 2);
    const assignees = Array.from(
      { length: assigneeCount },
      (_, i) => FREYA_USERS[(index + i) % FREYA_USERS.length],
    )
      .filter((user) => user !== undefined)
      .map((user) => ({
        userId: user.userId,
        userName: user.userName,
        assignedAt: isoMillis(created + random.int(5, 120) * MINUTE),
      }));
    const updated =
      resolvedAt ?? Math.min(created + random.int(0, 48) * HOUR, SANDBOX_NOW - MINUTE);
    problems.push({
      problem: entry.title,
      id: random.uuid(),
      workspaceId,
      callId: ref?.id ?? null,
      agentId: ref?.agentId ?? null,
      description: entry.description,
      type,
      severity: round(random.next(), 2),
      status: resolved ? 'resolved' : random.chance(0.3) ? 'in_progress' : 'open',
      assignedTo: assignees[0]?.userId ?? null,
      createdBy: random.chance(0.75) ? 'ai' : 'user',
      messageId: null,
      resolved,
      resolvedAt: resolvedAt === null ? null : isoMillis(resolvedAt),
      resolvedBy: resolved ? resolver.userId : null,
      solutionId: resolved && random.chance(0.5) ? random.uuid() : null,
      createdAt: isoMillis(created),
      updatedAt: isoMillis(Math.max(updated, created)),
      callStartedAt: ref ? isoMillis(ref.start) : null,
      customerNumber: ref?.customer ?? null,
      agentName: ref?.agentName ?? null,
      resolvedByName: resolved ? resolver.userName : null,
      assignees,
      commentsCount: random.int(0, 6),
      isArchived: random.chance(0.08),
    });
  }
  return problems;
}

/**
 * The sandbox's data set: the same on every run, and a fresh mutable copy on every call so that
 * writes through one sandbox never leak into another.
 */
export function createSandboxData(): SandboxData {
  const people = createPeople();
  const strangers = strangerNumbers(people);
  const llamadapro = createLlamadaProData(people);
  const ovia = { calls: createOviaCalls(createRandom(101), people, strangers) };
  const cx = { interactions: createCxInteractions(createRandom(202), people, strangers) };
  const happyrobot = { calls: createHappyRobotCalls(createRandom(303), people, strangers) };
  const workspaceId = SANDBOX_CREDENTIALS.freya.workspaceId;
  const problems = createFreyaProblems(
    createRandom(404),
    callRefs({ ovia, cx, happyrobot, llamadapro }),
    workspaceId,
  );
  return { people, freya: { workspaceId, problems }, ovia, cx, happyrobot, llamadapro };
}
