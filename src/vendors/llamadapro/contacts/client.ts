import type { UpstreamClient } from '../../../http/upstream-client.js';
import type {
  Contact,
  ContactListQuery,
  ContactSearchQuery,
  CreateContactInput,
  UpdateContactInput,
} from '../../../model/contact.js';
import type { PagedSource } from '../../../paging/paged-source.js';
import { mappedRequest } from '../mapped-request.js';
import { clampSize, nextToken, tokenPages } from '../token-pages.js';
import {
  toContact,
  toLlamadaProContactListQuery,
  toLlamadaProContactSearch,
  toLlamadaProCreateContactBody,
  toLlamadaProUpdateContactBody,
} from './map.js';
import { llamadaProContactRoutes as routes } from './routes.js';
import {
  llamadaProContactListSchema,
  llamadaProContactSchema,
  llamadaProSearchContactListSchema,
  type LlamadaProContactSearchFilter,
  type LlamadaProContactSearchRequest,
  type LlamadaProContactSearchResult,
} from './schemas.js';

/** The contact search serves at most 50 per request (docs/vendors/llamadapro.md). */
export const MAX_SEARCH_SIZE = 50;

const requestContact = mappedRequest(llamadaProContactSchema, toContact);

/** LlamadaPro's contacts: the list, the read, the search (also by phones) and the writes. */
export class LlamadaProContactClient {
  constructor(readonly http: UpstreamClient) {}

  /** GetContacts, narrowed and ordered by its `filterBy`, `searchBy` and `sortBy`. */
  contactPages(query: ContactListQuery = {}): PagedSource<Contact> {
    return tokenPages(this.http, {
      route: routes.listContacts,
      schema: llamadaProContactListSchema,
      map: toContact,
      query: { ...toLlamadaProContactListQuery(query) },
    });
  }

  async getContact(id: string): Promise<Contact> {
    return requestContact(this.http, { route: routes.getContact, params: { id } });
  }

  async searchContacts(
    request: LlamadaProContactSearchRequest,
  ): Promise<LlamadaProContactSearchResult> {
    const body: Record<string, unknown> = {
      size: clampSize(request.size ?? MAX_SEARCH_SIZE, MAX_SEARCH_SIZE),
      includeTotalCount: true,
    };
    if (request.search !== undefined) body.search = request.search;
    if (request.filters !== undefined) body.filters = request.filters;
    if (request.sort !== undefined) body.sort = request.sort;
    if (request.includeArchived !== undefined) body.includeArchived = request.includeArchived;
    if (request.pageToken !== undefined && request.pageToken !== '')
      body.pageToken = request.pageToken;
    const answer = await this.http.request({
      route: routes.searchContacts,
      body,
      schema: llamadaProSearchContactListSchema,
    });
    return {
      contacts: answer.items.map(toContact),
      nextPageToken: nextToken(answer.nextPageToken),
      totalCount: answer.totalCount ?? null,
    };
  }

  /** SearchContacts (free text, filters, order, archived or not), paged by its own tokens. */
  contactSearchPages(query: ContactSearchQuery): PagedSource<Contact> {
    const search = toLlamadaProContactSearch(query);
    return {
      start: '',
      maxPageSize: MAX_SEARCH_SIZE,
      fetchPage: async (pos, size) => {
        const result = await this.searchContacts({ ...search, size, pageToken: String(pos) });
        return {
          items: result.contacts,
          next: result.nextPageToken,
          total: result.totalCount ?? result.contacts.length,
        };
      },
    };
  }

  /**
   * The contacts holding any of `phones` in their addresses: one search whose filters are
   * OR'ed `addresses.address eq`, so a whole batch of phones costs one request; further pages
   * only when the vendor says there are more. At most 50 distinct phones: callers split bigger
   * batches.
   */
  async findContactsByPhones(phones: string[]): Promise<Contact[]> {
    const distinct = [...new Set(phones)];
    if (distinct.length > MAX_SEARCH_SIZE) {
      throw new RangeError(
        `LlamadaPro contact search takes at most ${MAX_SEARCH_SIZE} phones, got ${distinct.length}`,
      );
    }
    if (distinct.length === 0) return [];
    const filters: LlamadaProContactSearchFilter[] = distinct.map((phone, index) => ({
      field: 'addresses.address',
      operator: 'eq',
      value: phone,
      ...(index === 0 ? {} : { or: true }),
    }));
    const contacts: Contact[] = [];
    let pageToken: string | null = null;
    do {
      const result: LlamadaProContactSearchResult = await this.searchContacts({
        filters,
        size: MAX_SEARCH_SIZE,
        ...(pageToken === null ? {} : { pageToken }),
      });
      contacts.push(...result.contacts);
      pageToken = result.contacts.length === 0 ? null : result.nextPageToken;
    } while (pageToken !== null);
    return contacts;
  }

  // Writes. None is retried (the UpstreamClient retries GETs only).

  async createContact(input: CreateContactInput): Promise<Contact> {
    return requestContact(this.http, {
      route: routes.createContact,
      body: toLlamadaProCreateContactBody(input),
    });
  }

  async updateContact(id: string, input: UpdateContactInput): Promise<Contact> {
    return requestContact(this.http, {
      route: routes.updateContact,
      params: { id },
      body: toLlamadaProUpdateContactBody(input),
    });
  }

  async deleteContact(id: string): Promise<Contact> {
    return requestContact(this.http, { route: routes.deleteContact, params: { id } });
  }
}
