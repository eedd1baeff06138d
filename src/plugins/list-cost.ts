import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';
import { FIRST_DEFAULT } from '../schema/connection.js';

/** A list field without a `first` (e.g. `Call.problems`) is counted at this many items. */
export const ASSUMED_LIST_SIZE = 10;

/**
 * The number of objects an operation may return, lists counted at the size they ask for:
 * a connection at its `first` (or the default), `nodes(ids)` at its number of ids, other lists at
 * ASSUMED_LIST_SIZE. Nested lists multiply, which is what makes `contact → calls → contact …`
 * expensive. Variables are resolved, so `first: $n` counts at the value sent, or at the
 * variable's default when none is sent.
 */
export function listCost(options: {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}): number {
  const { schema, fragments } = options;
  const variables: Record<string, unknown> = {};
  for (const definition of options.operation.variableDefinitions ?? []) {
    if (definition.defaultValue) {
      variables[definition.variable.name.value] = valueFromASTUntyped(definition.defaultValue);
    }
  }
  Object.assign(variables, options.variables);
  const root =
    options.operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  if (!root) return 0;

  const argument = (
    nodes: readonly { name: { value: string }; value: ValueNode }[] | undefined,
    name: string,
  ): unknown => {
    const node = nodes?.find((candidate) => candidate.name.value === name);
    if (!node) return undefined;
    return valueOf(node.value, variables);
  };

  const costOf = (
    selectionSet: SelectionSetNode,
    parentType: GraphQLOutputType,
    seen: Set<string>,
    /** The `first` of the connection whose fields these are. */
    pageSize = 1,
  ): number => {
    const named = getNamedType(parentType);
    if (!isObjectType(named) && !isInterfaceType(named)) return 0;
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments[selection.name.value];
        if (!fragment || seen.has(selection.name.value)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        if (type && (isObjectType(type) || isInterfaceType(type))) {
          total += costOf(
            fragment.selectionSet,
            type,
            new Set([...seen, selection.name.value]),
            pageSize,
          );
        }
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : named;
        if (type && (isObjectType(type) || isInterfaceType(type)))
          total += costOf(selection.selectionSet, type, seen, pageSize);
        continue;
      }
      const field: GraphQLField<unknown, unknown> | undefined =
        named.getFields()[selection.name.value];
      if (!field || !selection.selectionSet) continue;
      if (getNamedType(field.type).name.endsWith('Connection')) {
        const first = argument(selection.arguments, 'first');
        const size = typeof first === 'number' ? Math.max(first, 1) : FIRST_DEFAULT;
        total += 1 + costOf(selection.selectionSet, field.type, seen, size);
        continue;
      }
      const childCost = 1 + costOf(selection.selectionSet, field.type, seen);
      total +=
        field.name === 'edges'
          ? childCost * pageSize
          : childCost * multiplier(field, selection.arguments);
    }
    return total;
  };

  const multiplier = (
    field: GraphQLField<unknown, unknown>,
    args: readonly { name: { value: string }; value: ValueNode }[] | undefined,
  ): number => {
    if (isListType(getNullableType(field.type))) {
      const ids = argument(args, 'ids');
      return Array.isArray(ids) ? Math.max(ids.length, 1) : ASSUMED_LIST_SIZE;
    }
    return 1;
  };

  return costOf(options.operation.selectionSet, root, new Set());
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
      return Number(node.value);
    case Kind.LIST:
      return node.values.map((value) => valueOf(value, variables));
    default:
      return undefined;
  }
}
