import type { Channel } from './call.js';

export const MESSAGE_DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

export interface MessageParty {
  address: string | null;
  role: string | null;
  displayName: string | null;
}

/** One step of the vendor's processing of media (a transcript, a summary), as it reports it. */
export interface MediaProcessingStep {
  status: string | null;
  content: string | null;
  errorMessage: string | null;
  processedAt: string | null;
}

/** What the vendor made of a message's or an attachment's media. */
export interface MediaProcessing {
  textRepresentation: MediaProcessingStep | null;
  summary: MediaProcessingStep | null;
}

/** Why a message could not be delivered, as the messaging provider reported it. */
export interface MessageError {
  code: number | null;
  title: string | null;
  message: string | null;
  href: string | null;
  /** The messaging provider that reported it, as the vendor names it. */
  provider: string | null;
}

export interface MessageAttachment {
  id: string | null;
  type: string | null;
  url: string | null;
  mediaProcessing: MediaProcessing | null;
}

export interface Message {
  provider: 'LLAMADAPRO';
  providerId: string;
  channel: Channel;
  direction: MessageDirection | null;
  status: string | null;
  type: string | null;
  content: string | null;
  sender: MessageParty | null;
  recipient: MessageParty | null;
  attachments: MessageAttachment[];
  contactId: string | null;
  /** The messaging conversation (the channel's thread), the vendor's own id. */
  conversationId: string | null;
  /** The funnel conversation the message belongs to, the vendor's own id. */
  funnelConversationId: string | null;
  errors: MessageError[];
  mediaProcessing: MediaProcessing | null;
  createdAt: string | null;
  raw: unknown;
}

/** A file uploaded to WhatsApp, to send by `fileId`. */
export interface WhatsAppMedia {
  url: string | null;
  size: number | null;
  fileName: string | null;
  contentType: string | null;
  fileId: string | null;
  mediaId: string | null;
  tags: Record<string, string> | null;
  raw: unknown;
}

/** The kinds of WhatsApp message, as the WhatsApp Business API names them. */
export const WHATSAPP_MESSAGE_TYPES = [
  'text',
  'image',
  'audio',
  'video',
  'document',
  'sticker',
  'location',
  'contacts',
  'interactive',
  'reaction',
  'button',
  'order',
  'system',
  'unknown',
  'unsupported',
  'media_placeholder',
] as const;
export type WhatsAppMessageType = (typeof WHATSAPP_MESSAGE_TYPES)[number];

/** A WhatsApp template component (header, body or button), passed on as WhatsApp defines it. */
export interface WhatsAppTemplateComponent {
  type: 'header' | 'body' | 'button';
  parameters?: Array<{ type: string; [member: string]: unknown }>;
  [member: string]: unknown;
}

/** An approved WhatsApp template to send; `variables` or `components`, never both. */
export interface SendWhatsAppTemplateInput {
  fromPhoneNumber: string;
  toPhoneNumber: string;
  userId?: string;
  templateName: string;
  languageCode: string;
  /** The body's text values, in order. */
  variables?: string[];
  components?: WhatsAppTemplateComponent[];
  customFields?: Record<string, unknown>;
}

/** A free-form WhatsApp message; media types carry their file as `fileId`. */
export interface SendWhatsAppMessageInput {
  fromPhoneNumber: string;
  toPhoneNumber: string;
  userId?: string;
  content: string;
  type: WhatsAppMessageType;
  fileId?: string;
  customFields?: Record<string, unknown>;
}

/** A file to upload for WhatsApp: `fileId`, or `fileName`, `contentType` and `content` (base64). */
export interface UploadWhatsAppMediaInput {
  fromPhoneNumber: string;
  fileId?: string;
  fileName?: string;
  contentType?: string;
  content?: string;
  tags?: Record<string, string>;
}
