import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLNamedType,
} from 'graphql';
import { expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';

/**
 * Every element a reader meets in GraphiQL's docs pane: named types, fields, arguments, input
 * fields and enum values. Introspection types and the built-in scalars are graphql-js's own.
 */
function undescribed(type: GraphQLNamedType): string[] {
  const missing: string[] = [];
  const blank = (text: string | null | undefined) => !text || text.trim() === '';
  if (blank(type.description)) missing.push(type.name);
  if (isObjectType(type) || isInterfaceType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
      for (const arg of field.args) {
        if (blank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
  }
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
    }
  }
  if (isEnumType(type)) {
    for (const value of type.getValues()) {
      if (blank(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

const types = Object.values(schema.getTypeMap()).filter(
  (type) => !type.name.startsWith('__') && !isSpecifiedScalarType(type),
);

it('walks the whole schema', () => {
  expect(types.map((type) => type.name)).toEqual(
    expect.arrayContaining(['Query', 'Mutation', 'Call', 'CallStatus', 'CallFilter', 'PageInfo']),
  );
});

it('describes every type, field, argument and enum value', () => {
  expect(types.flatMap(undescribed)).toEqual([]);
});
