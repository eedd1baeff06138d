import { z } from 'zod';

// Shapes from docs/vendors/ovia.md. Loose objects keep members we do not know (they reach
// `raw`); nothing here coerces or defaults, so a parsed call is exactly what Ovia sent.

const text = z.string().nullish();
const amount = z.number().nullish();

export const oviaTranscriptObjectSchema = z.looseObject({
  // Not in the document's example, but some exports carry who spoke.
  role: text,
  content: text,
  timestamp: text,
});
export type OviaTranscriptObject = z.infer<typeof oviaTranscriptObjectSchema>;

export const oviaCostsSchema = z.looseObject({
  llm: amount,
  stt: amount,
  tts: amount,
  total: amount,
  details: z
    .looseObject({
      tts_characters: amount,
      llm_prompt_tokens: amount,
      llm_completion_tokens: amount,
      stt_audio_duration_seconds: amount,
    })
    .nullish(),
});
export type OviaCosts = z.infer<typeof oviaCostsSchema>;

export const oviaCallSchema = z.looseObject({
  id: z.string().min(1, { error: 'an Ovia call needs an id' }),
  user_id: text,
  agent_id: text,
  type: text,
  direction: text,
  from_number: text,
  to_number: text,
  phone_number_id: text,
  status: text,
  started_at: text,
  ended_at: text,
  recording_url: text,
  transcript: text,
  duration: amount,
  analysis: text,
  latency_metrics: text,
  created_at: text,
  updated_at: text,
  agent: z.looseObject({ name: text }).nullish(),
  metadata: z
    .looseObject({ rule_id: text, call_tag: text, call_id_full: text, sip_trunk_id: text })
    .nullish(),
  costs: oviaCostsSchema.nullish(),
  transcript_objects: z.array(oviaTranscriptObjectSchema).nullish(),
});
export type OviaCall = z.infer<typeof oviaCallSchema>;

export const oviaCallListSchema = z.looseObject({
  data: z.array(oviaCallSchema),
  total: z.number().int().nonnegative(),
});
export type OviaCallList = z.infer<typeof oviaCallListSchema>;

/** The body of `POST /api/v1/calls`, as the document requires it (every member required). */
export const oviaStartCallBodySchema = z.object({
  user_id: z.string().min(1),
  agent_id: z.string().min(1),
  type: z.string().min(1),
  direction: z.enum(['inbound', 'outbound']),
  from_number: z.string().min(1),
  to_number: z.string().min(1),
  phone_number_id: z.string().min(1),
});
export type OviaStartCallBody = z.infer<typeof oviaStartCallBodySchema>;
