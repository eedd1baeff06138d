import { defineRoutes } from '../../../http/route.js';

/** GetMessage, a list by contact, and the three WhatsApp sends. */
// prettier-ignore
export const llamadaProMessageRoutes = defineRoutes({
  getMessage: { method: 'GET', path: '/api/v1/messages/{messageId}', source: 'assumed', capability: 'messages.get', cache: ['message:{messageId}'] },
  listMessages: { method: 'GET', path: '/api/v1/messages', source: 'assumed', capability: 'messages.list', cache: ['messages'] },
  sendWhatsAppTemplate: { method: 'POST', path: '/api/v1/messages/whatsapp/template', source: 'assumed', capability: 'whatsapp.template', invalidates: ['messages', 'contact:*'] },
  sendWhatsAppMessage: { method: 'POST', path: '/api/v1/messages/whatsapp', source: 'assumed', capability: 'whatsapp.message', invalidates: ['messages', 'contact:*'] },
  uploadWhatsAppMedia: { method: 'POST', path: '/api/v1/messages/whatsapp/media', source: 'assumed', capability: 'whatsapp.media', invalidates: [] },
});
