import { defineRoutes } from '../../../http/route.js';

/** The GET answers the conversation as Create does. */
// prettier-ignore
export const llamadaProConversationRoutes = defineRoutes({
  createConversation: { method: 'POST', path: '/api/v1/conversations', source: 'assumed', capability: 'conversations.create', invalidates: ['contacts'] },
  bulkCreateConversations: { method: 'POST', path: '/api/v1/conversations/bulk', source: 'assumed', capability: 'conversations.bulkCreate', invalidates: ['contacts'] },
  bulkUpdateConversations: { method: 'PUT', path: '/api/v1/conversations/bulk', source: 'assumed', capability: 'conversations.bulkUpdate', invalidates: ['conversation:*', 'contact:*', 'contacts'] },
  getConversation: { method: 'GET', path: '/api/v1/conversations/{id}', source: 'assumed', capability: 'conversations.get', cache: ['conversation:{id}', 'conversation:*', 'contacts', 'contact:*'] },
});
