import { z } from 'zod';
import type { Context } from '../context.js';
import { invalidInput, UpstreamError } from '../errors.js';
import { expectGlobalId, parseLocalId, type GlobalId, vendorIdOn } from '../ids.js';
import type { Call } from '../model/call.js';
import type { ConnectionShape } from '../model/connection.js';
import {
  ADDRESS_CHANNELS,
  addressChannelOf,
  CONTACT_FIELDS,
  CONTACT_SEARCH_FIELDS,
  CONTACT_SEARCH_OPERATORS,
  CONTACT_SORT_FIELDS,
  NUMERIC_CONTACT_FIELDS,
  SORT_DIRECTIONS,
  type Contact,
  type ContactListQuery,
  type ContactSearchField,
  type ContactSearchQuery,
  type CreateContactInput,
  type UpdateContactInput,
} from '../model/contact.js';
import { toE164 } from '../model/phone.js';
import {
  e164,
  globalIdOf,
  nonBlank,
  notNull,
  numericId,
  sendIfGiven,
} from '../mutations/inputs.js';
import { runMutation, type MutationArgs, type MutationOutcome } from '../mutations/run-mutation.js';
import { llamadaProFilterByValue } from '../vendors/llamadapro/contacts/schemas.js';
import { llamadaProContactId } from '../vendors/llamadapro/ids.js';
import { filterMember } from './filters.js';
import { FIRST_DEFAULT, validateFirst, vendorList, type ListArgs } from './list-connection.js';

/** What a query reads of a contact beyond the contact itself. */
export interface ContactRead {
  /** The definitions of its custom field values are selected. */
  definitions: boolean;
}

/**
 * A contact's custom field values need the definitions; when the query asks for them, their read
 * starts with the contact's, so the join costs one round trip instead of two.
 */
export function prefetchDefinitions(ctx: Context, read: ContactRead): void {
  if (!read.definitions) return;
  // A failure here surfaces where the definitions are used, on CustomFieldValue.definition.
  ctx.loaders.customFieldDefinitions().catch(() => undefined);
}

/** Contacts are LlamadaPro's; the id must also have the form of a LlamadaPro contact id. */
const contactVendorId = (id: Pick<GlobalId, 'provider' | 'providerId'>): string =>
  vendorIdOn(id, 'LLAMADAPRO', { format: llamadaProContactId });

/** A contact as the node interface asks for it, by `PROVIDER:vendorId`. */
export function contactNode(ctx: Context, id: string): Promise<Contact> {
  return ctx.loaders.contact.load(contactVendorId(parseLocalId(id)));
}

export function contactById(ctx: Context, id: string, read: ContactRead): Promise<Contact> {
  const vendorId = contactVendorId(expectGlobalId(ctx, id, 'Contact'));
  prefetchDefinitions(ctx, read);
  return ctx.loaders.contact.load(vendorId);
}

/** The contact holding `phone` in one of their addresses, or null. */
export function contactByPhone(
  ctx: Context,
  phone: string,
  read: ContactRead,
): Promise<Contact | null> {
  const e164Phone = toE164(phone);
  if (e164Phone === null) {
    throw invalidInput('phone must be an E.164 phone number such as +14155550123', {
      field: ['phone'],
    });
  }
  prefetchDefinitions(ctx, read);
  return ctx.loaders.contactByPhone.load(e164Phone);
}

/** The arguments of `contacts(...)` that narrow or order it; GraphQL gives absent ones as null. */
export interface ContactListArgs {
  search?: string | null;
  filters?: unknown;
  sort?: unknown;
  includeArchived?: boolean | null;
  filterBy?: unknown;
  searchBy?: string | null;
  sortBy?: unknown;
}

/** A value of a member typed as a number (the vendor's ids) must be one. */
function checkValue(
  entry: { field: ContactSearchField; value: string },
  issues: z.RefinementCtx,
): void {
  if (
    NUMERIC_CONTACT_FIELDS.has(entry.field) &&
    !llamadaProContactId.safeParse(entry.value).success
  )
    issues.addIssue({
      code: 'custom',
      path: ['value'],
      message: `must be a LlamadaPro numeric id (digits) for ${entry.field}`,
    });
}

const sortSchema = z.object({
  field: z.enum(CONTACT_SORT_FIELDS),
  direction: z.enum(SORT_DIRECTIONS),
});

/** Free text: blank is the same as absent. */
const freeText = z
  .string()
  .nullish()
  .transform((value) => value?.trim() || undefined);

/** A list argument: absent, null and empty alike leave the list alone. */
const listOf = <T extends z.ZodType>(item: T) =>
  filterMember(z.array(item)).transform((list) =>
    list === undefined || list.length === 0 ? undefined : list,
  );

