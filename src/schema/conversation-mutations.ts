import { builder } from '../builder.js';
import type { BulkConversationResult, BulkIssue, BulkItemIssues } from '../model/conversation.js';
import type { MutationOutcome } from '../mutations/run-mutation.js';
import {
  bulkCreateConversations,
  bulkUpdateConversations,
  createConversation,
} from '../services/conversations.js';
import { ConversationType } from './conversation.js';
import {
  BulkCreateConversationsInput,
  BulkUpdateConversationsInput,
  CreateConversationInput,
} from './conversation-inputs.js';
import { definePayload, UserErrorType, idempotencyKeyArg } from './mutation.js';

/*
 * The conversation writes and their reports. Types print in the order they are declared, so
 * index.ts imports this file right after conversation.ts, as the declarations used to follow it.
 */

const ConversationPayload = definePayload(
  'ConversationPayload',
  'conversation',
  ConversationType,
  'The conversation created.',
);

/** The vendor types counts and indexes as doubles; anything but a whole number is not shown. */
const wholeNumber = (value: number | null): number | null =>
  value !== null && Number.isInteger(value) ? value : null;

const BulkIssueType = builder.objectRef<BulkIssue>('BulkIssue').implement({
  description: 'One finding of a bulk operation, as the vendor words it.',
  fields: (t) => ({
    field: t.exposeString('field', {
      nullable: true,
      description: 'The member of the item it is about, e.g. `contactId` or `customFields.tier`.',
    }),
    message: t.exposeString('message', {
      nullable: true,
      description: 'What is wrong, for people.',
    }),
    code: t.exposeString('code', {
      nullable: true,
      description: 'What is wrong, for programs (REQUIRED_FIELD, NOT_FOUND, DUPLICATE…).',
    }),
    context: t.field({
      type: 'JSON',
      nullable: true,
      description: 'Details the vendor adds.',
      resolve: (issue) => issue.context,
    }),
  }),
});

const BulkItemIssuesType = builder.objectRef<BulkItemIssues>('BulkItemIssues').implement({
  description: 'The findings on one item of a bulk operation.',
  fields: (t) => ({
    index: t.int({
      nullable: true,
      description: "The item's position in the request, from 0.",
      resolve: (item) => wholeNumber(item.index),
    }),
    itemId: t.exposeString('itemId', {
      nullable: true,
      description: "The conversation it concerns (the vendor's own id), when there is one.",
    }),
    errors: t.field({
      type: [BulkIssueType],
      description: 'Why the item was not processed.',
      resolve: (item) => item.errors,
    }),
    warnings: t.field({
      type: [BulkIssueType],
      description: 'What the vendor noticed while processing it (duplicates, matched contacts…).',
      resolve: (item) => item.warnings,
    }),
    existingEntities: t.field({
      type: 'JSON',
      nullable: true,
      description: 'Existing records the item ran into, e.g. `{ conversationId, contactId }`.',
      resolve: (item) => item.existingEntities,
    }),
  }),
});

type BulkCounts = NonNullable<BulkConversationResult['counts']>;

const BulkConversationCountsType = builder
  .objectRef<BulkCounts>('BulkConversationCounts')
  .implement({
    description: 'How the items of a bulk operation fared.',
    fields: (t) => ({
      successful: t.int({
        nullable: true,
        description: 'Items processed.',
        resolve: (counts) => wholeNumber(counts.successful),
      }),
      warnings: t.int({
        nullable: true,
        description: 'Items processed with warnings.',
        resolve: (counts) => wholeNumber(counts.warnings),
      }),
      duplicates: t.int({
        nullable: true,
        description: 'Items that matched an existing conversation and were skipped.',
        resolve: (counts) => wholeNumber(counts.duplicates),
      }),
      errors: t.int({
        nullable: true,
        description: 'Items rejected.',
        resolve: (counts) => wholeNumber(counts.errors),
      }),
      total: t.int({
        nullable: true,
        description: 'Items in the request.',
        resolve: (counts) => wholeNumber(counts.total),
      }),
    }),
  });

const BulkConversationReportType = builder
  .objectRef<BulkConversationResult>('BulkConversationReport')
  .implement({
    description: "The vendor's validation report of a bulk operation.",
    fields: (t) => ({
      counts: t.field({
        type: BulkConversationCountsType,
        nullable: true,
        description: 'How the items fared.',
        resolve: (result) => result.counts,
      }),
      itemsIssues: t.field({
        type: [BulkItemIssuesType],
        description: 'The items with errors or warnings.',
        resolve: (result) => result.itemsIssues,
      }),
      batchErrors: t.field({
        type: [BulkIssueType],
        description: 'Why the whole batch was refused, when it was.',
        resolve: (result) => result.batchErrors,
      }),
    }),
  });

const BulkConversationsPayload = builder
  .objectRef<MutationOutcome<BulkConversationResult>>('BulkConversationsPayload')
  .implement({
    description:
      'The outcome of a bulk create or update: the vendor processes the valid items and reports on the others.',
    fields: (t) => ({
      report: t.field({
        type: BulkConversationReportType,
        nullable: true,
        description: "The vendor's report, or null when the mutation failed.",
        resolve: (outcome) => outcome.result,
      }),
      message: t.string({
        nullable: true,
        description: "The vendor's summary, for people.",
        resolve: (outcome) => outcome.result?.message ?? null,
      }),
      operationId: t.string({
        nullable: true,
        description: "The vendor's id of the operation, for support requests.",
        resolve: (outcome) => outcome.result?.operationId ?? null,
      }),
      userErrors: t.field({
        type: [UserErrorType],
        description: 'Empty on success, even when the report lists rejected items.',
        resolve: (outcome) => outcome.userErrors,
      }),
    }),
  });

builder.mutationFields((t) => ({
  createConversation: t.field({
    type: ConversationPayload,
    description:
      'Creates a funnel conversation for an existing contact, or for a contact given by its details (matched by address, else created).',
    args: {
      input: t.arg({
        type: CreateConversationInput,
        required: true,
        description: 'The conversation to create.',
      }),
      idempotencyKey: idempotencyKeyArg(t),
    },
    resolve: (_, args, ctx) => createConversation(ctx, args),
  }),
  bulkCreateConversations: t.field({
    type: BulkConversationsPayload,
    description:
      'Creates many funnel conversations in one request; the vendor creates the valid ones, skips duplicates, and reports on each item in `report`.',
    args: {
      input: t.arg({
        type: BulkCreateConversationsInput,
        required: true,
        description: 'The conversations to create.',
      }),
      idempotencyKey: idempotencyKeyArg(t),
    },
    resolve: (_, args, ctx) => bulkCreateConversations(ctx, args),
  }),
  bulkUpdateConversations: t.field({
    type: BulkConversationsPayload,
    description:
      'Changes many funnel conversations in one request; the vendor applies the valid items and reports on each item in `report`.',
    args: {
      input: t.arg({
        type: BulkUpdateConversationsInput,
        required: true,
        description: 'The conversations to update and their new values.',
      }),
    },
    resolve: (_, args, ctx) => bulkUpdateConversations(ctx, args),
  }),
}));
