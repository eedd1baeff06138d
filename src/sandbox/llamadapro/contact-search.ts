import { z } from 'zod';
import type { DialectRoute } from '../vendor-server.js';
import { contactHaystack } from './contact-records.js';
import {
  type Comparable,
  compareValues,
  decodeToken,
  DEFAULT_PAGE_SIZE,
  matchesText,
  orderThenById,
  pageOf,
} from './lists.js';
import type { LlamadaProContactRecord, LlamadaProData } from './records.js';
import { parseBody, route } from './requests.js';

/*
 * LlamadaPro's contact search, `POST /api/v1/contacts/search` (docs/vendors/llamadapro.md):
 * filters with operators chained by `or`, sorts, a size and a page token in the body, and search
 * items shaped unlike the contact records (string ids, `modelType`, event fields).
 */

const MAX_SEARCH_SIZE = 50;
const SEARCH_FIELDS = [
  'addresses.address',
  'addresses.channelType',
  'firstName',
  'lastName',
  'email',
  'phone',
  'nationalId',
  'companyPosition',
  'id',
  'userId',
] as const;
type SearchField = (typeof SEARCH_FIELDS)[number];
/** Fields compared exactly (numbers, ids); the others compare case-insensitively. */
const EXACT_FIELDS = new Set<string>(['addresses.address', 'phone', 'nationalId', 'id', 'userId']);

const searchSchema = z.looseObject({
  search: z.string().optional(),
  filters: z
    .array(
      z.looseObject({
        field: z.enum(SEARCH_FIELDS),
        operator: z.enum(['eq', 'neq', 'contains', 'in']),
        value: z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))]),
        or: z.boolean().optional(),
      }),
    )
    .optional(),
  sort: z
    .array(
      z.looseObject({
        field: z.enum(['id', 'createdAt', 'updatedAt', 'firstName', 'lastName']),
        direction: z.enum(['asc', 'desc']).optional(),
      }),
    )
    .optional(),
  size: z
    .number()
    .int()
    .min(1)
    .max(MAX_SEARCH_SIZE, { error: `size must be at most ${MAX_SEARCH_SIZE}` })
    .optional(),
  pageToken: z.string().optional(),
  includeArchived: z.boolean().optional(),
  // The document's own example sends "true" as a string.
  includeTotalCount: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
});
type SearchFilter = NonNullable<z.infer<typeof searchSchema>['filters']>[number];

function toSearchItem(contact: LlamadaProContactRecord): unknown {
  return {
    tenantId: contact.tenantId,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
    customFields: contact.customFields,
    metadata: contact.metadata,
    addresses: contact.addresses,
    providerId: contact.providerId,
    providerName: contact.providerName,
    nationalId: contact.nationalId,
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    phone: contact.phone,
    companyPosition: contact.companyPosition,
    id: String(contact.id),
    modelType: 'Contact',
    archivedAt: null,
    eventSequence: Math.floor(Date.parse(contact.updatedAt) / 1000),
    eventTimestamp: contact.updatedAt,
    userId: contact.userId === null ? null : String(contact.userId),
    contactCompanyId: contact.contactCompanyId === null ? null : String(contact.contactCompanyId),
  };
}

function searchValues(contact: LlamadaProContactRecord, field: SearchField): string[] {
  switch (field) {
    case 'addresses.address':
      return contact.addresses.map((entry) => entry.address);
    case 'addresses.channelType':
      return contact.addresses.map((entry) => entry.channelType);
    case 'id':
      return [String(contact.id)];
    case 'userId':
      return contact.userId === null ? [] : [String(contact.userId)];
    default: {
      const value = contact[field];
      return value === null ? [] : [value];
    }
  }
}

function passes(contact: LlamadaProContactRecord, filter: SearchFilter): boolean {
  const exact = EXACT_FIELDS.has(filter.field);
  const norm = (value: string | number): string =>
    exact ? String(value) : String(value).toLowerCase();
  const values = searchValues(contact, filter.field).map(norm);
  const wanted = Array.isArray(filter.value) ? filter.value.map(norm) : [norm(filter.value)];
  switch (filter.operator) {
    case 'eq':
      return values.some((value) => value === wanted[0]);
    case 'neq':
      return values.every((value) => value !== wanted[0]);
    case 'in':
      return values.some((value) => wanted.includes(value));
    case 'contains':
      return values.some((value) =>
        wanted.some((part) => value.toLowerCase().includes(part.toLowerCase())),
      );
  }
}

/** The contact search route over `data`. */
export function llamadaProContactSearchRoutes(data: LlamadaProData): DialectRoute[] {
  return [
    route('POST', '/api/v1/contacts/search', ({ body }) => {
      const input = parseBody(searchSchema, body ?? {});
      const size = input.size ?? DEFAULT_PAGE_SIZE;
      const offset =
        input.pageToken === undefined ? 0 : decodeToken('contacts-search', input.pageToken);
      const filters = input.filters ?? [];
      const sorts = (input.sort ?? []).map((sort) => {
        const sign = sort.direction === 'desc' ? -1 : 1;
        const key = (contact: LlamadaProContactRecord): Comparable =>
          sort.field === 'id'
            ? contact.id
            : sort.field === 'createdAt' || sort.field === 'updatedAt'
              ? Date.parse(contact[sort.field])
              : contact[sort.field];
        return (a: LlamadaProContactRecord, b: LlamadaProContactRecord) =>
          sign * compareValues(key(a), key(b));
      });
      const contacts = data.contacts
        .filter((contact) => {
          // Left to right: `or: true` ORs a filter with everything before it, any other ANDs it.
          let keep = true;
          filters.forEach((filter, index) => {
            const hit = passes(contact, filter);
            keep = index === 0 ? hit : filter.or === true ? keep || hit : keep && hit;
          });
          return keep;
        })
        .filter((contact) => matchesText(contactHaystack(contact), input.search))
        .sort(orderThenById(sorts));
      const page = pageOf(contacts, 'contacts-search', { offset, size });
      const items = page.items.map(toSearchItem);
      const withTotal = input.includeTotalCount === true || input.includeTotalCount === 'true';
      return withTotal ? { ...page, items } : { items, nextPageToken: page.nextPageToken };
    }),
  ];
}
