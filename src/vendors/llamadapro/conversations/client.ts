import type { UpstreamClient } from '../../../http/upstream-client.js';
import type {
  BulkConversationResult,
  ConversationRef,
  CreateConversationInput,
  UpdateConversationInput,
} from '../../../model/conversation.js';
import {
  toBulkResult,
  toConversation,
  toLlamadaProConversationBody,
  toLlamadaProConversationUpdateBody,
} from './map.js';
import { llamadaProConversationRoutes as routes } from './routes.js';
import { llamadaProBulkResultSchema, llamadaProConversationSchema } from './schemas.js';

/** LlamadaPro's funnel conversations: the read, the create and the bulk writes. */
export class LlamadaProConversationClient {
  constructor(readonly http: UpstreamClient) {}

  async getConversation(id: string): Promise<ConversationRef> {
    return toConversation(
      await this.http.request({
        route: routes.getConversation,
        params: { id },
        schema: llamadaProConversationSchema,
      }),
    );
  }

  // Writes. None is retried (the UpstreamClient retries GETs only).

  async createConversation(input: CreateConversationInput): Promise<ConversationRef> {
    return toConversation(
      await this.http.request({
        route: routes.createConversation,
        body: toLlamadaProConversationBody(input),
        schema: llamadaProConversationSchema,
      }),
    );
  }

  async bulkCreateConversations(
    conversations: CreateConversationInput[],
  ): Promise<BulkConversationResult> {
    return toBulkResult(
      await this.http.request({
        route: routes.bulkCreateConversations,
        body: { conversations: conversations.map(toLlamadaProConversationBody) },
        schema: llamadaProBulkResultSchema,
      }),
    );
  }

  async bulkUpdateConversations(
    conversations: UpdateConversationInput[],
  ): Promise<BulkConversationResult> {
    return toBulkResult(
      await this.http.request({
        route: routes.bulkUpdateConversations,
        body: { conversations: conversations.map(toLlamadaProConversationUpdateBody) },
        schema: llamadaProBulkResultSchema,
      }),
    );
  }
}
