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

/** A new contact. Members left out are not sent, and the vendor's defaults apply. */
export interface CreateContactInput {
  firstName?: string;
  lastName?: string;
  nationalId?: string;
  companyPosition?: string;
  /** The user who owns the contact, by the vendor's numeric id. */
  userId?: string;
  addresses?: ContactAddress[];
  /** Values by definition key. */
  customFields?: Record<string, unknown>;
}

/** Changes to a contact: an omitted member is left alone, a null clears it. */
export interface UpdateContactInput {
  firstName?: string | null;
  lastName?: string | null;
  nationalId?: string | null;
  companyPosition?: string | null;
  userId?: string | null;
  /** Replaces the whole list. */
  addresses?: ContactAddress[];
  /** Values by definition key: a key set to null removes that value, keys left out are kept. */
  customFields?: Record<string, unknown>;
}
