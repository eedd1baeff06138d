import { SANDBOX_NOW } from '../people.js';
import type { Random } from '../random.js';
import { isoMillis, MINUTE, SECOND } from '../seeding.js';
import { displayName, fill, weighted } from './data-helpers.js';
import {
  LLAMADAPRO_TENANT_ID,
  LLAMADAPRO_USER_IDS,
  LLAMADAPRO_WHATSAPP_LINE,
  type LlamadaProContactRecord,
  type LlamadaProConversationRecord,
  type LlamadaProMessageAttachment,
  type LlamadaProMessageParty,
  type LlamadaProMessageRecord,
} from './records.js';

const MESSAGE_COUNT = 300;

const INBOUND_TEXTS = [
  'Hola, quería saber el estado de mi pedido',
  '¿Tienen stock del modelo que vimos la semana pasada?',
  'Gracias, recibido 👍',
  'Can you send me the invoice again?',
  'Perfecto, quedo atento',
  'What time does the technician arrive tomorrow?',
  '¿Me pueden llamar mañana en la mañana?',
  'Ok, I will pay on Friday',
];
const OUTBOUND_TEXTS = [
  'Hola {name}, su pedido sale hoy de bodega 🚚',
  'Hi {name}, here is the quote we discussed.',
  'Le recordamos que su factura vence el viernes.',
  '¡Gracias por su compra, {name}!',
  'Your appointment is confirmed for tomorrow at 10:00.',
  'Claro, le llamamos mañana a las 9:30.',
];
const MESSAGE_STATUS_WEIGHTS: Array<
  ['pending' | 'sent' | 'delivered' | 'read' | 'failed', number]
> = [
  ['read', 10],
  ['delivered', 6],
  ['sent', 3],
  ['failed', 1],
  ['pending', 1],
];

/** WhatsApp threads on the conversations that have a WhatsApp session. */
export function createMessages(
  random: Random,
  contacts: LlamadaProContactRecord[],
  conversations: LlamadaProConversationRecord[],
): LlamadaProMessageRecord[] {
  const messages: LlamadaProMessageRecord[] = [];
  const threads = conversations.filter((conversation) =>
    conversation.channelSessions.some((session) => session.channelType === 'WHATSAPP'),
  );
  const counts = new Map<number, number>();
  for (let index = 0; index < MESSAGE_COUNT; index += 1) {
    const conversation = random.pick(threads);
    counts.set(conversation.id, (counts.get(conversation.id) ?? 0) + 1);
  }
  for (const conversation of threads) {
    const count = counts.get(conversation.id) ?? 0;
    const session = conversation.channelSessions.find((entry) => entry.channelType === 'WHATSAPP');
    const contact = contacts.find((entry) => entry.id === conversation.contactId);
    const customerAddress = contact?.addresses.find(
      (entry) => entry.channelType === 'WHATSAPP',
    )?.address;
    if (
      session?.messagingConversationId == null ||
      contact === undefined ||
      customerAddress === undefined
    )
      continue;
    const name = displayName(contact);
    let atMs = Date.parse(conversation.createdAt) + random.int(0, 86_399) * SECOND;
    for (let turn = 0; turn < count; turn += 1) {
      atMs = Math.min(
        atMs + random.int(1, 180) * MINUTE + random.int(0, 59) * SECOND,
        SANDBOX_NOW - MINUTE,
      );
      const direction = random.chance(0.5) ? 'inbound' : 'outbound';
      const customer: LlamadaProMessageParty = {
        providerId: null,
        address: customerAddress,
        role: 'contact',
        displayName: name,
        metadata: {},
      };
      const userId =
        direction === 'outbound' && random.chance(0.7)
          ? String(random.pick(LLAMADAPRO_USER_IDS))
          : null;
      const business: LlamadaProMessageParty = {
        providerId: null,
        address: LLAMADAPRO_WHATSAPP_LINE,
        role: userId === null ? 'ai_employee' : 'user',
        displayName: 'Andes Retail',
        metadata: {},
      };
      const attachments: LlamadaProMessageAttachment[] = [];
      let type = 'text';
      if (random.chance(0.08)) {
        type = random.pick(['image', 'document', 'audio']);
        const fileId = `att_${random.hex(12)}`;
        const extension = type === 'image' ? 'jpg' : type === 'document' ? 'pdf' : 'ogg';
        const unsignedUrl = `https://media.llamadapro.example/whatsapp/${fileId}.${extension}`;
        attachments.push({
          id: fileId,
          type,
          url: `${unsignedUrl}?signature=${random.hex(24)}`,
          unsignedUrl,
          metadata: {
            mimeType:
              type === 'image'
                ? 'image/jpeg'
                : type === 'document'
                  ? 'application/pdf'
                  : 'audio/ogg',
          },
          mediaProcessing:
            type === 'audio'
              ? {
                  textRepresentation: {
                    errorMessage: null,
                    processedAt: isoMillis(atMs + 20 * SECOND),
                    content: 'Hola, les mando el audio con la dirección.',
                    status: 'completed',
                  },
                  summary: {
                    errorMessage: null,
                    processedAt: isoMillis(atMs + 25 * SECOND),
                    content: 'The customer sends the delivery address.',
                    status: 'completed',
                  },
                }
              : null,
          isCacheable: true,
        });
      }
      const status =
        direction === 'inbound'
          ? random.chance(0.8)
            ? 'read'
            : 'delivered'
          : weighted(random, MESSAGE_STATUS_WEIGHTS);
      const text =
        direction === 'inbound'
          ? random.pick(INBOUND_TEXTS)
          : fill(random.pick(OUTBOUND_TEXTS), { name: contact.firstName ?? '' });
      messages.push({
        id: `msg_${random.hex(24)}`,
        tenantId: LLAMADAPRO_TENANT_ID,
        conversationId: session.messagingConversationId,
        funnelConversationId: conversation.id,
        sessionId: session.id,
        providerId: status === 'pending' ? null : `wamid.${random.hex(32)}`,
        contactId: contact.id,
        userId,
        content:
          type === 'text'
            ? text
            : type === 'image'
              ? 'Foto del producto'
              : type === 'document'
                ? 'Factura adjunta'
                : '',
        status,
        direction,
        channel: 'whatsapp',
        sender: direction === 'inbound' ? customer : business,
        recipient: direction === 'inbound' ? business : customer,
        attachments,
        createdAt: isoMillis(atMs),
        updatedAt: isoMillis(Math.min(atMs + random.int(1, 300) * SECOND, SANDBOX_NOW)),
        metadata: { type },
        errors:
          status === 'failed'
            ? [
                {
                  code: 131_026,
                  title: 'Message undeliverable',
                  message:
                    'The recipient is not a WhatsApp user or has not accepted the terms of service',
                  href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
                  provider: 'whatsapp',
                },
              ]
            : [],
        customFields: {},
        mediaProcessing: null,
      });
    }
  }
  return messages;
}
