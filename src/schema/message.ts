import { responsePathAsArray } from 'graphql';
import { z } from 'zod';
import { RAW_FIELD } from './scalars.js';
import { builder } from '../builder.js';
import { invalidInput } from '../errors.js';
import { expectGlobalId, localId, parseLocalId, type GlobalId, vendorIdOn } from '../ids.js';
import type {
  Message,
  MessageAttachment,
  MessageDirection,
  MessageParty,
} from '../model/message.js';
import { vendorList } from '../paging/list-connection.js';
import { e164, sendIfGiven, text } from '../mutations/inputs.js';
import { runMutation, type MutationOutcome } from '../mutations/run-mutation.js';
import { llamadaProContactId, llamadaProMessageId } from '../vendors/llamadapro/ids.js';
import type { WhatsAppMedia } from '../vendors/llamadapro/map.js';
import { defineConnection, FIRST_DEFAULT, validateFirst } from './connection.js';
import { ChannelEnum, ProviderEnum } from './enums.js';
import { definePayload, UserErrorType, idempotencyKeyArg } from './mutation.js';

export const MessageDirectionEnum = builder.enumType('MessageDirection', {
  description: 'Whether the customer wrote (INBOUND) or was written to (OUTBOUND).',
  values: {
    INBOUND: { description: 'From the customer to the business.' },
    OUTBOUND: { description: 'From the business to the customer.' },
  } satisfies Record<MessageDirection, { description: string }>,
});

const MessagePartyType = builder.objectRef<MessageParty>('MessageParty').implement({
  description: 'The sender or the recipient of a message.',
  fields: (t) => ({
    address: t.exposeString('address', {
      nullable: true,
      description: 'Their number or address on the channel.',
    }),
    role: t.exposeString('role', {
      nullable: true,
      description: 'Their role, as the vendor names it (contact, user, ai_employee…).',
    }),
    displayName: t.exposeString('displayName', {
      nullable: true,
      description: 'The name shown for them.',
    }),
  }),
});

const MessageAttachmentType = builder.objectRef<MessageAttachment>('MessageAttachment').implement({
  description: 'A file sent with a message.',
  fields: (t) => ({
    id: t.exposeString('id', { nullable: true, description: "The vendor's file id." }),
    type: t.exposeString('type', {
      nullable: true,
      description: 'What kind of file (image, audio, document…).',
    }),
    url: t.exposeString('url', { nullable: true, description: 'Where the file can be fetched.' }),
  }),
});

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && 'attachments' in value;
}

const messageVendorId = (id: Pick<GlobalId, 'provider' | 'providerId'>): string =>
  vendorIdOn(id, 'LLAMADAPRO', { format: llamadaProMessageId });

/** `contact` is a join onto the contacts, added in joins.ts. */
export const MessageType = builder.node(builder.objectRef<Message>('Message'), {
  description: 'A WhatsApp message sent or received through LlamadaPro.',
  id: { resolve: (message) => localId(message.provider, message.providerId) },
  isTypeOf: isMessage,
  loadOne: (id, ctx) => ctx.loaders.message.load(messageVendorId(parseLocalId(id))),
  fields: (t) => ({
    provider: t.field({
      type: ProviderEnum,
      description: 'The vendor that holds the message (LLAMADAPRO).',
      resolve: (message) => message.provider,
    }),
    providerId: t.exposeString('providerId', {
      description: "The vendor's own id of the message.",
    }),
    channel: t.field({
      type: ChannelEnum,
      description: 'The channel the message went over (WHATSAPP).',
      resolve: (message) => message.channel,
    }),
    direction: t.field({
      type: MessageDirectionEnum,
      nullable: true,
      description: 'INBOUND or OUTBOUND; null when the vendor does not say.',
      resolve: (message) => message.direction,
    }),
    status: t.exposeString('status', {
      nullable: true,
      description: 'Delivery status, as the vendor spells it (pending, sent, delivered, read…).',
    }),
    type: t.exposeString('type', {
      nullable: true,
      description: 'The WhatsApp message type (text, image, template…).',
    }),
    content: t.exposeString('content', { nullable: true, description: 'The text of the message.' }),
    sender: t.field({
      type: MessagePartyType,
      nullable: true,
      description: 'Who sent it.',
      resolve: (message) => message.sender,
    }),
    recipient: t.field({
      type: MessagePartyType,
      nullable: true,
      description: 'Who it was sent to.',
      resolve: (message) => message.recipient,
    }),
    attachments: t.field({
      type: [MessageAttachmentType],
      description: 'Files sent with the message.',
      resolve: (message) => message.attachments,
    }),
    conversationId: t.exposeString('conversationId', {
      nullable: true,
      description: "The messaging conversation it belongs to (the vendor's own id).",
    }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the message was sent or received.',
      resolve: (message) => message.createdAt,
    }),
    raw: t.expose('raw', RAW_FIELD),
  }),
});

