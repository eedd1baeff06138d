import { z } from 'zod';

// Shapes from docs/vendors/cx.md. The document marks every member of an Interaction
// required, but only the id is needed to map one; the rest may be missing without failing a list.
// `channel` and `createdAt` are not in the document's answer; interactions read back carry them.

const text = z.string().nullish();

export const cxInteractionSchema = z.looseObject({
  id: z.string().min(1, { error: 'a CX interaction needs an id' }),
  status: text,
  agentPhone: text,
  customerPhone: text,
  agentId: text,
  customerId: text,
  skillId: text,
  customerName: text,
  transcription: text,
  recordingUrl: text,
  channel: text,
  createdAt: text,
});
export type CxInteraction = z.infer<typeof cxInteractionSchema>;

export const cxInteractionListSchema = z.looseObject({
  data: z.array(cxInteractionSchema),
  total: z.number().int().nonnegative(),
  page: z.number().int().nullish(),
});
export type CxInteractionList = z.infer<typeof cxInteractionListSchema>;

/** The body of `POST /api/v1/calls` (every member required by the document). */
export const cxStartInteractionBodySchema = z.object({
  agentId: z.string().min(1),
  channel: z.enum(['call', 'sms', 'whatsapp', 'webchat']),
  skillId: z.string().min(1),
  customerName: z.string().min(1),
  customerPhone: z.string().min(1),
});
export type CxStartInteractionBody = z.infer<typeof cxStartInteractionBodySchema>;
