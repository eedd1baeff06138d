import { z } from 'zod';
import {
  CUSTOM_FIELD_ENTITY_TYPES,
  CUSTOM_FIELD_TYPES,
  type CustomFieldEntityType,
  type CustomFieldType,
} from '../../../model/custom-field.js';
import { id, llamadaProListSchema, text } from '../shared.js';

// CustomFieldDefinition — type and entity type are the model's enums, so they are required.
export const llamadaProCustomFieldDefinitionSchema = z.looseObject({
  id,
  tenantId: text,
  entityType: z.enum(CUSTOM_FIELD_ENTITY_TYPES),
  fieldKey: z.string(),
  fieldLabel: text,
  fieldType: z.enum(CUSTOM_FIELD_TYPES),
  description: text,
  createdAt: text,
  updatedAt: text,
});
export type LlamadaProCustomFieldDefinition = z.infer<typeof llamadaProCustomFieldDefinitionSchema>;

// CustomFieldListOption
export const llamadaProCustomFieldListOptionSchema = z.looseObject({
  id,
  tenantId: text,
  definitionId: id.nullish(),
  value: z.string(),
  label: text,
  description: text,
  createdAt: text,
  updatedAt: text,
});
export type LlamadaProCustomFieldListOption = z.infer<typeof llamadaProCustomFieldListOptionSchema>;

export const llamadaProCustomFieldListSchema = llamadaProListSchema(
  llamadaProCustomFieldDefinitionSchema,
);
export const llamadaProCustomFieldOptionListSchema = llamadaProListSchema(
  llamadaProCustomFieldListOptionSchema,
);

/** A definition's create or update body: only the members given. */
export interface LlamadaProCustomFieldBody {
  fieldKey?: string;
  fieldLabel?: string | null;
  fieldType?: CustomFieldType;
  entityType?: CustomFieldEntityType;
  description?: string | null;
}

/** A list option's create or update body: only the members given. */
export interface LlamadaProCustomFieldOptionBody {
  value?: string;
  label?: string | null;
  description?: string | null;
}
