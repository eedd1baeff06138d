import type { ArgBuilder } from '@pothos/core';
import { responsePathAsArray } from 'graphql';
import { z } from 'zod';
import { RAW_FIELD } from './scalars.js';
import { builder, type BuilderTypes } from '../builder.js';
import { invalidInput } from '../errors.js';
import { expectGlobalId, localId, parseLocalId, type GlobalId, vendorIdOn } from '../ids.js';
import type { CustomFieldValue } from '../model/contact.js';
import {
  CUSTOM_FIELD_ENTITY_TYPES,
  CUSTOM_FIELD_TYPES,
  type CustomField,
  type CustomFieldEntityType,
  type CustomFieldOption,
  type CustomFieldType,
} from '../model/custom-field.js';
import { globalIdOf, notNull, text } from '../mutations/inputs.js';
import { runMutation } from '../mutations/run-mutation.js';
import {
  llamadaProCustomFieldId,
  llamadaProCustomFieldOptionId,
} from '../vendors/llamadapro/ids.js';
import type {
  CreateCustomFieldInput,
  CustomFieldOptionInput,
} from '../vendors/llamadapro/client.js';
import { vendorList } from '../paging/list-connection.js';
import { defineConnection, FIRST_DEFAULT, validateFirst } from './connection.js';
import { ProviderEnum } from './enums.js';
import { definePayload, idempotencyKeyArg } from './mutation.js';

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

const CustomFieldOptionType = builder.objectRef<CustomFieldOption>('CustomFieldOption').implement({
  description: 'One choice of a LIST custom field.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "The vendor's own id of the option (not a global id)." }),
    value: t.exposeString('value', { description: 'The value stored when it is chosen.' }),
    label: t.exposeString('label', { nullable: true, description: 'The label shown for it.' }),
    description: t.exposeString('description', {
      nullable: true,
      description: 'What the option means.',
    }),
  }),
});

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

const customFieldVendorId = (id: Pick<GlobalId, 'provider' | 'providerId'>): string =>
  vendorIdOn(id, 'LLAMADAPRO', { format: llamadaProCustomFieldId });

export const CustomFieldNodeType = builder.node(builder.objectRef<CustomField>('CustomField'), {
  description: 'A custom field definition of LlamadaPro records (contacts, conversations…).',
  id: { resolve: (field) => localId(field.provider, field.providerId) },
  isTypeOf: isCustomField,
  loadOne: (id, ctx) => ctx.loaders.customField.load(customFieldVendorId(parseLocalId(id))),
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
      resolve: (field, _, ctx) => ctx.loaders.customFieldOptions.load(field.providerId),
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
    resolve: (_, args, ctx) =>
      ctx.loaders.customField.load(customFieldVendorId(expectGlobalId(args.id, 'CustomField'))),
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
    resolve: (_, args, ctx, info) => {
      const first = validateFirst(args.first, FIRST_DEFAULT);
      const path = responsePathAsArray(info.path);
      const entityType = args.entityType ?? undefined;
      return vendorList(ctx, 'llamadapro', {
        source: (connector) => connector.customFieldPages(entityType),
        first,
        after: args.after ?? null,
        fingerprint: JSON.stringify(['customFields', entityType ?? null]),
        path,
      });
    },
  }),
}));

// --- Mutations: custom field definitions and their list options --------------------------------

