import { z } from 'zod';
import type {
  ConversationContactInput,
  UpdateConversationContactInput,
} from '../../../model/conversation.js';
import { llamadaProContactSchema } from '../contacts/schemas.js';
import { dictionary, id, num, text } from '../shared.js';

// Conversation — the answer of Create (and, assumed, of the GET by id)
export const llamadaProConversationSchema = z.looseObject({
  id,
  tenantId: text,
  contactId: id.nullish(),
  userId: id.nullish(),
  funnelId: id.nullish(),
  funnelStatusId: id.nullish(),
  archivedAt: text,
  createdAt: text,
  updatedAt: text,
  channelSessions: z.array(z.looseObject({ id: id.nullish(), channelType: text })).nullish(),
  contacts: z.array(llamadaProContactSchema).nullish(),
  customFields: dictionary,
});
export type LlamadaProConversation = z.infer<typeof llamadaProConversationSchema>;

// BulkCreate / BulkUpdate report
const llamadaProBulkIssueSchema = z.looseObject({
  field: text,
  message: text,
  code: text,
  context: dictionary,
});
export type LlamadaProBulkIssue = z.infer<typeof llamadaProBulkIssueSchema>;

export const llamadaProBulkResultSchema = z.looseObject({
  message: text,
  operationId: text,
  report: z
    .looseObject({
      itemsIssues: z
        .array(
          z.looseObject({
            index: num,
            itemId: id.nullish(),
            errors: z.array(llamadaProBulkIssueSchema).nullish(),
            warnings: z.array(llamadaProBulkIssueSchema).nullish(),
            existingEntities: dictionary,
          }),
        )
        .nullish(),
      batchErrors: z.array(llamadaProBulkIssueSchema).nullish(),
      counts: z
        .looseObject({
          successful: num,
          warnings: num,
          duplicates: num,
          errors: num,
          total: num,
        })
        .nullish(),
    })
    .nullish(),
});
export type LlamadaProBulkResult = z.infer<typeof llamadaProBulkResultSchema>;

/**
 * A contact in a Create or BulkCreate item, matched by its phones and e-mails or created: the
 * unified one, with the user's id a number as the document types it.
 */
export type LlamadaProConversationContactBody = Omit<ConversationContactInput, 'userId'> & {
  userId?: number;
};

/** A Create or BulkCreate item: `contactId` or `contact` must be given. */
export interface LlamadaProConversationCreateBody {
  funnelId: number;
  contactId?: number;
  contact?: LlamadaProConversationContactBody;
  funnelStatusId?: number;
  userId?: number;
  archivedAt?: string;
  createdAt?: string;
  customFields?: Record<string, unknown>;
}

/**
 * The contact changes of a BulkUpdate item; null clears a member. The contact's and the user's
 * ids are numbers.
 */
export type LlamadaProConversationContactUpdateBody = Omit<
  UpdateConversationContactInput,
  'id' | 'userId'
> & { id?: number; userId?: number | null };

/** A BulkUpdate item; null clears a member. */
export interface LlamadaProConversationUpdateBody {
  id: number;
  funnelStatusId?: number | null;
  userId?: number | null;
  archivedAt?: string | null;
  createdAt?: string;
  customFields?: Record<string, unknown>;
  contact?: LlamadaProConversationContactUpdateBody;
}
