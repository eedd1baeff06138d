import { builder, type BuilderTypes } from '../builder.js';
import type {
  AddressChannel,
  ContactField,
  ContactSearchField,
  ContactSearchOperator,
  ContactSortField,
  SortDirection,
} from '../model/contact.js';

/* The address channel enum, what clients send to write contacts, and the arguments of `contacts`. */

export const AddressChannelEnum = builder.enumType('AddressChannel', {
  description: 'How a contact can be reached at an address.',
  values: {
    PHONE: { description: 'A phone number for calls.' },
    EMAIL: { description: 'An e-mail address.' },
    WHATSAPP: { description: 'A WhatsApp number.' },
    OTHER: {
      description:
        "A channel the mapping does not know; the vendor's own spelling is `providerChannel`.",
    },
  } satisfies Record<AddressChannel, { description: string }>,
});

const ContactAddressInput = builder.inputType('ContactAddressInput', {
  description: 'An address a contact can be reached at.',
  fields: (t) => ({
    channel: t.field({
      type: AddressChannelEnum,
      required: true,
      description: 'The channel the address belongs to.',
    }),
    providerChannel: t.string({
      required: false,
      description:
        "The vendor's own channel type, sent unchanged instead of `channel`: echo `ContactAddress.providerChannel` to write an address back as it was read. Required with OTHER (the vendor has no OTHER channel); when given, it must read as `channel` (PHONE, EMAIL and WHATSAPP in any case, anything else OTHER).",
    }),
    address: t.string({
      required: true,
      description:
        'An E.164 number for PHONE and WHATSAPP, an e-mail address for EMAIL, any non-empty text for OTHER.',
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
    userId: t.id({
      required: false,
      description:
        "The LlamadaPro user who owns the contact: the vendor's numeric id, as a number or a string of digits.",
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

export const CreateContactInputType = builder.inputType('CreateContactInput', {
  description: 'A new LlamadaPro contact.',
  fields: (t) => contactInputFields(t, false),
});

export const UpdateContactInputType = builder.inputType('UpdateContactInput', {
  description:
    'Changes to a contact. An omitted member is left alone; an explicit null clears it (`addresses` and `customFields` cannot be null).',
  fields: (t) => contactInputFields(t, true),
});

// --- The arguments of `contacts(...)`: GetContacts' filterBy/sortBy, SearchContacts' filters/sort.

const CONTACT_FIELD_VALUES = {
  ID: { description: "The contact's id (`id`): digits." },
  FIRST_NAME: { description: 'Given name (`firstName`).' },
  LAST_NAME: { description: 'Family name (`lastName`).' },
  EMAIL: {
    description: "The legacy e-mail member (`email`), as the document's own example filters by.",
  },
  PHONE: { description: 'The legacy phone member (`phone`).' },
  NATIONAL_ID: { description: 'National identity number (`nationalId`).' },
  COMPANY_POSITION: { description: 'Position at their company (`companyPosition`).' },
  USER_ID: { description: 'The owning LlamadaPro user (`userId`): digits.' },
} satisfies Record<ContactField, { description: string }>;

export const ContactFieldEnum = builder.enumType('ContactField', {
  description: "A member of the vendor's Contact that the contact list's `filterBy` narrows by.",
  values: CONTACT_FIELD_VALUES,
});

export const ContactSearchFieldEnum = builder.enumType('ContactSearchField', {
  description:
    "A member a contact search filters on: the Contact's, or its addresses' (`addresses.address`, `addresses.channelType`).",
  values: {
    ...CONTACT_FIELD_VALUES,
    ADDRESS: {
      description:
        "Any of its addresses (`addresses.address`), as the document's example searches.",
    },
    ADDRESS_CHANNEL: {
      description:
        "Any of its addresses' channel types (`addresses.channelType`), e.g. `WHATSAPP`.",
    },
  } satisfies Record<ContactSearchField, { description: string }>,
});

export const ContactSearchOperatorEnum = builder.enumType('ContactSearchOperator', {
  description: 'How a search filter compares; the document shows these two.',
  values: {
    EQ: { description: 'Equal to the value (`eq`).' },
    CONTAINS: { description: 'Holding the value (`contains`).' },
  } satisfies Record<ContactSearchOperator, { description: string }>,
});

export const ContactSortFieldEnum = builder.enumType('ContactSortField', {
  description: 'What contacts can be ordered by.',
  values: {
    ID: { description: 'The vendor id (`id`).' },
    CREATED_AT: { description: "Creation time (`createdAt`), as the document's examples order." },
    UPDATED_AT: { description: 'Last change (`updatedAt`).' },
    FIRST_NAME: { description: 'Given name (`firstName`).' },
    LAST_NAME: { description: 'Family name (`lastName`).' },
  } satisfies Record<ContactSortField, { description: string }>,
});

export const SortDirectionEnum = builder.enumType('SortDirection', {
  description: 'Ascending or descending.',
  values: {
    ASC: { description: 'Smallest, earliest or A first.' },
    DESC: { description: 'Largest, latest or Z first.' },
  } satisfies Record<SortDirection, { description: string }>,
});

export const ContactSortInput = builder.inputType('ContactSort', {
  description: 'One key of an order; later keys break the ties of earlier ones.',
  fields: (t) => ({
    field: t.field({
      type: ContactSortFieldEnum,
      required: true,
      description: 'What to order by.',
    }),
    direction: t.field({ type: SortDirectionEnum, required: true, description: 'Which way.' }),
  }),
});

export const ContactFieldFilterInput = builder.inputType('ContactFieldFilter', {
  description:
    "One `field:value` pair of GetContacts' `filterBy`; every pair given must match (the vendor decides how it compares; the sandbox: equal, ignoring case).",
  fields: (t) => ({
    field: t.field({ type: ContactFieldEnum, required: true, description: 'The member.' }),
    value: t.string({
      required: true,
      description:
        'The value, not empty and without `;` (the pair separator, which the document gives no way to escape); digits for ID and USER_ID.',
    }),
  }),
});

export const ContactSearchFilterInput = builder.inputType('ContactSearchFilter', {
  description:
    "One condition of a contact search (SearchContacts `filters`). Conditions apply left to right: one with `or: true` is OR'ed with those before it, any other AND'ed.",
  fields: (t) => ({
    field: t.field({ type: ContactSearchFieldEnum, required: true, description: 'The member.' }),
    operator: t.field({
      type: ContactSearchOperatorEnum,
      required: true,
      description: 'How it compares.',
    }),
    value: t.string({
      required: true,
      description: 'The value, not empty; digits for ID and USER_ID.',
    }),
    or: t.boolean({
      required: false,
      description: "OR this condition with the ones before it instead of AND'ing it.",
    }),
  }),
});