const CreateCustomFieldInputType = builder.inputType('CreateCustomFieldInput', {
  description: 'A new LlamadaPro custom field definition.',
  fields: (t) => ({
    key: t.string({
      required: true,
      description:
        'The key values are stored under: a lower-case letter, then up to 62 lower-case letters, digits or `_`.',
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

const UpdateCustomFieldInputType = builder.inputType('UpdateCustomFieldInput', {
  description:
    'Changes to a custom field definition. An omitted member is left alone; an explicit null clears it (only `label` and `description` can be cleared). LlamadaPro refuses to change the type or entity type of a field that holds values.',
  fields: (t) => ({
    key: t.string({
      required: false,
      description: 'A new key; the values stored under the old key move with it.',
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

const CustomFieldOptionInputType = builder.inputType('CustomFieldOptionInput', {
  description: 'A new choice of a custom field (LlamadaPro takes options on LIST fields).',
  fields: (t) => ({
    value: t.string({ required: true, description: 'The value stored when it is chosen.' }),
    label: t.string({ required: false, description: 'The label shown for it.' }),
    description: t.string({ required: false, description: 'What the option means.' }),
  }),
});

const UpdateCustomFieldOptionInputType = builder.inputType('UpdateCustomFieldOptionInput', {
  description:
    'Changes to a list option. An omitted member is left alone; an explicit null clears it (`value` cannot be null). Records holding the old value follow a new one.',
  fields: (t) => ({
    value: t.string({ required: false, description: 'The value stored when it is chosen.' }),
    label: t.string({ required: false, description: 'The label shown for it.' }),
    description: t.string({ required: false, description: 'What the option means.' }),
  }),
});

const fieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, {
  error: 'must be a lower-case letter, then up to 62 lower-case letters, digits or _',
});
const customFieldId = globalIdOf('CustomField', 'LLAMADAPRO').pipe(llamadaProCustomFieldId);
// The document types option ids as numbers.
const optionId = z.string().trim().pipe(llamadaProCustomFieldOptionId);

const createCustomFieldArgs = z.object({
  input: z.object({
    key: fieldKey,
    label: text(200).nullish(),
    type: z.enum(CUSTOM_FIELD_TYPES),
    entityType: z.enum(CUSTOM_FIELD_ENTITY_TYPES),
    description: text(2_000).nullish(),
  }),
});

const updateCustomFieldArgs = z.object({
  id: customFieldId,
  input: z.object({
    key: notNull(fieldKey),
    label: text(200).nullable().optional(),
    type: notNull(z.enum(CUSTOM_FIELD_TYPES)),
    entityType: notNull(z.enum(CUSTOM_FIELD_ENTITY_TYPES)),
    description: text(2_000).nullable().optional(),
  }),
});

const deleteCustomFieldArgs = z.object({ id: customFieldId, force: z.boolean().nullish() });

const createOptionArgs = z.object({
  customFieldId,
  input: z.object({
    value: text(500),
    label: text(200).nullish(),
    description: text(2_000).nullish(),
  }),
});

const updateOptionArgs = z.object({
  customFieldId,
  optionId,
  input: z.object({
    value: notNull(text(500)),
    label: text(200).nullable().optional(),
    description: text(2_000).nullable().optional(),
  }),
});

const optionRefArgs = z.object({ customFieldId, optionId });

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

/** The argument naming the custom field an option belongs to. */
function customFieldIdArgument(t: { arg: ArgBuilder<BuilderTypes> }) {
  return t.arg.id({ required: true, description: 'The global id of the custom field.' });
}

/** The arguments naming one option of one custom field. */
function optionRefArguments(t: { arg: ArgBuilder<BuilderTypes> }) {
  return {
    customFieldId: customFieldIdArgument(t),
    optionId: t.arg.string({
      required: true,
      description: "The option's own id (`CustomFieldOption.id`).",
    }),
  };
}

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
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'createCustomField',
        args: { input: args.input },
        schema: createCustomFieldArgs,
        idempotencyKey: args.idempotencyKey,
        run: async ({ input }) => {
          const body: CreateCustomFieldInput = {
            key: input.key,
            type: input.type,
            entityType: input.entityType,
          };
          if (input.label) body.label = input.label;
          if (input.description) body.description = input.description;
          const field = await ctx.vendor('llamadapro').createCustomField(body);
          ctx.loaders.customField.prime(field.providerId, field);
          return field;
        },
      }),
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
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'updateCustomField',
        args: { id: args.id, input: args.input },
        schema: updateCustomFieldArgs,
        run: async ({ id, input }) => {
          const field = await ctx.vendor('llamadapro').updateCustomField(id, input);
          ctx.loaders.customField.clear(id).prime(id, field);
          return field;
        },
      }),
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
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'deleteCustomField',
        args: { id: args.id, force: args.force },
        schema: deleteCustomFieldArgs,
        run: async ({ id, force }) => {
          const field = await ctx.vendor('llamadapro').deleteCustomField(id, force ?? false);
          ctx.loaders.customField.clear(id);
          // The vendor deletes the options with the definition; asking for them would be a 404.
          ctx.loaders.customFieldOptions.clear(id).prime(id, []);
          return field;
        },
      }),
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
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'createCustomFieldOption',
        args: { customFieldId: args.customFieldId, input: args.input },
        schema: createOptionArgs,
        idempotencyKey: args.idempotencyKey,
        run: async ({ customFieldId: definitionId, input }) => {
          const body: CustomFieldOptionInput = { value: input.value };
          if (input.label) body.label = input.label;
          if (input.description) body.description = input.description;
          const option = await ctx.vendor('llamadapro').createCustomFieldOption(definitionId, body);
          ctx.loaders.customFieldOptions.clear(definitionId);
          return option;
        },
      }),
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
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'updateCustomFieldOption',
        args: { customFieldId: args.customFieldId, optionId: args.optionId, input: args.input },
        schema: updateOptionArgs,
        run: async ({ customFieldId: definitionId, optionId: id, input }) => {
          const option = await ctx
            .vendor('llamadapro')
            .updateCustomFieldOption(definitionId, id, input);
          ctx.loaders.customFieldOptions.clear(definitionId);
          return option;
        },
      }),
  }),
  deleteCustomFieldOption: t.field({
    type: CustomFieldOptionPayload,
    description:
      'Deletes a choice of a LlamadaPro custom field and answers it as it was; records holding its value lose it.',
    args: {
      ...optionRefArguments(t),
    },
    resolve: (_, args, ctx) =>
      runMutation(ctx, {
        name: 'deleteCustomFieldOption',
        args: { customFieldId: args.customFieldId, optionId: args.optionId },
        schema: optionRefArgs,
        run: async ({ customFieldId: definitionId, optionId: id }) => {
          const option = await ctx.vendor('llamadapro').deleteCustomFieldOption(definitionId, id);
          ctx.loaders.customFieldOptions.clear(definitionId);
          return option;
        },
      }),
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
    resolve: (_, args, ctx) => {
      const parsed = optionRefArgs.safeParse({
        customFieldId: args.customFieldId,
        optionId: args.optionId,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const member = issue?.path.map(String) ?? [];
        throw invalidInput(`${member.join('.')}: ${issue?.message ?? 'invalid'}`, {
          field: member,
        });
      }
      const connector = ctx.vendor('llamadapro');
      return connector.getCustomFieldOption(parsed.data.customFieldId, parsed.data.optionId);
    },
  }),
);
