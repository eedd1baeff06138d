import { describe, expect, it } from 'vitest';
import type { AddressChannel } from '../../src/model/contact.js';
import { toFreyaCreateProblemBody } from '../../src/vendors/freya/map.js';
import {
  toContact,
  toLlamadaProContactListQuery,
  toLlamadaProContactSearch,
  toLlamadaProCreateContactBody,
  toLlamadaProUpdateContactBody,
} from '../../src/vendors/llamadapro/contacts/map.js';
import { llamadaProContactSchema } from '../../src/vendors/llamadapro/contacts/schemas.js';
import { toLlamadaProConversationUpdateBody } from '../../src/vendors/llamadapro/conversations/map.js';
import {
  toLlamadaProCreateTaskBody,
  toLlamadaProUpdateTaskBody,
} from '../../src/vendors/llamadapro/tasks/map.js';

describe('unified write inputs as vendor bodies', () => {
  it('files a problem under Freya names: `title` is `problem`, types in lower case', () => {
    expect(
      toFreyaCreateProblemBody({ title: 'Customer heard silence', type: 'AUDIO', severity: 0.9 }),
    ).toEqual({ problem: 'Customer heard silence', type: 'audio', severity: 0.9 });
    expect(toFreyaCreateProblemBody({ title: 'No type' })).toEqual({ problem: 'No type' });
  });

  it('creates a LlamadaPro contact with numeric user ids and channelType addresses', () => {
    expect(
      toLlamadaProCreateContactBody({
        firstName: 'Ana',
        userId: '12',
        addresses: [{ channel: 'PHONE', address: '+56911111111' }],
      }),
    ).toEqual({
      firstName: 'Ana',
      userId: 12,
      addresses: [{ channelType: 'PHONE', address: '+56911111111' }],
    });
  });

  it('sends the nulls of a contact update and leaves omitted members out', () => {
    expect(toLlamadaProUpdateContactBody({ lastName: null, userId: null })).toEqual({
      lastName: null,
      userId: null,
    });
  });

  it('writes an address back with the channel type it was read with', () => {
    // UpdateContact's addresses are `{ channelType, address }` (the document's request sample).
    const read = toContact(
      llamadaProContactSchema.parse({
        id: 5521,
        addresses: [
          { id: 1, contactId: 5521, channelType: 'TELEGRAM', address: '@camirojas' },
          { id: 2, contactId: 5521, channelType: 'phone', address: '+56223456789' },
          { id: 3, contactId: 5521, channelType: 'WHATSAPP', address: '+56912345678' },
        ],
      }),
    );
    expect(toLlamadaProUpdateContactBody({ addresses: read.addresses.map(echo) })).toEqual({
      addresses: [
        { channelType: 'TELEGRAM', address: '@camirojas' },
        { channelType: 'phone', address: '+56223456789' },
        { channelType: 'WHATSAPP', address: '+56912345678' },
      ],
    });
    // Without the vendor's spelling, the unified channel is it.
    expect(
      toLlamadaProCreateContactBody({ addresses: [{ channel: 'EMAIL', address: 'a@b.cl' }] }),
    ).toEqual({ addresses: [{ channelType: 'EMAIL', address: 'a@b.cl' }] });
  });

  it('spells the contact list narrowing as GetContacts example usage does', () => {
    // GET /api/v1/contacts?filterBy=firstName:John;email:john@example.com&sortBy=createdAt=desc
    expect(
      toLlamadaProContactListQuery({
        filterBy: [
          { field: 'FIRST_NAME', value: 'John' },
          { field: 'EMAIL', value: 'john@example.com' },
        ],
        sortBy: [{ field: 'CREATED_AT', direction: 'DESC' }],
      }),
    ).toEqual({ filterBy: 'firstName:John;email:john@example.com', sortBy: 'createdAt=desc' });
    expect(
      toLlamadaProContactListQuery({
        filterBy: [{ field: 'USER_ID', value: '12' }],
        searchBy: 'rojas',
        sortBy: [
          { field: 'LAST_NAME', direction: 'ASC' },
          { field: 'ID', direction: 'DESC' },
        ],
      }),
    ).toEqual({ filterBy: 'userId:12', searchBy: 'rojas', sortBy: 'lastName=asc,id=desc' });
    expect(toLlamadaProContactListQuery({ filterBy: [], sortBy: [] })).toEqual({});
  });

  it('spells a contact search as SearchContacts example usage does', () => {
    expect(
      toLlamadaProContactSearch({
        filters: [
          { field: 'ADDRESS', operator: 'EQ', value: '+56912345678' },
          { field: 'ADDRESS', operator: 'CONTAINS', value: 'example.com', or: true },
          { field: 'ADDRESS_CHANNEL', operator: 'EQ', value: 'WHATSAPP' },
        ],
        sort: [{ field: 'CREATED_AT', direction: 'DESC' }],
        includeArchived: false,
      }),
    ).toEqual({
      filters: [
        { field: 'addresses.address', operator: 'eq', value: '+56912345678' },
        { field: 'addresses.address', operator: 'contains', value: 'example.com', or: true },
        { field: 'addresses.channelType', operator: 'eq', value: 'WHATSAPP' },
      ],
      sort: [{ field: 'createdAt', direction: 'desc' }],
      includeArchived: false,
    });
    expect(toLlamadaProContactSearch({ search: 'Camila' })).toEqual({ search: 'Camila' });
  });

  it("names a bulk update's contact by its numeric id", () => {
    expect(
      toLlamadaProConversationUpdateBody({
        id: '901',
        contact: { id: '5521', firstName: 'Camila', userId: null },
      }),
    ).toEqual({ id: 901, contact: { id: 5521, firstName: 'Camila', userId: null } });
  });

  it('puts a task on its conversation and lower-cases its enums', () => {
    expect(
      toLlamadaProCreateTaskBody({
        objective: 'Call back',
        conversationId: '901',
        assignedTo: { id: 'emp-44', type: 'AI_EMPLOYEE' },
        createdBy: { id: '12', type: 'USER' },
      }),
    ).toEqual({
      context: { conversationId: 901 },
      objective: 'Call back',
      createdBy: { id: '12', type: 'user' },
      assignedTo: { id: 'emp-44', type: 'ai_employee' },
    });
    expect(toLlamadaProUpdateTaskBody({ status: 'OVERDUE', conversationId: '902' })).toEqual({
      status: 'overdue',
      context: { conversationId: 902 },
    });
  });
});

/** An address as read, as a client writes it back. */
function echo(address: {
  channel: AddressChannel;
  providerChannel: string | null;
  address: string;
}) {
  return address.providerChannel === null
    ? { channel: address.channel, address: address.address }
    : {
        channel: address.channel,
        providerChannel: address.providerChannel,
        address: address.address,
      };
}
