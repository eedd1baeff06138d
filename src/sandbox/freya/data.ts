import { SANDBOX_CREDENTIALS } from '../credentials.js';
import { SANDBOX_NOW } from '../people.js';
import { createRandom, mixSeed, type Random } from '../random.js';
import { HOUR, isoMillis, MINUTE, pastStart, round, SANDBOX_COUNTS, SECOND } from '../seeding.js';

export type FreyaProblemType = 'system' | 'audio' | 'transcription' | 'decision' | 'general';

/** Freya's `problem` object (docs/vendors/freya.md). */
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

export interface FreyaData {
  workspaceId: string;
  problems: FreyaProblemRecord[];
}

/** A finished call of another vendor that a problem can be about. */
export interface CallRef {
  id: string;
  start: number;
  customer: string | null;
  agentId: string | null;
  agentName: string | null;
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
 * Freya's problems, on calls drawn in turn from each vendor's list in `refs`; every tenth problem
 * is on no call.
 */
export function createFreyaData(refs: CallRef[][], seed = 0): FreyaData {
  const workspaceId = SANDBOX_CREDENTIALS.freya.workspaceId;
  const random = createRandom(mixSeed(404, seed));
  return { workspaceId, problems: createFreyaProblems(random, refs, workspaceId) };
}
