export const CUSTOM_FIELD_TYPES = ['STRING', 'NUMBER', 'DATE', 'BOOLEAN', 'LIST', 'FILE'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const CUSTOM_FIELD_ENTITY_TYPES = [
  'CONTACT',
  'COMPANY',
  'FUNNEL_CONVERSATION',
  'FUNNEL_CHANNEL_SESSION',
  'PRODUCT',
] as const;
export type CustomFieldEntityType = (typeof CUSTOM_FIELD_ENTITY_TYPES)[number];

export interface CustomFieldOption {
  id: string;
  value: string;
  label: string | null;
  description: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

export interface CustomField {
  provider: 'LLAMADAPRO';
  providerId: string;
  key: string;
  label: string | null;
  type: CustomFieldType;
  entityType: CustomFieldEntityType;
  description: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  raw: unknown;
}

/** A new custom field definition. */
export interface CreateCustomFieldInput {
  key: string;
  label?: string;
  type: CustomFieldType;
  entityType: CustomFieldEntityType;
  description?: string;
}

/** Changes to a definition: omitted members are left alone, null clears a label or description. */
export interface UpdateCustomFieldInput {
  key?: string;
  label?: string | null;
  type?: CustomFieldType;
  entityType?: CustomFieldEntityType;
  description?: string | null;
}

/** A new choice of a list custom field. */
export interface CustomFieldOptionInput {
  value: string;
  label?: string;
  description?: string;
}

/** Changes to a list option: omitted members are left alone, null clears a label or description. */
export interface UpdateCustomFieldOptionInput {
  value?: string;
  label?: string | null;
  description?: string | null;
}
