import { responsePathAsArray } from 'graphql';
import { RAW_FIELD } from './scalars.js';
import { builder } from '../builder.js';
import { contactRead } from './selections.js';
import { localId } from '../ids.js';
import type { Contact, ContactAddress } from '../model/contact.js';
import {
  contactById,
  contactByPhone,
  contactNode,
  createContact,
  deleteContact,
  listContacts,
  updateContact,
} from '../services/contacts.js';
import { defineConnection, FIRST_DEFAULT } from './connection.js';
import { CustomFieldValueType } from './custom-field.js';
import { ProviderEnum } from './enums.js';
import { definePayload, idempotencyKeyArg } from './mutation.js';
import {
  AddressChannelEnum,
  ContactFieldFilterInput,
  ContactSearchFilterInput,
  ContactSortInput,
  CreateContactInputType,
  UpdateContactInputType,
} from './contact-inputs.js';

const ContactAddressType = builder.objectRef<ContactAddress>('ContactAddress').implement({
  description: 'One of the addresses a contact can be reached at.',
  fields: (t) => ({
    channel: t.field({
      type: AddressChannelEnum,
      description: 'The channel the address belongs to.',
      resolve: (entry) => entry.channel,
    }),
    providerChannel: t.exposeString('providerChannel', {
      nullable: true,
      description:
        "The vendor's own channel type, as received (LlamadaPro's `channelType`): tells OTHER addresses apart, and is what `ContactAddressInput.providerChannel` writes back unchanged.",
    }),
    address: t.exposeString('address', {
      description: 'The number or e-mail address, as the vendor stores it.',
    }),
  }),
});

function isContact(value: unknown): value is Contact {
  return typeof value === 'object' && value !== null && 'phones' in value && 'emails' in value;
}

export const ContactType = builder.node(builder.objectRef<Contact>('Contact'), {
  description: 'A person in the LlamadaPro CRM, with every address they can be reached at.',
  id: { resolve: (contact) => localId(contact.provider, contact.providerId) },
  isTypeOf: isContact,
  loadOne: (id, ctx) => contactNode(ctx, id),
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
    raw: t.expose('raw', RAW_FIELD),
  }),
});

export const ContactConnection = defineConnection('Contact', ContactType);

builder.queryFields((t) => ({
  contact: t.field({
    type: ContactType,
    nullable: true,
    description: 'One contact by its global id.',
    args: { id: t.arg.id({ required: true, description: 'A Contact id.' }) },
    resolve: (_, args, ctx, info) => contactById(ctx, args.id, contactRead(info)),
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
    resolve: (_, args, ctx, info) => contactByPhone(ctx, args.phone, contactRead(info)),
  }),
  contacts: t.field({
    type: ContactConnection,
    description:
      "LlamadaPro's contacts. Without arguments, or with `filterBy`, `searchBy` and `sortBy`, the contact list (GetContacts), in the vendor order unless sorted. With any of `search`, `filters`, `sort` and `includeArchived`, a contact search (SearchContacts). The two sets cannot be mixed (INVALID_INPUT).",
    args: {
      search: t.arg.string({
        description:
          'Search: free text (SearchContacts `search`); the sandbox matches contacts whose names, numbers, e-mails or national id hold every word of it. Blank is the same as absent.',
      }),
      filters: t.arg({
        type: [ContactSearchFilterInput],
        required: false,
        description:
          'Search: conditions on members (SearchContacts `filters`), applied left to right.',
      }),
      sort: t.arg({
        type: [ContactSortInput],
        required: false,
        description: 'Search: the order (SearchContacts `sort`), first key first.',
      }),
      includeArchived: t.arg.boolean({
        required: false,
        description:
          'Search: whether archived contacts count (SearchContacts `includeArchived`); the vendor decides when absent.',
      }),
      filterBy: t.arg({
        type: [ContactFieldFilterInput],
        required: false,
        description:
          'List: `field:value` pairs that must all match (GetContacts `filterBy`, sent as `firstName:Ana;email:ana@example.com`).',
      }),
      searchBy: t.arg.string({
        description:
          'List: free text (GetContacts `searchBy`); the document does not say which members it looks in. Blank is the same as absent.',
      }),
      sortBy: t.arg({
        type: [ContactSortInput],
        required: false,
        description:
          'List: the order (GetContacts `sortBy`, sent as `createdAt=desc,lastName=asc`), first key first.',
      }),
      first: t.arg.int({
        defaultValue: FIRST_DEFAULT,
        description: 'How many contacts (0 to 100).',
      }),
      after: t.arg.string({ description: 'The `endCursor` of the previous page.' }),
    },
    resolve: (_, args, ctx, info) =>
      listContacts(ctx, { ...args, path: responsePathAsArray(info.path) }),
  }),
}));

// --- Mutations: CreateContact / UpdateContact / DeleteContact ----------------------------------

const ContactPayload = definePayload(
  'ContactPayload',
  'contact',
  ContactType,
  'The contact written, or what went wrong.',
);

builder.mutationFields((t) => ({
  createContact: t.field({
    type: ContactPayload,
    description: 'Creates a LlamadaPro contact (POST /api/v1/contacts).',
    args: {
      input: t.arg({
        type: CreateContactInputType,
        required: true,
        description: 'The contact to create.',
      }),
      idempotencyKey: idempotencyKeyArg(t),
    },
    resolve: (_, args, ctx) => createContact(ctx, args),
  }),
  updateContact: t.field({
    type: ContactPayload,
    description:
      'Changes a LlamadaPro contact (PUT /api/v1/contacts/{id}); only the members given are sent.',
    args: {
      id: t.arg.id({ required: true, description: 'The global id of the contact.' }),
      input: t.arg({
        type: UpdateContactInputType,
        required: true,
        description: 'The members to change; omitted ones are left alone.',
      }),
    },
    resolve: (_, args, ctx) => updateContact(ctx, args),
  }),
  deleteContact: t.field({
    type: ContactPayload,
    description:
      'Deletes a LlamadaPro contact, its addresses and values, and answers it as it was.',
    args: { id: t.arg.id({ required: true, description: 'The global id of the contact.' }) },
    resolve: (_, args, ctx) => deleteContact(ctx, args),
  }),
}));
