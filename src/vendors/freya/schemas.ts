import { z } from 'zod';

// Shapes from docs/vendors/freya.md (the problem inside the create answer). Loose
// objects keep unknown members for `raw`; nothing is coerced or defaulted here (the document's
// defaults, severity 0.5 and resolved false, are applied by the mapper).

const text = z.string().nullish();

export const freyaAssigneeSchema = z.looseObject({
  userId: text,
  assignedAt: text,
  userName: text,
});
export type FreyaAssignee = z.infer<typeof freyaAssigneeSchema>;

export const freyaProblemSchema = z.looseObject({
  id: z.string().min(1, { error: 'a Freya problem needs an id' }),
  problem: text,
  workspaceId: text,
  callId: text,
  agentId: text,
  description: text,
  type: text,
  severity: z.number().nullish(),
  status: text,
  assignedTo: text,
  createdBy: text,
  messageId: text,
  resolved: z.boolean().nullish(),
  resolvedAt: text,
  resolvedBy: text,
  solutionId: text,
  createdAt: text,
  updatedAt: text,
  callStartedAt: text,
  customerNumber: text,
  agentName: text,
  resolvedByName: text,
  assignees: z.array(freyaAssigneeSchema).nullish(),
  commentsCount: z.number().int().nullish(),
  isArchived: z.boolean().nullish(),
});
export type FreyaProblem = z.infer<typeof freyaProblemSchema>;

export const freyaProblemListSchema = z.looseObject({
  success: z.boolean().nullish(),
  data: z.looseObject({
    problems: z.array(freyaProblemSchema),
    total: z.number().int().nonnegative(),
  }),
});
export type FreyaProblemList = z.infer<typeof freyaProblemListSchema>;

export const freyaProblemAnswerSchema = z.looseObject({
  success: z.boolean().nullish(),
  data: z.looseObject({ problem: freyaProblemSchema }),
});
export type FreyaProblemAnswer = z.infer<typeof freyaProblemAnswerSchema>;

export const freyaCreateProblemAnswerSchema = z.looseObject({
  success: z.boolean().nullish(),
  data: z.looseObject({
    message: text,
    result: z.looseObject({
      success: z.boolean().nullish(),
      problem: freyaProblemSchema,
      message: text,
    }),
  }),
});
export type FreyaCreateProblemAnswer = z.infer<typeof freyaCreateProblemAnswerSchema>;

export const FREYA_PROBLEM_TYPES = [
  'system',
  'audio',
  'transcription',
  'decision',
  'general',
] as const;

/** The body of `POST /api/v2/problems` without `workspaceId`, which the client adds. */
export const freyaCreateProblemInputSchema = z.object({
  problem: z.string().min(1),
  callId: z.string().min(1).optional(),
  agentId: z.string().optional(),
  description: z.string().optional(),
  type: z.enum(FREYA_PROBLEM_TYPES).optional(),
  severity: z.number().min(0).max(1).optional(),
  status: z.string().optional(),
  assignedTo: z.string().optional(),
  messageId: z.string().nullable().optional(),
  resolved: z.boolean().optional(),
});
export type FreyaCreateProblemInput = z.infer<typeof freyaCreateProblemInputSchema>;
export type FreyaCreateProblemBody = FreyaCreateProblemInput & { workspaceId: string };