const SEARCH_ARGS = ['search', 'filters', 'sort', 'includeArchived'] as const;
const LIST_ARGS = ['filterBy', 'searchBy', 'sortBy'] as const;

const contactListArgs = z
  .object({
    search: freeText,
    filters: listOf(
      z
        .object({
          field: z.enum(CONTACT_SEARCH_FIELDS),
          operator: z.enum(CONTACT_SEARCH_OPERATORS),
          value: z.string().min(1, { error: 'must not be empty' }),
          or: filterMember(z.boolean()),
        })
        .superRefine(checkValue),
    ),
    sort: listOf(sortSchema),
    includeArchived: filterMember(z.boolean()),
    filterBy: listOf(
      z
        .object({ field: z.enum(CONTACT_FIELDS), value: llamadaProFilterByValue })
        .superRefine(checkValue),
    ),
    searchBy: freeText,
    sortBy: listOf(sortSchema),
  })
  .superRefine((args, issues) => {
    // Two vendor operations: GetContacts takes filterBy/searchBy/sortBy, SearchContacts the rest.
    const search = SEARCH_ARGS.find((name) => args[name] !== undefined);
    const list = LIST_ARGS.find((name) => args[name] !== undefined);
    if (search === undefined || list === undefined) return;
    issues.addIssue({
      code: 'custom',
      path: [search],
      message: `cannot be combined with ${list}: give the search's ${SEARCH_ARGS.join(', ')} or the list's ${LIST_ARGS.join(', ')}`,
    });
  });

/** The parsed arguments; a bad one is INVALID_INPUT naming it, before any vendor is asked. */
function parseListArgs(args: ContactListArgs): z.infer<typeof contactListArgs> {
  const parsed = contactListArgs.safeParse(args);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const member = issue?.path.map(String) ?? [];
  throw invalidInput(`${member.join('.')}: ${issue?.message ?? 'invalid'}`, { field: member });
}

/**
 * Every contact in the vendor's order, narrowed and ordered by GetContacts' `filterBy`,
 * `searchBy` and `sortBy`; or, given any of `search`, `filters`, `sort` and `includeArchived`,
 * the answer of SearchContacts.
 */
export function listContacts(
  ctx: Context,
  args: ListArgs & ContactListArgs,
): Promise<ConnectionShape<Contact>> {
  const parsed = parseListArgs(args);
  const first = validateFirst(args.first, FIRST_DEFAULT);
  const searching = SEARCH_ARGS.some((name) => parsed[name] !== undefined);
  const search: ContactSearchQuery = {
    search: parsed.search,
    filters: parsed.filters,
    sort: parsed.sort,
    includeArchived: parsed.includeArchived,
  };
  const list: ContactListQuery = {
    filterBy: parsed.filterBy,
    searchBy: parsed.searchBy,
    sortBy: parsed.sortBy,
  };
  return vendorList(ctx, 'llamadapro', {
    source: (connector) =>
      searching ? connector.contactSearchPages(search) : connector.contactPages(list),
    first,
    after: args.after ?? null,
    fingerprint: JSON.stringify(['contacts', searching ? search : list]),
    path: args.path,
  });
}

/**
 * `Call.contact`: the contact the customer's number finds, batched into contact searches of up
 * to 50 numbers. A LlamadaPro call also names its contact by id; when that is another contact
 * than the number finds (or the number finds none), the named one is read by id (null when it
 * no longer exists).
 */
