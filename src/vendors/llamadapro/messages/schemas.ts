import { z } from 'zod';
import type { UploadWhatsAppMediaInput } from '../../../model/message.js';
import { dictionary, id, llamadaProListSchema, num, text } from '../shared.js';

// Message — GetMessage and the WhatsApp sends
const llamadaProMessagePartySchema = z.looseObject({
  providerId: text,
  address: text,
  role: text,
  displayName: text,
  metadata: dictionary,
});
export type LlamadaProMessageParty = z.infer<typeof llamadaProMessagePartySchema>;

// The `mediaProcessing` of a message and of each attachment: a text representation (e.g. a
// voice note's transcript) and a summary, each `{ errorMessage, processedAt, content, status }`.
const llamadaProMediaProcessingStepSchema = z.looseObject({
  errorMessage: text,
  processedAt: text,
  content: text,
  status: text,
});
export type LlamadaProMediaProcessingStep = z.infer<typeof llamadaProMediaProcessingStepSchema>;

const llamadaProMediaProcessingSchema = z.looseObject({
  textRepresentation: llamadaProMediaProcessingStepSchema.nullish(),
  summary: llamadaProMediaProcessingStepSchema.nullish(),
});
export type LlamadaProMediaProcessing = z.infer<typeof llamadaProMediaProcessingSchema>;

const llamadaProAttachmentSchema = z.looseObject({
  id: id.nullish(),
  type: text,
  url: text,
  unsignedUrl: text,
  metadata: dictionary,
  mediaProcessing: llamadaProMediaProcessingSchema.nullish(),
  isCacheable: z.boolean().nullish(),
});

// A delivery failure: the document types `code` as a number, the rest as strings.
const llamadaProMessageErrorSchema = z.looseObject({
  code: num,
  title: text,
  message: text,
  href: text,
  provider: text,
});
export type LlamadaProMessageError = z.infer<typeof llamadaProMessageErrorSchema>;

export const llamadaProMessageSchema = z.looseObject({
  id,
  tenantId: text,
  conversationId: id.nullish(),
  funnelConversationId: num,
  sessionId: num,
  providerId: text,
  contactId: id.nullish(),
  userId: id.nullish(),
  content: text,
  /** Not in the document's Message; the send body has it, so it is read when present. */
  type: text,
  status: text,
  direction: text,
  channel: text,
  sender: llamadaProMessagePartySchema.nullish(),
  recipient: llamadaProMessagePartySchema.nullish(),
  attachments: z.array(llamadaProAttachmentSchema).nullish(),
  createdAt: text,
  updatedAt: text,
  metadata: dictionary,
  errors: z.array(llamadaProMessageErrorSchema).nullish(),
  customFields: dictionary,
  mediaProcessing: llamadaProMediaProcessingSchema.nullish(),
});
export type LlamadaProMessage = z.infer<typeof llamadaProMessageSchema>;

export const llamadaProMessageListSchema = llamadaProListSchema(llamadaProMessageSchema);

// UploadMedia
export const llamadaProMediaSchema = z.looseObject({
  url: text,
  size: num,
  fileName: text,
  contentType: text,
  fileId: text,
  mediaId: text,
  tags: z.record(z.string(), z.string()).nullish(),
});
export type LlamadaProMedia = z.infer<typeof llamadaProMediaSchema>;

/** The CreateTemplateMessage body: each variable is wrapped as `{ value }`. */
export interface LlamadaProWhatsAppTemplateBody {
  fromPhoneNumber: string;
  toPhoneNumber: string;
  userId?: string;
  templateName: string;
  languageCode: string;
  variables?: Array<{ value: string }>;
  components?: unknown[];
  customFields?: Record<string, unknown>;
}

/** The CreateMessage body (WhatsApp free form). */
export interface LlamadaProWhatsAppMessageBody {
  fromPhoneNumber: string;
  toPhoneNumber: string;
  userId?: string;
  content: string;
  type: string;
  fileId?: string;
  customFields?: Record<string, unknown>;
}

/**
 * The UploadMedia body: either `fileId`, or `fileName` + `contentType` + `content`. Its members
 * are the unified input's, name for name and type for type.
 */
export type LlamadaProWhatsAppMediaBody = UploadWhatsAppMediaInput;
