import { newestFirst } from './lists.js';
import type {
  LlamadaProContactRecord,
  LlamadaProConversationRecord,
  LlamadaProData,
} from './records.js';

/** Every phone a contact can be reached on: PHONE and WHATSAPP addresses, then `phone`. */
export function phonesOf(contact: LlamadaProContactRecord): string[] {
  return [
    ...contact.addresses
      .filter((entry) => entry.channelType === 'PHONE' || entry.channelType === 'WHATSAPP')
      .map((entry) => entry.address),
    ...(contact.phone === null ? [] : [contact.phone]),
  ];
}

/** Every e-mail of a contact, lower-cased: EMAIL addresses, then `email`. */
export function emailsOf(contact: LlamadaProContactRecord): string[] {
  return [
    ...contact.addresses
      .filter((entry) => entry.channelType === 'EMAIL')
      .map((entry) => entry.address.toLowerCase()),
    ...(contact.email === null ? [] : [contact.email.toLowerCase()]),
  ];
}

export function contactByPhone(
  data: LlamadaProData,
  phone: string | null,
): LlamadaProContactRecord | undefined {
  return phone === null
    ? undefined
    : data.contacts.find((contact) => phonesOf(contact).includes(phone));
}

/** The contact's newest conversation that is not archived, which new calls and messages join. */
export function latestConversationOf(
  data: LlamadaProData,
  contactId: number,
): LlamadaProConversationRecord | undefined {
  return data.conversations
    .filter(
      (conversation) => conversation.contactId === contactId && conversation.archivedAt === null,
    )
    .sort(newestFirst((conversation) => conversation.createdAt))[0];
}