export const MessageConnection = defineConnection('Message', MessageType);

builder.queryFields((t) => ({
  message: t.field({
    type: MessageType,
    nullable: true,
    description: 'One message by its global id.',
    args: { id: t.arg.id({ required: true, description: 'A Message id.' }) },
    resolve: (_, args, ctx) =>
      ctx.loaders.message.load(messageVendorId(expectGlobalId(args.id, 'Message'))),
  }),
  messages: t.field({
    type: MessageConnection,
    description: "A contact's messages, newest first.",
    args: {
      contactId: t.arg.id({
        required: true,
        description: 'The Contact id whose messages to list.',
      }),
      first: t.arg.int({
        defaultValue: FIRST_DEFAULT,
        description: 'How many messages (0 to 100).',
      }),
      after: t.arg.string({ description: 'The `endCursor` of the previous page.' }),
    },
    resolve: (_, args, ctx, info) => {
      const contact = expectGlobalId(args.contactId, 'Contact', 'contactId');
      // ListMessages takes the contact id as a number; anything else would be a vendor 400.
      if (
        contact.provider !== 'LLAMADAPRO' ||
        !llamadaProContactId.safeParse(contact.providerId).success
      ) {
        throw invalidInput('contactId is not the id of a LlamadaPro contact', {
          field: ['contactId'],
        });
      }
      const first = validateFirst(args.first, FIRST_DEFAULT);
      const path = responsePathAsArray(info.path);
      return vendorList(ctx, 'llamadapro', {
        source: (connector) => connector.messagePages(contact.providerId),
        first,
        after: args.after ?? null,
        fingerprint: JSON.stringify(['messages', contact.providerId]),
        path,
      });
    },
  }),
}));

// --- Mutations: CreateTemplateMessage / CreateMessage / UploadMedia ----------------------------

