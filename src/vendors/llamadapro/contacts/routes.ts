import { defineRoutes } from '../../../http/route.js';

/**
 * The document's GetContacts / CreateContact / GetContact / UpdateContact / DeleteContact and
 * SearchContacts.
 */
// prettier-ignore
export const llamadaProContactRoutes = defineRoutes({
  listContacts: { method: 'GET', path: '/api/v1/contacts', source: 'doc', capability: 'contacts.list' },
  createContact: { method: 'POST', path: '/api/v1/contacts', source: 'doc', capability: 'contacts.create' },
  getContact: { method: 'GET', path: '/api/v1/contacts/{id}', source: 'doc', capability: 'contacts.get' },
  updateContact: { method: 'PUT', path: '/api/v1/contacts/{id}', source: 'doc', capability: 'contacts.update' },
  deleteContact: { method: 'DELETE', path: '/api/v1/contacts/{id}', source: 'doc', capability: 'contacts.delete' },
  searchContacts: { method: 'POST', path: '/api/v1/contacts/search', source: 'doc', capability: 'contacts.search' },
});
