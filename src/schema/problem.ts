import { responsePathAsArray } from 'graphql';
import { RAW_FIELD } from './scalars.js';
import { builder } from '../builder.js';
import { localId } from '../ids.js';
import { definePayload, idempotencyKeyArg } from './mutation.js';
import type { Problem, ProblemAssignee, ProblemType } from '../model/problem.js';
import { createProblem, listProblems, problemById, problemNode } from '../services/problems.js';
import { defineConnection, FIRST_DEFAULT } from './connection.js';
import { ProviderEnum } from './enums.js';

export const ProblemTypeEnum = builder.enumType('ProblemType', {
  description: 'What kind of problem was found in a conversation.',
  values: {
    SYSTEM: { description: 'A platform or integration failure.' },
    AUDIO: { description: 'Audio quality: noise, silence, cut-offs.' },
    TRANSCRIPTION: { description: 'Speech was transcribed wrongly.' },
    DECISION: { description: 'The agent decided or answered wrongly.' },
    GENERAL: { description: 'Anything else (also any type we do not know).' },
  } satisfies Record<ProblemType, { description: string }>,
});

const ProblemAssigneeType = builder.objectRef<ProblemAssignee>('ProblemAssignee').implement({
  description: 'A person a problem is assigned to.',
  fields: (t) => ({
    userId: t.exposeString('userId', { description: "The Freya user's id." }),
    userName: t.exposeString('userName', {
      nullable: true,
      description: "The Freya user's name.",
    }),
    assignedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the problem was assigned to them.',
      resolve: (assignee) => assignee.assignedAt,
    }),
  }),
});

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'severity' in value && 'title' in value;
}

/** `call` and `agent` are joins onto the call vendors, added in joins.ts. */
export const ProblemNodeType = builder.node(builder.objectRef<Problem>('Problem'), {
  description: 'A problem Freya found (or a person filed) in one call of any call vendor.',
  id: { resolve: (problem) => localId(problem.provider, problem.providerId) },
  isTypeOf: isProblem,
  loadOne: (id, ctx) => problemNode(ctx, id),
  fields: (t) => ({
    provider: t.field({
      type: ProviderEnum,
      description: 'The vendor that holds the problem (FREYA).',
      resolve: (problem) => problem.provider,
    }),
    providerId: t.exposeString('providerId', {
      description: "The vendor's own id of the problem.",
    }),
    title: t.exposeString('title', {
      description: "The problem in a sentence (Freya's `problem`).",
    }),
    description: t.exposeString('description', {
      nullable: true,
      description: 'The problem in detail.',
    }),
    type: t.field({
      type: ProblemTypeEnum,
      description: 'What kind of problem it is.',
      resolve: (problem) => problem.type,
    }),
    severity: t.exposeFloat('severity', { description: 'How severe, from 0 to 1.' }),
    status: t.exposeString('status', {
      nullable: true,
      description: "Freya's workflow status, e.g. `open`.",
    }),
    resolved: t.exposeBoolean('resolved', { description: 'Whether the problem is resolved.' }),
    resolvedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was resolved.',
      resolve: (problem) => problem.resolvedAt,
    }),
    resolvedBy: t.exposeString('resolvedBy', {
      nullable: true,
      description: 'The Freya user who resolved it.',
    }),
    callId: t.exposeString('callId', {
      nullable: true,
      description: "The call the problem is about: the call vendor's own id, not a global id.",
    }),
    customerNumber: t.exposeString('customerNumber', {
      nullable: true,
      description: "The customer's number on that call.",
    }),
    assignees: t.field({
      type: [ProblemAssigneeType],
      description: 'The people the problem is assigned to.',
      resolve: (problem) => problem.assignees,
    }),
    commentsCount: t.exposeInt('commentsCount', {
      nullable: true,
      description: 'How many comments the problem has.',
    }),
    archived: t.exposeBoolean('archived', {
      nullable: true,
      description: "Whether the problem is archived (Freya's `isArchived`).",
    }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the problem was filed.',
      resolve: (problem) => problem.createdAt,
    }),
    updatedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the problem last changed.',
      resolve: (problem) => problem.updatedAt,
    }),
    raw: t.expose('raw', RAW_FIELD),
  }),
});