const WHATSAPP_MESSAGE_TYPES = [
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
type WhatsAppMessageType = (typeof WHATSAPP_MESSAGE_TYPES)[number];

/** The types whose content is a file: WhatsApp sends them by `fileId`. */
const MEDIA_MESSAGE_TYPES: ReadonlySet<WhatsAppMessageType> = new Set([
  'image',
  'audio',
  'video',
  'document',
  'sticker',
]);

const WhatsAppMessageTypeEnum = builder.enumType('WhatsAppMessageType', {
  description: 'The kind of a WhatsApp message, as the WhatsApp Business API defines them.',
  values: {
    TEXT: { value: 'text', description: 'Plain text.' },
    IMAGE: { value: 'image', description: 'An image; needs `fileId`.' },
    AUDIO: { value: 'audio', description: 'An audio clip or voice note; needs `fileId`.' },
    VIDEO: { value: 'video', description: 'A video; needs `fileId`.' },
    DOCUMENT: { value: 'document', description: 'A document (PDF…); needs `fileId`.' },
    STICKER: { value: 'sticker', description: 'A sticker; needs `fileId`.' },
    LOCATION: { value: 'location', description: 'A location pin.' },
    CONTACTS: { value: 'contacts', description: 'One or more contact cards.' },
    INTERACTIVE: { value: 'interactive', description: 'A list or reply-button message.' },
    REACTION: { value: 'reaction', description: 'An emoji reaction to another message.' },
    BUTTON: { value: 'button', description: 'A reply to a template button.' },
    ORDER: { value: 'order', description: 'A catalogue order.' },
    SYSTEM: { value: 'system', description: 'A WhatsApp system notice.' },
    UNKNOWN: { value: 'unknown', description: 'A type WhatsApp does not name.' },
    UNSUPPORTED: { value: 'unsupported', description: 'A type WhatsApp does not support.' },
    MEDIA_PLACEHOLDER: {
      value: 'media_placeholder',
      description: 'Stands in for media shared from the WhatsApp Business app (coexistence).',
    },
  } satisfies Record<Uppercase<WhatsAppMessageType>, { value: string; description: string }>,
});

const SendWhatsAppTemplateInput = builder.inputType('SendWhatsAppTemplateInput', {
  description:
    'A WhatsApp template message sent through LlamadaPro. Give `variables` or `components`, never both (or neither, for a template without parameters).',
  fields: (t) => ({
    fromPhoneNumber: t.string({
      required: true,
      description: 'The business number it is sent from, in E.164 (+14155552671).',
    }),
    toPhoneNumber: t.string({
      required: true,
      description: 'The customer number it is sent to, in E.164.',
    }),
    userId: t.string({ required: false, description: 'The LlamadaPro user sending it.' }),
    templateName: t.string({ required: true, description: 'The approved template’s name.' }),
    languageCode: t.string({
      required: true,
      description: 'The template’s language, as WhatsApp names it: "es", "en_US"…',
    }),
    variables: t.stringList({
      required: false,
      description: 'The values of the body’s text parameters, in order (simple templates).',
    }),
    components: t.field({
      type: 'JSON',
      required: false,
      description:
        'WhatsApp template components, for headers, media, currency and buttons: a non-empty array of objects whose `type` is header, body or button, each with its `parameters`.',
    }),
    customFields: t.field({
      type: 'JSON',
      required: false,
      description: 'Custom field values to store on the message, as a JSON object.',
    }),
  }),
});

const SendWhatsAppMessageInput = builder.inputType('SendWhatsAppMessageInput', {
  description: 'A free-form WhatsApp message sent through LlamadaPro.',
  fields: (t) => ({
    fromPhoneNumber: t.string({
      required: true,
      description: 'The business number it is sent from, in E.164 (+14155552671).',
    }),
    toPhoneNumber: t.string({
      required: true,
      description: 'The customer number it is sent to, in E.164.',
    }),
    userId: t.string({ required: false, description: 'The LlamadaPro user sending it.' }),
    content: t.string({
      required: true,
      description: 'The text; for media messages, the caption (may be empty).',
    }),
    type: t.field({
      type: WhatsAppMessageTypeEnum,
      required: true,
      description: 'The message type.',
    }),
    fileId: t.string({
      required: false,
      description:
        'The file to send (from `uploadWhatsAppMedia` or the files service); required for IMAGE, AUDIO, VIDEO, DOCUMENT and STICKER.',
    }),
    customFields: t.field({
      type: 'JSON',
      required: false,
      description: 'Custom field values to store on the message, as a JSON object.',
    }),
  }),
});

const UploadWhatsAppMediaInput = builder.inputType('UploadWhatsAppMediaInput', {
  description:
    'A file to upload to the WhatsApp Business API: either `fileId` (a file already in the files service) or `fileName`, `contentType` and `content` together (a direct upload).',
  fields: (t) => ({
    fromPhoneNumber: t.string({
      required: true,
      description: 'The business number the media will be sent from, in E.164.',
    }),
    fileId: t.string({
      required: false,
      description: 'A file of the files service to upload (file id mode).',
    }),
    fileName: t.string({ required: false, description: 'The file name (direct mode).' }),
    contentType: t.string({
      required: false,
      description: 'The MIME type, e.g. image/png (direct mode).',
    }),
    content: t.string({ required: false, description: 'The file, base64-encoded (direct mode).' }),
    tags: t.field({
      type: 'JSON',
      required: false,
      description: 'Labels to keep with the file: a JSON object whose values are strings.',
    }),
  }),
});

const WhatsAppMediaType = builder.objectRef<WhatsAppMedia>('WhatsAppMedia').implement({
  description: 'A file uploaded to WhatsApp, ready to be sent by its `fileId`.',
  fields: (t) => ({
    url: t.exposeString('url', { nullable: true, description: 'Where the file can be fetched.' }),
    size: t.exposeFloat('size', { nullable: true, description: 'Its size in bytes.' }),
    fileName: t.exposeString('fileName', { nullable: true, description: 'Its file name.' }),
    contentType: t.exposeString('contentType', {
      nullable: true,
      description: 'Its MIME type.',
    }),
    fileId: t.exposeString('fileId', {
      nullable: true,
      description: 'Its id in the files service: the `fileId` of `sendWhatsAppMessage`.',
    }),
    mediaId: t.exposeString('mediaId', {
      nullable: true,
      description: 'Its id at the WhatsApp Business API.',
    }),
    tags: t.field({
      type: 'JSON',
      nullable: true,
      description: 'The labels kept with the file.',
      resolve: (media) => media.tags,
    }),
  }),
});

const SendWhatsAppPayload = definePayload(
  'SendWhatsAppPayload',
  'message',
  MessageType,
  'The WhatsApp message sent (status pending until WhatsApp delivers it).',
);

const UploadWhatsAppMediaPayload = builder
  .objectRef<MutationOutcome<WhatsAppMedia>>('UploadWhatsAppMediaPayload')
  .implement({
    description: 'The file uploaded.',
    fields: (t) => ({
      media: t.field({
        type: WhatsAppMediaType,
        nullable: true,
        description: 'The uploaded file, or null when the mutation failed.',
        resolve: (outcome) => outcome.result,
      }),
      userErrors: t.field({
        type: [UserErrorType],
        description: 'Empty on success.',
        resolve: (outcome) => outcome.userErrors,
      }),
    }),
  });

const jsonObject = z.record(z.string(), z.unknown(), { error: 'must be a JSON object' });

/** WhatsApp language codes: ISO 639 language, optionally `_` and a region ("es", "en_US"). */
const languageCode = z.string().regex(/^[a-z]{2,3}(_[A-Z]{2,4})?$/, {
  error: 'must be a language code such as "es" or "en_US"',
});

const templateComponent = z.looseObject({
  type: z.enum(['header', 'body', 'button'], {
    error: 'type must be header, body or button',
  }),
  parameters: z.array(z.looseObject({ type: z.string() })).optional(),
});

const sendTemplateArgs = z.object({
  input: z
    .object({
      fromPhoneNumber: e164,
      toPhoneNumber: e164,
      userId: sendIfGiven(text(200)),
      templateName: text(512),
      languageCode,
      variables: sendIfGiven(
        z.array(
          z
            .string()
            .min(1, { error: 'must not be empty' })
            .max(1_024, { error: 'must be at most 1024 characters' }),
        ),
      ),
      components: sendIfGiven(
        z
          .array(templateComponent, { error: 'must be an array of component objects' })
          .min(1, { error: 'must hold at least one component' }),
      ),
      customFields: sendIfGiven(jsonObject),
    })
    .superRefine((input, ctx) => {
      if (input.variables === undefined || input.components === undefined) return;
      for (const field of ['variables', 'components']) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: 'give variables or components, not both',
        });
      }
    }),
});

