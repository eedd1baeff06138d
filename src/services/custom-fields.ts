import { z } from 'zod';
import type { Context } from '../context.js';
import { invalidInput } from '../errors.js';
import { expectGlobalId, parseInScope, parseLocalId, vendorIdOn, type GlobalId } from '../ids.js';
import type { ConnectionShape } from '../model/connection.js';
import type { CustomFieldValue } from '../model/contact.js';
import {
  CUSTOM_FIELD_ENTITY_TYPES,
  CUSTOM_FIELD_TYPES,
  type CreateCustomFieldInput,
  type CustomField,
  type CustomFieldEntityType,
  type CustomFieldOption,
  type CustomFieldOptionInput,
} from '../model/custom-field.js';
import { globalIdOf, nonBlank, notNull } from '../mutations/inputs.js';
import { runMutation, type MutationArgs, type MutationOutcome } from '../mutations/run-mutation.js';
import {
  llamadaProCustomFieldId,
  llamadaProCustomFieldOptionId,
} from '../vendors/llamadapro/ids.js';
import { FIRST_DEFAULT, validateFirst, vendorList, type ListArgs } from './list-connection.js';

/* LlamadaPro's custom field definitions and the options of list-typed ones. */

/** Definitions are LlamadaPro's; the id must also have the form of a LlamadaPro one. */
const customFieldVendorId = (id: Pick<GlobalId, 'provider' | 'providerId'>): string =>
  vendorIdOn(id, 'LLAMADAPRO', { format: llamadaProCustomFieldId });

/** A definition as the node interface asks for it, by `PROVIDER:vendorId`. */
export function customFieldNode(ctx: Context, id: string): Promise<CustomField> {
  return ctx.loaders.customField.load(customFieldVendorId(parseLocalId(id)));
}

export function customFieldById(ctx: Context, id: string): Promise<CustomField> {
  return ctx.loaders.customField.load(customFieldVendorId(expectGlobalId(ctx, id, 'CustomField')));
}

/** `customFields(entityType:)`, in the vendor's id order. */
export function listCustomFields(
  ctx: Context,
  args: ListArgs & { entityType?: CustomFieldEntityType | null },
): Promise<ConnectionShape<CustomField>> {
  const first = validateFirst(args.first, FIRST_DEFAULT);
  const entityType = args.entityType ?? undefined;
  return vendorList(ctx, 'llamadapro', {
    source: (connector) => connector.customFieldPages(entityType),
    first,
    after: args.after ?? null,
    fingerprint: JSON.stringify(['customFields', entityType ?? null]),
    path: args.path,
  });
}

/** `CustomField.options`: every choice of the definition. */
export function optionsOfCustomField(
  ctx: Context,
  field: CustomField,
): Promise<CustomFieldOption[]> {
  return ctx.loaders.customFieldOptions.load(field.providerId);
}

/** `CustomFieldValue.definition`: the definitions are read once per request. */
export async function definitionOfValue(
  ctx: Context,
  value: CustomFieldValue,
): Promise<CustomField | null> {
  const definitions = await ctx.loaders.customFieldDefinitions();
  return (
    definitions.find(
      (definition) => definition.key === value.key && definition.entityType === value.entityType,
    ) ?? null
  );
}

/**
 * The document types `fieldKey` only as a string, "Unique key/identifier for the field", with no
 * length: read as an identifier, a letter then letters, digits or `_` in either case (camelCase
 * as the document's own `customKey`, or snake_case), which the sandbox checks too
 * (docs/vendors/llamadapro.md, Custom fields).
 */
const fieldKey = z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, {
  error: 'must be a letter, then letters, digits or _ (e.g. customerTier or customer_tier)',
});
const customFieldId = globalIdOf('CustomField', 'LLAMADAPRO').pipe(llamadaProCustomFieldId);
// LlamadaPro types option ids as numbers (docs/vendors/llamadapro.md, Ids).
const optionId = z.string().trim().pipe(llamadaProCustomFieldOptionId);

const optionRefArgs = z.object({ customFieldId, optionId });

/** `customFieldOption(customFieldId:, optionId:)`; a bad id is INVALID_INPUT naming it. */
export function customFieldOption(
  ctx: Context,
  args: { customFieldId: string; optionId: string },
): Promise<CustomFieldOption> {
  const parsed = parseInScope(ctx, () =>
    optionRefArgs.safeParse({ customFieldId: args.customFieldId, optionId: args.optionId }),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const member = issue?.path.map(String) ?? [];
    throw invalidInput(`${member.join('.')}: ${issue?.message ?? 'invalid'}`, {
      field: member,
    });
  }
  const connector = ctx.vendor('llamadapro');
  return connector.getCustomFieldOption(parsed.data.customFieldId, parsed.data.optionId);
}

