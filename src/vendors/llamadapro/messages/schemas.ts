import { z } from 'zod';
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

const llamadaProAttachmentSchema = z.looseObject({
  id: id.nullish(),
  type: text,
  url: text,
  unsignedUrl: text,
  metadata: dictionary,
  isCacheable: z.boolean().nullish(),
});

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
  customFields: dictionary,
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

/** The UploadMedia body: either `fileId`, or `fileName` + `contentType` + `content`. */
export interface LlamadaProWhatsAppMediaBody {
  fromPhoneNumber: string;
  fileId?: string;
  fileName?: string;
  contentType?: string;
  content?: string;
  tags?: Record<string, string>;
}
