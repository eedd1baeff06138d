import type { Channel } from './call.js';

export const MESSAGE_DIRECTIONS = ['INBOUND', 'OUTBOUND'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

export interface MessageParty {
  address: string | null;
  role: string | null;
  displayName: string | null;
}

export interface MessageAttachment {
  id: string | null;
  type: string | null;
  url: string | null;
}

export interface Message {
  provider: 'LLAMADAPRO';
  providerId: string;
  channel: Channel;
  direction: MessageDirection | null;
  status: string | null;
  type: string | null;
  content: string | null;
  sender: MessageParty | null;
  recipient: MessageParty | null;
  attachments: MessageAttachment[];
  contactId: string | null;
  conversationId: string | null;
  createdAt: string | null;
  raw: unknown;
}
