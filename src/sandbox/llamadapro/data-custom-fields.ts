import { SANDBOX_NOW } from '../people.js';
import { DAY, isoMillis } from '../seeding.js';
import {
  LLAMADAPRO_TENANT_ID,
  type LlamadaProCustomFieldEntityType,
  type LlamadaProCustomFieldOptionRecord,
  type LlamadaProCustomFieldRecord,
  type LlamadaProCustomFieldType,
  type LlamadaProData,
} from './records.js';

interface FieldSeed {
  entityType: LlamadaProCustomFieldEntityType;
  fieldKey: string;
  fieldLabel: string;
  fieldType: LlamadaProCustomFieldType;
  description: string | null;
  options?: Array<{ value: string; label: string; description: string | null }>;
}

const FIELD_SEEDS: FieldSeed[] = [
  {
    entityType: 'CONTACT',
    fieldKey: 'customer_tier',
    fieldLabel: 'Customer tier',
    fieldType: 'LIST',
    description: 'Commercial tier, reviewed every quarter',
    options: [
      { value: 'bronze', label: 'Bronze', description: 'Under 1,000 a year' },
      { value: 'silver', label: 'Silver', description: null },
      { value: 'gold', label: 'Gold', description: null },
      { value: 'platinum', label: 'Platinum', description: 'Key account with a dedicated manager' },
    ],
  },
  {
    entityType: 'CONTACT',
    fieldKey: 'preferred_language',
    fieldLabel: 'Preferred language',
    fieldType: 'LIST',
    description: 'Language the agents should use',
    options: [
      { value: 'es', label: 'Español', description: null },
      { value: 'en', label: 'English', description: null },
      { value: 'fr', label: 'Français', description: null },
      { value: 'pt', label: 'Português', description: null },
    ],
  },
  {
    entityType: 'CONTACT',
    fieldKey: 'lifetime_value',
    fieldLabel: 'Lifetime value',
    fieldType: 'NUMBER',
    description: 'Revenue to date, in USD',
  },
  {
    entityType: 'CONTACT',
    fieldKey: 'birthday',
    fieldLabel: 'Birthday',
    fieldType: 'DATE',
    description: null,
  },
  {
    entityType: 'CONTACT',
    fieldKey: 'vip',
    fieldLabel: 'VIP',
    fieldType: 'BOOLEAN',
    description: 'Route to a senior agent',
  },
  {
    entityType: 'CONTACT',
    fieldKey: 'contract',
    fieldLabel: 'Signed contract',
    fieldType: 'FILE',
    description: 'Latest signed contract (file id)',
  },
  {
    entityType: 'FUNNEL_CONVERSATION',
    fieldKey: 'lead_source',
    fieldLabel: 'Lead source',
    fieldType: 'LIST',
    description: 'Where the conversation came from',
    options: [
      { value: 'web', label: 'Website form', description: null },
      { value: 'referral', label: 'Referral', description: null },
      { value: 'outbound', label: 'Outbound campaign', description: null },
      { value: 'event', label: 'Trade show', description: null },
    ],
  },
  {
    entityType: 'PRODUCT',
    fieldKey: 'sku',
    fieldLabel: 'SKU',
    fieldType: 'STRING',
    description: 'Warehouse stock-keeping unit',
  },
];

/** The custom field definitions and their list options. */
export function createCustomFields(
  nextIds: LlamadaProData['nextIds'],
): Pick<LlamadaProData, 'customFields' | 'customFieldOptions'> {
  const customFields: LlamadaProCustomFieldRecord[] = [];
  const customFieldOptions: LlamadaProCustomFieldOptionRecord[] = [];
  FIELD_SEEDS.forEach((seed, index) => {
    const created = isoMillis(SANDBOX_NOW - (500 - index) * DAY);
    const definition: LlamadaProCustomFieldRecord = {
      id: nextIds.customField++,
      tenantId: LLAMADAPRO_TENANT_ID,
      entityType: seed.entityType,
      fieldKey: seed.fieldKey,
      fieldLabel: seed.fieldLabel,
      fieldType: seed.fieldType,
      description: seed.description,
      createdAt: created,
      updatedAt: created,
    };
    customFields.push(definition);
    for (const option of seed.options ?? []) {
      customFieldOptions.push({
        id: nextIds.customFieldOption++,
        tenantId: LLAMADAPRO_TENANT_ID,
        definitionId: definition.id,
        value: option.value,
        label: option.label,
        description: option.description,
        createdAt: created,
        updatedAt: created,
      });
    }
  });
  return { customFields, customFieldOptions };
}
