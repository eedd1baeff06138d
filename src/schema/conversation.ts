import { z } from 'zod';
import { RAW_FIELD } from './scalars.js';
import { builder } from '../builder.js';
import { expectGlobalId, localId, parseLocalId, type GlobalId, vendorIdOn } from '../ids.js';
import { e164, globalIdOf, notNull, numericId, sendIfGiven, text } from '../mutations/inputs.js';
import { runMutation, type MutationOutcome } from '../mutations/run-mutation.js';
import { llamadaProContactId, llamadaProConversationId } from '../vendors/llamadapro/ids.js';
import type {
  ConversationCreateInput,
  ConversationUpdateInput,
} from '../vendors/llamadapro/client.js';
import type {
  BulkConversationResult,
  BulkIssue,
  BulkItemIssues,
  ConversationRef,
} from '../vendors/llamadapro/map.js';
import { ContactType } from './contact.js';
import { CustomFieldValueType } from './custom-field.js';
import { ProviderEnum } from './enums.js';
import { definePayload, UserErrorType, idempotencyKeyArg } from './mutation.js';

function isConversation(value: unknown): value is ConversationRef {
  return (
    typeof value === 'object' && value !== null && 'contacts' in value && 'funnelStatusId' in value
  );
}

const conversationVendorId = (id: Pick<GlobalId, 'provider' | 'providerId'>): string =>
  vendorIdOn(id, 'LLAMADAPRO', { format: llamadaProConversationId });

export const ConversationType = builder.node(builder.objectRef<ConversationRef>('Conversation'), {
  description:
    'A LlamadaPro funnel conversation: one contact moving through a sales or support funnel, across channels.',
  id: { resolve: (conversation) => localId('LLAMADAPRO', conversation.providerId) },
  isTypeOf: isConversation,
  loadOne: (id, ctx) => ctx.loaders.conversation.load(conversationVendorId(parseLocalId(id))),
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
      resolve: (conversation, _, ctx) => {
        const embedded =
          conversation.contacts.find((contact) => contact.providerId === conversation.contactId) ??
          conversation.contacts[0];
        if (embedded) return embedded;
        return conversation.contactId ? ctx.loaders.contact.load(conversation.contactId) : null;
      },
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
    resolve: (_, args, ctx) =>
      ctx.loaders.conversation.load(conversationVendorId(expectGlobalId(args.id, 'Conversation'))),
  }),
}));

// --- Mutations: Create / BulkCreate / BulkUpdate ------------------------------------------------

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
    userId: t.string({
      required: false,
      description: "The LlamadaPro user who owns the contact (the vendor's numeric id).",
    }),
  }),
});

