import type { CustomFieldEntityType } from './custom-field.js';

export const ADDRESS_CHANNELS = ['PHONE', 'EMAIL', 'WHATSAPP', 'OTHER'] as const;
export type AddressChannel = (typeof ADDRESS_CHANNELS)[number];

export interface ContactAddress {
  channel: AddressChannel;
  address: string;
}

export interface CustomFieldValue {
  key: string;
  value: unknown;
  /** The kind of object holding the value: its definition is the one with this key and type. */
  entityType: CustomFieldEntityType;
}

export interface Contact {
  provider: 'LLAMADAPRO';
  providerId: string;
  firstName: string | null;
  lastName: string | null;
  displayName: string | null;
  addresses: ContactAddress[];
  /** PHONE and WHATSAPP addresses, then the legacy `phone`, without duplicates. */
  phones: string[];
  /** EMAIL addresses, then the legacy `email`, without duplicates. */
  emails: string[];
  nationalId: string | null;
  companyPosition: string | null;
  customFields: CustomFieldValue[];
  createdAt: string | null;
  updatedAt: string | null;
  raw: unknown;
}
