export const PROBLEM_TYPES = ['SYSTEM', 'AUDIO', 'TRANSCRIPTION', 'DECISION', 'GENERAL'] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];

export interface ProblemAssignee {
  userId: string;
  userName: string | null;
  assignedAt: string | null;
}

export interface Problem {
  provider: 'FREYA';
  providerId: string;
  title: string;
  description: string | null;
  type: ProblemType;
  severity: number;
  status: string | null;
  resolved: boolean;
  resolvedAt: string | null;
  resolvedBy: string | null;
  callId: string | null;
  agentId: string | null;
  agentName: string | null;
  customerNumber: string | null;
  assignees: ProblemAssignee[];
  commentsCount: number | null;
  archived: boolean | null;
  createdAt: string | null;
  updatedAt: string | null;
  raw: unknown;
}

export interface ProblemFilter {
  callId?: string;
  callIds?: string[];
  status?: string;
  resolved?: boolean;
}

/** A problem to file, usually about one call. Members left out take the vendor's defaults. */
export interface CreateProblemInput {
  /** The problem in a sentence. */
  title: string;
  description?: string;
  /** The call vendor's own id of the call, not a global id. */
  callId?: string;
  /** The call vendor's own id of that call's agent. */
  agentId?: string;
  type?: ProblemType;
  /** From 0 to 1. */
  severity?: number;
  status?: string;
  /** The user to assign it to. */
  assignedTo?: string;
  messageId?: string;
}
