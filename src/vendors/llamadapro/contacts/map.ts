import type {
  AddressChannel,
  Contact,
  ContactAddress,
  CreateContactInput,
  UpdateContactInput,
} from '../../../model/contact.js';
import { toE164 } from '../../../model/phone.js';
import { nonEmpty, toIsoDate } from '../../normalize.js';
import { vendorId } from '../ids.js';
import type { LlamadaProContact, LlamadaProSearchContact } from './schemas.js';

export function toAddressChannel(raw: string | null | undefined): AddressChannel {
  const key = (raw ?? '').trim().toUpperCase();
  return key === 'PHONE' || key === 'EMAIL' || key === 'WHATSAPP' ? key : 'OTHER';
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
    if (address !== null) addresses.push({ channel: toAddressChannel(entry.channelType), address });
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
  if (input.addresses !== undefined) {
    body.addresses = input.addresses.map((entry) => ({
      channelType: entry.channel,
      address: entry.address,
    }));
  }
  return body;
}
