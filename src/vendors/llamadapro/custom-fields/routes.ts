import { defineRoutes } from '../../../http/route.js';

/** Custom field definitions and their list options. */
// prettier-ignore
export const llamadaProCustomFieldRoutes = defineRoutes({
  listCustomFields: { method: 'GET', path: '/api/v1/custom-fields', source: 'assumed', capability: 'customFields.list' },
  createCustomField: { method: 'POST', path: '/api/v1/custom-fields', source: 'assumed', capability: 'customFields.create' },
  getCustomField: { method: 'GET', path: '/api/v1/custom-fields/{id}', source: 'assumed', capability: 'customFields.get' },
  updateCustomField: { method: 'PUT', path: '/api/v1/custom-fields/{id}', source: 'assumed', capability: 'customFields.update' },
  deleteCustomField: { method: 'DELETE', path: '/api/v1/custom-fields/{id}', source: 'assumed', capability: 'customFields.delete' },
  listCustomFieldOptions: { method: 'GET', path: '/api/v1/custom-fields/{definitionId}/options', source: 'assumed', capability: 'customFieldOptions.list' },
  createCustomFieldOption: { method: 'POST', path: '/api/v1/custom-fields/{definitionId}/options', source: 'assumed', capability: 'customFieldOptions.create' },
  getCustomFieldOption: { method: 'GET', path: '/api/v1/custom-fields/{definitionId}/options/{optionId}', source: 'assumed', capability: 'customFieldOptions.get' },
  updateCustomFieldOption: { method: 'PUT', path: '/api/v1/custom-fields/{definitionId}/options/{optionId}', source: 'assumed', capability: 'customFieldOptions.update' },
  deleteCustomFieldOption: { method: 'DELETE', path: '/api/v1/custom-fields/{definitionId}/options/{optionId}', source: 'assumed', capability: 'customFieldOptions.delete' },
});
