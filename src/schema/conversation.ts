import { RAW_FIELD } from './scalars.js';
import { builder } from '../builder.js';
import { localId } from '../ids.js';
import type { ConversationRef } from '../model/conversation.js';
import {
  contactOfConversation,
  conversationById,
  conversationNode,
} from '../services/conversations.js';
import { ContactType } from './contact.js';
import { CustomFieldValueType } from './custom-field.js';
import { ProviderEnum } from './enums.js';

function isConversation(value: unknown): value is ConversationRef {
  return (
    typeof value === 'object' && value !== null && 'contacts' in value && 'funnelStatusId' in value
  );
}

export const ConversationType = builder.node(builder.objectRef<ConversationRef>('Conversation'), {
  description:
    'A LlamadaPro funnel conversation: one contact moving through a sales or support funnel, across channels.',
  id: { resolve: (conversation) => localId('LLAMADAPRO', conversation.providerId) },
  isTypeOf: isConversation,
  loadOne: (id, ctx) => conversationNode(ctx, id),
  fields: (t) => ({
    provider: t.field({
      type: ProviderEnum,
      description: 'The vendor that holds the conversation (LLAMADAPRO).',
      resolve: () => 'LLAMADAPRO' as const,
    }),
    providerId: t.exposeString('providerId', {
      description: "The vendor's own id of the conversation.",
    }),
    contactId: t.exposeString('contactId', {
      nullable: true,
      description: "The vendor's own id of the conversation's contact.",
    }),
    contact: t.field({
      type: ContactType,
      nullable: true,
      description:
        'The contact of the conversation: the one the vendor embeds, else read by `contactId`.',
      resolve: (conversation, _, ctx) => contactOfConversation(ctx, conversation),
    }),
    funnelId: t.exposeString('funnelId', {
      nullable: true,
      description: "The funnel it belongs to (the vendor's own id).",
    }),
    funnelStatusId: t.exposeString('funnelStatusId', {
      nullable: true,
      description: "Its current status in the funnel (the vendor's own id).",
    }),
    userId: t.exposeString('userId', {
      nullable: true,
      description: "The LlamadaPro user in charge of it (the vendor's own id).",
    }),
    archivedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was archived; null while it is open.',
      resolve: (conversation) => conversation.archivedAt,
    }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was created.',
      resolve: (conversation) => conversation.createdAt,
    }),
    updatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it last changed.',
      resolve: (conversation) => conversation.updatedAt,
    }),
    customFields: t.field({
      type: [CustomFieldValueType],
      description: 'Its FUNNEL_CONVERSATION custom field values.',
      resolve: (conversation) => conversation.customFields,
    }),
    raw: t.expose('raw', RAW_FIELD),
  }),
});

builder.queryFields((t) => ({
  conversation: t.field({
    type: ConversationType,
    nullable: true,
    description: 'One funnel conversation by its global id.',
    args: { id: t.arg.id({ required: true, description: 'A Conversation id.' }) },
    resolve: (_, args, ctx) => conversationById(ctx, args.id),
  }),
}));
