import { builder, type BuilderTypes } from '../builder.js';
import type { AddressChannel } from '../model/contact.js';

/* The address channel enum and what clients send to write contacts. */

export const AddressChannelEnum = builder.enumType('AddressChannel', {
  description: 'How a contact can be reached at an address.',
  values: {
    PHONE: { description: 'A phone number for calls.' },
    EMAIL: { description: 'An e-mail address.' },
    WHATSAPP: { description: 'A WhatsApp number.' },
    OTHER: { description: 'A channel the mapping does not know; the vendor spelling is in `raw`.' },
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

export const CreateContactInputType = builder.inputType('CreateContactInput', {
  description: 'A new LlamadaPro contact.',
  fields: (t) => contactInputFields(t, false),
});

export const UpdateContactInputType = builder.inputType('UpdateContactInput', {
  description:
    'Changes to a contact. An omitted member is left alone; an explicit null clears it (`addresses` and `customFields` cannot be null).',
  fields: (t) => contactInputFields(t, true),
});
