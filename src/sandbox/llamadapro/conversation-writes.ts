import { z } from 'zod';
import { addAddresses, createContact } from './contact-records.js';
import { applyCustomFields, checkCustomFields } from './custom-field-values.js';
import { emailsOf, phonesOf } from './lookups.js';
import {
  LLAMADAPRO_TENANT_ID,
  type LlamadaProContactRecord,
  type LlamadaProConversationRecord,
  type LlamadaProData,
} from './records.js';
import { dictionary, e164, type Issue, isoDate, zodIssues } from './requests.js';

/*
 * How one conversation item is created or updated, for the single and the bulk routes alike:
 * every item is validated fully before any write and answers with its issues instead of throwing,
 * so that a bulk request can report item by item. A conversation's contact is matched by phone or
 * e-mail, created, or updated along the way.
 */

const conversationContactSchema = z.looseObject({
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  phones: z.array(e164).optional(),
  emails: z
    .array(z.string().regex(/^[^@\s]+@[^@\s]+$/, { error: 'must be an e-mail address' }))
    .optional(),
  nationalId: z.string().nullish(),
  companyPosition: z.string().nullish(),
  customFields: dictionary.optional(),
  userId: z.number().nullish(),
});
const conversationCreateSchema = z.looseObject({
  createdAt: isoDate.optional(),
  userId: z.number().nullish(),
  funnelId: z.number(),
  funnelStatusId: z.number().nullish(),
  archivedAt: isoDate.nullish(),
  customFields: dictionary.optional(),
  contactId: z.number().optional(),
  contact: conversationContactSchema.optional(),
});
const conversationUpdateSchema = z.looseObject({
  id: z.number(),
  createdAt: isoDate.optional(),
  userId: z.number().nullish(),
  funnelStatusId: z.number().nullish(),
  archivedAt: isoDate.nullish(),
  customFields: dictionary.optional(),
  contact: conversationContactSchema.extend({ id: z.number().optional() }).optional(),
});
type ConversationContactInput = z.infer<typeof conversationContactSchema>;

export type CreateOutcome =
  | { kind: 'error'; errors: Issue[] }
  | { kind: 'duplicate'; existing: LlamadaProConversationRecord }
  | {
      kind: 'created';
      conversation: LlamadaProConversationRecord;
      warnings: Issue[];
      matchedContactId: number | null;
    };

/** The existing contact sharing a phone or e-mail with the input, if any. */
function matchContact(
  data: LlamadaProData,
  input: ConversationContactInput,
): LlamadaProContactRecord | undefined {
  const phones = input.phones ?? [];
  const emails = (input.emails ?? []).map((email) => email.toLowerCase());
  return data.contacts.find(
    (contact) =>
      phonesOf(contact).some((phone) => phones.includes(phone)) ||
      emailsOf(contact).some((email) => emails.includes(email)),
  );
}

/** The issues of the custom fields an item gives its contact. */
function contactCustomFieldIssues(data: LlamadaProData, input: ConversationContactInput): Issue[] {
  return checkCustomFields(data, input.customFields ?? {}, 'CONTACT', 'contact.customFields');
}

function upsertConversationContact(
  data: LlamadaProData,
  now: () => string,
  input: ConversationContactInput,
  existing: LlamadaProContactRecord | undefined,
): LlamadaProContactRecord {
  const at = now();
  const contact =
    existing ??
    createContact(data, now, {
      firstName: input.firstName ?? null,
      lastName: input.lastName ?? null,
    });
  if (existing !== undefined) {
    if (input.firstName !== undefined) contact.firstName = input.firstName;
    if (input.lastName !== undefined) contact.lastName = input.lastName;
  }
  if (input.nationalId !== undefined) contact.nationalId = input.nationalId;
  if (input.companyPosition !== undefined) contact.companyPosition = input.companyPosition;
  if (input.userId !== undefined) contact.userId = input.userId;
  addAddresses(data, contact, input.phones ?? [], input.emails ?? [], at);
  applyCustomFields(contact.customFields, input.customFields);
  contact.updatedAt = at;
  return contact;
}

