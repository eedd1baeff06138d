import {
  addressChannelOf,
  type AddressChannel,
  type Contact,
  type ContactAddress,
  type ContactAddressInput,
  type ContactField,
  type ContactListQuery,
  type ContactSearchField,
  type ContactSearchQuery,
  type ContactSort,
  type ContactSortField,
  type CreateContactInput,
  type UpdateContactInput,
} from '../../../model/contact.js';
import { toE164 } from '../../../model/phone.js';
import { nonEmpty, toIsoDate } from '../../normalize.js';
import { vendorId } from '../ids.js';
import type {
  LlamadaProContact,
  LlamadaProContactListQuery,
  LlamadaProContactSearchFilter,
  LlamadaProContactSearchSort,
  LlamadaProSearchContact,
} from './schemas.js';

/** The channel types Switchboard knows, in any case; any other is OTHER (its spelling is kept). */
export function toAddressChannel(raw: string | null | undefined): AddressChannel {
  return addressChannelOf(raw);
}

/** Keeps the first spelling of each value; `key` says when two spellings are the same value. */
function distinct(values: Array<string | null>, key: (value: string) => string): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const value of values) {
    if (value === null) continue;
    const k = key(value);
    if (seen.has(k)) continue;
    seen.add(k);
    result.push(value);
  }
  return result;
}

const phoneKey = (value: string): string => toE164(value) ?? value;
const emailKey = (value: string): string => value.toLowerCase();

/** Both shapes: GetContact (numeric ids) and SearchContacts items (string ids). */
export function toContact(raw: LlamadaProContact | LlamadaProSearchContact): Contact {
  const addresses: ContactAddress[] = [];
  for (const entry of raw.addresses ?? []) {
    const address = nonEmpty(entry.address?.trim());
    if (address === null) continue;
    addresses.push({
      channel: toAddressChannel(entry.channelType),
      providerChannel: nonEmpty(entry.channelType),
      address,
    });
  }
  const phones = distinct(
    [
      ...addresses
        .filter((entry) => entry.channel === 'PHONE' || entry.channel === 'WHATSAPP')
        .map((entry) => entry.address),
      nonEmpty(raw.phone?.trim()),
    ],
    phoneKey,
  );
  const emails = distinct(
    [
      ...addresses.filter((entry) => entry.channel === 'EMAIL').map((entry) => entry.address),
      nonEmpty(raw.email?.trim()),
    ],
    emailKey,
  );
  const firstName = nonEmpty(raw.firstName);
  const lastName = nonEmpty(raw.lastName);
  const displayName = `${firstName ?? ''} ${lastName ?? ''}`.trim();
  return {
    provider: 'LLAMADAPRO',
    providerId: String(raw.id),
    firstName,
    lastName,
    displayName: displayName === '' ? null : displayName,
    addresses,
    phones,
    emails,
    nationalId: nonEmpty(raw.nationalId),
    companyPosition: nonEmpty(raw.companyPosition),
    customFields: Object.entries(raw.customFields ?? {}).map(([key, value]) => ({
      key,
      value,
      entityType: 'CONTACT',
    })),
    createdAt: toIsoDate(raw.createdAt),
    updatedAt: toIsoDate(raw.updatedAt),
    raw,
  };
}

/** The CreateContact body: only the members given. */
export function toLlamadaProCreateContactBody(input: CreateContactInput): Record<string, unknown> {
  return toLlamadaProContactBody(input);
}

/** The UpdateContact body: only the members given, the nulls that clear a member included. */
export function toLlamadaProUpdateContactBody(input: UpdateContactInput): Record<string, unknown> {
  return toLlamadaProContactBody(input);
}

