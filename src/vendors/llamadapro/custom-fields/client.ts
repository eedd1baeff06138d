import type { UpstreamClient } from '../../../http/upstream-client.js';
import type {
  CreateCustomFieldInput,
  CustomField,
  CustomFieldEntityType,
  CustomFieldOption,
  CustomFieldOptionInput,
  UpdateCustomFieldInput,
  UpdateCustomFieldOptionInput,
} from '../../../model/custom-field.js';
import type { PagedSource } from '../../../paging/paged-source.js';
import { vendorId } from '../ids.js';
import { mappedRequest } from '../mapped-request.js';
import { tokenPages } from '../token-pages.js';
import {
  toCustomField,
  toCustomFieldOption,
  toLlamadaProCustomFieldBody,
  toLlamadaProOptionBody,
} from './map.js';
import { llamadaProCustomFieldRoutes as routes } from './routes.js';
import {
  llamadaProCustomFieldDefinitionSchema,
  llamadaProCustomFieldListOptionSchema,
  llamadaProCustomFieldListSchema,
  llamadaProCustomFieldOptionListSchema,
} from './schemas.js';

const requestField = mappedRequest(llamadaProCustomFieldDefinitionSchema, toCustomField);
const requestOption = mappedRequest(llamadaProCustomFieldListOptionSchema, toCustomFieldOption);

/** LlamadaPro's custom field definitions and the options of list-typed ones. */
export class LlamadaProCustomFieldClient {
  constructor(readonly http: UpstreamClient) {}

  customFieldPages(entityType?: CustomFieldEntityType): PagedSource<CustomField> {
    return tokenPages(this.http, {
      route: routes.listCustomFields,
      schema: llamadaProCustomFieldListSchema,
      map: toCustomField,
      query: { filterBy: entityType === undefined ? undefined : `entityType:${entityType}` },
    });
  }

  async getCustomField(id: string): Promise<CustomField> {
    return requestField(this.http, { route: routes.getCustomField, params: { id } });
  }

  customFieldOptionPages(definitionId: string): PagedSource<CustomFieldOption> {
    return tokenPages(this.http, {
      route: routes.listCustomFieldOptions,
      schema: llamadaProCustomFieldOptionListSchema,
      map: toCustomFieldOption,
      params: { definitionId },
    });
  }

  async getCustomFieldOption(definitionId: string, optionId: string): Promise<CustomFieldOption> {
    return requestOption(this.http, {
      route: routes.getCustomFieldOption,
      params: { definitionId, optionId },
    });
  }

  // Writes. None is retried (the UpstreamClient retries GETs only).

  async createCustomField(input: CreateCustomFieldInput): Promise<CustomField> {
    return requestField(this.http, {
      route: routes.createCustomField,
      body: toLlamadaProCustomFieldBody(input),
    });
  }

  async updateCustomField(id: string, input: UpdateCustomFieldInput): Promise<CustomField> {
    return requestField(this.http, {
      route: routes.updateCustomField,
      params: { id },
      body: toLlamadaProCustomFieldBody(input),
    });
  }

  /** `force` also deletes every value stored under the definition. */
  async deleteCustomField(id: string, force = false): Promise<CustomField> {
    return requestField(this.http, {
      route: routes.deleteCustomField,
      params: { id },
      query: { force: force ? 'true' : undefined },
    });
  }

  async createCustomFieldOption(
    definitionId: string,
    input: CustomFieldOptionInput,
  ): Promise<CustomFieldOption> {
    return requestOption(this.http, {
      route: routes.createCustomFieldOption,
      params: { definitionId },
      body: { definitionId: vendorId(definitionId), ...toLlamadaProOptionBody(input) },
    });
  }

  async updateCustomFieldOption(
    definitionId: string,
    optionId: string,
    input: UpdateCustomFieldOptionInput,
  ): Promise<CustomFieldOption> {
    return requestOption(this.http, {
      route: routes.updateCustomFieldOption,
      params: { definitionId, optionId },
      body: toLlamadaProOptionBody(input),
    });
  }

  async deleteCustomFieldOption(
    definitionId: string,
    optionId: string,
  ): Promise<CustomFieldOption> {
    return requestOption(this.http, {
      route: routes.deleteCustomFieldOption,
      params: { definitionId, optionId },
    });
  }
}
