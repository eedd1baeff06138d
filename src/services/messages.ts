import { z } from 'zod';
import type { Context } from '../context.js';
import { invalidInput } from '../errors.js';
import { expectGlobalId, parseLocalId, vendorIdOn, type GlobalId } from '../ids.js';
import type { ConnectionShape } from '../model/connection.js';
import type { Contact } from '../model/contact.js';
import type { ConversationRef } from '../model/conversation.js';
import {
  WHATSAPP_MESSAGE_TYPES,
  type Message,
  type WhatsAppMedia,
  type WhatsAppMessageType,
} from '../model/message.js';
import { e164, nonBlank, sendIfGiven } from '../mutations/inputs.js';
import { runMutation, type MutationArgs, type MutationOutcome } from '../mutations/run-mutation.js';
import { llamadaProContactId, llamadaProMessageId } from '../vendors/llamadapro/ids.js';
import { prefetchDefinitions, type ContactRead } from './contacts.js';
import { FIRST_DEFAULT, validateFirst, vendorList, type ListArgs } from './list-connection.js';

/* WhatsApp messages, all held by LlamadaPro: reads, a contact's list, the sends and the upload. */

/** Messages are LlamadaPro's; the id must also have the form of a LlamadaPro message id. */
const messageVendorId = (id: Pick<GlobalId, 'provider' | 'providerId'>): string =>
  vendorIdOn(id, 'LLAMADAPRO', { format: llamadaProMessageId });

/** A message as the node interface asks for it, by `PROVIDER:vendorId`. */
export function messageNode(ctx: Context, id: string): Promise<Message> {
  return ctx.loaders.message.load(messageVendorId(parseLocalId(id)));
}

export function messageById(ctx: Context, id: string): Promise<Message> {
  return ctx.loaders.message.load(messageVendorId(expectGlobalId(ctx, id, 'Message')));
}

/** `messages(contactId:)`: a LlamadaPro contact's messages, newest first. */
export function listMessages(
  ctx: Context,
  args: ListArgs & { contactId: string },
): Promise<ConnectionShape<Message>> {
  const contact = expectGlobalId(ctx, args.contactId, 'Contact', 'contactId');
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
  return vendorList(ctx, 'llamadapro', {
    source: (connector) => connector.messagePages(contact.providerId),
    first,
    after: args.after ?? null,
    fingerprint: JSON.stringify(['messages', contact.providerId]),
    path: args.path,
  });
}

/** `Contact.messages`. */
export function messagesOfContact(
  ctx: Context,
  contact: Contact,
  args: ListArgs,
): Promise<ConnectionShape<Message>> {
  return vendorList(ctx, 'llamadapro', {
    source: (connector) => connector.messagePages(contact.providerId),
    first: validateFirst(args.first, FIRST_DEFAULT),
    after: args.after ?? null,
    fingerprint: JSON.stringify(['Contact.messages', contact.providerId]),
    path: args.path,
  });
}

/** `Message.contact`: the contact the message was exchanged with. */
export function contactOfMessage(
  ctx: Context,
  message: Message,
  read: ContactRead,
): Promise<Contact> | null {
  if (message.contactId === null) return null;
  prefetchDefinitions(ctx, read);
  return ctx.loaders.contact.load(message.contactId);
}

/** `Message.conversation`: the funnel conversation the message belongs to. */
export function conversationOfMessage(
  ctx: Context,
  message: Message,
): Promise<ConversationRef> | null {
  return message.funnelConversationId === null
    ? null
    : ctx.loaders.conversation.load(message.funnelConversationId);
}

// --- Mutations: CreateTemplateMessage / CreateMessage / UploadMedia ----------------------------

/** The types whose content is a file: WhatsApp sends them by `fileId`. */
const MEDIA_MESSAGE_TYPES: ReadonlySet<WhatsAppMessageType> = new Set([
  'image',
  'audio',
  'video',
  'document',
  'sticker',
]);

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
      userId: sendIfGiven(nonBlank()),
      templateName: nonBlank(),
      languageCode,
      variables: sendIfGiven(z.array(z.string().min(1, { error: 'must not be empty' }))),
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
      userId: sendIfGiven(nonBlank()),
      content: z.string(),
      type: z.enum(WHATSAPP_MESSAGE_TYPES),
      fileId: sendIfGiven(nonBlank()),
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
      fileId: sendIfGiven(nonBlank()),
      fileName: sendIfGiven(nonBlank()),
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

/** A message just sent reads back from the loader without another request. */
function primed(ctx: Context, message: Message): Message {
  ctx.loaders.message.prime(message.providerId, message);
  return message;
}

export function sendWhatsAppTemplate(
  ctx: Context,
  args: MutationArgs,
): Promise<MutationOutcome<Message>> {
  return runMutation(ctx, {
    name: 'sendWhatsAppTemplate',
    args: { input: args.input },
    schema: sendTemplateArgs,
    idempotencyKey: args.idempotencyKey,
    run: async ({ input }) =>
      primed(ctx, await ctx.vendor('llamadapro').sendWhatsAppTemplate(input)),
  });
}

export function sendWhatsAppMessage(
  ctx: Context,
  args: MutationArgs,
): Promise<MutationOutcome<Message>> {
  return runMutation(ctx, {
    name: 'sendWhatsAppMessage',
    args: { input: args.input },
    schema: sendMessageArgs,
    idempotencyKey: args.idempotencyKey,
    run: async ({ input }) =>
      primed(ctx, await ctx.vendor('llamadapro').sendWhatsAppMessage(input)),
  });
}

export function uploadWhatsAppMedia(
  ctx: Context,
  args: MutationArgs,
): Promise<MutationOutcome<WhatsAppMedia>> {
  return runMutation(ctx, {
    name: 'uploadWhatsAppMedia',
    args: { input: args.input },
    schema: uploadMediaArgs,
    idempotencyKey: args.idempotencyKey,
    run: ({ input }) => ctx.vendor('llamadapro').uploadWhatsAppMedia(input),
  });
}
