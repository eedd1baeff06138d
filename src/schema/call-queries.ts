import { responsePathAsArray } from 'graphql';
import { builder } from '../builder.js';
import { getCall } from '../services/calls/get-call.js';
import { listAgentCalls, listCalls } from '../services/calls/list-calls.js';
import { AgentRefType } from './agent.js';
import { CallConnection, CallType } from './call.js';
import { defineConnectionArgs } from './connection.js';
import { CallDirectionEnum, CallStatusEnum, ProviderEnum } from './enums.js';

// The ways to ask for calls: `call`, `calls(filter:)` and `Agent.calls`.
export const CallFilterInput = builder.inputType('CallFilter', {
  description: 'Narrows a list of calls; every member given must match.',
  fields: (t) => ({
    providers: t.field({
      type: [ProviderEnum],
      required: false,
      description: 'Default: every call provider (OVIA, LLAMADAPRO, CX, HAPPYROBOT).',
    }),
    status: t.field({
      type: [CallStatusEnum],
      required: false,
      description:
        "Any of these statuses. One status is sent to Ovia, LlamadaPro and HappyRobot in the vendor's spelling where that spelling is known (not CANCELED, which vendors spell two ways); several, and the rest, are checked on every call read.",
    }),
    direction: t.field({
      type: CallDirectionEnum,
      required: false,
      description: 'Only this direction.',
    }),
    phone: t.string({ required: false, description: 'E.164 number; matches `from` or `to`.' }),
    startedAfter: t.field({
      type: 'DateTime',
      required: false,
      description: 'Started at or after this time.',
    }),
    startedBefore: t.field({
      type: 'DateTime',
      required: false,
      description: 'Started before this time.',
    }),
    updatedAfter: t.field({
      type: 'DateTime',
      required: false,
      description:
        'Last updated at or after this time (`Call.updatedAt`), for incremental sync. No vendor filters by it, so it is checked on every call read; CX and HappyRobot report no update time and match nothing.',
    }),
    agentId: t.id({
      required: false,
      description:
        "An Agent's id (`Agent.id`): only that agent's calls, on its vendor alone (with `providers`, the agent's vendor must be among them). Sent to Ovia natively.",
    }),
    classificationTag: t.string({
      required: false,
      description:
        'Only calls whose `classification.tag` is this, ignoring case. Checked on every call read; CX classifies nothing and matches nothing.',
    }),
    useCaseId: t.string({
      required: false,
      description:
        "HappyRobot's own id of a use case (`Call.useCase.id`); sent to HappyRobot natively. The other vendors have no use cases and match nothing.",
    }),
    campaignId: t.string({
      required: false,
      description:
        "HappyRobot's own id of a campaign (`Call.campaignId`); checked on every HappyRobot call read. The other vendors have no campaigns and match nothing.",
    }),
  }),
});

builder.queryFields((t) => ({
  call: t.field({
    type: CallType,
    nullable: true,
    description: 'One call by its global id.',
    args: { id: t.arg.id({ required: true, description: 'A Call id.' }) },
    resolve: (_, args, ctx) => getCall(ctx, args.id),
  }),
  calls: t.field({
    type: CallConnection,
    description:
      "Calls from every call vendor merged into one list, newest first. The cursor holds every vendor's position, so paging to the end yields each call once; a failing vendor's calls are missing and named in `errors`.",
    args: {
      filter: t.arg({
        type: CallFilterInput,
        required: false,
        description: 'Which calls to list; every call vendor when absent.',
      }),
      ...defineConnectionArgs(t),
    },
    resolve: (_, args, ctx, info) =>
      listCalls(ctx, { ...args, path: responsePathAsArray(info.path) }),
  }),
}));

builder.objectFields(AgentRefType, (t) => ({
  calls: t.field({
    type: CallConnection,
    description: "The agent's calls, newest first.",
    args: defineConnectionArgs(t),
    resolve: (agent, args, ctx, info) =>
      listAgentCalls(ctx, agent, { ...args, path: responsePathAsArray(info.path) }),
  }),
}));
