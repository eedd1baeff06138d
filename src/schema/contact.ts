import { responsePathAsArray } from 'graphql';
import { builder } from '../builder.js';
import { atPath, invalidInput, providerNotConfigured } from '../errors.js';
import { expectGlobalId, localId, parseLocalId, type GlobalId } from '../ids.js';
import type { AddressChannel, Contact, ContactAddress } from '../model/contact.js';
import type { MergeInput } from '../paging/merged-list.js';
import { listConnection } from '../paging/list-connection.js';
import { toE164 } from '../vendors/normalize.js';
import { defineConnection, FIRST_DEFAULT, validateFirst } from './connection.js';
import { CustomFieldValueType } from './custom-field.js';
import { ProviderEnum } from './enums.js';

export const AddressChannelEnum = builder.enumType('AddressChannel', {
  description: 'How a contact can be reached at an address.',
  values: {
    PHONE: { description: 'A phone number for calls.' },
    EMAIL: { description: 'An e-mail address.' },
    WHATSAPP: { description: 'A WhatsApp number.' },
    OTHER: { description: 'A channel the mapping does not know; the vendor spelling is in `raw`.' },
  } satisfies Record<AddressChannel, { description: string }>,
});

const ContactAddressType = builder.objectRef<ContactAddress>('ContactAddress').implement({
  description: 'One of the addresses a contact can be reached at.',
  fields: (t) => ({
    channel: t.field({
      type: AddressChannelEnum,
      description: 'The channel the address belongs to.',
      resolve: (entry) => entry.channel,
    }),
    address: t.exposeString('address', {
      description: 'The number or e-mail address, as the vendor stores it.',
    }),
  }),
});

function isContact(value: unknown): value is Contact {
  return typeof value === 'object' && value !== null && 'phones' in value && 'emails' in value;
}

/** LlamadaPro is the only vendor with contacts, and its contact ids are numbers. */
function contactVendorId(id: Pick<GlobalId, 'provider' | 'providerId'>, argument = 'id'): string {
  if (id.provider !== 'LLAMADAPRO') {
    throw invalidInput(`${argument}: ${id.provider} has no contacts`, { field: [argument] });
  }
  if (!/^\d+$/.test(id.providerId)) {
    throw invalidInput(`${argument}: not a LlamadaPro contact id`, { field: [argument] });
  }
  return id.providerId;
}

export const ContactType = builder.node(builder.objectRef<Contact>('Contact'), {
  description: 'A person in the LlamadaPro CRM, with every address they can be reached at.',
  id: { resolve: (contact) => localId(contact.provider, contact.providerId) },
  isTypeOf: isContact,
  loadOne: (id, ctx) => ctx.loaders.contact.load(contactVendorId(parseLocalId(id))),
  fields: (t) => ({
    provider: t.field({
      type: ProviderEnum,
      description: 'The vendor that holds the contact (LLAMADAPRO).',
      resolve: (contact) => contact.provider,
    }),
    providerId: t.exposeString('providerId', {
      description: "The vendor's own id of the contact.",
    }),
    firstName: t.exposeString('firstName', { nullable: true, description: 'Given name.' }),
    lastName: t.exposeString('lastName', { nullable: true, description: 'Family name.' }),
    displayName: t.exposeString('displayName', {
      nullable: true,
      description: 'First and last name joined; null when the contact has neither.',
    }),
    addresses: t.field({
      type: [ContactAddressType],
      description: 'Every address of the contact, in the vendor order.',
      resolve: (contact) => contact.addresses,
    }),
    phones: t.exposeStringList('phones', {
      description:
        'The numbers of PHONE and WHATSAPP addresses, then the legacy `phone` when not already there; no duplicates.',
    }),
    emails: t.exposeStringList('emails', {
      description:
        'The EMAIL addresses, then the legacy `email` when not already there; no duplicates.',
    }),
    nationalId: t.exposeString('nationalId', {
      nullable: true,
      description: 'National identity number.',
    }),
    companyPosition: t.exposeString('companyPosition', {
      nullable: true,
      description: "The contact's position at their company.",
    }),
    customFields: t.field({
      type: [CustomFieldValueType],
      description: "The contact's custom field values, keyed by definition key.",
      resolve: (contact) => contact.customFields,
    }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the vendor created the contact.',
      resolve: (contact) => contact.createdAt,
    }),
    updatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the vendor last changed the contact.',
      resolve: (contact) => contact.updatedAt,
    }),
    raw: t.field({
      type: 'JSON',
      nullable: true,
      description: "The vendor's object exactly as received, unknown members included.",
      resolve: (contact) => contact.raw ?? null,
    }),
  }),
});

export const ContactConnection = defineConnection('Contact', ContactType);

builder.queryFields((t) => ({
  contact: t.field({
    type: ContactType,
    nullable: true,
    description: 'One contact by its global id.',
    args: { id: t.arg.id({ required: true, description: 'A Contact id.' }) },
    resolve: (_, args, ctx) =>
      ctx.loaders.contact.load(contactVendorId(expectGlobalId(args.id, 'Contact'))),
  }),
  contactByPhone: t.field({
    type: ContactType,
    nullable: true,
    description: 'The contact holding this number in one of their addresses; null when none does.',
    args: {
      phone: t.arg.string({
        required: true,
        description: 'An E.164 phone number such as +14155550123.',
      }),
    },
    resolve: (_, args, ctx) => {
      const phone = toE164(args.phone);
      if (phone === null) {
        throw invalidInput('phone must be an E.164 phone number such as +14155550123', {
          field: ['phone'],
        });
      }
      return ctx.loaders.contactByPhone.load(phone);
    },
  }),
  contacts: t.field({
    type: ContactConnection,
    description:
      "LlamadaPro's contacts, in the vendor order; with `search`, those whose names, numbers, e-mails or national id hold every word of it.",
    args: {
      search: t.arg.string({
        description: 'Free text; every word must appear in the contact.',
      }),
      first: t.arg.int({
        defaultValue: FIRST_DEFAULT,
        description: 'How many contacts (0 to 100).',
      }),
      after: t.arg.string({ description: 'The `endCursor` of the previous page.' }),
    },
    resolve: (_, args, ctx, info) => {
      const first = validateFirst(args.first, FIRST_DEFAULT);
      const path = responsePathAsArray(info.path);
      const search = args.search?.trim() || null;
      const connector = ctx.connectors.connectors.llamadapro;
      const inputs: MergeInput<Contact>[] = [];
      if (connector) {
        const source =
          search === null ? connector.contactPages() : connector.contactSearchPages(search);
        inputs.push({ key: 'LLAMADAPRO', source, exact: true, keep: () => true });
      } else {
        ctx.reportError(atPath(providerNotConfigured('LLAMADAPRO'), path));
      }
      return listConnection(ctx, {
        inputs,
        first,
        after: args.after ?? null,
        fingerprint: JSON.stringify(['contacts', search]),
        path,
      });
    },
  }),
}));