const sendMessageArgs = z.object({
  input: z
    .object({
      fromPhoneNumber: e164,
      toPhoneNumber: e164,
      userId: sendIfGiven(text(200)),
      // WhatsApp's limit for a text body.
      content: z.string().max(4_096, { error: 'must be at most 4096 characters' }),
      type: z.enum(WHATSAPP_MESSAGE_TYPES),
      fileId: sendIfGiven(text(500)),
      customFields: sendIfGiven(jsonObject),
    })
    .superRefine((input, ctx) => {
      if (MEDIA_MESSAGE_TYPES.has(input.type) && input.fileId === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['fileId'],
          message: `is required for ${input.type.toUpperCase()} messages`,
        });
      }
      if (input.type === 'text' && input.content.trim() === '') {
        ctx.addIssue({
          code: 'custom',
          path: ['content'],
          message: 'must not be empty for TEXT messages',
        });
      }
    }),
});

const DIRECT_UPLOAD_FIELDS = ['fileName', 'contentType', 'content'] as const;

const uploadMediaArgs = z.object({
  input: z
    .object({
      fromPhoneNumber: e164,
      fileId: sendIfGiven(text(500)),
      fileName: sendIfGiven(text(255)),
      contentType: sendIfGiven(
        z
          .string()
          .regex(/^[\w.+-]+\/[\w.+-]+$/, { error: 'must be a MIME type such as image/png' }),
      ),
      content: sendIfGiven(
        z.base64({ error: 'must be base64' }).min(1, { error: 'must not be empty' }),
      ),
      tags: sendIfGiven(
        z.record(z.string(), z.string(), { error: 'must be a JSON object of strings' }),
      ),
    })
    .superRefine((input, ctx) => {
      const given = DIRECT_UPLOAD_FIELDS.filter((field) => input[field] !== undefined);
      if (input.fileId !== undefined) {
        for (const field of given.length > 0 ? ['fileId', ...given] : []) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: 'give fileId, or fileName, contentType and content, not both',
          });
        }
      } else if (given.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['fileId'],
          message: 'give fileId, or fileName, contentType and content',
        });
      } else {
        for (const field of DIRECT_UPLOAD_FIELDS.filter((name) => !given.includes(name))) {
          ctx.addIssue({
            code: 'custom',
            path: [field],
            message: 'is required for a direct upload (fileName, contentType and content)',
          });
        }
      }
    }),
});

