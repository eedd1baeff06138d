import SchemaBuilder from '@pothos/core';
import DirectivePlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import type { Context } from './context.js';
import { decodeGlobalId, encodeGlobalId, localId } from './ids.js';

export interface SwitchboardTypes {
  Context: Context;
  Scalars: {
    DateTime: { Input: Date; Output: string };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
}

/** The builder's full type set, for helpers that take Pothos builders as parameters. */
export type BuilderTypes = PothosSchemaTypes.ExtendDefaultTypes<SwitchboardTypes>;

export const builder = new SchemaBuilder<SwitchboardTypes>({
  // Federation records the entities' keys as directives that only toSubGraphSchema() prints.
  plugins: [RelayPlugin, DirectivePlugin, FederationPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: (typename, id, ctx) => encodeGlobalId(ctx.idScope, typename, id),
    decodeGlobalID: (globalId, ctx) => {
      const { type, provider, providerId } = decodeGlobalId(ctx, globalId);
      return { typename: type, id: localId(provider, providerId) };
    },
    nodeQueryOptions: {
      description: 'Any object by its global id.',
      args: { id: { description: 'A global id, as any `id` field of the graph returns it.' } },
    },
    // Replaced by src/schema/node.ts, which resolves each id on its own.
    nodesQueryOptions: false,
    nodeTypeOptions: {
      description: 'An object with a global id, which `node(id)` and `nodes(ids)` resolve.',
    },
    idFieldOptions: {
      description:
        "Opaque global id: the type, the vendor and the vendor id in one string. Pass it to `node(id)` or the type's own lookup.",
    },
    pageInfoTypeOptions: { description: 'Where a page sits in its list.' },
    hasNextPageFieldOptions: { description: 'Whether items follow this page.' },
    hasPreviousPageFieldOptions: {
      description:
        'Whether items come before this page (an `after` was given); lists page forwards only.',
    },
    startCursorFieldOptions: { description: 'The cursor of the first item of this page.' },
    endCursorFieldOptions: {
      description: 'The cursor of the last item of this page; pass it as `after` for the next.',
    },
  },
});