export const ProblemConnection = defineConnection('Problem', ProblemNodeType);

const ProblemFilterInput = builder.inputType('ProblemFilter', {
  description: 'Narrows a list of problems; every member given must match.',
  fields: (t) => ({
    callId: t.string({
      required: false,
      description: "Only problems of this call: the call vendor's own id, not a global id.",
    }),
    status: t.string({ required: false, description: 'Only this Freya status, e.g. `open`.' }),
    resolved: t.boolean({ required: false, description: 'Only resolved, or only unresolved.' }),
  }),
});

builder.queryFields((t) => ({
  problem: t.field({
    type: ProblemNodeType,
    nullable: true,
    description: 'One problem by its global id.',
    args: { id: t.arg.id({ required: true, description: 'A Problem id.' }) },
    resolve: (_, args, ctx) => problemById(ctx, args.id),
  }),
  problems: t.field({
    type: ProblemConnection,
    description: "Freya's problems in the configured workspace, newest first.",
    args: {
      filter: t.arg({
        type: ProblemFilterInput,
        required: false,
        description: 'Which problems to list; every problem when absent.',
      }),
      first: t.arg.int({
        defaultValue: FIRST_DEFAULT,
        description: 'How many problems (0 to 100).',
      }),
      after: t.arg.string({ description: 'The `endCursor` of the previous page.' }),
    },
    resolve: (_, args, ctx, info) =>
      listProblems(ctx, { ...args, path: responsePathAsArray(info.path) }),
  }),
}));

const CreateProblemInput = builder.inputType('CreateProblemInput', {
  description: 'A problem to file in Freya, usually about one call.',
  fields: (t) => ({
    problem: t.string({ required: true, description: 'The problem in a sentence (its title).' }),
    description: t.string({ required: false, description: 'The problem in detail.' }),
    callId: t.string({
      required: false,
      description:
        "The call it is about: the call vendor's own id (Call.providerId), not a global id, sent as it is. Freya's document types it `string<uuid>`, which only Ovia and CX call ids are; a HappyRobot id (24 letters and digits) or a LlamadaPro one (digits) is sent unchanged all the same, and a Freya that enforces its document answers UPSTREAM_REJECTED (the sandbox files it).",
    }),
    agentId: t.string({
      required: false,
      description: "The agent of that call: the call vendor's own agent id.",
    }),
    type: t.field({
      type: ProblemTypeEnum,
      required: false,
      description: 'What kind of problem; Freya defaults to its own when left out.',
    }),
    severity: t.float({
      required: false,
      description: 'How severe, from 0 to 1; Freya defaults to 0.5.',
    }),
    status: t.string({
      required: false,
      description: 'Freya workflow status; Freya defaults to `open`.',
    }),
    assignedTo: t.string({ required: false, description: 'The Freya user to assign it to.' }),
    messageId: t.string({
      required: false,
      description: 'The message of the conversation the problem is about.',
    }),
  }),
});

const CreateProblemPayload = definePayload(
  'CreateProblemPayload',
  'problem',
  ProblemNodeType,
  'The problem filed, as Freya answered it.',
);

builder.mutationField('createProblem', (t) =>
  t.field({
    type: CreateProblemPayload,
    description: "Files a problem in Freya's configured workspace. Never retried automatically.",
    args: {
      input: t.arg({
        type: CreateProblemInput,
        required: true,
        description: 'The problem to file.',
      }),
      idempotencyKey: idempotencyKeyArg(t),
    },
    resolve: (_, args, ctx) => createProblem(ctx, args),
  }),
);
