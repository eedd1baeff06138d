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

export interface LlamadaProContactSearchFilter {
  field: string;
  operator: string;
  value: string;
  /** OR'ed with the filters before it; any other filter is AND'ed. */
  or?: boolean;
}

export interface LlamadaProContactSearchRequest {
  search?: string;
  filters?: LlamadaProContactSearchFilter[];
  /** @default 50 (and never more) */
  size?: number;
  pageToken?: string;
}

export interface LlamadaProContactSearchResult {
  contacts: Contact[];
  nextPageToken: string | null;
  totalCount: number | null;
}
