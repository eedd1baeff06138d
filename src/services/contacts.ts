import { z } from 'zod';
import type { Context } from '../context.js';
import { invalidInput } from '../errors.js';
import { expectGlobalId, parseLocalId, type GlobalId, vendorIdOn } from '../ids.js';
import type { Call } from '../model/call.js';
import type { ConnectionShape } from '../model/connection.js';
import {
  ADDRESS_CHANNELS,
  type Contact,
  type CreateContactInput,
  type UpdateContactInput,
} from '../model/contact.js';
import { toE164 } from '../model/phone.js';
import { e164, globalIdOf, notNull, numericId, text } from '../mutations/inputs.js';
import { runMutation, type MutationOutcome } from '../mutations/run-mutation.js';
import { llamadaProContactId } from '../vendors/llamadapro/ids.js';
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
  const vendorId = contactVendorId(expectGlobalId(id, 'Contact'));
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

/** Every contact in the vendor's order, or those holding every word of `search`. */
export function listContacts(
  ctx: Context,
  args: ListArgs & { search?: string | null },
): Promise<ConnectionShape<Contact>> {
  const first = validateFirst(args.first, FIRST_DEFAULT);
  const search = args.search?.trim() || null;
  return vendorList(ctx, 'llamadapro', {
    source: (connector) =>
      search === null ? connector.contactPages() : connector.contactSearchPages(search),
    first,
    after: args.after ?? null,
    fingerprint: JSON.stringify(['contacts', search]),
    path: args.path,
  });
}

/** `Call.contact`: batched into contact searches of up to 50 numbers. */
export function contactOfCall(
  ctx: Context,
  call: Call,
  read: ContactRead,
): Promise<Contact | null> {
  const phone = toE164(call.customerPhone);
  if (!phone) return Promise.resolve(null);
  prefetchDefinitions(ctx, read);
  return ctx.loaders.contactByPhone.load(phone);
}

const contactAddressSchema = z
  .object({ channel: z.enum(ADDRESS_CHANNELS), address: z.string().trim() })
  .superRefine((entry, issues) => {
    const fail = (message: string) =>
      issues.addIssue({ code: 'custom', message, path: ['address'] });
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
    firstName: text(200).nullish(),
    lastName: text(200).nullish(),
    nationalId: text(100).nullish(),
    companyPosition: text(200).nullish(),
    userId: numericId.nullish(),
    addresses: z.array(contactAddressSchema).nullish(),
    customFields: customFieldValues.nullish(),
  }),
});

const contactId = globalIdOf('Contact', 'LLAMADAPRO').pipe(llamadaProContactId);

const updateContactArgs = z.object({
  id: contactId,
  input: z.object({
    firstName: text(200).nullable().optional(),
    lastName: text(200).nullable().optional(),
    nationalId: text(100).nullable().optional(),
    companyPosition: text(200).nullable().optional(),
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

export function createContact(
  ctx: Context,
  args: { input: unknown; idempotencyKey?: string | null },
): Promise<MutationOutcome<Contact>> {
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
