import { z } from 'zod';
import type { DialectRoute } from '../vendor-server.js';
import { createConversation, updateConversation } from './conversation-writes.js';
import type { LlamadaProConversationRecord, LlamadaProData } from './records.js';
import { fail, type Issue, numericId, parseBody, route } from './requests.js';

/*
 * LlamadaPro's conversations (docs/vendors/llamadapro.md): create and read one, and the bulk
 * create and update, which answer 200 with a report of the items' issues rather than failing the
 * batch.
 */

const MAX_BULK_ITEMS = 500;

const bulkSchema = z.looseObject({ conversations: z.array(z.unknown()) });

interface BulkReport {
  itemsIssues: unknown[];
  counts: { successful: number; warnings: number; duplicates: number; errors: number };
}

function batchProblem(items: unknown[]): Issue[] {
  return items.length === 0
    ? [
        {
          field: 'conversations',
          message: 'conversations must hold at least one item',
          code: 'REQUIRED_FIELD',
        },
      ]
    : items.length > MAX_BULK_ITEMS
      ? [
          {
            field: 'conversations',
            message: `at most ${MAX_BULK_ITEMS} conversations per request`,
            code: 'TOO_MANY_ITEMS',
            context: { max: MAX_BULK_ITEMS },
          },
        ]
      : [];
}

/** The conversation routes over `data`; `now` stamps the records they create and change. */
export function llamadaProConversationRoutes(
  data: LlamadaProData,
  now: () => string,
): DialectRoute[] {
  const presentConversation = (conversation: LlamadaProConversationRecord): unknown => {
    const current = data.contacts.find((contact) => contact.id === conversation.contactId);
    return { ...conversation, contacts: current === undefined ? conversation.contacts : [current] };
  };

  /** A bulk route: a batch problem refuses every item, otherwise each item adds to the report. */
  const bulkRoute = (
    method: string,
    verb: string,
    each: (item: unknown, index: number, report: BulkReport) => void,
  ): DialectRoute =>
    route(method, '/api/v1/conversations/bulk', ({ body }) => {
      const { conversations: items } = parseBody(bulkSchema, body);
      const batchErrors = batchProblem(items);
      const report: BulkReport = {
        itemsIssues: [],
        counts: { successful: 0, warnings: 0, duplicates: 0, errors: 0 },
      };
      if (batchErrors.length === 0) items.forEach((item, index) => each(item, index, report));
      return {
        message: `${verb} ${report.counts.successful} of ${items.length} conversations`,
        operationId: `op_${String(data.nextIds.operation++).padStart(8, '0')}`,
        report: {
          itemsIssues: report.itemsIssues,
          batchErrors,
          counts: { ...report.counts, total: items.length },
        },
      };
    });

  return [
    route('POST', '/api/v1/conversations', ({ body }) => {
      const outcome = createConversation(data, now, body, false);
      if (outcome.kind === 'error') {
        const first = outcome.errors[0];
        fail(first?.code === 'NOT_FOUND' ? 404 : 400, first?.message ?? 'invalid conversation', {
          issues: outcome.errors,
        });
      }
      if (outcome.kind === 'duplicate') return presentConversation(outcome.existing);
      return presentConversation(outcome.conversation);
    }),
    bulkRoute('POST', 'Created', (item, index, { counts, itemsIssues }) => {
      const outcome = createConversation(data, now, item, true);
      if (outcome.kind === 'error') {
        counts.errors += 1;
        itemsIssues.push({
          index,
          itemId: null,
          errors: outcome.errors,
          warnings: [],
          existingEntities: {},
        });
      } else if (outcome.kind === 'duplicate') {
        counts.duplicates += 1;
        itemsIssues.push({
          index,
          itemId: outcome.existing.id,
          errors: [],
          warnings: [
            {
              field: 'contactId',
              message: `conversation ${outcome.existing.id} already exists for this contact and funnel`,
              code: 'DUPLICATE',
            },
          ],
          existingEntities: {
            conversationId: outcome.existing.id,
            contactId: outcome.existing.contactId,
          },
        });
      } else {
        counts.successful += 1;
        if (outcome.warnings.length > 0) {
          counts.warnings += 1;
          itemsIssues.push({
            index,
            itemId: outcome.conversation.id,
            errors: [],
            warnings: outcome.warnings,
            existingEntities:
              outcome.matchedContactId === null ? {} : { contactId: outcome.matchedContactId },
          });
        }
      }
    }),
    bulkRoute('PUT', 'Updated', (item, index, { counts, itemsIssues }) => {
      const outcome = updateConversation(data, now, item);
      if (outcome.errors.length === 0) {
        counts.successful += 1;
      } else {
        counts.errors += 1;
        itemsIssues.push({
          index,
          itemId: outcome.id,
          errors: outcome.errors,
          warnings: [],
          existingEntities: {},
        });
      }
    }),
    route('GET', '/api/v1/conversations/{id}', ({ params }) => {
      const id = numericId(params['id'], 'id');
      const conversation =
        data.conversations.find((entry) => entry.id === id) ??
        fail(404, `conversation ${id} not found`);
      return presentConversation(conversation);
    }),
  ];
}
