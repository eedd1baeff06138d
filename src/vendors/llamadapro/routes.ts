import { defineRoutes } from '../../http/route.js';

/**
 * Every LlamadaPro route (CONTRACT §6). `doc` routes are in vendor-docs/llamadapro-api.txt;
 * `assumed` routes follow LlamadaPro's conventions (`/api/v1/<plural>`, camelCase) with the
 * document's body schemas, so a wrong guess is a one-line fix here (hence one line per route,
 * kept by prettier-ignore).
 */
// prettier-ignore
export const llamadaProRoutes = defineRoutes({
  // Tasks — GetTasks / CreateTask / GetTask / UpdateTask / DeleteTask
  listTasks: { method: 'GET', path: '/api/v1/tasks', source: 'doc' },
  createTask: { method: 'POST', path: '/api/v1/tasks', source: 'doc' },
  getTask: { method: 'GET', path: '/api/v1/tasks/{taskId}', source: 'doc' },
  updateTask: { method: 'PUT', path: '/api/v1/tasks/{taskId}', source: 'doc' },
  deleteTask: { method: 'DELETE', path: '/api/v1/tasks/{taskId}', source: 'doc' },

  // Contacts — GetContacts / CreateContact / GetContact / UpdateContact / DeleteContact,
  // SearchContacts
  listContacts: { method: 'GET', path: '/api/v1/contacts', source: 'doc' },
  createContact: { method: 'POST', path: '/api/v1/contacts', source: 'doc' },
  getContact: { method: 'GET', path: '/api/v1/contacts/{id}', source: 'doc' },
  updateContact: { method: 'PUT', path: '/api/v1/contacts/{id}', source: 'doc' },
  deleteContact: { method: 'DELETE', path: '/api/v1/contacts/{id}', source: 'doc' },
  searchContacts: { method: 'POST', path: '/api/v1/contacts/search', source: 'doc' },

  // Calls — paths assumed, bodies as the document's Call / Transcription / Recording
  listCalls: { method: 'GET', path: '/api/v1/calls', source: 'assumed' },
  getCall: { method: 'GET', path: '/api/v1/calls/{callId}', source: 'assumed' },
  getCallTranscription: { method: 'GET', path: '/api/v1/calls/{callId}/transcription', source: 'assumed' },
  getCallRecording: { method: 'GET', path: '/api/v1/calls/{callId}/recording', source: 'assumed' },
  startAgentCall: { method: 'POST', path: '/api/v1/calls/agent', source: 'assumed' },
  startVoiceAgentCall: { method: 'POST', path: '/api/v1/calls/voice-agent', source: 'assumed' },
  startBridgeCall: { method: 'POST', path: '/api/v1/calls/bridge', source: 'assumed' },
  createCall: { method: 'POST', path: '/api/v1/calls', source: 'assumed' },
  loadRecording: { method: 'POST', path: '/api/v1/recordings', source: 'assumed' },

  // Messages — GetMessage, a list by contact, and the three WhatsApp sends
  getMessage: { method: 'GET', path: '/api/v1/messages/{messageId}', source: 'assumed' },
  listMessages: { method: 'GET', path: '/api/v1/messages', source: 'assumed' },
  sendWhatsAppTemplate: { method: 'POST', path: '/api/v1/messages/whatsapp/template', source: 'assumed' },
  sendWhatsAppMessage: { method: 'POST', path: '/api/v1/messages/whatsapp', source: 'assumed' },
  uploadWhatsAppMedia: { method: 'POST', path: '/api/v1/messages/whatsapp/media', source: 'assumed' },

  // Custom field definitions and their list options
  listCustomFields: { method: 'GET', path: '/api/v1/custom-fields', source: 'assumed' },
  createCustomField: { method: 'POST', path: '/api/v1/custom-fields', source: 'assumed' },
  getCustomField: { method: 'GET', path: '/api/v1/custom-fields/{id}', source: 'assumed' },
  updateCustomField: { method: 'PUT', path: '/api/v1/custom-fields/{id}', source: 'assumed' },
  deleteCustomField: { method: 'DELETE', path: '/api/v1/custom-fields/{id}', source: 'assumed' },
  listCustomFieldOptions: { method: 'GET', path: '/api/v1/custom-fields/{definitionId}/options', source: 'assumed' },
  createCustomFieldOption: { method: 'POST', path: '/api/v1/custom-fields/{definitionId}/options', source: 'assumed' },
  getCustomFieldOption: { method: 'GET', path: '/api/v1/custom-fields/{definitionId}/options/{optionId}', source: 'assumed' },
  updateCustomFieldOption: { method: 'PUT', path: '/api/v1/custom-fields/{definitionId}/options/{optionId}', source: 'assumed' },
  deleteCustomFieldOption: { method: 'DELETE', path: '/api/v1/custom-fields/{definitionId}/options/{optionId}', source: 'assumed' },

  // Conversations — the GET answers the conversation as Create does
  createConversation: { method: 'POST', path: '/api/v1/conversations', source: 'assumed' },
  bulkCreateConversations: { method: 'POST', path: '/api/v1/conversations/bulk', source: 'assumed' },
  bulkUpdateConversations: { method: 'PUT', path: '/api/v1/conversations/bulk', source: 'assumed' },
  getConversation: { method: 'GET', path: '/api/v1/conversations/{id}', source: 'assumed' },
});
