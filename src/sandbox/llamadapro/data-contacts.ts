import { SANDBOX_NOW, type SandboxPerson } from '../people.js';
import type { Random } from '../random.js';
import { DAY, isoMillis, SECOND } from '../seeding.js';
import {
  LLAMADAPRO_TENANT_ID,
  LLAMADAPRO_USER_IDS,
  type LlamadaProChannelType,
  type LlamadaProContactAddressRecord,
  type LlamadaProContactRecord,
  type LlamadaProData,
} from './records.js';

/** One contact per person, ids in person order. */
export function createContacts(
  random: Random,
  nextIds: LlamadaProData['nextIds'],
  people: SandboxPerson[],
): LlamadaProContactRecord[] {
  const companyIds = new Map<string, number>();
  const contacts: LlamadaProContactRecord[] = people.map((person) => {
    const id = nextIds.contact++;
    const createdMs = SANDBOX_NOW - random.int(60, 400) * DAY - random.int(0, 86_399) * SECOND;
    const updatedMs = Math.min(
      createdMs + random.int(0, 50) * DAY + random.int(0, 86_399) * SECOND,
      SANDBOX_NOW - DAY,
    );
    const created = isoMillis(createdMs);
    const updated = isoMillis(updatedMs);
    const addresses: LlamadaProContactAddressRecord[] = [];
    const address = (channelType: LlamadaProChannelType, value: string): void => {
      addresses.push({
        id: nextIds.address++,
        tenantId: LLAMADAPRO_TENANT_ID,
        contactId: id,
        channelType,
        address: value,
        createdAt: created,
        updatedAt: updated,
      });
    };
    address('PHONE', person.phone);
    if (random.chance(0.75)) address('WHATSAPP', person.phone);
    if (person.secondPhone !== null) address('PHONE', person.secondPhone);
    if (person.email !== null) address('EMAIL', person.email);

    // About half carry the legacy fields; a few of those hold an old landline found nowhere else.
    let phone: string | null = null;
    let email: string | null = null;
    if (random.chance(0.5)) {
      phone = random.chance(0.2)
        ? `+5622${String(random.int(1_000_000, 9_999_999))}`
        : person.phone;
      email = person.email;
    }

    const values: Record<string, unknown> = {};
    if (random.chance(0.7))
      values['customer_tier'] = random.pick(['bronze', 'silver', 'gold', 'platinum']);
    if (random.chance(0.8))
      values['preferred_language'] = random.pick(['es', 'es', 'en', 'fr', 'pt']);
    if (random.chance(0.5)) values['lifetime_value'] = random.int(50, 5000) * 10;
    if (random.chance(0.3)) {
      values['birthday'] =
        `${random.int(1955, 2002)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    }
    if (random.chance(0.4)) values['vip'] = random.chance(0.25);
    if (random.chance(0.15)) values['contract'] = `file_${random.hex(12)}`;

    let contactCompanyId: number | null = null;
    if (person.company !== null) {
      contactCompanyId = companyIds.get(person.company) ?? 301 + companyIds.size;
      companyIds.set(person.company, contactCompanyId);
    }
    const imported = random.chance(0.2);
    return {
      id,
      tenantId: LLAMADAPRO_TENANT_ID,
      providerId: imported ? `hs_${random.int(100_000, 999_999)}` : null,
      providerName: imported ? 'hubspot' : null,
      nationalId: person.nationalId,
      firstName: person.firstName,
      lastName: person.lastName,
      email,
      phone,
      userId: random.chance(0.8) ? random.pick(LLAMADAPRO_USER_IDS) : null,
      contactCompanyId,
      companyPosition: person.position,
      metadata: imported ? { importedFrom: 'hubspot' } : null,
      createdAt: created,
      updatedAt: updated,
      customFields: values,
      addresses,
    };
  });
  return contacts;
}