// --- Mutations: custom field definitions and their list options --------------------------------

const createCustomFieldArgs = z.object({
  input: z.object({
    key: fieldKey,
    label: nonBlank().nullish(),
    type: z.enum(CUSTOM_FIELD_TYPES),
    entityType: z.enum(CUSTOM_FIELD_ENTITY_TYPES),
    description: nonBlank().nullish(),
  }),
});

const updateCustomFieldArgs = z.object({
  id: customFieldId,
  input: z.object({
    key: notNull(fieldKey),
    label: nonBlank().nullable().optional(),
    type: notNull(z.enum(CUSTOM_FIELD_TYPES)),
    entityType: notNull(z.enum(CUSTOM_FIELD_ENTITY_TYPES)),
    description: nonBlank().nullable().optional(),
  }),
});

const deleteCustomFieldArgs = z.object({ id: customFieldId, force: z.boolean().nullish() });

const createOptionArgs = z.object({
  customFieldId,
  input: z.object({
    value: nonBlank(),
    label: nonBlank().nullish(),
    description: nonBlank().nullish(),
  }),
});

const updateOptionArgs = z.object({
  customFieldId,
  optionId,
  input: z.object({
    value: notNull(nonBlank()),
    label: nonBlank().nullable().optional(),
    description: nonBlank().nullable().optional(),
  }),
});

export function createCustomField(
  ctx: Context,
  args: MutationArgs,
): Promise<MutationOutcome<CustomField>> {
  return runMutation(ctx, {
    name: 'createCustomField',
    args: { input: args.input },
    schema: createCustomFieldArgs,
    idempotencyKey: args.idempotencyKey,
    run: async ({ input }) => {
      // A create has nothing to clear: a null label or description is not sent.
      const definition: CreateCustomFieldInput = {
        key: input.key,
        type: input.type,
        entityType: input.entityType,
      };
      if (input.label) definition.label = input.label;
      if (input.description) definition.description = input.description;
      const field = await ctx.vendor('llamadapro').createCustomField(definition);
      ctx.loaders.customField.prime(field.providerId, field);
      return field;
    },
  });
}

export function updateCustomField(
  ctx: Context,
  args: { id: unknown; input: unknown },
): Promise<MutationOutcome<CustomField>> {
  return runMutation(ctx, {
    name: 'updateCustomField',
    args: { id: args.id, input: args.input },
    schema: updateCustomFieldArgs,
    run: async ({ id, input }) => {
      const field = await ctx.vendor('llamadapro').updateCustomField(id, input);
      ctx.loaders.customField.clear(id).prime(id, field);
      return field;
    },
  });
}

export function deleteCustomField(
  ctx: Context,
  args: { id: unknown; force?: unknown },
): Promise<MutationOutcome<CustomField>> {
  return runMutation(ctx, {
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
  });
}

export function createCustomFieldOption(
  ctx: Context,
  args: MutationArgs & { customFieldId: unknown },
): Promise<MutationOutcome<CustomFieldOption>> {
  return runMutation(ctx, {
    name: 'createCustomFieldOption',
    args: { customFieldId: args.customFieldId, input: args.input },
    schema: createOptionArgs,
    idempotencyKey: args.idempotencyKey,
    run: async ({ customFieldId: definitionId, input }) => {
      // As for a definition, a null label or description is not sent.
      const choice: CustomFieldOptionInput = { value: input.value };
      if (input.label) choice.label = input.label;
      if (input.description) choice.description = input.description;
      const option = await ctx.vendor('llamadapro').createCustomFieldOption(definitionId, choice);
      ctx.loaders.customFieldOptions.clear(definitionId);
      return option;
    },
  });
}

export function updateCustomFieldOption(
  ctx: Context,
  args: { customFieldId: unknown; optionId: unknown; input: unknown },
): Promise<MutationOutcome<CustomFieldOption>> {
  return runMutation(ctx, {
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
  });
}

export function deleteCustomFieldOption(
  ctx: Context,
  args: { customFieldId: unknown; optionId: unknown },
): Promise<MutationOutcome<CustomFieldOption>> {
  return runMutation(ctx, {
    name: 'deleteCustomFieldOption',
    args: { customFieldId: args.customFieldId, optionId: args.optionId },
    schema: optionRefArgs,
    run: async ({ customFieldId: definitionId, optionId: id }) => {
      const option = await ctx.vendor('llamadapro').deleteCustomFieldOption(definitionId, id);
      ctx.loaders.customFieldOptions.clear(definitionId);
      return option;
    },
  });
}
