import { z } from 'zod';
import type { DialectRoute } from '../vendor-server.js';
import { holdersWithValue } from './custom-field-values.js';
import { findField } from './custom-fields.js';
import { byIdAsc, matchesText, pageOf, parseFilterBy, readPaging } from './lists.js';
import {
  LLAMADAPRO_TENANT_ID,
  type LlamadaProCustomFieldOptionRecord,
  type LlamadaProCustomFieldRecord,
  type LlamadaProData,
} from './records.js';
import { fail, numericId, parseBody, route, textQuery } from './requests.js';

/*
 * The options of LlamadaPro's LIST custom fields (docs/vendors/llamadapro.md): list, create, read,
 * update and delete. Records holding an option's value follow it when it changes and lose it when
 * it goes.
 */

const optionCreateSchema = z.looseObject({
  definitionId: z.number(),
  value: z.string().min(1),
  label: z.string().nullish(),
  description: z.string().nullish(),
});
const optionUpdateSchema = z.looseObject({
  value: z.string().min(1).optional(),
  label: z.string().nullish(),
  description: z.string().nullish(),
});

/** The custom field option routes over `data`; `now` stamps the options they write. */
export function llamadaProCustomFieldOptionRoutes(
  data: LlamadaProData,
  now: () => string,
): DialectRoute[] {
  const findOption = (
    definition: LlamadaProCustomFieldRecord,
    raw: string | undefined,
  ): LlamadaProCustomFieldOptionRecord => {
    const id = numericId(raw, 'optionId');
    return (
      data.customFieldOptions.find(
        (option) => option.id === id && option.definitionId === definition.id,
      ) ?? fail(404, `option ${id} of custom field ${definition.id} not found`)
    );
  };

  return [
    route('GET', '/api/v1/custom-fields/{definitionId}/options', ({ params, query }) => {
      const definition = findField(data, params['definitionId']);
      const paging = readPaging(query, `options-${definition.id}`);
      const filters = parseFilterBy(textQuery(query, 'filterBy'), ['value', 'label']);
      const searchBy = textQuery(query, 'searchBy');
      const options = data.customFieldOptions
        .filter((option) => option.definitionId === definition.id)
        .filter((option) => filters.every(([name, value]) => Reflect.get(option, name) === value))
        .filter((option) => matchesText([option.value, option.label], searchBy))
        .sort(byIdAsc);
      return pageOf(options, `options-${definition.id}`, paging);
    }),
    route('POST', '/api/v1/custom-fields/{definitionId}/options', ({ params, body }) => {
      const definition = findField(data, params['definitionId']);
      const input = parseBody(optionCreateSchema, body);
      if (input.definitionId !== definition.id)
        fail(400, `definitionId ${input.definitionId} does not match the path's ${definition.id}`);
      if (definition.fieldType !== 'LIST')
        fail(400, `custom field ${definition.id} is ${definition.fieldType}, not LIST`);
      if (
        data.customFieldOptions.some(
          (option) => option.definitionId === definition.id && option.value === input.value,
        )
      ) {
        fail(400, `custom field ${definition.id} already has the option "${input.value}"`);
      }
      const at = now();
      const option: LlamadaProCustomFieldOptionRecord = {
        id: data.nextIds.customFieldOption++,
        tenantId: LLAMADAPRO_TENANT_ID,
        definitionId: definition.id,
        value: input.value,
        label: input.label ?? null,
        description: input.description ?? null,
        createdAt: at,
        updatedAt: at,
      };
      data.customFieldOptions.push(option);
      return option;
    }),
    route('GET', '/api/v1/custom-fields/{definitionId}/options/{optionId}', ({ params }) =>
      findOption(findField(data, params['definitionId']), params['optionId']),
    ),
    route('PUT', '/api/v1/custom-fields/{definitionId}/options/{optionId}', ({ params, body }) => {
      const definition = findField(data, params['definitionId']);
      const option = findOption(definition, params['optionId']);
      const input = parseBody(optionUpdateSchema, body);
      if (input.value !== undefined && input.value !== option.value) {
        if (
          data.customFieldOptions.some(
            (other) => other.definitionId === definition.id && other.value === input.value,
          )
        ) {
          fail(400, `custom field ${definition.id} already has the option "${input.value}"`);
        }
        // Records holding the old value follow the option.
        for (const holder of holdersWithValue(data, definition)) {
          if (holder.customFields[definition.fieldKey] === option.value)
            holder.customFields[definition.fieldKey] = input.value;
        }
        option.value = input.value;
      }
      if (input.label !== undefined) option.label = input.label;
      if (input.description !== undefined) option.description = input.description;
      option.updatedAt = now();
      return option;
    }),
    route('DELETE', '/api/v1/custom-fields/{definitionId}/options/{optionId}', ({ params }) => {
      const definition = findField(data, params['definitionId']);
      const option = findOption(definition, params['optionId']);
      // The document warns that deleting an option affects the records using it: they lose the value.
      for (const holder of holdersWithValue(data, definition)) {
        if (holder.customFields[definition.fieldKey] === option.value)
          delete holder.customFields[definition.fieldKey];
      }
      data.customFieldOptions.splice(data.customFieldOptions.indexOf(option), 1);
      return option;
    }),
  ];
}
