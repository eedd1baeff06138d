import type {
  CustomField,
  CustomFieldOption,
  UpdateCustomFieldInput,
  UpdateCustomFieldOptionInput,
} from '../../../model/custom-field.js';
import { nonEmpty, toIsoDate } from '../../normalize.js';
import type {
  LlamadaProCustomFieldBody,
  LlamadaProCustomFieldDefinition,
  LlamadaProCustomFieldListOption,
  LlamadaProCustomFieldOptionBody,
} from './schemas.js';

export function toCustomField(raw: LlamadaProCustomFieldDefinition): CustomField {
  return {
    provider: 'LLAMADAPRO',
    providerId: String(raw.id),
    key: raw.fieldKey,
    label: nonEmpty(raw.fieldLabel),
    type: raw.fieldType,
    entityType: raw.entityType,
    description: nonEmpty(raw.description),
    createdAt: toIsoDate(raw.createdAt),
    updatedAt: toIsoDate(raw.updatedAt),
    raw,
  };
}

export function toCustomFieldOption(raw: LlamadaProCustomFieldListOption): CustomFieldOption {
  return {
    id: String(raw.id),
    value: raw.value,
    label: nonEmpty(raw.label),
    description: nonEmpty(raw.description),
    createdAt: toIsoDate(raw.createdAt),
    updatedAt: toIsoDate(raw.updatedAt),
  };
}

/** A definition's create or update body: only the members given, under the vendor's names. */
export function toLlamadaProCustomFieldBody(
  input: UpdateCustomFieldInput,
): LlamadaProCustomFieldBody {
  const body: LlamadaProCustomFieldBody = {};
  if (input.key !== undefined) body.fieldKey = input.key;
  if (input.label !== undefined) body.fieldLabel = input.label;
  if (input.type !== undefined) body.fieldType = input.type;
  if (input.entityType !== undefined) body.entityType = input.entityType;
  if (input.description !== undefined) body.description = input.description;
  return body;
}

/** A list option's create or update body: only the members given. */
export function toLlamadaProOptionBody(
  input: UpdateCustomFieldOptionInput,
): LlamadaProCustomFieldOptionBody {
  const body: LlamadaProCustomFieldOptionBody = {};
  if (input.value !== undefined) body.value = input.value;
  if (input.label !== undefined) body.label = input.label;
  if (input.description !== undefined) body.description = input.description;
  return body;
}
