import { responsePathAsArray } from 'graphql';
import { z } from 'zod';
import { RAW_FIELD } from './scalars.js';
import { builder, type BuilderTypes } from '../builder.js';
import { prefetchDefinitions } from './selections.js';
import type { Context } from '../context.js';
import { invalidInput } from '../errors.js';
import { expectGlobalId, localId, parseLocalId, type GlobalId, vendorIdOn } from '../ids.js';
import {
  ADDRESS_CHANNELS,
  type AddressChannel,
  type Contact,
  type ContactAddress,
} from '../model/contact.js';
import { e164, globalIdOf, notNull, numericId, text } from '../mutations/inputs.js';
import { runMutation } from '../mutations/run-mutation.js';
import type { ContactInput } from '../vendors/llamadapro/client.js';
import { llamadaProContactId } from '../vendors/llamadapro/ids.js';
import { vendorList } from '../paging/list-connection.js';
import { toE164 } from '../vendors/normalize.js';
import { defineConnection, FIRST_DEFAULT, validateFirst } from './connection.js';
import { CustomFieldValueType } from './custom-field.js';
import { ProviderEnum } from './enums.js';
import { definePayload, idempotencyKeyArg } from './mutation.js';

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

const contactVendorId = (id: Pick<GlobalId, 'provider' | 'providerId'>): string =>
  vendorIdOn(id, 'LLAMADAPRO', { format: llamadaProContactId });

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
    resolve: (_, args, ctx, info) => {
      const id = contactVendorId(expectGlobalId(args.id, 'Contact'));
      prefetchDefinitions(ctx, info);
      return ctx.loaders.contact.load(id);
    },
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
    resolve: (_, args, ctx, info) => {
      const phone = toE164(args.phone);
      if (phone === null) {
        throw invalidInput('phone must be an E.164 phone number such as +14155550123', {
          field: ['phone'],
        });
      }
      prefetchDefinitions(ctx, info);
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
      return vendorList(ctx, 'llamadapro', {
        source: (connector) =>
          search === null ? connector.contactPages() : connector.contactSearchPages(search),
        first,
        after: args.after ?? null,
        fingerprint: JSON.stringify(['contacts', search]),
        path,
      });
    },
  }),
}));

// --- Mutations: CreateContact / UpdateContact / DeleteContact ----------------------------------

const ContactAddressInput = builder.inputType('ContactAddressInput', {
  description: 'An address a contact can be reached at.',
  fields: (t) => ({
    channel: t.field({
      type: AddressChannelEnum,
      required: true,
      description: 'The channel the address belongs to.',
    }),
    address: t.string({
      required: true,
      description: 'An E.164 number for PHONE and WHATSAPP, an e-mail address for EMAIL.',
    }),
  }),
});

/** The members CreateContactInput and UpdateContactInput share; only their wording differs. */
function contactInputFields(
  t: PothosSchemaTypes.InputFieldBuilder<BuilderTypes, 'InputObject'>,
  onUpdate: boolean,
) {
  const replaced = onUpdate ? ' Given, it replaces the whole list.' : '';
  return {
    firstName: t.string({ required: false, description: 'Given name.' }),
    lastName: t.string({ required: false, description: 'Family name.' }),
    nationalId: t.string({ required: false, description: 'National identity number.' }),
    companyPosition: t.string({
      required: false,
      description: "The contact's position at their company.",
    }),
    userId: t.string({
      required: false,
      description: "The LlamadaPro user who owns the contact (the vendor's numeric id).",
    }),
    addresses: t.field({
      type: [ContactAddressInput],
      required: false,
      description: `Every address of the contact.${replaced}`,
    }),
    customFields: t.field({
      type: 'JSON',
      required: false,
      description: onUpdate
        ? 'Custom field values by definition key; a key set to null removes that value, keys left out are kept.'
        : 'Custom field values by definition key, e.g. `{"customer_tier": "gold"}`.',
    }),
  };
}

const CreateContactInputType = builder.inputType('CreateContactInput', {
  description: 'A new LlamadaPro contact.',
  fields: (t) => contactInputFields(t, false),
});

const UpdateContactInputType = builder.inputType('UpdateContactInput', {
  description:
    'Changes to a contact. An omitted member is left alone; an explicit null clears it (`addresses` and `customFields` cannot be null).',
  fields: (t) => contactInputFields(t, true),
});

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

const ContactPayload = definePayload(
  'ContactPayload',
  'contact',
  ContactType,
  'The contact written, or what went wrong.',
);

/** The contact's numbers change with it, so lookups by phone made earlier are stale. */
function remember(ctx: Context, id: string, contact: Contact | null): void {
  ctx.loaders.contact.clear(id);
  if (contact) ctx.loaders.contact.prime(id, contact);
  ctx.loaders.contactByPhone.clearAll();
}

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
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'createContact',
        args: { input: args.input },
        schema: createContactArgs,
        idempotencyKey: args.idempotencyKey,
        run: async ({ input }) => {
          // On a create, null and omitted alike mean "not sent".
          const body: ContactInput = {};
          if (input.firstName) body.firstName = input.firstName;
          if (input.lastName) body.lastName = input.lastName;
          if (input.nationalId) body.nationalId = input.nationalId;
          if (input.companyPosition) body.companyPosition = input.companyPosition;
          if (input.userId) body.userId = input.userId;
          if (input.addresses) body.addresses = input.addresses;
          if (input.customFields) body.customFields = input.customFields;
          const contact = await ctx.vendor('llamadapro').createContact(body);
          remember(ctx, contact.providerId, contact);
          return contact;
        },
      }),
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
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'updateContact',
        args: { id: args.id, input: args.input },
        schema: updateContactArgs,
        run: async ({ id, input }) => {
          const contact = await ctx.vendor('llamadapro').updateContact(id, input);
          remember(ctx, id, contact);
          return contact;
        },
      }),
  }),
  deleteContact: t.field({
    type: ContactPayload,
    description:
      'Deletes a LlamadaPro contact, its addresses and values, and answers it as it was.',
    args: { id: t.arg.id({ required: true, description: 'The global id of the contact.' }) },
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'deleteContact',
        args: { id: args.id },
        schema: deleteContactArgs,
        run: async ({ id }) => {
          const contact = await ctx.vendor('llamadapro').deleteContact(id);
          remember(ctx, id, null);
          return contact;
        },
      }),
  }),
}));
