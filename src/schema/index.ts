import type { GraphQLSchema } from 'graphql';
import { builder } from '../builder.js';
import './scalars.js';
import './enums.js';
import './mutation.js';
import './provider.js';
import './node.js';
import './agent.js';
import './call.js';
import './call-queries.js';
import './call-stats.js';
import './call-note.js';
import './start-call.js';
import './call-recording.js';
import './call-transcription.js';
import './contact.js';
import './task.js';
import './problem.js';
import './message.js';
import './message-mutations.js';
import './custom-field.js';
import './conversation.js';
import './conversation-mutations.js';
import './joins.js';
import './subscription.js';
import './entities.js';

builder.queryType({ description: 'Everything Switchboard can read, across every vendor.' });

export const schema = builder.toSchema({ sortSchema: false });

let subgraph: GraphQLSchema | undefined;

/**
 * The Apollo Federation v2 subgraph schema (schema.subgraph.graphql), served with
 * SWITCHBOARD_FEDERATION=1: the same builder and resolvers as `schema`, plus the entities' `@key`s,
 * `_service` and `_entities`. Built on first use, so a gateway that does not serve it never
 * builds it; the plugin prints it in alphabetical order.
 */
export function subgraphSchema(): GraphQLSchema {
  subgraph ??= builder.toSubGraphSchema({});
  return subgraph;
}
