import SchemaBuilder from '@pothos/core';
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
  plugins: [RelayPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: (typename, id) => encodeGlobalId(typename, id),
    decodeGlobalID: (globalId) => {
      const { type, provider, providerId } = decodeGlobalId(globalId);
      return { typename: type, id: localId(provider, providerId) };
    },
    nodeQueryOptions: { description: 'Any object by its global id.' },
    nodesQueryOptions: {
      description: 'Objects by their global ids, in the order given; null where none.',
    },
  },
});
