import { responsePathAsArray } from 'graphql';
import { builder } from '../builder.js';
import { findAgent, getAgent } from '../services/calls/find-agent.js';
import { listAgents } from '../services/calls/list-agents.js';
import { localId, parseLocalId } from '../ids.js';
import type { AgentRef } from '../model/call.js';
import { defineConnection, defineConnectionArgs } from './connection.js';
import { ProviderEnum } from './enums.js';

function isAgent(value: unknown): value is AgentRef {
  return (
    typeof value === 'object' &&
    value !== null &&
    'name' in value &&
    !('channel' in value) &&
    !('title' in value)
  );
}

export const AgentRefType = builder.node(builder.objectRef<AgentRef>('Agent'), {
  description: 'A voice agent (AI employee) of one vendor, as its calls name it.',
  id: { resolve: (agent) => localId(agent.provider, agent.providerId) },
  isTypeOf: isAgent,
  loadOne: (id, ctx) => findAgent(ctx, parseLocalId(id)),
  fields: (t) => ({
    provider: t.field({
      type: ProviderEnum,
      description: 'The vendor the agent runs on.',
      resolve: (agent) => agent.provider,
    }),
    providerId: t.exposeString('providerId', { description: "The vendor's own id of the agent." }),
    name: t.exposeString('name', {
      nullable: true,
      description: 'The name the vendor gives the agent.',
    }),
  }),
});

const AgentConnection = defineConnection('Agent', AgentRefType);

builder.queryField('agents', (t) =>
  t.field({
    type: AgentConnection,
    description:
      'The agents of one call vendor, or of every one, by vendor in the Provider enum’s order and then by the vendor’s agent id. No vendor has an agents route, so they are the agents the vendor’s calls name, read from its whole call list (one request per 100 calls); LlamadaPro calls name no agent.',
    args: {
      provider: t.arg({
        type: ProviderEnum,
        required: false,
        description: 'Only this call vendor’s agents; every call vendor when absent.',
      }),
      ...defineConnectionArgs(t),
    },
    resolve: (_, args, ctx, info) =>
      listAgents(ctx, { ...args, path: responsePathAsArray(info.path) }),
  }),
);

builder.queryField('agent', (t) =>
  t.field({
    type: AgentRefType,
    nullable: true,
    description: 'One agent by its global id.',
    args: { id: t.arg.id({ required: true, description: 'An Agent id.' }) },
    resolve: (_, args, ctx) => getAgent(ctx, args.id),
  }),
);
