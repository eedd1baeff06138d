import { builder } from '../builder.js';
import type { WhatsAppMedia } from '../model/message.js';
import type { MutationOutcome } from '../mutations/run-mutation.js';
import {
  sendWhatsAppMessage,
  sendWhatsAppTemplate,
  uploadWhatsAppMedia,
} from '../services/messages.js';
import { MessageType } from './message.js';
import {
  SendWhatsAppMessageInput,
  SendWhatsAppTemplateInput,
  UploadWhatsAppMediaInput,
} from './message-inputs.js';
import { definePayload, UserErrorType, idempotencyKeyArg } from './mutation.js';

/*
 * The WhatsApp sends and upload. Types print in the order they are declared, so index.ts imports
 * this file right after message.ts, where these declarations used to follow the Message type.
 */

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
    resolve: (_, args, ctx) => sendWhatsAppTemplate(ctx, args),
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
    resolve: (_, args, ctx) => sendWhatsAppMessage(ctx, args),
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
    resolve: (_, args, ctx) => uploadWhatsAppMedia(ctx, args),
  }),
}));