export async function contactOfCall(
  ctx: Context,
  call: Call,
  read: ContactRead,
): Promise<Contact | null> {
  const contactId =
    call.provider === 'LLAMADAPRO' && llamadaProContactId.safeParse(call.contactId).success
      ? call.contactId
      : null;
  const phone = toE164(call.customerPhone);
  if (phone === null && contactId === null) return null;
  prefetchDefinitions(ctx, read);
  // The batched search by number stays the common path (one search per 50 numbers); the
  // vendor's own link wins only when it names another contact than the number finds.
  const byPhone = phone === null ? null : await ctx.loaders.contactByPhone.load(phone);
  if (contactId === null || byPhone?.providerId === contactId) return byPhone;
  try {
    return await ctx.loaders.contact.load(contactId);
  } catch (error) {
    if (error instanceof UpstreamError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

const contactAddressSchema = z
  .object({
    channel: z.enum(ADDRESS_CHANNELS),
    // Sent as it is: it is the vendor's own spelling, read from an address and written back.
    providerChannel: sendIfGiven(
      z.string().refine((value) => value.trim() !== '', { error: 'must not be empty' }),
    ),
    address: z.string().trim(),
  })
  .superRefine((entry, issues) => {
    const fail = (message: string, path = 'address') =>
      issues.addIssue({ code: 'custom', message, path: [path] });
    if (entry.providerChannel !== undefined) {
      if (addressChannelOf(entry.providerChannel) !== entry.channel)
        fail(
          `"${entry.providerChannel}" reads as ${addressChannelOf(entry.providerChannel)}, not ${entry.channel}`,
          'providerChannel',
        );
    } else if (entry.channel === 'OTHER') {
      // The vendor has no OTHER channel; it needs its own spelling (`providerChannel`).
      fail(
        "is required for an OTHER address: the vendor's own channel type, as `ContactAddress.providerChannel` reads it",
        'providerChannel',
      );
    }
    if (entry.channel === 'PHONE' || entry.channel === 'WHATSAPP') {
      if (!e164.safeParse(entry.address).success) {
        fail(`a ${entry.channel} address must be an E.164 phone number such as +14155550123`);
      }
    } else if (entry.channel === 'EMAIL') {
      if (!z.email().safeParse(entry.address).success) {
        fail('an EMAIL address must be an e-mail address such as jane@example.com');
      }
    } else if (entry.address === '') {
      fail('must not be empty');
    }
  });

const customFieldValues = z.record(z.string().min(1), z.unknown(), {
  error: 'must be an object of custom field values by key',
});

const createContactArgs = z.object({
  input: z.object({
    firstName: nonBlank().nullish(),
    lastName: nonBlank().nullish(),
    nationalId: nonBlank().nullish(),
    companyPosition: nonBlank().nullish(),
    userId: numericId.nullish(),
    addresses: z.array(contactAddressSchema).nullish(),
    customFields: customFieldValues.nullish(),
  }),
});

const contactId = globalIdOf('Contact', 'LLAMADAPRO').pipe(llamadaProContactId);

const updateContactArgs = z.object({
  id: contactId,
  input: z.object({
    firstName: nonBlank().nullable().optional(),
    lastName: nonBlank().nullable().optional(),
    nationalId: nonBlank().nullable().optional(),
    companyPosition: nonBlank().nullable().optional(),
    userId: numericId.nullable().optional(),
    addresses: notNull(z.array(contactAddressSchema)),
    customFields: notNull(customFieldValues),
  }),
});

const deleteContactArgs = z.object({ id: contactId });

/** The contact's numbers change with it, so lookups by phone made earlier are stale. */
function remember(ctx: Context, id: string, contact: Contact | null): void {
  ctx.loaders.contact.clear(id);
  if (contact) ctx.loaders.contact.prime(id, contact);
  ctx.loaders.contactByPhone.clearAll();
}

export function createContact(ctx: Context, args: MutationArgs): Promise<MutationOutcome<Contact>> {
  return runMutation(ctx, {
    name: 'createContact',
    args: { input: args.input },
    schema: createContactArgs,
    idempotencyKey: args.idempotencyKey,
    run: async ({ input }) => {
      // On a create, null and omitted alike mean "not sent".
      const members: CreateContactInput = {};
      if (input.firstName) members.firstName = input.firstName;
      if (input.lastName) members.lastName = input.lastName;
      if (input.nationalId) members.nationalId = input.nationalId;
      if (input.companyPosition) members.companyPosition = input.companyPosition;
      if (input.userId) members.userId = input.userId;
      if (input.addresses) members.addresses = input.addresses;
      if (input.customFields) members.customFields = input.customFields;
      const created = await ctx.vendor('llamadapro').createContact(members);
      remember(ctx, created.providerId, created);
      return created;
    },
  });
}

export function updateContact(
  ctx: Context,
  args: { id: string; input: unknown },
): Promise<MutationOutcome<Contact>> {
  return runMutation(ctx, {
    name: 'updateContact',
    args: { id: args.id, input: args.input },
    schema: updateContactArgs,
    run: async ({ id, input }) => {
      const changes: UpdateContactInput = input;
      const updated = await ctx.vendor('llamadapro').updateContact(id, changes);
      remember(ctx, id, updated);
      return updated;
    },
  });
}

export function deleteContact(
  ctx: Context,
  args: { id: string },
): Promise<MutationOutcome<Contact>> {
  return runMutation(ctx, {
    name: 'deleteContact',
    args: { id: args.id },
    schema: deleteContactArgs,
    run: async ({ id }) => {
      const deleted = await ctx.vendor('llamadapro').deleteContact(id);
      remember(ctx, id, null);
      return deleted;
    },
  });
}
