import { z } from 'zod';
import type { Contact } from '../../../model/contact.js';
import { dictionary, id, llamadaProListSchema, num, text } from '../shared.js';

// Contact — GetContacts items, GetContact and the writes: numeric ids
const llamadaProContactAddressSchema = z.looseObject({
  id: id.nullish(),
  tenantId: text,
  contactId: id.nullish(),
  channelType: text,
  address: text,
  createdAt: text,
  updatedAt: text,
});
export type LlamadaProContactAddress = z.infer<typeof llamadaProContactAddressSchema>;

const contactMembers = {
  id,
  tenantId: text,
  providerId: text,
  providerName: text,
  nationalId: text,
  firstName: text,
  lastName: text,
  /** Legacy: the document says to use `addresses` instead. */
  email: text,
  /** Legacy: the document says to use `addresses` instead. */
  phone: text,
  userId: id.nullish(),
  contactCompanyId: id.nullish(),
  companyPosition: text,
  metadata: z.unknown().optional(),
  createdAt: text,
  updatedAt: text,
  customFields: dictionary,
  addresses: z.array(llamadaProContactAddressSchema).nullish(),
};

export const llamadaProContactSchema = z.looseObject(contactMembers);
export type LlamadaProContact = z.infer<typeof llamadaProContactSchema>;

// SearchContacts items: the search index answers ids as strings and tags the model type.
export const llamadaProSearchContactSchema = z.looseObject({
  ...contactMembers,
  modelType: text,
  archivedAt: text,
  eventSequence: num,
  eventTimestamp: text,
});
export type LlamadaProSearchContact = z.infer<typeof llamadaProSearchContactSchema>;

export const llamadaProContactListSchema = llamadaProListSchema(llamadaProContactSchema);
export const llamadaProSearchContactListSchema = llamadaProListSchema(
  llamadaProSearchContactSchema,
);

// SearchContacts request: its `filters` are SearcherDocumentSearchFilter, its `sort`
// SearcherDocumentSearchSort (docs/vendors/llamadapro.md, Contacts).
export interface LlamadaProContactSearchFilter {
  field: string;
  /** The document shows `eq` (the request sample) and `contains` (the example usage). */
  operator: 'eq' | 'contains';
  value: string;
  /** OR'ed with the filters before it; any other filter is AND'ed. */
  or?: boolean;
}

export interface LlamadaProContactSearchSort {
  field: string;
  direction: 'asc' | 'desc';
}

export interface LlamadaProContactSearchRequest {
  search?: string;
  filters?: LlamadaProContactSearchFilter[];
  sort?: LlamadaProContactSearchSort[];
  includeArchived?: boolean;
  /** @default 50 (and never more) */
  size?: number;
  pageToken?: string;
}

/** GetContacts' narrowing parameters, in the syntax of the document's example usage. */
export interface LlamadaProContactListQuery {
  /** `field:value` pairs joined by `;`. */
  filterBy?: string;
  searchBy?: string;
  /** `field=asc|desc` pairs joined by `,`. */
  sortBy?: string;
}

/**
 * A `filterBy` value: the document's syntax (`firstName:John;email:john@example.com`) separates
 * pairs with `;` and shows no way to escape one, so a value holding `;` cannot be sent.
 */
export const llamadaProFilterByValue = z
  .string()
  .min(1, { error: 'must not be empty' })
  .refine((value) => !value.includes(';'), {
    error: 'must not hold ";", which separates LlamadaPro filterBy pairs',
  });

export interface LlamadaProContactSearchResult {
  contacts: Contact[];
  nextPageToken: string | null;
  totalCount: number | null;
}
