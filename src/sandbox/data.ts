import { createCxData, cxAgentName, type CxData } from './cx/data.js';
import { createFreyaData, type CallRef, type FreyaData } from './freya/data.js';
import { createHappyRobotData, type HappyRobotData } from './happyrobot/data.js';
import { createLlamadaProData } from './llamadapro/data.js';
import type { LlamadaProData } from './llamadapro/records.js';
import { createOviaData, type OviaData } from './ovia/data.js';
import { createPeople, SANDBOX_NOW, type SandboxPerson } from './people.js';
import { checkSeed } from './random.js';
import { HOUR, strangerNumbers } from './seeding.js';

export { SANDBOX_COUNTS, SANDBOX_TIES } from './seeding.js';

export interface SandboxData {
  people: SandboxPerson[];
  freya: FreyaData;
  ovia: OviaData;
  cx: CxData;
  happyrobot: HappyRobotData;
  llamadapro: LlamadaProData;
}

const FINISHED = /^(completed|failed|no[-_ ]answer|busy|voicemail|transferred|cancell?ed)$/i;

/** LlamadaPro writes `incoming` and `outgoing`; read as the connector reads any direction. */
function isInbound(direction: string): boolean {
  const key = direction.trim().toLowerCase();
  return key === 'inbound' || key === 'incoming';
}

/** The finished calls of the other four vendors, one list a vendor, for Freya's problems. */
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
      customer: isInbound(call.direction) ? call.from : call.to,
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
      agentName: cxAgentName(interaction.agentId),
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

/**
 * The sandbox's data set: the same on every run for a given `seed`, and a fresh mutable copy on
 * every call so that writes through one sandbox never leak into another. Seed 0 is the data set
 * the tests and the README describe; another seed (an integer up to 2^32 - 1) draws other ids,
 * people, numbers, times and statuses, with the same counts (`SANDBOX_COUNTS`) and ties.
 */
export function createSandboxData(seed = 0): SandboxData {
  checkSeed(seed);
  const people = createPeople(seed);
  const strangers = strangerNumbers(people, seed);
  const llamadapro = createLlamadaProData(people, seed);
  const ovia = createOviaData(people, strangers, seed);
  const cx = createCxData(people, strangers, seed);
  const happyrobot = createHappyRobotData(people, strangers, seed);
  const freya = createFreyaData(callRefs({ ovia, cx, happyrobot, llamadapro }), seed);
  return { people, freya, ovia, cx, happyrobot, llamadapro };
}
