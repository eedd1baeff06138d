import { z } from 'zod';
import type { LiveSandbox } from '../live.js';
import type { DialectRoute } from '../vendor-server.js';
import { llamadaProReplyWalk } from './live.js';
import { newestFirst, pageOf, readPaging } from './lists.js';
import { contactByPhone, latestConversationOf } from './lookups.js';
import {
  LLAMADAPRO_TENANT_ID,
  type LlamadaProData,
  type LlamadaProMessageAttachment,
  type LlamadaProMessageRecord,
} from './records.js';
import { dictionary, e164, fail, integerQuery, parseBody, route, textQuery } from './requests.js';

/*
 * LlamadaPro's WhatsApp messages (docs/vendors/llamadapro.md): the message list and one message,
 * template and free-form sends, and media uploads that free-form sends attach by fileId.
 */

const WHATSAPP_TYPES = [
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
const MEDIA_TYPES = new Set(['image', 'audio', 'video', 'document', 'sticker']);

const templateSchema = z.looseObject({
  fromPhoneNumber: e164,
  toPhoneNumber: e164,
  userId: z.string().optional(),
  templateName: z.string().min(1),
  languageCode: z.string().min(1),
  variables: z.array(z.looseObject({ value: z.string() })).optional(),
  components: z
    .array(
      z.looseObject({
        type: z.string(),
        parameters: z
          .array(z.looseObject({ type: z.string(), text: z.string().optional() }))
          .optional(),
      }),
    )
    .optional(),
  customFields: dictionary.optional(),
});
const freeFormSchema = z.looseObject({
  fromPhoneNumber: e164,
  toPhoneNumber: e164,
  userId: z.string().optional(),
  content: z.string(),
  type: z.enum(WHATSAPP_TYPES),
  customFields: dictionary.optional(),
  fileId: z.string().min(1).optional(),
});
const uploadSchema = z.looseObject({
  fileName: z.string().min(1).optional(),
  contentType: z.string().min(1).optional(),
  fileId: z.string().min(1).optional(),
  fromPhoneNumber: e164,
  content: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
});

/**
 * The message and media routes over `data`; `now` stamps the messages they send. With `live`, a
 * sent template gets a simulated reply.
 */
export function llamadaProMessageRoutes(
  data: LlamadaProData,
  now: () => string,
  live?: LiveSandbox,
): DialectRoute[] {
  const storeOutbound = (input: {
    from: string;
    to: string;
    userId: string | undefined;
    content: string;
    type: string;
    attachments: LlamadaProMessageAttachment[];
    customFields: Record<string, unknown> | undefined;
    metadata: Record<string, unknown>;
  }): LlamadaProMessageRecord => {
    const at = now();
    const contact =
      data.contacts.find((entry) =>
        entry.addresses.some(
          (address) => address.channelType === 'WHATSAPP' && address.address === input.to,
        ),
      ) ?? contactByPhone(data, input.to);
    const conversation = contact === undefined ? undefined : latestConversationOf(data, contact.id);
    const session = conversation?.channelSessions.find((entry) => entry.channelType === 'WHATSAPP');
    const message: LlamadaProMessageRecord = {
      id: `msg_c${String(data.nextIds.message++).padStart(8, '0')}`,
      tenantId: LLAMADAPRO_TENANT_ID,
      // Without a WhatsApp session the messaging conversation is the number pair's own thread.
      conversationId:
        session?.messagingConversationId ?? `wac_${input.from.slice(1)}_${input.to.slice(1)}`,
      funnelConversationId: conversation?.id ?? null,
      sessionId: session?.id ?? null,
      providerId: null,
      contactId: contact?.id ?? null,
      userId: input.userId ?? null,
      content: input.content,
      status: 'pending',
      direction: 'outbound',
      channel: 'whatsapp',
      sender: {
        providerId: null,
        address: input.from,
        role: input.userId === undefined ? 'ai_employee' : 'user',
        displayName: 'Andes Retail',
        metadata: {},
      },
      recipient: {
        providerId: null,
        address: input.to,
        role: 'contact',
        displayName:
          contact === undefined
            ? null
            : [contact.firstName, contact.lastName].filter((part) => part !== null).join(' '),
        metadata: {},
      },
      attachments: input.attachments,
      createdAt: at,
      updatedAt: at,
      metadata: { type: input.type, ...input.metadata },
      errors: [],
      customFields: input.customFields ?? {},
      mediaProcessing: null,
    };
    data.messages.push(message);
    return message;
  };

  return [
    route('GET', '/api/v1/messages', ({ query }) => {
      const paging = readPaging(query, 'messages');
      const contactId = integerQuery(query, 'contactId', 0, Number.MAX_SAFE_INTEGER);
      const conversationId = textQuery(query, 'conversationId');
      const messages = data.messages
        .filter((message) => contactId === undefined || message.contactId === contactId)
        .filter(
          (message) => conversationId === undefined || message.conversationId === conversationId,
        )
        .sort(newestFirst((message) => message.createdAt));
      return pageOf(messages, 'messages', paging);
    }),
    route('GET', '/api/v1/messages/{messageId}', ({ params }) => {
      const id = params['messageId'];
      return (
        data.messages.find((message) => message.id === id) ??
        fail(404, `message ${id ?? ''} not found`)
      );
    }),
    route('POST', '/api/v1/messages/whatsapp/template', ({ body }) => {
      const input = parseBody(templateSchema, body);
      // A template without parameters takes neither; one with parameters takes one of the two.
      if (input.variables !== undefined && input.components !== undefined) {
        fail(400, 'use either variables or components, not both');
      }
      const values =
        input.variables?.map((variable) => variable.value) ??
        (input.components ?? []).flatMap((component) =>
          (component.parameters ?? []).map((parameter) => parameter.text ?? `[${parameter.type}]`),
        );
      const sent = storeOutbound({
        from: input.fromPhoneNumber,
        to: input.toPhoneNumber,
        userId: input.userId,
        content: `[${input.templateName}/${input.languageCode}] ${values.join(' | ')}`.trim(),
        type: 'template',
        attachments: [],
        customFields: input.customFields,
        metadata: { templateName: input.templateName, languageCode: input.languageCode },
      });
      live?.walk('llamadapro', llamadaProReplyWalk(data, sent, now));
      return sent;
    }),
    route('POST', '/api/v1/messages/whatsapp', ({ body }) => {
      const input = parseBody(freeFormSchema, body);
      if (MEDIA_TYPES.has(input.type) && input.fileId === undefined)
        fail(400, `fileId is required for ${input.type} messages`);
      const attachments: LlamadaProMessageAttachment[] = [];
      if (input.fileId !== undefined) {
        const media = data.media.find((entry) => entry.fileId === input.fileId);
        const unsignedUrl =
          media?.url ??
          `https://media.llamadapro.example/files/${encodeURIComponent(input.fileId)}`;
        attachments.push({
          id: input.fileId,
          type: input.type,
          url: `${unsignedUrl}?signature=sandbox`,
          unsignedUrl,
          metadata:
            media === undefined ? {} : { mimeType: media.contentType, fileName: media.fileName },
          mediaProcessing: null,
          isCacheable: true,
        });
      }
      return storeOutbound({
        from: input.fromPhoneNumber,
        to: input.toPhoneNumber,
        userId: input.userId,
        content: input.content,
        type: input.type,
        attachments,
        customFields: input.customFields,
        metadata: {},
      });
    }),
    route('POST', '/api/v1/messages/whatsapp/media', ({ body }) => {
      const input = parseBody(uploadSchema, body);
      const direct =
        input.fileName !== undefined &&
        input.contentType !== undefined &&
        input.content !== undefined;
      if (input.fileId === undefined && !direct)
        fail(400, 'give fileId, or fileName, contentType and content');
      const sequence = data.nextIds.media++;
      const fileId = input.fileId ?? `file_c${String(sequence).padStart(8, '0')}`;
      const fileName = input.fileName ?? `${fileId}.bin`;
      const media = {
        url: `https://media.llamadapro.example/files/${fileId}/${encodeURIComponent(fileName)}`,
        size: input.content === undefined ? 0 : Buffer.from(input.content, 'base64').length,
        fileName,
        contentType: input.contentType ?? 'application/octet-stream',
        fileId,
        mediaId: String(1_000_000_000_000 + sequence),
        tags: input.tags ?? {},
      };
      data.media.push(media);
      return media;
    }),
  ];
}
