import { responsePathAsArray } from 'graphql';
import { RAW_FIELD } from './scalars.js';
import { builder } from '../builder.js';
import { localId } from '../ids.js';
import type {
  MediaProcessing,
  MediaProcessingStep,
  Message,
  MessageAttachment,
  MessageDirection,
  MessageError,
  MessageParty,
} from '../model/message.js';
import { listMessages, messageById, messageNode } from '../services/messages.js';
import { defineConnection, FIRST_DEFAULT } from './connection.js';
import { ChannelEnum, ProviderEnum } from './enums.js';

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

const MediaProcessingStepType = builder
  .objectRef<MediaProcessingStep>('MediaProcessingStep')
  .implement({
    description:
      "One step of the vendor's processing of media: a text representation or a summary.",
    fields: (t) => ({
      status: t.exposeString('status', {
        nullable: true,
        description: 'How far it got, as the vendor spells it (e.g. `pending`, `completed`).',
      }),
      content: t.exposeString('content', {
        nullable: true,
        description: 'What it produced: the text of a voice note or document, or the summary.',
      }),
      errorMessage: t.exposeString('errorMessage', {
        nullable: true,
        description: 'Why it failed, when it did.',
      }),
      processedAt: t.field({
        type: 'DateTime',
        nullable: true,
        description: 'When it was done.',
        resolve: (step) => step.processedAt,
      }),
    }),
  });

const MediaProcessingType = builder.objectRef<MediaProcessing>('MediaProcessing').implement({
  description:
    'What LlamadaPro made of media (its `mediaProcessing`): a text representation and a summary.',
  fields: (t) => ({
    textRepresentation: t.field({
      type: MediaProcessingStepType,
      nullable: true,
      description: 'The media as text (a transcript of audio, the text of a document).',
      resolve: (processing) => processing.textRepresentation,
    }),
    summary: t.field({
      type: MediaProcessingStepType,
      nullable: true,
      description: 'A short summary of the media.',
      resolve: (processing) => processing.summary,
    }),
  }),
});

/** The vendor types `code` as a double; WhatsApp's codes are whole numbers. */
const wholeNumber = (value: number | null): number | null =>
  value !== null && Number.isSafeInteger(value) && Math.abs(value) <= 2_147_483_647 ? value : null;

const MessageErrorType = builder.objectRef<MessageError>('MessageError').implement({
  description: 'Why a message was not delivered, as the messaging provider reported it.',
  fields: (t) => ({
    code: t.int({
      nullable: true,
      description:
        "The provider's error code (e.g. WhatsApp's 131026); null when it is not a whole number (see `raw`).",
      resolve: (error) => wholeNumber(error.code),
    }),
    title: t.exposeString('title', { nullable: true, description: 'The error in a few words.' }),
    message: t.exposeString('message', { nullable: true, description: 'What went wrong.' }),
    href: t.exposeString('href', {
      nullable: true,
      description: 'Where the provider documents the error.',
    }),
    provider: t.exposeString('provider', {
      nullable: true,
      description:
        'The messaging provider that reported it, as LlamadaPro names it (e.g. `whatsapp`).',
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
    mediaProcessing: t.field({
      type: MediaProcessingType,
      nullable: true,
      description: "What LlamadaPro made of the file (a voice note's transcript and summary).",
      resolve: (attachment) => attachment.mediaProcessing,
    }),
  }),
});

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && 'attachments' in value;
}

/** `contact` is a join onto the contacts, added in joins.ts. */
export const MessageType = builder.node(builder.objectRef<Message>('Message'), {
  description: 'A WhatsApp message sent or received through LlamadaPro.',
  id: { resolve: (message) => localId(message.provider, message.providerId) },
  isTypeOf: isMessage,
  loadOne: (id, ctx) => messageNode(ctx, id),
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
      description:
        "The messaging conversation (the WhatsApp thread) it belongs to (the vendor's own id); not the funnel `conversation`.",
    }),
    errors: t.field({
      type: [MessageErrorType],
      description: 'Why it was not delivered (usually with status `failed`); empty otherwise.',
      resolve: (message) => message.errors,
    }),
    mediaProcessing: t.field({
      type: MediaProcessingType,
      nullable: true,
      description:
        "What LlamadaPro made of the message's media, as a whole; see also each attachment's.",
      resolve: (message) => message.mediaProcessing,
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
    resolve: (_, args, ctx) => messageById(ctx, args.id),
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
    resolve: (_, args, ctx, info) =>
      listMessages(ctx, { ...args, path: responsePathAsArray(info.path) }),
  }),
}));
