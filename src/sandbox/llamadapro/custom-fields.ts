import { z } from 'zod';
import type { DialectRoute } from '../vendor-server.js';
import { holdersWithValue } from './custom-field-values.js';
import {
  matchesText,
  orderThenById,
  pageOf,
  parseFilterBy,
  parseSortBy,
  readPaging,
} from './lists.js';
import {
  LLAMADAPRO_TENANT_ID,
  type LlamadaProCustomFieldRecord,
  type LlamadaProData,
} from './records.js';
import { enumQuery, fail, numericId, parseBody, route, textQuery } from './requests.js';

/*
 * LlamadaPro's custom field definitions (docs/vendors/llamadapro.md): list, create, read, update
 * and delete. A definition whose values records already hold keeps its type, and takes them along
 * when renamed or (with force=true) deleted.
 */

const ENTITY_TYPES = [
  'CONTACT',
  'COMPANY',
  'FUNNEL_CONVERSATION',
  'FUNNEL_CHANNEL_SESSION',
  'PRODUCT',
] as const;
const FIELD_TYPES = ['STRING', 'NUMBER', 'DATE', 'BOOLEAN', 'LIST', 'FILE'] as const;

const fieldCreateSchema = z.looseObject({
  description: z.string().nullish(),
  entityType: z.enum(ENTITY_TYPES),
  fieldKey: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, {
    error: 'must start with a letter and hold only letters, digits and _',
  }),
  fieldLabel: z.string().nullish(),
  fieldType: z.enum(FIELD_TYPES),
});
const fieldUpdateSchema = z.looseObject({
  entityType: z.enum(ENTITY_TYPES).optional(),
  fieldKey: fieldCreateSchema.shape.fieldKey.optional(),
  fieldLabel: z.string().nullish(),
  fieldType: z.enum(FIELD_TYPES).optional(),
  description: z.string().nullish(),
});

/** The definition a path id names, or a 404. */
export function findField(
  data: LlamadaProData,
  raw: string | undefined,
): LlamadaProCustomFieldRecord {
  const id = numericId(raw, 'id');
  return (
    data.customFields.find((field) => field.id === id) ?? fail(404, `custom field ${id} not found`)
  );
}

/** The custom field definition routes over `data`; `now` stamps the definitions they write. */
export function llamadaProCustomFieldRoutes(
  data: LlamadaProData,
  now: () => string,
): DialectRoute[] {
  return [
    route('GET', '/api/v1/custom-fields', ({ query }) => {
      const paging = readPaging(query, 'custom-fields');
      const filters = parseFilterBy(textQuery(query, 'filterBy'), [
        'entityType',
        'fieldType',
        'fieldKey',
      ]);
      for (const [field, value] of filters) {
        if (field === 'entityType' && !ENTITY_TYPES.some((type) => type === value))
          fail(400, `filterBy: entityType must be one of ${ENTITY_TYPES.join(', ')}`);
        if (field === 'fieldType' && !FIELD_TYPES.some((type) => type === value))
          fail(400, `filterBy: fieldType must be one of ${FIELD_TYPES.join(', ')}`);
      }
      const sorts = parseSortBy<LlamadaProCustomFieldRecord>(textQuery(query, 'sortBy'), {
        id: (field) => field.id,
        fieldKey: (field) => field.fieldKey,
        createdAt: (field) => Date.parse(field.createdAt),
      });
      const searchBy = textQuery(query, 'searchBy');
      const fields = data.customFields
        .filter((field) => filters.every(([name, value]) => Reflect.get(field, name) === value))
        .filter((field) => matchesText([field.fieldKey, field.fieldLabel], searchBy))
        .sort(orderThenById(sorts));
      return pageOf(fields, 'custom-fields', paging);
    }),
    route('POST', '/api/v1/custom-fields', ({ body }) => {
      const input = parseBody(fieldCreateSchema, body);
      if (
        data.customFields.some(
          (field) => field.entityType === input.entityType && field.fieldKey === input.fieldKey,
        )
      ) {
        fail(
          400,
          `a ${input.entityType} custom field with the key "${input.fieldKey}" already exists`,
        );
      }
      const at = now();
      const field: LlamadaProCustomFieldRecord = {
        id: data.nextIds.customField++,
        tenantId: LLAMADAPRO_TENANT_ID,
        entityType: input.entityType,
        fieldKey: input.fieldKey,
        fieldLabel: input.fieldLabel ?? null,
        fieldType: input.fieldType,
        description: input.description ?? null,
        createdAt: at,
        updatedAt: at,
      };
      data.customFields.push(field);
      return field;
    }),
    route('GET', '/api/v1/custom-fields/{id}', ({ params }) => findField(data, params['id'])),
    route('PUT', '/api/v1/custom-fields/{id}', ({ params, body }) => {
      const field = findField(data, params['id']);
      const input = parseBody(fieldUpdateSchema, body);
      const entityType = input.entityType ?? field.entityType;
      const fieldKey = input.fieldKey ?? field.fieldKey;
      if (
        data.customFields.some(
          (other) =>
            other !== field && other.entityType === entityType && other.fieldKey === fieldKey,
        )
      ) {
        fail(400, `a ${entityType} custom field with the key "${fieldKey}" already exists`);
      }
      const holders = holdersWithValue(data, field);
      if (
        (entityType !== field.entityType ||
          (input.fieldType ?? field.fieldType) !== field.fieldType) &&
        holders.length > 0
      ) {
        fail(
          409,
          `custom field ${field.id} has values on ${holders.length} records; its type and entity type cannot change`,
        );
      }
      if (fieldKey !== field.fieldKey) {
        for (const holder of holders) {
          holder.customFields[fieldKey] = holder.customFields[field.fieldKey];
          delete holder.customFields[field.fieldKey];
        }
      }
      field.entityType = entityType;
      field.fieldKey = fieldKey;
      if (input.fieldType !== undefined) field.fieldType = input.fieldType;
      if (input.fieldLabel !== undefined) field.fieldLabel = input.fieldLabel;
      if (input.description !== undefined) field.description = input.description;
      field.updatedAt = now();
      return field;
    }),
    route('DELETE', '/api/v1/custom-fields/{id}', ({ params, query }) => {
      const field = findField(data, params['id']);
      const force = enumQuery(query, 'force', ['true', 'false']) === 'true';
      const holders = holdersWithValue(data, field);
      if (holders.length > 0 && !force) {
        fail(
          409,
          `custom field ${field.id} has values on ${holders.length} records; delete with force=true to remove them too`,
          {
            recordsWithValues: holders.length,
          },
        );
      }
      for (const holder of holders) delete holder.customFields[field.fieldKey];
      data.customFieldOptions = data.customFieldOptions.filter(
        (option) => option.definitionId !== field.id,
      );
      data.customFields.splice(data.customFields.indexOf(field), 1);
      return field;
    }),
  ];
}
