import { responsePathAsArray } from 'graphql';
import { RAW_FIELD } from './scalars.js';
import { builder } from '../builder.js';
import { localId } from '../ids.js';
import type { CustomFieldValue } from '../model/contact.js';
import type { CustomField } from '../model/custom-field.js';
import {
  createCustomField,
  createCustomFieldOption,
  customFieldById,
  customFieldNode,
  customFieldOption,
  deleteCustomField,
  deleteCustomFieldOption,
  listCustomFields,
  updateCustomField,
  optionsOfCustomField,
  updateCustomFieldOption,
} from '../services/custom-fields.js';
import { defineConnection, FIRST_DEFAULT } from './connection.js';
import {
  CreateCustomFieldInputType,
  CustomFieldEntityTypeEnum,
  CustomFieldOptionInputType,
  CustomFieldTypeEnum,
  customFieldIdArgument,
  optionRefArguments,
  UpdateCustomFieldInputType,
  UpdateCustomFieldOptionInputType,
} from './custom-field-inputs.js';
import { CustomFieldOptionType } from './custom-field-option.js';
import { ProviderEnum } from './enums.js';
import { definePayload, idempotencyKeyArg } from './mutation.js';

/** `definition` is a join onto the custom field definitions, added in joins.ts. */
export const CustomFieldValueType = builder
  .objectRef<CustomFieldValue>('CustomFieldValue')
  .implement({
    description: "A value of one of a contact's custom fields.",
    fields: (t) => ({
      key: t.exposeString('key', { description: "The custom field definition's key." }),
      value: t.field({
        type: 'JSON',
        nullable: true,
        description: 'The value, as the vendor stores it.',
        resolve: (entry) => entry.value ?? null,
      }),
    }),
  });

function isCustomField(value: unknown): value is CustomField {
  return typeof value === 'object' && value !== null && 'entityType' in value && 'key' in value;
}

export const CustomFieldNodeType = builder.node(builder.objectRef<CustomField>('CustomField'), {
  description: 'A custom field definition of LlamadaPro records (contacts, conversations…).',
  id: { resolve: (field) => localId(field.provider, field.providerId) },
  isTypeOf: isCustomField,
  loadOne: (id, ctx) => customFieldNode(ctx, id),
  fields: (t) => ({
    provider: t.field({
      type: ProviderEnum,
      description: 'The vendor that holds the definition (LLAMADAPRO).',
      resolve: (field) => field.provider,
    }),
    providerId: t.exposeString('providerId', {
      description: "The vendor's own id of the definition.",
    }),
    key: t.exposeString('key', {
      description: 'The key values are stored under (`CustomFieldValue.key`).',
    }),
    label: t.exposeString('label', { nullable: true, description: 'The label shown for it.' }),
    type: t.field({
      type: CustomFieldTypeEnum,
      description: 'The kind of value it holds.',
      resolve: (field) => field.type,
    }),
    entityType: t.field({
      type: CustomFieldEntityTypeEnum,
      description: 'The kind of record it belongs to.',
      resolve: (field) => field.entityType,
    }),
    description: t.exposeString('description', {
      nullable: true,
      description: 'What the field is for.',
    }),
    options: t.field({
      type: [CustomFieldOptionType],
      description: 'The choices of a LIST field; empty for other types.',
      resolve: (field, _, ctx) => optionsOfCustomField(ctx, field),
    }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the definition was created.',
      resolve: (field) => field.createdAt,
    }),
    updatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the definition last changed.',
      resolve: (field) => field.updatedAt,
    }),
    raw: t.expose('raw', RAW_FIELD),
  }),
});

export const CustomFieldConnection = defineConnection('CustomField', CustomFieldNodeType);

builder.queryFields((t) => ({
  customField: t.field({
    type: CustomFieldNodeType,
    nullable: true,
    description: 'One custom field definition by its global id.',
    args: { id: t.arg.id({ required: true, description: 'A CustomField id.' }) },
    resolve: (_, args, ctx) => customFieldById(ctx, args.id),
  }),
  customFields: t.field({
    type: CustomFieldConnection,
    description: "LlamadaPro's custom field definitions, in id order.",
    args: {
      entityType: t.arg({
        type: CustomFieldEntityTypeEnum,
        required: false,
        description: 'Only definitions of this kind of record.',
      }),
      first: t.arg.int({
        defaultValue: FIRST_DEFAULT,
        description: 'How many definitions (0 to 100).',
      }),
      after: t.arg.string({ description: 'The `endCursor` of the previous page.' }),
    },
    resolve: (_, args, ctx, info) =>
      listCustomFields(ctx, { ...args, path: responsePathAsArray(info.path) }),
  }),
}));

