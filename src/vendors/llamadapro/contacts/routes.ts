import { defineRoutes } from '../../../http/route.js';

/**
 * The document's GetContacts / CreateContact / GetContact / UpdateContact / DeleteContact and
 * SearchContacts.
 */
// prettier-ignore
export const llamadaProContactRoutes = defineRoutes({
  listContacts: { method: 'GET', path: '/api/v1/contacts', source: 'doc', capability: 'contacts.list', cache: ['contacts', 'contact:*'] },
  createContact: { method: 'POST', path: '/api/v1/contacts', source: 'doc', capability: 'contacts.create', invalidates: ['contacts'] },
  getContact: { method: 'GET', path: '/api/v1/contacts/{id}', source: 'doc', capability: 'contacts.get', cache: ['contact:{id}', 'contact:*'] },
  updateContact: { method: 'PUT', path: '/api/v1/contacts/{id}', source: 'doc', capability: 'contacts.update', invalidates: ['contact:{id}', 'contacts'] },
  deleteContact: { method: 'DELETE', path: '/api/v1/contacts/{id}', source: 'doc', capability: 'contacts.delete', invalidates: ['contact:{id}', 'contacts'] },
  searchContacts: { method: 'POST', path: '/api/v1/contacts/search', source: 'doc', capability: 'contacts.search', cache: ['contacts', 'contact:*'] },
});
