import { z } from 'zod';
import { applyCustomFields } from './custom-field-values.js';
import { emailsOf, phonesOf } from './lookups.js';
import {
  LLAMADAPRO_TENANT_ID,
  type LlamadaProContactAddressRecord,
  type LlamadaProContactRecord,
  type LlamadaProData,
} from './records.js';
import { dictionary, E164, isoDate } from './requests.js';

/*
 * LlamadaPro's contact records: the contact body as the document lists its fields, and how input
 * creates a contact or changes one, addresses included. Both the contact routes and the
 * conversation routes (which create or update the conversation's contact) write through here.
 */

const addressInput = z
  .looseObject({
    channelType: z.string().regex(/^[A-Z_]+$/, { error: 'must be an upper-case channel type' }),
    address: z.string().min(1),
  })
  .refine(
    (entry) =>
      !(entry.channelType === 'PHONE' || entry.channelType === 'WHATSAPP') ||
      E164.test(entry.address),
    {
      error: 'PHONE and WHATSAPP addresses must be E.164',
      path: ['address'],
    },
  )
  .refine((entry) => entry.channelType !== 'EMAIL' || /^[^@\s]+@[^@\s]+$/.test(entry.address), {
    error: 'EMAIL addresses must be e-mail addresses',
    path: ['address'],
  });

const contactFields = {
  userId: z.number().nullish(),
  customFields: dictionary.optional(),
  providerId: z.string().nullish(),
  providerName: z.string().nullish(),
  nationalId: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  contactCompanyId: z.number().nullish(),
  companyPosition: z.string().nullish(),
  metadata: z.unknown().optional(),
  createdAt: isoDate.optional(),
  addresses: z.array(addressInput).optional(),
};
export const contactCreateSchema = z.looseObject(contactFields);
export const contactUpdateSchema = z.looseObject({
  ...contactFields,
  id: z.number().optional(),
  tenantId: z.string().optional(),
  updatedAt: isoDate.optional(),
});
type ContactInput = z.infer<typeof contactCreateSchema>;

function newAddress(
  data: LlamadaProData,
  contactId: number,
  channelType: string,
  address: string,
  at: string,
): LlamadaProContactAddressRecord {
  return {
    id: data.nextIds.address++,
    tenantId: LLAMADAPRO_TENANT_ID,
    contactId,
    channelType,
    address,
    createdAt: at,
    updatedAt: at,
  };
}

/** The new address set: entries already there keep their id and dates. */
function replaceAddresses(
  data: LlamadaProData,
  contact: LlamadaProContactRecord,
  wanted: Array<{ channelType: string; address: string }>,
  at: string,
): void {
  const kept: LlamadaProContactAddressRecord[] = [];
  for (const entry of wanted) {
    if (
      kept.some((have) => have.channelType === entry.channelType && have.address === entry.address)
    )
      continue;
    kept.push(
      contact.addresses.find(
        (have) => have.channelType === entry.channelType && have.address === entry.address,
      ) ?? newAddress(data, contact.id, entry.channelType, entry.address, at),
    );
  }
  contact.addresses = kept;
}

/** Adds the phones and e-mails the contact does not have yet. */
export function addAddresses(
  data: LlamadaProData,
  contact: LlamadaProContactRecord,
  phones: string[],
  emails: string[],
  at: string,
): void {
  const have = new Set([...phonesOf(contact), ...emailsOf(contact)]);
  for (const phone of phones)
    if (!have.has(phone)) contact.addresses.push(newAddress(data, contact.id, 'PHONE', phone, at));
  for (const email of emails)
    if (!have.has(email.toLowerCase()))
      contact.addresses.push(newAddress(data, contact.id, 'EMAIL', email, at));
}

export function applyContactInput(
  data: LlamadaProData,
  contact: LlamadaProContactRecord,
  input: ContactInput,
  at: string,
): void {
  if (input.userId !== undefined) contact.userId = input.userId;
  if (input.providerId !== undefined) contact.providerId = input.providerId;
  if (input.providerName !== undefined) contact.providerName = input.providerName;
  if (input.nationalId !== undefined) contact.nationalId = input.nationalId;
  if (input.firstName !== undefined) contact.firstName = input.firstName;
  if (input.lastName !== undefined) contact.lastName = input.lastName;
  if (input.email !== undefined) contact.email = input.email;
  if (input.phone !== undefined) contact.phone = input.phone;
  if (input.contactCompanyId !== undefined) contact.contactCompanyId = input.contactCompanyId;
  if (input.companyPosition !== undefined) contact.companyPosition = input.companyPosition;
  if (input.metadata !== undefined) contact.metadata = input.metadata;
  if (input.addresses !== undefined) replaceAddresses(data, contact, input.addresses, at);
  applyCustomFields(contact.customFields, input.customFields);
  contact.updatedAt = at;
}

export function createContact(
  data: LlamadaProData,
  now: () => string,
  input: ContactInput,
): LlamadaProContactRecord {
  const at = now();
  const contact: LlamadaProContactRecord = {
    id: data.nextIds.contact++,
    tenantId: LLAMADAPRO_TENANT_ID,
    providerId: null,
    providerName: null,
    nationalId: null,
    firstName: null,
    lastName: null,
    email: null,
    phone: null,
    userId: null,
    contactCompanyId: null,
    companyPosition: null,
    metadata: null,
    createdAt: input.createdAt ?? at,
    updatedAt: at,
    customFields: {},
    addresses: [],
  };
  applyContactInput(data, contact, input, at);
  data.contacts.push(contact);
  return contact;
}

/** What the free-text searches of contacts look in. */
export function contactHaystack(contact: LlamadaProContactRecord): Array<string | null> {
  return [
    contact.firstName,
    contact.lastName,
    contact.email,
    contact.phone,
    contact.nationalId,
    ...contact.addresses.map((entry) => entry.address),
  ];
}
