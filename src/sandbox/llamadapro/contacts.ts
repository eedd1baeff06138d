import type { DialectRoute } from '../vendor-server.js';
import {
  applyContactInput,
  contactCreateSchema,
  contactHaystack,
  contactUpdateSchema,
  createContact,
} from './contact-records.js';
import { requireCustomFields } from './custom-field-values.js';
import {
  fold,
  matchesText,
  orderThenById,
  pageOf,
  parseFilterBy,
  parseSortBy,
  readPaging,
} from './lists.js';
import type { LlamadaProContactRecord, LlamadaProData } from './records.js';
import { fail, numericId, parseBody, route, textQuery } from './requests.js';

/*
 * LlamadaPro's contacts (docs/vendors/llamadapro.md): list with filterBy/sortBy/searchBy, read,
 * create, update, delete.
 */

/** The contact routes over `data`; `now` stamps the records they create and change. */
export function llamadaProContactRoutes(data: LlamadaProData, now: () => string): DialectRoute[] {
  const findContact = (raw: string | undefined): LlamadaProContactRecord => {
    const id = numericId(raw, 'id');
    return (
      data.contacts.find((contact) => contact.id === id) ?? fail(404, `contact ${id} not found`)
    );
  };

  return [
    route('GET', '/api/v1/contacts', ({ query }) => {
      const paging = readPaging(query, 'contacts');
      const filters = parseFilterBy(textQuery(query, 'filterBy'), [
        'id',
        'firstName',
        'lastName',
        'email',
        'phone',
        'nationalId',
        'companyPosition',
        'userId',
        'contactCompanyId',
        'providerId',
        'providerName',
        'address',
      ]);
      const sorts = parseSortBy<LlamadaProContactRecord>(textQuery(query, 'sortBy'), {
        id: (contact) => contact.id,
        createdAt: (contact) => Date.parse(contact.createdAt),
        updatedAt: (contact) => Date.parse(contact.updatedAt),
        firstName: (contact) => (contact.firstName === null ? null : fold(contact.firstName)),
        lastName: (contact) => (contact.lastName === null ? null : fold(contact.lastName)),
      });
      const searchBy = textQuery(query, 'searchBy');
      const contacts = data.contacts
        .filter((contact) =>
          filters.every(([field, value]) => {
            if (field === 'address')
              return contact.addresses.some((entry) => entry.address === value);
            const have = Reflect.get(contact, field);
            return (
              have !== null &&
              have !== undefined &&
              String(have).toLowerCase() === value.toLowerCase()
            );
          }),
        )
        .filter((contact) => matchesText(contactHaystack(contact), searchBy))
        .sort(orderThenById(sorts));
      return pageOf(contacts, 'contacts', paging);
    }),
    route('GET', '/api/v1/contacts/{id}', ({ params }) => findContact(params['id'])),
    route('POST', '/api/v1/contacts', ({ body }) => {
      const input = parseBody(contactCreateSchema, body);
      requireCustomFields(data, input.customFields, 'CONTACT');
      return createContact(data, now, input);
    }),
    route('PUT', '/api/v1/contacts/{id}', ({ params, body }) => {
      const contact = findContact(params['id']);
      const input = parseBody(contactUpdateSchema, body);
      requireCustomFields(data, input.customFields, 'CONTACT');
      applyContactInput(data, contact, input, now());
      return contact;
    }),
    route('DELETE', '/api/v1/contacts/{id}', ({ params }) => {
      const contact = findContact(params['id']);
      data.contacts.splice(data.contacts.indexOf(contact), 1);
      return contact;
    }),
  ];
}
