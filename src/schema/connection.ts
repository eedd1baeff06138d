import type { ObjectRef } from '@pothos/core';
import type { ArgBuilder } from '@pothos/core';
import { builder, type BuilderTypes } from '../builder.js';
import { FIRST_DEFAULT, FIRST_MAX } from '../services/list-connection.js';
import type { ConnectionShape } from '../model/connection.js';

/**
 * `XConnection { edges { cursor node } pageInfo totalCount }` and `XEdge`, with only `first` and
 * `after` as arguments (merged lists cannot page backwards), unlike the relay plugin's helper.
 */
export function defineConnection<T>(
  name: string,
  nodeRef: ObjectRef<BuilderTypes, T>,
): ObjectRef<BuilderTypes, ConnectionShape<T>> {
  const edge = builder.objectRef<{ cursor: string; node: T }>(`${name}Edge`).implement({
    description: `One ${name} in a list, with the cursor that resumes the list after it.`,
    fields: (t) => ({
      cursor: t.exposeString('cursor', {
        description: 'Pass as `after` to continue after this item.',
      }),
      // TypeScript cannot resolve Pothos' result type for a generic T; callers pass matching refs.
      node: t.field({
        type: nodeRef,
        description: `The ${name}.`,
        resolve: (parent) => parent.node as never,
      }),
    }),
  });
  return builder.objectRef<ConnectionShape<T>>(`${name}Connection`).implement({
    description: `A page of ${name} objects.`,
    fields: (t) => ({
      edges: t.field({
        type: [edge],
        description: 'The items of this page, in list order, each with its cursor.',
        resolve: (parent) => parent.edges,
      }),
      pageInfo: t.field({
        type: builder.pageInfoRef(),
        description: 'Whether more items follow, and the cursor to ask for them.',
        resolve: (parent) => parent.pageInfo,
      }),
      totalCount: t.int({
        nullable: true,
        description: 'How many items the whole list holds, across every vendor that answered.',
        resolve: (parent) => parent.totalCount(),
      }),
    }),
  });
}

export { FIRST_DEFAULT, FIRST_MAX, validateFirst } from '../services/list-connection.js';

/** The `first` and `after` arguments every list field takes. */
export function defineConnectionArgs(t: { arg: ArgBuilder<BuilderTypes> }) {
  return {
    first: t.arg.int({
      defaultValue: FIRST_DEFAULT,
      description: `How many items (0 to ${FIRST_MAX}).`,
    }),
    after: t.arg.string({ description: 'The `endCursor` of the previous page.' }),
  };
}
