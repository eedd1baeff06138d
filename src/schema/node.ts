import { resolveNodes } from '@pothos/plugin-relay';
import { builder } from '../builder.js';
import { decodeGlobalId, localId } from '../ids.js';

// The relay plugin's `node` field, registered here first so that `nodes` follows it.
const Node = builder.nodeInterfaceRef();

/**
 * `nodes(ids)` resolves each id on its own: the relay plugin's version decodes every id as an
 * argument and loads each type's ids together, so one malformed, missing or failing id fails the
 * non-null list and with it the whole response. Here a bad id is null at its index with one
 * error at that index; ids of one type still share the per-request loaders' batches.
 */
builder.queryField('nodes', (t) =>
  t.field({
    type: [Node],
    nullable: { list: false, items: true },
    description:
      'Objects by their global ids, in the order given: null where none, with an error at that index for an id that is malformed or whose vendor failed.',
    args: {
      ids: t.arg.idList({ required: true, description: 'Global ids of objects of any types.' }),
    },
    resolve: (_root, { ids }, ctx, info) =>
      ids.map(async (id) => {
        const { type, provider, providerId } = decodeGlobalId(ctx, String(id));
        const [node] = await resolveNodes(builder, ctx, info, [
          { typename: type, id: localId(provider, providerId) },
        ]);
        return (await node) ?? null;
      }),
  }),
);
