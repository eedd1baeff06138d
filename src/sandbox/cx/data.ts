import { conversation, transcriptText, type Topic } from '../dialogues.js';
import type { SandboxPerson } from '../people.js';
import { createRandom, mixSeed, type Random } from '../random.js';
import {
  companyNumberFor,
  isoMillis,
  pickCustomer,
  SANDBOX_COUNTS,
  seededStart,
  statusPlan,
} from '../seeding.js';

/**
 * CX's Interaction (docs/vendors/cx.md). Interactions read back also carry `channel` and
 * `createdAt`; the POST answer does not.
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

export interface CxData {
  interactions: CxInteractionRecord[];
}

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
    const start = seededStart(random, index, 'cx', active);
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

export function cxAgentName(agentId: string): string | null {
  return CX_AGENTS.find((agent) => agent.id === agentId)?.name ?? null;
}

export function createCxData(people: SandboxPerson[], strangers: string[], seed = 0): CxData {
  return {
    interactions: createCxInteractions(createRandom(mixSeed(202, seed)), people, strangers),
  };
}
