import type {
  LlamadaProCustomFieldEntityType,
  LlamadaProCustomFieldRecord,
  LlamadaProData,
} from './records.js';
import { fail, type Issue } from './requests.js';

/*
 * The custom field values that contacts and conversations carry: checked against the definitions
 * (and, for LIST fields, their options) before a write, applied key by key, and found again when a
 * definition or option changes.
 */

export function checkCustomFields(
  data: LlamadaProData,
  values: Record<string, unknown>,
  entityType: LlamadaProCustomFieldEntityType,
  prefix: string,
): Issue[] {
  const issues: Issue[] = [];
  for (const [key, value] of Object.entries(values)) {
    const field = `${prefix}.${key}`;
    const definition = data.customFields.find(
      (entry) => entry.entityType === entityType && entry.fieldKey === key,
    );
    if (definition === undefined) {
      issues.push({
        field,
        message: `no ${entityType} custom field has the key "${key}"`,
        code: 'UNKNOWN_CUSTOM_FIELD',
      });
      continue;
    }
    if (value === null) continue;
    const type = definition.fieldType;
    const valid =
      type === 'NUMBER'
        ? typeof value === 'number' && Number.isFinite(value)
        : type === 'BOOLEAN'
          ? typeof value === 'boolean'
          : type === 'DATE'
            ? typeof value === 'string' && !Number.isNaN(Date.parse(value))
            : type === 'LIST'
              ? data.customFieldOptions.some(
                  (option) => option.definitionId === definition.id && option.value === value,
                )
              : typeof value === 'string';
    if (!valid) {
      const expected =
        type === 'LIST' ? "one of the field's list option values" : `a ${type} value`;
      issues.push({
        field,
        message: `${field} must be ${expected}`,
        code: 'INVALID_VALUE',
        context: { fieldType: type },
      });
    }
  }
  return issues;
}

/** A 400 naming the first problem when a body's `customFields` do not fit the definitions. */
export function requireCustomFields(
  data: LlamadaProData,
  values: Record<string, unknown> | undefined,
  entityType: LlamadaProCustomFieldEntityType,
): void {
  const issues =
    values === undefined ? [] : checkCustomFields(data, values, entityType, 'customFields');
  const first = issues[0];
  if (first !== undefined) fail(400, first.message, { issues });
}

/** A null value removes the key; others set it. */
export function applyCustomFields(
  target: Record<string, unknown>,
  values: Record<string, unknown> | undefined,
): void {
  for (const [key, value] of Object.entries(values ?? {})) {
    if (value === null) delete target[key];
    else target[key] = value;
  }
}

function holdersOf(
  data: LlamadaProData,
  definition: LlamadaProCustomFieldRecord,
): Array<{ customFields: Record<string, unknown> }> {
  return definition.entityType === 'CONTACT'
    ? data.contacts
    : definition.entityType === 'FUNNEL_CONVERSATION'
      ? data.conversations
      : [];
}

/** The records that hold a value for the definition. */
export function holdersWithValue(
  data: LlamadaProData,
  definition: LlamadaProCustomFieldRecord,
): Array<{ customFields: Record<string, unknown> }> {
  return holdersOf(data, definition).filter(
    (holder) => holder.customFields[definition.fieldKey] !== undefined,
  );
}