const CreateConversationInput = builder.inputType('CreateConversationInput', {
  description: 'A new funnel conversation. Give `contactId` or `contact`, not both.',
  fields: (t) => ({
    funnelId: t.string({
      required: true,
      description: "The funnel it goes into (the vendor's numeric id).",
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
    funnelStatusId: t.string({
      required: false,
      description: "Its initial status in the funnel (the vendor's numeric id).",
    }),
    userId: t.string({
      required: false,
      description: "The LlamadaPro user in charge of it (the vendor's numeric id).",
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
    userId: t.string({
      required: false,
      description: "The LlamadaPro user who owns the contact (the vendor's numeric id).",
    }),
  }),
});

const UpdateConversationInput = builder.inputType('UpdateConversationInput', {
  description:
    'Changes to one conversation. An omitted member is left alone; an explicit null clears it (funnelStatusId, userId and archivedAt only).',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The Conversation id.' }),
    funnelStatusId: t.string({
      required: false,
      description: "Its status in the funnel (the vendor's numeric id).",
    }),
    userId: t.string({
      required: false,
      description: "The LlamadaPro user in charge of it (the vendor's numeric id).",
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

const BulkCreateConversationsInput = builder.inputType('BulkCreateConversationsInput', {
  description: 'Conversations to create in one request.',
  fields: (t) => ({
    conversations: t.field({
      type: [CreateConversationInput],
      required: true,
      description: 'At least one; the vendor creates the valid ones and reports on the others.',
    }),
  }),
});

const BulkUpdateConversationsInput = builder.inputType('BulkUpdateConversationsInput', {
  description: 'Conversations to change in one request.',
  fields: (t) => ({
    conversations: t.field({
      type: [UpdateConversationInput],
      required: true,
      description: 'At least one; the vendor applies the valid ones and reports on the others.',
    }),
  }),
});

const ConversationPayload = definePayload(
  'ConversationPayload',
  'conversation',
  ConversationType,
  'The conversation created.',
);

/** The vendor types counts and indexes as doubles; anything but a whole number is not shown. */
const wholeNumber = (value: number | null): number | null =>
  value !== null && Number.isInteger(value) ? value : null;

const BulkIssueType = builder.objectRef<BulkIssue>('BulkIssue').implement({
  description: 'One finding of a bulk operation, as the vendor words it.',
  fields: (t) => ({
    field: t.exposeString('field', {
      nullable: true,
      description: 'The member of the item it is about, e.g. `contactId` or `customFields.tier`.',
    }),
    message: t.exposeString('message', {
      nullable: true,
      description: 'What is wrong, for people.',
    }),
    code: t.exposeString('code', {
      nullable: true,
      description: 'What is wrong, for programs (REQUIRED_FIELD, NOT_FOUND, DUPLICATE…).',
    }),
    context: t.field({
      type: 'JSON',
      nullable: true,
      description: 'Details the vendor adds.',
      resolve: (issue) => issue.context,
    }),
  }),
});

const BulkItemIssuesType = builder.objectRef<BulkItemIssues>('BulkItemIssues').implement({
  description: 'The findings on one item of a bulk operation.',
  fields: (t) => ({
    index: t.int({
      nullable: true,
      description: "The item's position in the request, from 0.",
      resolve: (item) => wholeNumber(item.index),
    }),
    itemId: t.exposeString('itemId', {
      nullable: true,
      description: "The conversation it concerns (the vendor's own id), when there is one.",
    }),
    errors: t.field({
      type: [BulkIssueType],
      description: 'Why the item was not processed.',
      resolve: (item) => item.errors,
    }),
    warnings: t.field({
      type: [BulkIssueType],
      description: 'What the vendor noticed while processing it (duplicates, matched contacts…).',
      resolve: (item) => item.warnings,
    }),
    existingEntities: t.field({
      type: 'JSON',
      nullable: true,
      description: 'Existing records the item ran into, e.g. `{ conversationId, contactId }`.',
      resolve: (item) => item.existingEntities,
    }),
  }),
});

type BulkCounts = NonNullable<BulkConversationResult['counts']>;

const BulkConversationCountsType = builder
  .objectRef<BulkCounts>('BulkConversationCounts')
  .implement({
    description: 'How the items of a bulk operation fared.',
    fields: (t) => ({
      successful: t.int({
        nullable: true,
        description: 'Items processed.',
        resolve: (counts) => wholeNumber(counts.successful),
      }),
      warnings: t.int({
        nullable: true,
        description: 'Items processed with warnings.',
        resolve: (counts) => wholeNumber(counts.warnings),
      }),
      duplicates: t.int({
        nullable: true,
        description: 'Items that matched an existing conversation and were skipped.',
        resolve: (counts) => wholeNumber(counts.duplicates),
      }),
      errors: t.int({
        nullable: true,
        description: 'Items rejected.',
        resolve: (counts) => wholeNumber(counts.errors),
      }),
      total: t.int({
        nullable: true,
        description: 'Items in the request.',
        resolve: (counts) => wholeNumber(counts.total),
      }),
    }),
  });

const BulkConversationReportType = builder
  .objectRef<BulkConversationResult>('BulkConversationReport')
  .implement({
    description: "The vendor's validation report of a bulk operation.",
    fields: (t) => ({
      counts: t.field({
        type: BulkConversationCountsType,
        nullable: true,
        description: 'How the items fared.',
        resolve: (result) => result.counts,
      }),
      itemsIssues: t.field({
        type: [BulkItemIssuesType],
        description: 'The items with errors or warnings.',
        resolve: (result) => result.itemsIssues,
      }),
      batchErrors: t.field({
        type: [BulkIssueType],
        description: 'Why the whole batch was refused, when it was.',
        resolve: (result) => result.batchErrors,
      }),
    }),
  });

const BulkConversationsPayload = builder
  .objectRef<MutationOutcome<BulkConversationResult>>('BulkConversationsPayload')
  .implement({
    description:
      'The outcome of a bulk create or update: the vendor processes the valid items and reports on the others.',
    fields: (t) => ({
      report: t.field({
        type: BulkConversationReportType,
        nullable: true,
        description: "The vendor's report, or null when the mutation failed.",
        resolve: (outcome) => outcome.result,
      }),
      message: t.string({
        nullable: true,
        description: "The vendor's summary, for people.",
        resolve: (outcome) => outcome.result?.message ?? null,
      }),
      operationId: t.string({
        nullable: true,
        description: "The vendor's id of the operation, for support requests.",
        resolve: (outcome) => outcome.result?.operationId ?? null,
      }),
      userErrors: t.field({
        type: [UserErrorType],
        description: 'Empty on success, even when the report lists rejected items.',
        resolve: (outcome) => outcome.userErrors,
      }),
    }),
  });

// The document types every LlamadaPro id in these bodies as a number.
const vendorNumber = z
  .string()
  .trim()
  .pipe(numericId)
  .transform((value) => Number(value));
const contactNumber = globalIdOf('Contact', 'LLAMADAPRO').pipe(
  llamadaProContactId.transform((value) => Number(value)),
);
const conversationNumber = globalIdOf('Conversation', 'LLAMADAPRO').pipe(
  llamadaProConversationId.transform((value) => Number(value)),
);
const jsonObject = z.record(z.string(), z.unknown(), { error: 'must be a JSON object' });
const email = z.email({ error: 'must be an e-mail address' });
const isoDate = z.date().transform((date) => date.toISOString());

const createContactSchema = z
  .object({
    firstName: sendIfGiven(text(200)),
    lastName: sendIfGiven(text(200)),
    phones: sendIfGiven(z.array(e164)),
    emails: sendIfGiven(z.array(email)),
    nationalId: sendIfGiven(text(100)),
    companyPosition: sendIfGiven(text(200)),
    customFields: sendIfGiven(jsonObject),
    userId: sendIfGiven(vendorNumber),
  })
  .superRefine((contact, ctx) => {
    // The vendor matches or creates the contact by its addresses.
    if ((contact.phones ?? []).length === 0 && (contact.emails ?? []).length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['phones'],
        message: 'give at least one phone or e-mail',
      });
    }
  });

const createItemSchema = z
  .object({
    funnelId: vendorNumber,
    contactId: sendIfGiven(contactNumber),
    contact: sendIfGiven(createContactSchema),
    funnelStatusId: sendIfGiven(vendorNumber),
    userId: sendIfGiven(vendorNumber),
    archivedAt: sendIfGiven(isoDate),
    createdAt: sendIfGiven(isoDate),
    customFields: sendIfGiven(jsonObject),
  })
  .superRefine((item, ctx) => {
    const both = item.contactId !== undefined && item.contact !== undefined;
    const neither = item.contactId === undefined && item.contact === undefined;
    if (!both && !neither) return;
    for (const field of ['contactId', 'contact']) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: both ? 'give contactId or contact, not both' : 'give contactId or contact',
      });
    }
  });

const updateContactSchema = z.object({
  firstName: text(200).nullable().optional(),
  lastName: text(200).nullable().optional(),
  phones: notNull(z.array(e164)),
  emails: notNull(z.array(email)),
  nationalId: text(100).nullable().optional(),
  companyPosition: text(200).nullable().optional(),
  customFields: notNull(jsonObject),
  userId: vendorNumber.nullable().optional(),
});

const updateItemSchema = z.object({
  id: conversationNumber,
  funnelStatusId: vendorNumber.nullable().optional(),
  userId: vendorNumber.nullable().optional(),
  archivedAt: isoDate.nullable().optional(),
  createdAt: notNull(isoDate),
  customFields: notNull(jsonObject),
  contact: notNull(updateContactSchema),
});

const createConversationArgs = z.object({ input: createItemSchema });

const bulkCreateArgs = z.object({
  input: z.object({
    conversations: z.array(createItemSchema).min(1, { error: 'must hold at least one item' }),
  }),
});

const bulkUpdateArgs = z.object({
  input: z.object({
    conversations: z.array(updateItemSchema).min(1, { error: 'must hold at least one item' }),
  }),
});

// Validated items are already in the vendor's shape; these only name the connector's types.
const toCreateItem = (item: z.infer<typeof createItemSchema>): ConversationCreateInput => item;
const toUpdateItem = (item: z.infer<typeof updateItemSchema>): ConversationUpdateInput => item;

builder.mutationFields((t) => ({
  createConversation: t.field({
    type: ConversationPayload,
    description:
      'Creates a funnel conversation for an existing contact, or for a contact given by its details (matched by address, else created).',
    args: {
      input: t.arg({
        type: CreateConversationInput,
        required: true,
        description: 'The conversation to create.',
      }),
      idempotencyKey: idempotencyKeyArg(t),
    },
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'createConversation',
        args: { input: args.input },
        schema: createConversationArgs,
        idempotencyKey: args.idempotencyKey,
        run: async ({ input }) => {
          const conversation = await ctx
            .vendor('llamadapro')
            .createConversation(toCreateItem(input));
          ctx.loaders.conversation.prime(conversation.providerId, conversation);
          return conversation;
        },
      }),
  }),
  bulkCreateConversations: t.field({
    type: BulkConversationsPayload,
    description:
      'Creates many funnel conversations in one request; the vendor creates the valid ones, skips duplicates, and reports on each item in `report`.',
    args: {
      input: t.arg({
        type: BulkCreateConversationsInput,
        required: true,
        description: 'The conversations to create.',
      }),
      idempotencyKey: idempotencyKeyArg(t),
    },
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'bulkCreateConversations',
        args: { input: args.input },
        schema: bulkCreateArgs,
        idempotencyKey: args.idempotencyKey,
        run: ({ input }) =>
          ctx.vendor('llamadapro').bulkCreateConversations(input.conversations.map(toCreateItem)),
      }),
  }),
  bulkUpdateConversations: t.field({
    type: BulkConversationsPayload,
    description:
      'Changes many funnel conversations in one request; the vendor applies the valid items and reports on each item in `report`.',
    args: {
      input: t.arg({
        type: BulkUpdateConversationsInput,
        required: true,
        description: 'The conversations to update and their new values.',
      }),
    },
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'bulkUpdateConversations',
        args: { input: args.input },
        schema: bulkUpdateArgs,
        run: ({ input }) =>
          ctx.vendor('llamadapro').bulkUpdateConversations(input.conversations.map(toUpdateItem)),
      }),
  }),
}));
