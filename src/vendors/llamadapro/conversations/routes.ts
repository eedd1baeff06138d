import { defineRoutes } from '../../../http/route.js';

/** The GET answers the conversation as Create does. */
// prettier-ignore
export const llamadaProConversationRoutes = defineRoutes({
  createConversation: { method: 'POST', path: '/api/v1/conversations', source: 'assumed', capability: 'conversations.create' },
  bulkCreateConversations: { method: 'POST', path: '/api/v1/conversations/bulk', source: 'assumed', capability: 'conversations.bulkCreate' },
  bulkUpdateConversations: { method: 'PUT', path: '/api/v1/conversations/bulk', source: 'assumed', capability: 'conversations.bulkUpdate' },
  getConversation: { method: 'GET', path: '/api/v1/conversations/{id}', source: 'assumed', capability: 'conversations.get' },
});
