import { builder } from '../builder.js';
import type { WhatsAppMessageType } from '../model/message.js';

/* The inputs of the WhatsApp sends and upload (message-mutations.ts). */

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

export const SendWhatsAppTemplateInput = builder.inputType('SendWhatsAppTemplateInput', {
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

export const SendWhatsAppMessageInput = builder.inputType('SendWhatsAppMessageInput', {
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

export const UploadWhatsAppMediaInput = builder.inputType('UploadWhatsAppMediaInput', {
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
