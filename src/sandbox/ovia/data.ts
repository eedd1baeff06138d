import {
  ANALYSES,
  conversation,
  transcriptText,
  VOICEMAIL_LINE,
  type Topic,
} from '../dialogues.js';
import type { SandboxPerson } from '../people.js';
import { createRandom, mixSeed, type Random } from '../random.js';
import {
  companyNumberFor,
  isoSeconds,
  pickCustomer,
  round,
  SANDBOX_COUNTS,
  SECOND,
  seededStart,
  statusPlan,
} from '../seeding.js';

/** Ovia's Call object (docs/vendors/ovia.md). */
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

export interface OviaData {
  calls: OviaCallRecord[];
}

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
    const start = seededStart(random, index, 'ovia', active);
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

export function createOviaData(people: SandboxPerson[], strangers: string[], seed = 0): OviaData {
  return { calls: createOviaCalls(createRandom(mixSeed(101, seed)), people, strangers) };
}
