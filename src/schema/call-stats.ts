import { responsePathAsArray } from 'graphql';
import { builder } from '../builder.js';
import {
  callStats,
  type CallStats,
  type CallStatsDimension,
  type CallStatsGroup,
} from '../services/calls/call-stats.js';
import { CallFilterInput } from './call-queries.js';

// `callStats`: counts, durations and costs of calls across vendors (README, "Call analytics").
export const CallStatsDimensionEnum = builder.enumType('CallStatsDimension', {
  description: 'What `callStats` groups calls by; each gives one part of a group’s `key`.',
  values: {
    PROVIDER: { description: 'The call’s vendor, as a `Provider` name.' },
    STATUS: { description: 'The call’s status, as a `CallStatus` name.' },
    DIRECTION: { description: 'The call’s direction, as a `CallDirection` name, or `none`.' },
    AGENT: { description: 'The id of the call’s agent (`Agent.id`), or `none`.' },
    DAY: { description: 'The UTC day of `startedAt` as `YYYY-MM-DD`, or `none` when not started.' },
  } satisfies Record<CallStatsDimension, { description: string }>,
});

const CallStatsGroupType = builder.objectRef<CallStatsGroup>('CallStatsGroup').implement({
  description: 'The calls that share one value of every `groupBy` dimension.',
  fields: (t) => ({
    key: t.exposeStringList('key', {
      description: 'One value per `groupBy` dimension, in its order.',
    }),
    count: t.exposeInt('count', { description: 'How many calls the group holds.' }),
    durationSeconds: t.exposeFloat('durationSeconds', {
      description: 'The calls’ durations added up; a call without one counts as 0.',
    }),
    cost: t.exposeFloat('cost', {
      nullable: true,
      description:
        'The known costs (`costs.total`) added up when they are all in one currency. A cost without a stated currency is taken to be in its vendor’s own, so two vendors’ unstated costs are never added: null for a group mixing currencies, or without any known cost.',
    }),
    currency: t.exposeString('currency', {
      nullable: true,
      description:
        'The currency of `cost` where the vendors state it; null when they do not, or when `cost` is null.',
    }),
  }),
});

const CallStatsType = builder.objectRef<CallStats>('CallStats').implement({
  description: 'Calls counted and summed over every call a filter matches, across vendors.',
  fields: (t) => ({
    totalCount: t.exposeInt('totalCount', { description: 'How many calls were counted.' }),
    groups: t.field({
      type: [CallStatsGroupType],
      description: 'The groups, by `count` from largest, then by `key`.',
      resolve: (stats) => stats.groups,
    }),
    complete: t.exposeBoolean('complete', {
      description: 'False when a vendor failed and its calls are missing; `errors` names it.',
    }),
  }),
});

builder.queryField('callStats', (t) =>
  t.field({
    type: CallStatsType,
    description:
      "Counts, durations and costs of every call the filter matches, grouped. Every matching call is read, in each vendor's largest pages with its native filters; a query that would read more than SWITCHBOARD_STATS_MAX_CALLS calls (the vendors' first pages tell) is refused with INVALID_INPUT.",
    args: {
      filter: t.arg({
        type: CallFilterInput,
        required: false,
        description: 'Which calls to count; every call vendor when absent.',
      }),
      groupBy: t.arg({
        type: [CallStatsDimensionEnum],
        required: true,
        description: 'The dimensions to group by, each at most once; `[]` gives one group.',
      }),
    },
    resolve: (_, args, ctx, info) =>
      callStats(ctx, { ...args, path: responsePathAsArray(info.path) }),
  }),
);
