import {
  getNamedType,
  isInputObjectType,
  type GraphQLInputObjectType,
  type GraphQLObjectType,
} from 'graphql';
import { expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';

/** The input object types an operation type's fields take, through nested input fields too. */
function inputsOf(type: GraphQLObjectType | null | undefined): Set<GraphQLInputObjectType> {
  const found = new Set<GraphQLInputObjectType>();
  const visit = (named: unknown): void => {
    if (!isInputObjectType(named) || found.has(named)) return;
    found.add(named);
    for (const field of Object.values(named.getFields())) visit(getNamedType(field.type));
  };
  for (const field of Object.values(type?.getFields() ?? {})) {
    for (const arg of field.args) visit(getNamedType(arg.type));
  }
  return found;
}

it('takes @oneOf inputs only in mutations, which graphql-jit never runs (src/yoga.ts)', () => {
  const oneOf = Object.values(schema.getTypeMap()).filter(
    (type): type is GraphQLInputObjectType => isInputObjectType(type) && type.isOneOf,
  );
  // StartCallInput at least: the guard below checks something.
  expect(oneOf.map((type) => type.name)).toContain('StartCallInput');
  const compiled = new Set([
    ...inputsOf(schema.getQueryType()),
    ...inputsOf(schema.getSubscriptionType()),
  ]);
  expect(oneOf.filter((type) => compiled.has(type)).map((type) => type.name)).toEqual([]);
});
