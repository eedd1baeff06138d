import type { UpstreamClient } from '../../../http/upstream-client.js';
import type {
  BulkConversationResult,
  ConversationRef,
  CreateConversationInput,
  UpdateConversationInput,
} from '../../../model/conversation.js';
import { mappedRequest } from '../mapped-request.js';
import {
  toBulkResult,
  toConversation,
  toLlamadaProConversationBody,
  toLlamadaProConversationUpdateBody,
} from './map.js';
import { llamadaProConversationRoutes as routes } from './routes.js';
import { llamadaProBulkResultSchema, llamadaProConversationSchema } from './schemas.js';

const requestConversation = mappedRequest(llamadaProConversationSchema, toConversation);
const requestBulkResult = mappedRequest(llamadaProBulkResultSchema, toBulkResult);

/** LlamadaPro's funnel conversations: the read, the create and the bulk writes. */
export class LlamadaProConversationClient {
  constructor(readonly http: UpstreamClient) {}

  async getConversation(id: string): Promise<ConversationRef> {
    return requestConversation(this.http, { route: routes.getConversation, params: { id } });
  }

  // Writes. None is retried (the UpstreamClient retries GETs only).

  async createConversation(input: CreateConversationInput): Promise<ConversationRef> {
    return requestConversation(this.http, {
      route: routes.createConversation,
      body: toLlamadaProConversationBody(input),
    });
  }

  async bulkCreateConversations(
    conversations: CreateConversationInput[],
  ): Promise<BulkConversationResult> {
    return requestBulkResult(this.http, {
      route: routes.bulkCreateConversations,
      body: { conversations: conversations.map(toLlamadaProConversationBody) },
    });
  }

  async bulkUpdateConversations(
    conversations: UpdateConversationInput[],
  ): Promise<BulkConversationResult> {
    return requestBulkResult(this.http, {
      route: routes.bulkUpdateConversations,
      body: { conversations: conversations.map(toLlamadaProConversationUpdateBody) },
    });
  }
}
