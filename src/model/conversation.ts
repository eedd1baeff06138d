import type { Contact, CustomFieldValue } from './contact.js';

/** A funnel conversation: its contact (for `Task.contact`) and the funnel it sits in. */
export interface ConversationRef {
  providerId: string;
  contactId: string | null;
  /** The contacts the vendor embeds in the conversation, already mapped. */
  contacts: Contact[];
  funnelId: string | null;
  funnelStatusId: string | null;
  userId: string | null;
  archivedAt: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  customFields: CustomFieldValue[];
  raw: unknown;
}

/** The report of a bulk conversation create or update. */
export interface BulkConversationResult {
  message: string | null;
  operationId: string | null;
  counts: {
    successful: number | null;
    warnings: number | null;
    duplicates: number | null;
    errors: number | null;
    total: number | null;
  } | null;
  itemsIssues: BulkItemIssues[];
  batchErrors: BulkIssue[];
  raw: unknown;
}

/** One validation finding of a bulk operation, as the vendor words it. */
export interface BulkIssue {
  field: string | null;
  message: string | null;
  code: string | null;
  context: Record<string, unknown> | null;
}

/** The findings on one item of a bulk operation; `index` is its position in the request. */
export interface BulkItemIssues {
  index: number | null;
  itemId: string | null;
  errors: BulkIssue[];
  warnings: BulkIssue[];
  existingEntities: Record<string, unknown> | null;
}

/** A contact to create with a conversation, or to match by its phones and e-mails. */
export interface ConversationContactInput {
  firstName?: string;
  lastName?: string;
  phones?: string[];
  emails?: string[];
  nationalId?: string;
  companyPosition?: string;
  customFields?: Record<string, unknown>;
  userId?: string;
}

/** A new funnel conversation, for `contactId` or for `contact`. Ids are the vendor's own. */
export interface CreateConversationInput {
  funnelId: string;
  contactId?: string;
  contact?: ConversationContactInput;
  funnelStatusId?: string;
  userId?: string;
  archivedAt?: string;
  createdAt?: string;
  customFields?: Record<string, unknown>;
}

/** Changes to a conversation's contact: null clears a member, phones and e-mails are added. */
export interface UpdateConversationContactInput {
  /** The vendor's id of the conversation's contact, which the vendor checks the change is for. */
  id?: string;
  firstName?: string | null;
  lastName?: string | null;
  phones?: string[];
  emails?: string[];
  nationalId?: string | null;
  companyPosition?: string | null;
  customFields?: Record<string, unknown>;
  userId?: string | null;
}

/** Changes to one conversation: omitted members are left alone, null clears one. */
export interface UpdateConversationInput {
  id: string;
  funnelStatusId?: string | null;
  userId?: string | null;
  archivedAt?: string | null;
  createdAt?: string;
  customFields?: Record<string, unknown>;
  contact?: UpdateConversationContactInput;
}
