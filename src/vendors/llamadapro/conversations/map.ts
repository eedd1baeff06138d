import type {
  BulkConversationResult,
  BulkIssue,
  ConversationContactInput,
  ConversationRef,
  CreateConversationInput,
  UpdateConversationContactInput,
  UpdateConversationInput,
} from '../../../model/conversation.js';
import { nonEmpty, toIsoDate } from '../../normalize.js';
import { toContact } from '../contacts/map.js';
import { idString } from '../ids.js';
import type {
  LlamadaProBulkIssue,
  LlamadaProBulkResult,
  LlamadaProConversation,
  LlamadaProConversationContactBody,
  LlamadaProConversationContactUpdateBody,
  LlamadaProConversationCreateBody,
  LlamadaProConversationUpdateBody,
} from './schemas.js';

/** The conversation's contact: its `contactId`, else the first contact it embeds. */
export function conversationContactId(raw: LlamadaProConversation): string | null {
  return idString(raw.contactId) ?? idString(raw.contacts?.[0]?.id);
}

export function toConversation(raw: LlamadaProConversation): ConversationRef {
  return {
    providerId: String(raw.id),
    contactId: conversationContactId(raw),
    contacts: (raw.contacts ?? []).map(toContact),
    funnelId: idString(raw.funnelId),
    funnelStatusId: idString(raw.funnelStatusId),
    userId: idString(raw.userId),
    archivedAt: toIsoDate(raw.archivedAt),
    createdAt: toIsoDate(raw.createdAt),
    updatedAt: toIsoDate(raw.updatedAt),
    customFields: Object.entries(raw.customFields ?? {}).map(([key, value]) => ({
      key,
      value,
      entityType: 'FUNNEL_CONVERSATION',
    })),
    raw,
  };
}

export function toBulkResult(raw: LlamadaProBulkResult): BulkConversationResult {
  const counts = raw.report?.counts;
  return {
    message: nonEmpty(raw.message),
    operationId: nonEmpty(raw.operationId),
    counts:
      counts === null || counts === undefined
        ? null
        : {
            successful: counts.successful ?? null,
            warnings: counts.warnings ?? null,
            duplicates: counts.duplicates ?? null,
            errors: counts.errors ?? null,
            total: counts.total ?? null,
          },
    itemsIssues: (raw.report?.itemsIssues ?? []).map((item) => ({
      index: item.index ?? null,
      itemId: idString(item.itemId),
      errors: (item.errors ?? []).map(toBulkIssue),
      warnings: (item.warnings ?? []).map(toBulkIssue),
      existingEntities: item.existingEntities ?? null,
    })),
    batchErrors: (raw.report?.batchErrors ?? []).map(toBulkIssue),
    raw,
  };
}

function toBulkIssue(raw: LlamadaProBulkIssue): BulkIssue {
  return {
    field: nonEmpty(raw.field),
    message: nonEmpty(raw.message),
    code: nonEmpty(raw.code),
    context: raw.context ?? null,
  };
}

/**
 * The document types every id in the conversation bodies as a number; ours are strings of digits
 * (docs/vendors/llamadapro.md, Ids). An absent or null id stays absent or null.
 */
function idNumber(id: string): number;
function idNumber<T extends null | undefined>(id: string | T): number | T;
function idNumber(id: string | null | undefined): number | null | undefined {
  return typeof id === 'string' ? Number(id) : id;
}

/** A Create or BulkCreate item. */
export function toLlamadaProConversationBody(
  input: CreateConversationInput,
): LlamadaProConversationCreateBody {
  return {
    funnelId: idNumber(input.funnelId),
    contactId: idNumber(input.contactId),
    contact: input.contact && toLlamadaProContactBody(input.contact),
    funnelStatusId: idNumber(input.funnelStatusId),
    userId: idNumber(input.userId),
    archivedAt: input.archivedAt,
    createdAt: input.createdAt,
    customFields: input.customFields,
  };
}

/** A create's contact or an update's: the same members, of which only an update's may be null. */
function toLlamadaProContactBody(
  contact: ConversationContactInput,
): LlamadaProConversationContactBody;
function toLlamadaProContactBody(
  contact: UpdateConversationContactInput,
): LlamadaProConversationContactUpdateBody;
function toLlamadaProContactBody(
  contact: UpdateConversationContactInput,
): LlamadaProConversationContactUpdateBody {
  return {
    firstName: contact.firstName,
    lastName: contact.lastName,
    phones: contact.phones,
    emails: contact.emails,
    nationalId: contact.nationalId,
    companyPosition: contact.companyPosition,
    customFields: contact.customFields,
    userId: idNumber(contact.userId),
  };
}

/** A BulkUpdate item; null members are sent as null, which clears them. */
export function toLlamadaProConversationUpdateBody(
  input: UpdateConversationInput,
): LlamadaProConversationUpdateBody {
  return {
    id: idNumber(input.id),
    funnelStatusId: idNumber(input.funnelStatusId),
    userId: idNumber(input.userId),
    archivedAt: input.archivedAt,
    createdAt: input.createdAt,
    customFields: input.customFields,
    contact: input.contact && {
      // BulkUpdate's contact carries the contact's `id` (the document's request sample).
      id: idNumber(input.contact.id),
      ...toLlamadaProContactBody(input.contact),
    },
  };
}
