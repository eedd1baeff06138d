import { builder } from '../builder.js';

/* The inputs of the conversation writes (conversation-mutations.ts). */

const ConversationContactInput = builder.inputType('ConversationContactInput', {
  description:
    'A contact to create with a conversation, or to match by its phones and e-mails and update.',
  fields: (t) => ({
    firstName: t.string({ required: false, description: 'Given name.' }),
    lastName: t.string({ required: false, description: 'Family name.' }),
    phones: t.stringList({
      required: false,
      description: 'Phone numbers in E.164; with `emails`, what an existing contact is matched by.',
    }),
    emails: t.stringList({ required: false, description: 'E-mail addresses.' }),
    nationalId: t.string({ required: false, description: 'National identity number.' }),
    companyPosition: t.string({ required: false, description: 'Job title.' }),
    customFields: t.field({
      type: 'JSON',
      required: false,
      description: 'CONTACT custom field values, as a JSON object keyed by field key.',
    }),
    userId: t.id({
      required: false,
      description:
        "The LlamadaPro user who owns the contact (the vendor's numeric id, as a number or a string of digits).",
    }),
  }),
});

export const CreateConversationInput = builder.inputType('CreateConversationInput', {
  description: 'A new funnel conversation. Give `contactId` or `contact`, not both.',
  fields: (t) => ({
    funnelId: t.id({
      required: true,
      description:
        "The funnel it goes into (the vendor's numeric id, as a number or a string of digits).",
    }),
    contactId: t.id({
      required: false,
      description: 'The global id of an existing LlamadaPro contact.',
    }),
    contact: t.field({
      type: ConversationContactInput,
      required: false,
      description: 'A contact to create, or to match by address and update.',
    }),
    funnelStatusId: t.id({
      required: false,
      description:
        "Its initial status in the funnel (the vendor's numeric id, as a number or a string of digits).",
    }),
    userId: t.id({
      required: false,
      description:
        "The LlamadaPro user in charge of it (the vendor's numeric id, as a number or a string of digits).",
    }),
    archivedAt: t.field({
      type: 'DateTime',
      required: false,
      description: 'Creates it archived at this time.',
    }),
    createdAt: t.field({
      type: 'DateTime',
      required: false,
      description: 'Its creation time, when importing older conversations; default now.',
    }),
    customFields: t.field({
      type: 'JSON',
      required: false,
      description: 'FUNNEL_CONVERSATION custom field values, as a JSON object keyed by field key.',
    }),
  }),
});

const UpdateConversationContactInput = builder.inputType('UpdateConversationContactInput', {
  description:
    "Changes to a conversation's contact. An omitted member is left alone; an explicit null clears it (names, nationalId, companyPosition and userId only). Phones and e-mails are added.",
  fields: (t) => ({
    id: t.id({
      required: false,
      description:
        "The global id of the conversation's contact, sent as the item's `contact.id` (BulkUpdate's request sample carries it) so the vendor knows which contact the changes are for.",
    }),
    firstName: t.string({ required: false, description: 'Given name.' }),
    lastName: t.string({ required: false, description: 'Family name.' }),
    phones: t.stringList({ required: false, description: 'Phone numbers to add, in E.164.' }),
    emails: t.stringList({ required: false, description: 'E-mail addresses to add.' }),
    nationalId: t.string({ required: false, description: 'National identity number.' }),
    companyPosition: t.string({ required: false, description: 'Job title.' }),
    customFields: t.field({
      type: 'JSON',
      required: false,
      description: 'CONTACT custom field values to set; a null value removes that key.',
    }),
    userId: t.id({
      required: false,
      description:
        "The LlamadaPro user who owns the contact (the vendor's numeric id, as a number or a string of digits).",
    }),
  }),
});

const UpdateConversationInput = builder.inputType('UpdateConversationInput', {
  description:
    'Changes to one conversation. An omitted member is left alone; an explicit null clears it (funnelStatusId, userId and archivedAt only).',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The Conversation id.' }),
    funnelStatusId: t.id({
      required: false,
      description:
        "Its status in the funnel (the vendor's numeric id, as a number or a string of digits).",
    }),
    userId: t.id({
      required: false,
      description:
        "The LlamadaPro user in charge of it (the vendor's numeric id, as a number or a string of digits).",
    }),
    archivedAt: t.field({
      type: 'DateTime',
      required: false,
      description: 'Archives it at this time; null reopens it.',
    }),
    createdAt: t.field({
      type: 'DateTime',
      required: false,
      description: 'Corrects its creation time.',
    }),
    customFields: t.field({
      type: 'JSON',
      required: false,
      description: 'FUNNEL_CONVERSATION custom field values to set; a null value removes that key.',
    }),
    contact: t.field({
      type: UpdateConversationContactInput,
      required: false,
      description: "Changes to the conversation's contact.",
    }),
  }),
});

export const BulkCreateConversationsInput = builder.inputType('BulkCreateConversationsInput', {
  description: 'Conversations to create in one request.',
  fields: (t) => ({
    conversations: t.field({
      type: [CreateConversationInput],
      required: true,
      description: 'At least one; the vendor creates the valid ones and reports on the others.',
    }),
  }),
});

export const BulkUpdateConversationsInput = builder.inputType('BulkUpdateConversationsInput', {
  description: 'Conversations to change in one request.',
  fields: (t) => ({
    conversations: t.field({
      type: [UpdateConversationInput],
      required: true,
      description: 'At least one; the vendor applies the valid ones and reports on the others.',
    }),
  }),
});
