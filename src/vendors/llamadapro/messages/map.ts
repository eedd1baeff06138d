import type {
  MediaProcessing,
  MediaProcessingStep,
  Message,
  MessageAttachment,
  MessageError,
  MessageParty,
  SendWhatsAppMessageInput,
  SendWhatsAppTemplateInput,
  UploadWhatsAppMediaInput,
  WhatsAppMedia,
} from '../../../model/message.js';
import { nonEmpty, toCallDirection, toChannel, toIsoDate } from '../../normalize.js';
import { idString } from '../ids.js';
import type {
  LlamadaProMedia,
  LlamadaProMediaProcessing,
  LlamadaProMediaProcessingStep,
  LlamadaProMessage,
  LlamadaProMessageError,
  LlamadaProMessageParty,
  LlamadaProWhatsAppMediaBody,
  LlamadaProWhatsAppMessageBody,
  LlamadaProWhatsAppTemplateBody,
} from './schemas.js';

function toMessageParty(raw: LlamadaProMessageParty | null | undefined): MessageParty | null {
  if (raw === null || raw === undefined) return null;
  return {
    address: nonEmpty(raw.address),
    role: nonEmpty(raw.role),
    displayName: nonEmpty(raw.displayName),
  };
}

function toMediaProcessingStep(
  raw: LlamadaProMediaProcessingStep | null | undefined,
): MediaProcessingStep | null {
  if (raw === null || raw === undefined) return null;
  return {
    status: nonEmpty(raw.status),
    content: raw.content ?? null,
    errorMessage: nonEmpty(raw.errorMessage),
    processedAt: toIsoDate(raw.processedAt),
  };
}

function toMediaProcessing(
  raw: LlamadaProMediaProcessing | null | undefined,
): MediaProcessing | null {
  if (raw === null || raw === undefined) return null;
  return {
    textRepresentation: toMediaProcessingStep(raw.textRepresentation),
    summary: toMediaProcessingStep(raw.summary),
  };
}

function toMessageError(raw: LlamadaProMessageError): MessageError {
  return {
    code: raw.code ?? null,
    title: nonEmpty(raw.title),
    message: nonEmpty(raw.message),
    href: nonEmpty(raw.href),
    provider: nonEmpty(raw.provider),
  };
}

export function toMessage(raw: LlamadaProMessage): Message {
  const attachments: MessageAttachment[] = (raw.attachments ?? []).map((attachment) => ({
    id: idString(attachment.id),
    type: nonEmpty(attachment.type),
    url: nonEmpty(attachment.url),
    mediaProcessing: toMediaProcessing(attachment.mediaProcessing),
  }));
  return {
    provider: 'LLAMADAPRO',
    providerId: String(raw.id),
    // The messaging API is WhatsApp's; a message without a known channel is one.
    channel: toChannel(raw.channel) ?? 'WHATSAPP',
    direction: toCallDirection(raw.direction),
    status: nonEmpty(raw.status),
    // The document's Message has no top-level type; WhatsApp's message type rides in metadata.
    type: nonEmpty(raw.type) ?? metadataType(raw.metadata),
    content: raw.content ?? null,
    sender: toMessageParty(raw.sender),
    recipient: toMessageParty(raw.recipient),
    attachments,
    contactId: idString(raw.contactId),
    conversationId: idString(raw.conversationId),
    funnelConversationId: idString(raw.funnelConversationId),
    errors: (raw.errors ?? []).map(toMessageError),
    mediaProcessing: toMediaProcessing(raw.mediaProcessing),
    createdAt: toIsoDate(raw.createdAt),
    raw,
  };
}

function metadataType(metadata: unknown): string | null {
  if (typeof metadata !== 'object' || metadata === null || !('type' in metadata)) return null;
  return typeof metadata.type === 'string' ? nonEmpty(metadata.type) : null;
}

export function toMedia(raw: LlamadaProMedia): WhatsAppMedia {
  return {
    url: nonEmpty(raw.url),
    size: raw.size ?? null,
    fileName: nonEmpty(raw.fileName),
    contentType: nonEmpty(raw.contentType),
    fileId: nonEmpty(raw.fileId),
    mediaId: nonEmpty(raw.mediaId),
    tags: raw.tags ?? null,
    raw,
  };
}

/** The CreateTemplateMessage body: the document wraps each variable as `{ value }`. */
export function toLlamadaProTemplateBody(
  input: SendWhatsAppTemplateInput,
): LlamadaProWhatsAppTemplateBody {
  return {
    fromPhoneNumber: input.fromPhoneNumber,
    toPhoneNumber: input.toPhoneNumber,
    userId: input.userId,
    templateName: input.templateName,
    languageCode: input.languageCode,
    variables: input.variables?.map((value) => ({ value })),
    components: input.components,
    customFields: input.customFields,
  };
}

/** The CreateMessage body: the document's members have the unified names. */
export function toLlamadaProMessageBody(
  input: SendWhatsAppMessageInput,
): LlamadaProWhatsAppMessageBody {
  return {
    fromPhoneNumber: input.fromPhoneNumber,
    toPhoneNumber: input.toPhoneNumber,
    userId: input.userId,
    content: input.content,
    type: input.type,
    fileId: input.fileId,
    customFields: input.customFields,
  };
}

/** The UploadMedia body: the document's members have the unified names. */
export function toLlamadaProMediaBody(
  input: UploadWhatsAppMediaInput,
): LlamadaProWhatsAppMediaBody {
  return {
    fromPhoneNumber: input.fromPhoneNumber,
    fileId: input.fileId,
    fileName: input.fileName,
    contentType: input.contentType,
    content: input.content,
    tags: input.tags,
  };
}
