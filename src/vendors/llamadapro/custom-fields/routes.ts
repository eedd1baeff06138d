import { defineRoutes } from '../../../http/route.js';

/** Custom field definitions and their list options. */
// prettier-ignore
export const llamadaProCustomFieldRoutes = defineRoutes({
  listCustomFields: { method: 'GET', path: '/api/v1/custom-fields', source: 'assumed', capability: 'customFields.list', cache: ['custom-fields'] },
  createCustomField: { method: 'POST', path: '/api/v1/custom-fields', source: 'assumed', capability: 'customFields.create', invalidates: ['custom-fields'] },
  getCustomField: { method: 'GET', path: '/api/v1/custom-fields/{id}', source: 'assumed', capability: 'customFields.get', cache: ['custom-field:{id}'] },
  updateCustomField: { method: 'PUT', path: '/api/v1/custom-fields/{id}', source: 'assumed', capability: 'customFields.update', invalidates: ['custom-field:{id}', 'custom-fields', 'contact:*'] },
  deleteCustomField: { method: 'DELETE', path: '/api/v1/custom-fields/{id}', source: 'assumed', capability: 'customFields.delete', invalidates: ['custom-field:{id}', 'custom-fields', 'contact:*'] },
  listCustomFieldOptions: { method: 'GET', path: '/api/v1/custom-fields/{definitionId}/options', source: 'assumed', capability: 'customFieldOptions.list', cache: ['options:{definitionId}'] },
  createCustomFieldOption: { method: 'POST', path: '/api/v1/custom-fields/{definitionId}/options', source: 'assumed', capability: 'customFieldOptions.create', invalidates: ['options:{definitionId}'] },
  getCustomFieldOption: { method: 'GET', path: '/api/v1/custom-fields/{definitionId}/options/{optionId}', source: 'assumed', capability: 'customFieldOptions.get', cache: ['options:{definitionId}'] },
  updateCustomFieldOption: { method: 'PUT', path: '/api/v1/custom-fields/{definitionId}/options/{optionId}', source: 'assumed', capability: 'customFieldOptions.update', invalidates: ['options:{definitionId}', 'contact:*'] },
  deleteCustomFieldOption: { method: 'DELETE', path: '/api/v1/custom-fields/{definitionId}/options/{optionId}', source: 'assumed', capability: 'customFieldOptions.delete', invalidates: ['options:{definitionId}', 'contact:*'] },
});
