import {
  PROBLEM_TYPES,
  type CreateProblemInput,
  type Problem,
  type ProblemAssignee,
  type ProblemType,
} from '../../model/problem.js';
import { toIsoDate } from '../normalize.js';
import type { FreyaAssignee, FreyaCreateProblemInput, FreyaProblem } from './schemas.js';

/** Freya's default severity when a problem has none (the create route's documented default). */
const DEFAULT_SEVERITY = 0.5;

/** A Freya problem as the unified Problem; pure. */
export function toProblem(raw: FreyaProblem): Problem {
  return {
    provider: 'FREYA',
    providerId: raw.id,
    title: raw.problem ?? '',
    description: raw.description ?? null,
    type: toProblemType(raw.type),
    severity: raw.severity ?? DEFAULT_SEVERITY,
    status: raw.status ?? null,
    resolved: raw.resolved ?? false,
    resolvedAt: toIsoDate(raw.resolvedAt),
    resolvedBy: raw.resolvedBy ?? null,
    callId: raw.callId ?? null,
    agentId: raw.agentId ?? null,
    agentName: raw.agentName ?? null,
    customerNumber: raw.customerNumber ?? null,
    assignees: (raw.assignees ?? []).flatMap(toAssignee),
    commentsCount: raw.commentsCount ?? null,
    archived: raw.isArchived ?? null,
    createdAt: toIsoDate(raw.createdAt),
    updatedAt: toIsoDate(raw.updatedAt),
    raw,
  };
}

/** Freya spells types in lower case; one we do not know is GENERAL rather than an error. */
export function toProblemType(raw: string | null | undefined): ProblemType {
  const key = raw?.trim().toUpperCase();
  return PROBLEM_TYPES.find((type) => type === key) ?? 'GENERAL';
}

/** An assignee without a user id cannot be shown as one, so it is dropped. */
function toAssignee(raw: FreyaAssignee): ProblemAssignee[] {
  if (!raw.userId) return [];
  return [
    { userId: raw.userId, userName: raw.userName ?? null, assignedAt: toIsoDate(raw.assignedAt) },
  ];
}

const FREYA_TYPES = {
  SYSTEM: 'system',
  AUDIO: 'audio',
  TRANSCRIPTION: 'transcription',
  DECISION: 'decision',
  GENERAL: 'general',
} satisfies Record<ProblemType, FreyaCreateProblemInput['type']>;

/** The create body without `workspaceId`, which the connector adds; `title` is Freya's `problem`. */
export function toFreyaCreateProblemBody(input: CreateProblemInput): FreyaCreateProblemInput {
  const { title, type, ...rest } = input;
  return {
    problem: title,
    ...rest,
    ...(type === undefined ? {} : { type: FREYA_TYPES[type] }),
  };
}