builder.mutationFields((t) => ({
  sendWhatsAppTemplate: t.field({
    type: SendWhatsAppPayload,
    description:
      'Sends an approved WhatsApp template through LlamadaPro (CreateTemplateMessage); the only way to open a conversation outside the 24-hour window.',
    args: {
      input: t.arg({
        type: SendWhatsAppTemplateInput,
        required: true,
        description: 'The recipient, the template and its variables.',
      }),
      idempotencyKey: idempotencyKeyArg(t),
    },
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'sendWhatsAppTemplate',
        args: { input: args.input },
        schema: sendTemplateArgs,
        idempotencyKey: args.idempotencyKey,
        run: async ({ input }) => {
          const message = await ctx.vendor('llamadapro').sendWhatsAppTemplate(input);
          ctx.loaders.message.prime(message.providerId, message);
          return message;
        },
      }),
  }),
  sendWhatsAppMessage: t.field({
    type: SendWhatsAppPayload,
    description:
      'Sends a free-form WhatsApp message through LlamadaPro (CreateMessage): text, or media by `fileId`.',
    args: {
      input: t.arg({
        type: SendWhatsAppMessageInput,
        required: true,
        description: 'The recipient and the message.',
      }),
      idempotencyKey: idempotencyKeyArg(t),
    },
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'sendWhatsAppMessage',
        args: { input: args.input },
        schema: sendMessageArgs,
        idempotencyKey: args.idempotencyKey,
        run: async ({ input }) => {
          const message = await ctx.vendor('llamadapro').sendWhatsAppMessage(input);
          ctx.loaders.message.prime(message.providerId, message);
          return message;
        },
      }),
  }),
  uploadWhatsAppMedia: t.field({
    type: UploadWhatsAppMediaPayload,
    description:
      'Uploads a file to the WhatsApp Business API through LlamadaPro (UploadMedia), to send it with `sendWhatsAppMessage`.',
    args: {
      input: t.arg({
        type: UploadWhatsAppMediaInput,
        required: true,
        description: 'The media file to upload.',
      }),
      idempotencyKey: idempotencyKeyArg(t),
    },
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'uploadWhatsAppMedia',
        args: { input: args.input },
        schema: uploadMediaArgs,
        idempotencyKey: args.idempotencyKey,
        run: ({ input }) => ctx.vendor('llamadapro').uploadWhatsAppMedia(input),
      }),
  }),
}));