/** CreateContact and UpdateContact spell every member alike; a create only has no nulls. */
function toLlamadaProContactBody(input: UpdateContactInput): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of [
    'firstName',
    'lastName',
    'nationalId',
    'companyPosition',
    'customFields',
  ] as const) {
    if (input[key] !== undefined) body[key] = input[key];
  }
  if (input.userId !== undefined) {
    body.userId = input.userId === null ? null : vendorId(input.userId);
  }
  if (input.addresses !== undefined) body.addresses = input.addresses.map(toLlamadaProAddress);
  return body;
}

/**
 * The vendor's own channel when the input carries it (an address read back and written as it
 * was), else the unified channel, which is the vendor's spelling for the three it knows. OTHER
 * without the vendor's channel never gets here: the contacts service refuses it.
 */
function toLlamadaProAddress(entry: ContactAddressInput): { channelType: string; address: string } {
  return { channelType: entry.providerChannel ?? entry.channel, address: entry.address };
}

/** The members of the Contact object the lists filter by, as the document spells them. */
const CONTACT_FIELD_NAMES: Record<ContactSearchField, string> = {
  ID: 'id',
  FIRST_NAME: 'firstName',
  LAST_NAME: 'lastName',
  EMAIL: 'email',
  PHONE: 'phone',
  NATIONAL_ID: 'nationalId',
  COMPANY_POSITION: 'companyPosition',
  USER_ID: 'userId',
  ADDRESS: 'addresses.address',
  ADDRESS_CHANNEL: 'addresses.channelType',
};

const CONTACT_SORT_NAMES: Record<ContactSortField, string> = {
  ID: 'id',
  CREATED_AT: 'createdAt',
  UPDATED_AT: 'updatedAt',
  FIRST_NAME: 'firstName',
  LAST_NAME: 'lastName',
};

const contactFieldName = (field: ContactField): string => CONTACT_FIELD_NAMES[field];

function toLlamadaProSort(sort: ContactSort): LlamadaProContactSearchSort {
  return {
    field: CONTACT_SORT_NAMES[sort.field],
    direction: sort.direction === 'DESC' ? 'desc' : 'asc',
  };
}

/**
 * GetContacts' query parameters, in the syntax of the document's example
 * (`filterBy=firstName:John;email:john@example.com&sortBy=createdAt=desc`); values are checked
 * before (no `;` in a filterBy value), and only what is given is sent.
 */
export function toLlamadaProContactListQuery(query: ContactListQuery): LlamadaProContactListQuery {
  const params: LlamadaProContactListQuery = {};
  if (query.filterBy !== undefined && query.filterBy.length > 0) {
    params.filterBy = query.filterBy
      .map((match) => `${contactFieldName(match.field)}:${match.value}`)
      .join(';');
  }
  if (query.searchBy !== undefined) params.searchBy = query.searchBy;
  if (query.sortBy !== undefined && query.sortBy.length > 0) {
    params.sortBy = query.sortBy
      .map(toLlamadaProSort)
      .map((sort) => `${sort.field}=${sort.direction}`)
      .join(',');
  }
  return params;
}

/** SearchContacts' body members for a search query; paging and the count are the client's. */
export function toLlamadaProContactSearch(query: ContactSearchQuery): {
  search?: string;
  filters?: LlamadaProContactSearchFilter[];
  sort?: LlamadaProContactSearchSort[];
  includeArchived?: boolean;
} {
  const body: ReturnType<typeof toLlamadaProContactSearch> = {};
  if (query.search !== undefined) body.search = query.search;
  if (query.filters !== undefined && query.filters.length > 0) {
    body.filters = query.filters.map((filter) => ({
      field: CONTACT_FIELD_NAMES[filter.field],
      operator: filter.operator === 'CONTAINS' ? 'contains' : 'eq',
      value: filter.value,
      ...(filter.or === undefined ? {} : { or: filter.or }),
    }));
  }
  if (query.sort !== undefined && query.sort.length > 0)
    body.sort = query.sort.map(toLlamadaProSort);
  if (query.includeArchived !== undefined) body.includeArchived = query.includeArchived;
  return body;
}
