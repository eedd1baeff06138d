import { z } from 'zod';
import type { Context } from '../context.js';
import { expectGlobalId, parseLocalId, vendorIdOn, type GlobalId } from '../ids.js';
import type { Contact } from '../model/contact.js';
import type { BulkConversationResult, ConversationRef } from '../model/conversation.js';
import {
  e164,
  globalIdOf,
  nonBlank,
  notNull,
  numericId,
  sendIfGiven,
} from '../mutations/inputs.js';
import { runMutation, type MutationArgs, type MutationOutcome } from '../mutations/run-mutation.js';
import { llamadaProContactId, llamadaProConversationId } from '../vendors/llamadapro/ids.js';

/* LlamadaPro's funnel conversations: the read, the contact join, the create and the bulk writes. */

/** Conversations are LlamadaPro's; the id must also have the form of a LlamadaPro one. */
const conversationVendorId = (id: Pick<GlobalId, 'provider' | 'providerId'>): string =>
  vendorIdOn(id, 'LLAMADAPRO', { format: llamadaProConversationId });

/** A conversation as the node interface asks for it, by `PROVIDER:vendorId`. */
export function conversationNode(ctx: Context, id: string): Promise<ConversationRef> {
  return ctx.loaders.conversation.load(conversationVendorId(parseLocalId(id)));
}

export function conversationById(ctx: Context, id: string): Promise<ConversationRef> {
  return ctx.loaders.conversation.load(
    conversationVendorId(expectGlobalId(ctx, id, 'Conversation')),
  );
}

/** `Conversation.contact`: the contact the vendor embeds, else the one `contactId` names. */
export function contactOfConversation(
  ctx: Context,
  conversation: ConversationRef,
): Contact | Promise<Contact> | null {
  const embedded =
    conversation.contacts.find((contact) => contact.providerId === conversation.contactId) ??
    conversation.contacts[0];
  if (embedded) return embedded;
  return conversation.contactId ? ctx.loaders.contact.load(conversation.contactId) : null;
}

// --- Mutations: Create / BulkCreate / BulkUpdate ------------------------------------------------

/**
 * The ids in these inputs are LlamadaPro's whole numbers (docs/vendors/llamadapro.md, Ids). Each
 * is kept in one spelling ("007" becomes "7"; the vendor receives the number 7 either way), so
 * that both spellings also make one idempotency fingerprint.
 */
const canonical = (value: string): string => String(Number(value));
const vendorNumber = z.string().trim().pipe(numericId).transform(canonical);
const contactId = globalIdOf('Contact', 'LLAMADAPRO').pipe(
  llamadaProContactId.transform(canonical),
);
const conversationId = globalIdOf('Conversation', 'LLAMADAPRO').pipe(
  llamadaProConversationId.transform(canonical),
);
const jsonObject = z.record(z.string(), z.unknown(), { error: 'must be a JSON object' });
const email = z.email({ error: 'must be an e-mail address' });
const isoDate = z.date().transform((date) => date.toISOString());

const createContactSchema = z
  .object({
    firstName: sendIfGiven(nonBlank()),
    lastName: sendIfGiven(nonBlank()),
    phones: sendIfGiven(z.array(e164)),
    emails: sendIfGiven(z.array(email)),
    nationalId: sendIfGiven(nonBlank()),
    companyPosition: sendIfGiven(nonBlank()),
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
    contactId: sendIfGiven(contactId),
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
  // BulkUpdate's contact names the contact it changes; the vendor checks it is the conversation's.
  id: sendIfGiven(contactId),
  firstName: nonBlank().nullable().optional(),
  lastName: nonBlank().nullable().optional(),
  phones: notNull(z.array(e164)),
  emails: notNull(z.array(email)),
  nationalId: nonBlank().nullable().optional(),
  companyPosition: nonBlank().nullable().optional(),
  customFields: notNull(jsonObject),
  userId: vendorNumber.nullable().optional(),
});

const updateItemSchema = z.object({
  id: conversationId,
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

export function createConversation(
  ctx: Context,
  args: MutationArgs,
): Promise<MutationOutcome<ConversationRef>> {
  return runMutation(ctx, {
    name: 'createConversation',
    args: { input: args.input },
    schema: createConversationArgs,
    idempotencyKey: args.idempotencyKey,
    run: async ({ input }) => {
      const conversation = await ctx.vendor('llamadapro').createConversation(input);
      ctx.loaders.conversation.prime(conversation.providerId, conversation);
      return conversation;
    },
  });
}

export function bulkCreateConversations(
  ctx: Context,
  args: MutationArgs,
): Promise<MutationOutcome<BulkConversationResult>> {
  return runMutation(ctx, {
    name: 'bulkCreateConversations',
    args: { input: args.input },
    schema: bulkCreateArgs,
    idempotencyKey: args.idempotencyKey,
    run: ({ input }) => ctx.vendor('llamadapro').bulkCreateConversations(input.conversations),
  });
}

export function bulkUpdateConversations(
  ctx: Context,
  args: { input: unknown },
): Promise<MutationOutcome<BulkConversationResult>> {
  return runMutation(ctx, {
    name: 'bulkUpdateConversations',
    args: { input: args.input },
    schema: bulkUpdateArgs,
    run: ({ input }) => ctx.vendor('llamadapro').bulkUpdateConversations(input.conversations),
  });
}