// --- Mutations: custom field definitions and their list options --------------------------------

const CustomFieldPayload = definePayload(
  'CustomFieldPayload',
  'customField',
  CustomFieldNodeType,
  'The custom field definition written, or what went wrong.',
);

const CustomFieldOptionPayload = definePayload(
  'CustomFieldOptionPayload',
  'customFieldOption',
  CustomFieldOptionType,
  'The list option written, or what went wrong.',
);

builder.mutationFields((t) => ({
  createCustomField: t.field({
    type: CustomFieldPayload,
    description: 'Creates a LlamadaPro custom field definition (POST /api/v1/custom-fields).',
    args: {
      input: t.arg({
        type: CreateCustomFieldInputType,
        required: true,
        description: 'The definition to create.',
      }),
      idempotencyKey: idempotencyKeyArg(t),
    },
    resolve: (_, args, ctx) => createCustomField(ctx, args),
  }),
  updateCustomField: t.field({
    type: CustomFieldPayload,
    description:
      'Changes a LlamadaPro custom field definition (PUT /api/v1/custom-fields/{id}); only the members given are sent.',
    args: {
      id: t.arg.id({ required: true, description: 'The global id of the custom field.' }),
      input: t.arg({
        type: UpdateCustomFieldInputType,
        required: true,
        description: 'The members to change; omitted ones are left alone.',
      }),
    },
    resolve: (_, args, ctx) => updateCustomField(ctx, args),
  }),
  deleteCustomField: t.field({
    type: CustomFieldPayload,
    description:
      'Deletes a LlamadaPro custom field definition and its options, and answers it as it was (with no options left). LlamadaPro refuses (UPSTREAM_REJECTED) while records hold values under it, unless `force`.',
    args: {
      id: t.arg.id({ required: true, description: 'The global id of the custom field.' }),
      force: t.arg.boolean({
        defaultValue: false,
        description: 'Also delete every value stored under the field.',
      }),
    },
    resolve: (_, args, ctx) => deleteCustomField(ctx, args),
  }),
  createCustomFieldOption: t.field({
    type: CustomFieldOptionPayload,
    description:
      'Adds a choice to a LlamadaPro custom field (POST /api/v1/custom-fields/{definitionId}/options).',
    args: {
      customFieldId: customFieldIdArgument(t),
      input: t.arg({
        type: CustomFieldOptionInputType,
        required: true,
        description: 'The option to add.',
      }),
      idempotencyKey: idempotencyKeyArg(t),
    },
    resolve: (_, args, ctx) => createCustomFieldOption(ctx, args),
  }),
  updateCustomFieldOption: t.field({
    type: CustomFieldOptionPayload,
    description:
      'Changes a choice of a LlamadaPro custom field (PUT /api/v1/custom-fields/{definitionId}/options/{optionId}); only the members given are sent.',
    args: {
      ...optionRefArguments(t),
      input: t.arg({
        type: UpdateCustomFieldOptionInputType,
        required: true,
        description: 'The members to change; omitted ones are left alone.',
      }),
    },
    resolve: (_, args, ctx) => updateCustomFieldOption(ctx, args),
  }),
  deleteCustomFieldOption: t.field({
    type: CustomFieldOptionPayload,
    description:
      'Deletes a choice of a LlamadaPro custom field and answers it as it was; records holding its value lose it.',
    args: {
      ...optionRefArguments(t),
    },
    resolve: (_, args, ctx) => deleteCustomFieldOption(ctx, args),
  }),
}));

builder.queryField('customFieldOption', (t) =>
  t.field({
    type: CustomFieldOptionType,
    nullable: true,
    description:
      'One choice of a custom field by its own id; null with a NOT_FOUND error when there is none.',
    args: {
      ...optionRefArguments(t),
    },
    resolve: (_, args, ctx) => customFieldOption(ctx, args),
  }),
);
