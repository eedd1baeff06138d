import { z } from 'zod';

// Shapes from docs/vendors/happyrobot.md (the Call answered by the notes route).
// Members the mapping does not read (the rest of use_case, samples, ...) are kept untyped by the
// loose objects and reach `raw` as received.

const text = z.string().nullish();
const amount = z.number().nullish();
const costPart = z.looseObject({ total_cost: amount }).nullish();

export const happyRobotNoteSchema = z.looseObject({
  id: z.string().min(1, { error: 'a HappyRobot note needs an id' }),
  user_id: text,
  content: text,
  flagged: z.boolean().nullish(),
  created_at: text,
});
export type HappyRobotNote = z.infer<typeof happyRobotNoteSchema>;

export const happyRobotRatingSchema = z.looseObject({ emoji: text, email: text, created: text });
export type HappyRobotRating = z.infer<typeof happyRobotRatingSchema>;

export const happyRobotCostsSchema = z.looseObject({
  created: text,
  total_costs: amount,
  voip: z.looseObject({ amd_cost: amount, call_cost: amount, total_cost: amount }).nullish(),
  transcriber: costPart,
  llm: z.looseObject({ input_cost: amount, output_cost: amount, total_cost: amount }).nullish(),
  tts: costPart,
});
export type HappyRobotCosts = z.infer<typeof happyRobotCostsSchema>;

export const happyRobotCallSchema = z.looseObject({
  id: z.string().min(1, { error: 'a HappyRobot call needs an id' }),
  organization_id: text,
  /** The call's direction: "Inbound" / "Outbound". */
  type: text,
  status: text,
  provider: text,
  metadata: z
    .looseObject({
      call_sid: text,
      from: text,
      to: text,
      recording_sid: text,
      tags: z.array(text).nullish(),
      // Any JSON: the caller's own data, e.g. `{ clientId, orderId }`.
      custom: z.unknown().optional(),
    })
    .nullish(),
  use_case: z.looseObject({ id: text, name: text, language: text }).nullish(),
  agent: z.looseObject({ id: text, name: text }).nullish(),
  // Any JSON: HappyRobot's extraction is free-form, defined per use case.
  extraction: z.unknown().optional(),
  classification: z.looseObject({ tag: text, reasoning: text }).nullish(),
  created: text,
  duration: amount,
  parent_call_id: text,
  notes: z.array(happyRobotNoteSchema).nullish(),
  ratings: z.array(happyRobotRatingSchema).nullish(),
  scheduled_for: text,
  campaign_id: text,
  costs: happyRobotCostsSchema.nullish(),
});
export type HappyRobotCall = z.infer<typeof happyRobotCallSchema>;

export const happyRobotCallListSchema = z.looseObject({
  data: z.array(happyRobotCallSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().nullish(),
});
export type HappyRobotCallList = z.infer<typeof happyRobotCallListSchema>;

/** The body of `POST /api/v1/calls/{id}/notes`. */
export const happyRobotAddNoteBodySchema = z.object({
  content: z.string().min(1),
  flagged: z.boolean(),
  user_id: z.string().min(1).optional(),
});
export type HappyRobotAddNoteBody = z.infer<typeof happyRobotAddNoteBodySchema>;
