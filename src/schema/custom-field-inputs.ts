import type { ArgBuilder } from '@pothos/core';
import { builder, type BuilderTypes } from '../builder.js';
import type { CustomFieldEntityType, CustomFieldType } from '../model/custom-field.js';

/* The custom field enums, and the inputs and arguments of the writes in custom-field.ts. */

export const CustomFieldTypeEnum = builder.enumType('CustomFieldType', {
  description: 'The kind of value a custom field holds.',
  values: {
    STRING: { description: 'Text.' },
    NUMBER: { description: 'A number.' },
    DATE: { description: 'A date.' },
    BOOLEAN: { description: 'True or false.' },
    LIST: { description: 'One of the options in `options`.' },
    FILE: { description: 'A file reference.' },
  } satisfies Record<CustomFieldType, { description: string }>,
});

export const CustomFieldEntityTypeEnum = builder.enumType('CustomFieldEntityType', {
  description: 'The kind of LlamadaPro record a custom field belongs to.',
  values: {
    CONTACT: { description: 'Contacts.' },
    COMPANY: { description: "Contacts' companies." },
    FUNNEL_CONVERSATION: { description: 'Funnel conversations.' },
    FUNNEL_CHANNEL_SESSION: { description: 'Channel sessions of funnel conversations.' },
    PRODUCT: { description: 'Products.' },
  } satisfies Record<CustomFieldEntityType, { description: string }>,
});

export const CreateCustomFieldInputType = builder.inputType('CreateCustomFieldInput', {
  description: 'A new LlamadaPro custom field definition.',
  fields: (t) => ({
    key: t.string({
      required: true,
      description:
        "The key values are stored under (LlamadaPro's `fieldKey`): a letter, then letters, digits or `_`, in either case (`customerTier` or `customer_tier`), of any length.",
    }),
    label: t.string({ required: false, description: 'The label shown for it.' }),
    type: t.field({
      type: CustomFieldTypeEnum,
      required: true,
      description: 'The kind of value it holds.',
    }),
    entityType: t.field({
      type: CustomFieldEntityTypeEnum,
      required: true,
      description: 'The kind of record it belongs to.',
    }),
    description: t.string({ required: false, description: 'What the field is for.' }),
  }),
});

export const UpdateCustomFieldInputType = builder.inputType('UpdateCustomFieldInput', {
  description:
    'Changes to a custom field definition. An omitted member is left alone; an explicit null clears it (only `label` and `description` can be cleared). LlamadaPro refuses to change the type or entity type of a field that holds values.',
  fields: (t) => ({
    key: t.string({
      required: false,
      description:
        'A new key, written as for a new field; the values stored under the old key move with it.',
    }),
    label: t.string({ required: false, description: 'The label shown for it.' }),
    type: t.field({
      type: CustomFieldTypeEnum,
      required: false,
      description: 'The kind of value it holds.',
    }),
    entityType: t.field({
      type: CustomFieldEntityTypeEnum,
      required: false,
      description: 'The kind of record it belongs to.',
    }),
    description: t.string({ required: false, description: 'What the field is for.' }),
  }),
});

export const CustomFieldOptionInputType = builder.inputType('CustomFieldOptionInput', {
  description: 'A new choice of a custom field (LlamadaPro takes options on LIST fields).',
  fields: (t) => ({
    value: t.string({ required: true, description: 'The value stored when it is chosen.' }),
    label: t.string({ required: false, description: 'The label shown for it.' }),
    description: t.string({ required: false, description: 'What the option means.' }),
  }),
});

export const UpdateCustomFieldOptionInputType = builder.inputType('UpdateCustomFieldOptionInput', {
  description:
    'Changes to a list option. An omitted member is left alone; an explicit null clears it (`value` cannot be null). Records holding the old value follow a new one.',
  fields: (t) => ({
    value: t.string({ required: false, description: 'The value stored when it is chosen.' }),
    label: t.string({ required: false, description: 'The label shown for it.' }),
    description: t.string({ required: false, description: 'What the option means.' }),
  }),
});

/** The argument naming the custom field an option belongs to. */
export function customFieldIdArgument(t: { arg: ArgBuilder<BuilderTypes> }) {
  return t.arg.id({ required: true, description: 'The global id of the custom field.' });
}

/** The arguments naming one option of one custom field. */
export function optionRefArguments(t: { arg: ArgBuilder<BuilderTypes> }) {
  return {
    customFieldId: customFieldIdArgument(t),
    optionId: t.arg.string({
      required: true,
      description: "The option's own id (`CustomFieldOption.id`).",
    }),
  };
}