/** Validates fully before any write, so that a rejected item leaves no trace. */
export function createConversation(
  data: LlamadaProData,
  now: () => string,
  item: unknown,
  detectDuplicates: boolean,
): CreateOutcome {
  const parsed = conversationCreateSchema.safeParse(item);
  if (!parsed.success) return { kind: 'error', errors: zodIssues(parsed.error, item) };
  const input = parsed.data;
  const errors: Issue[] = [];
  let contact: LlamadaProContactRecord | undefined;
  let matched: LlamadaProContactRecord | undefined;
  if (input.contactId !== undefined) {
    contact = data.contacts.find((entry) => entry.id === input.contactId);
    if (contact === undefined)
      errors.push({
        field: 'contactId',
        message: `contact ${input.contactId} not found`,
        code: 'NOT_FOUND',
      });
  } else if (input.contact !== undefined) {
    if ((input.contact.phones ?? []).length === 0 && (input.contact.emails ?? []).length === 0) {
      errors.push({
        field: 'contact.phones',
        message: 'contact needs at least one phone or e-mail',
        code: 'REQUIRED_FIELD',
      });
    }
    errors.push(...contactCustomFieldIssues(data, input.contact));
    matched = matchContact(data, input.contact);
  } else {
    errors.push({
      field: 'contactId',
      message: 'either contactId or contact is required',
      code: 'REQUIRED_FIELD',
    });
  }
  errors.push(
    ...checkCustomFields(data, input.customFields ?? {}, 'FUNNEL_CONVERSATION', 'customFields'),
  );
  if (errors.length > 0) return { kind: 'error', errors };

  const contactId = contact?.id ?? matched?.id;
  if (detectDuplicates && contactId !== undefined) {
    const existing = data.conversations.find(
      (conversation) =>
        conversation.contactId === contactId &&
        conversation.funnelId === input.funnelId &&
        conversation.archivedAt === null,
    );
    if (existing !== undefined) return { kind: 'duplicate', existing };
  }
  if (contact === undefined && input.contact !== undefined)
    contact = upsertConversationContact(data, now, input.contact, matched);
  if (contact === undefined)
    return {
      kind: 'error',
      errors: [{ field: 'contactId', message: 'contact is required', code: 'REQUIRED_FIELD' }],
    };
  const at = now();
  const conversation: LlamadaProConversationRecord = {
    id: data.nextIds.conversation++,
    tenantId: LLAMADAPRO_TENANT_ID,
    contactId: contact.id,
    userId: input.userId ?? null,
    funnelId: input.funnelId,
    funnelStatusId: input.funnelStatusId ?? null,
    archivedAt: input.archivedAt ?? null,
    createdAt: input.createdAt ?? at,
    updatedAt: at,
    channelSessions: [],
    contacts: [structuredClone(contact)],
    customFields: {},
  };
  applyCustomFields(conversation.customFields, input.customFields);
  data.conversations.push(conversation);
  const warnings: Issue[] =
    matched === undefined
      ? []
      : [
          {
            field: 'contact',
            message: `matched existing contact ${matched.id} by address and updated it`,
            code: 'CONTACT_MATCHED',
            context: { contactId: matched.id },
          },
        ];
  return { kind: 'created', conversation, warnings, matchedContactId: matched?.id ?? null };
}

/** Validates fully before any write, like createConversation. */
export function updateConversation(
  data: LlamadaProData,
  now: () => string,
  item: unknown,
): { errors: Issue[]; id: number | null } {
  const parsed = conversationUpdateSchema.safeParse(item);
  const rawId = item !== null && typeof item === 'object' ? Reflect.get(item, 'id') : undefined;
  const itemId = typeof rawId === 'number' ? rawId : null;
  if (!parsed.success) return { errors: zodIssues(parsed.error, item), id: itemId };
  const input = parsed.data;
  const conversation = data.conversations.find((entry) => entry.id === input.id);
  if (conversation === undefined)
    return {
      errors: [{ field: 'id', message: `conversation ${input.id} not found`, code: 'NOT_FOUND' }],
      id: input.id,
    };
  const errors = checkCustomFields(
    data,
    input.customFields ?? {},
    'FUNNEL_CONVERSATION',
    'customFields',
  );
  if (input.contact !== undefined) {
    if (input.contact.id !== undefined && input.contact.id !== conversation.contactId) {
      errors.push({
        field: 'contact.id',
        message: `contact ${input.contact.id} is not the contact of conversation ${conversation.id}`,
        code: 'INVALID_VALUE',
      });
    }
    errors.push(...contactCustomFieldIssues(data, input.contact));
  }
  if (errors.length > 0) return { errors, id: input.id };
  const at = now();
  if (input.userId !== undefined) conversation.userId = input.userId;
  if (input.funnelStatusId !== undefined) conversation.funnelStatusId = input.funnelStatusId;
  if (input.archivedAt !== undefined) conversation.archivedAt = input.archivedAt;
  if (input.createdAt !== undefined) conversation.createdAt = input.createdAt;
  applyCustomFields(conversation.customFields, input.customFields);
  if (input.contact !== undefined) {
    const contact = data.contacts.find((entry) => entry.id === conversation.contactId);
    if (contact !== undefined) upsertConversationContact(data, now, input.contact, contact);
  }
  conversation.updatedAt = at;
  return { errors: [], id: input.id };
}
