import type { CustomFieldEntityType } from './custom-field.js';

export const ADDRESS_CHANNELS = ['PHONE', 'EMAIL', 'WHATSAPP', 'OTHER'] as const;
export type AddressChannel = (typeof ADDRESS_CHANNELS)[number];

/** How a vendor's channel reads: PHONE, EMAIL or WHATSAPP in any case, anything else OTHER. */
export function addressChannelOf(providerChannel: string | null | undefined): AddressChannel {
  const key = (providerChannel ?? '').trim().toUpperCase();
  return key === 'PHONE' || key === 'EMAIL' || key === 'WHATSAPP' ? key : 'OTHER';
}

export interface ContactAddress {
  channel: AddressChannel;
  /** The vendor's own spelling of the channel, as received; null when it sent none. */
  providerChannel: string | null;
  address: string;
}

/**
 * An address to write. `providerChannel`, when given, is sent as the vendor's channel unchanged
 * (it is how an OTHER address read from the vendor is written back); otherwise `channel` is.
 */
export interface ContactAddressInput {
  channel: AddressChannel;
  providerChannel?: string;
  address: string;
}

export interface CustomFieldValue {
  key: string;
  value: unknown;
  /** The kind of object holding the value: its definition is the one with this key and type. */
  entityType: CustomFieldEntityType;
}

export interface Contact {
  provider: 'LLAMADAPRO';
  providerId: string;
  firstName: string | null;
  lastName: string | null;
  displayName: string | null;
  addresses: ContactAddress[];
  /** PHONE and WHATSAPP addresses, then the legacy `phone`, without duplicates. */
  phones: string[];
  /** EMAIL addresses, then the legacy `email`, without duplicates. */
  emails: string[];
  nationalId: string | null;
  companyPosition: string | null;
  customFields: CustomFieldValue[];
  createdAt: string | null;
  updatedAt: string | null;
  raw: unknown;
}

/** A new contact. Members left out are not sent, and the vendor's defaults apply. */
export interface CreateContactInput {
  firstName?: string;
  lastName?: string;
  nationalId?: string;
  companyPosition?: string;
  /** The user who owns the contact, by the vendor's numeric id. */
  userId?: string;
  addresses?: ContactAddressInput[];
  /** Values by definition key. */
  customFields?: Record<string, unknown>;
}

/** Changes to a contact: an omitted member is left alone, a null clears it. */
export interface UpdateContactInput {
  firstName?: string | null;
  lastName?: string | null;
  nationalId?: string | null;
  companyPosition?: string | null;
  userId?: string | null;
  /** Replaces the whole list. */
  addresses?: ContactAddressInput[];
  /** Values by definition key: a key set to null removes that value, keys left out are kept. */
  customFields?: Record<string, unknown>;
}

/** The members of a contact a contact list can be narrowed by, one value each. */
export const CONTACT_FIELDS = [
  'ID',
  'FIRST_NAME',
  'LAST_NAME',
  'EMAIL',
  'PHONE',
  'NATIONAL_ID',
  'COMPANY_POSITION',
  'USER_ID',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** The members whose values are the vendor's numeric ids. */
export const NUMERIC_CONTACT_FIELDS: ReadonlySet<ContactSearchField> = new Set(['ID', 'USER_ID']);

/** What a contact search can filter on: the contact's members and those of its addresses. */
export const CONTACT_SEARCH_FIELDS = [...CONTACT_FIELDS, 'ADDRESS', 'ADDRESS_CHANNEL'] as const;
export type ContactSearchField = (typeof CONTACT_SEARCH_FIELDS)[number];

export const CONTACT_SEARCH_OPERATORS = ['EQ', 'CONTAINS'] as const;
export type ContactSearchOperator = (typeof CONTACT_SEARCH_OPERATORS)[number];

export const CONTACT_SORT_FIELDS = [
  'ID',
  'CREATED_AT',
  'UPDATED_AT',
  'FIRST_NAME',
  'LAST_NAME',
] as const;
export type ContactSortField = (typeof CONTACT_SORT_FIELDS)[number];

export const SORT_DIRECTIONS = ['ASC', 'DESC'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export interface ContactSort {
  field: ContactSortField;
  direction: SortDirection;
}

/** One member that must have one value, in the contact list's own filter. */
export interface ContactFieldMatch {
  field: ContactField;
  value: string;
}

/** One condition of a contact search; `or` ORs it with the conditions before it. */
export interface ContactSearchFilter {
  field: ContactSearchField;
  operator: ContactSearchOperator;
  value: string;
  or?: boolean;
}

/** How the contact list (not the search) is narrowed and ordered; all members are optional. */
export interface ContactListQuery {
  filterBy?: ContactFieldMatch[];
  /** Free text; the vendor decides which members it looks in. */
  searchBy?: string;
  sortBy?: ContactSort[];
}

/** A contact search: free text, conditions, order, and whether archived contacts count. */
export interface ContactSearchQuery {
  search?: string;
  filters?: ContactSearchFilter[];
  sort?: ContactSort[];
  includeArchived?: boolean;
}
