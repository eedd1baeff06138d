import { responsePathAsArray } from 'graphql';
import { builder } from '../builder.js';
import { atPath, invalidInput, providerNotConfigured } from '../errors.js';
import { expectGlobalId, localId, parseLocalId, type GlobalId } from '../ids.js';
import type { CustomFieldValue } from '../model/contact.js';
import type {
  CustomField,
  CustomFieldEntityType,
  CustomFieldOption,
  CustomFieldType,
} from '../model/custom-field.js';
import type { MergeInput } from '../paging/merged-list.js';
import { listConnection } from '../paging/list-connection.js';
import { defineConnection, FIRST_DEFAULT, validateFirst } from './connection.js';
import { ProviderEnum } from './enums.js';

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

/** LlamadaPro is the only vendor with custom fields, and their ids are numbers. */
function customFieldVendorId(id: Pick<GlobalId, 'provider' | 'providerId'>): string {
  if (id.provider !== 'LLAMADAPRO') {
    throw invalidInput(`id: ${id.provider} has no custom fields`, { field: ['id'] });
  }
  if (!/^\d+$/.test(id.providerId)) {
    throw invalidInput('id: not a LlamadaPro custom field id', { field: ['id'] });
  }
  return id.providerId;
}

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
    raw: t.field({
      type: 'JSON',
      nullable: true,
      description: "The vendor's object exactly as received, unknown members included.",
      resolve: (field) => field.raw ?? null,
    }),
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
      const connector = ctx.connectors.connectors.llamadapro;
      const inputs: MergeInput<CustomField>[] = [];
      if (connector) {
        inputs.push({
          key: 'LLAMADAPRO',
          source: connector.customFieldPages(entityType),
          exact: true,
          keep: () => true,
        });
      } else {
        ctx.reportError(atPath(providerNotConfigured('LLAMADAPRO'), path));
      }
      return listConnection(ctx, {
        inputs,
        first,
        after: args.after ?? null,
        fingerprint: JSON.stringify(['customFields', entityType ?? null]),
        path,
      });
    },
  }),
}));
