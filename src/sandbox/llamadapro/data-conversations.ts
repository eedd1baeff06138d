import { SANDBOX_NOW } from '../people.js';
import type { Random } from '../random.js';
import { DAY, HOUR, isoMillis, MINUTE, SECOND } from '../seeding.js';
import {
  LLAMADAPRO_TENANT_ID,
  LLAMADAPRO_USER_IDS,
  type LlamadaProChannelSessionRecord,
  type LlamadaProContactRecord,
  type LlamadaProConversationRecord,
  type LlamadaProData,
} from './records.js';

const CONVERSATION_COUNT = 80;

/** Conversations, each with one contact; WhatsApp sessions for contacts that have WhatsApp. */
export function createConversations(
  random: Random,
  nextIds: LlamadaProData['nextIds'],
  contacts: LlamadaProContactRecord[],
): LlamadaProConversationRecord[] {
  const conversations: LlamadaProConversationRecord[] = [];
  for (let index = 0; index < CONVERSATION_COUNT; index += 1) {
    const contact = random.pick(contacts);
    const id = nextIds.conversation++;
    const createdMs = SANDBOX_NOW - random.int(5, 90) * DAY - random.int(0, 86_399) * SECOND;
    const created = isoMillis(createdMs);
    const funnelId = random.pick([1, 2, 3]);
    const archived = random.chance(0.1);
    const channelSessions: LlamadaProChannelSessionRecord[] = [];
    const whatsapp = contact.addresses.find((entry) => entry.channelType === 'WHATSAPP');
    if (whatsapp !== undefined) {
      channelSessions.push({
        id: nextIds.channelSession++,
        tenantId: LLAMADAPRO_TENANT_ID,
        funnelConversationId: id,
        funnelAddressId: 51,
        contactAddressId: whatsapp.id,
        archivedAt: null,
        startTime: created,
        endTime: null,
        channelType: 'WHATSAPP',
        messagingConversationId: `wac_${random.hex(16)}`,
        createdAt: created,
        updatedAt: created,
      });
    }
    const phone = contact.addresses.find((entry) => entry.channelType === 'PHONE');
    if (phone !== undefined && (whatsapp === undefined || random.chance(0.3))) {
      channelSessions.push({
        id: nextIds.channelSession++,
        tenantId: LLAMADAPRO_TENANT_ID,
        funnelConversationId: id,
        funnelAddressId: 52,
        contactAddressId: phone.id,
        archivedAt: null,
        startTime: created,
        endTime: isoMillis(createdMs + random.int(2, 30) * MINUTE),
        channelType: 'PHONE',
        messagingConversationId: null,
        createdAt: created,
        updatedAt: created,
      });
    }
    const updated = isoMillis(Math.min(createdMs + random.int(0, 4) * DAY, SANDBOX_NOW - HOUR));
    conversations.push({
      id,
      tenantId: LLAMADAPRO_TENANT_ID,
      contactId: contact.id,
      userId: random.chance(0.8) ? random.pick(LLAMADAPRO_USER_IDS) : null,
      funnelId,
      funnelStatusId: funnelId * 10 + random.int(1, 4),
      archivedAt: archived ? updated : null,
      createdAt: created,
      updatedAt: updated,
      channelSessions,
      contacts: [structuredClone(contact)],
      customFields: random.chance(0.7)
        ? { lead_source: random.pick(['web', 'referral', 'outbound', 'event']) }
        : {},
    });
  }
  return conversations;
}
