import { SANDBOX_NOW, type SandboxPerson } from './people.js';
import { createRandom, type Random } from './random.js';

/*
 * LlamadaPro's seeded data set. Every record is shaped as the LlamadaPro document
 * (vendor-docs/llamadapro-api.txt) shows its JSON: camelCase, numeric ids where the document
 * shows numbers, string ids for tasks and messages.
 */

export const LLAMADAPRO_TENANT_ID = 'tnt_8f3a2c61';

/**
 * The business's own lines. None of them can be a person's number: people get mobile numbers
 * from other plans (see people.ts). The first one is also the WhatsApp Business line.
 */
export const LLAMADAPRO_COMPANY_NUMBERS = [
  '+56228401000',
  '+56228401001',
  '+34910001234',
  '+18005550199',
] as const;
export const LLAMADAPRO_WHATSAPP_LINE = LLAMADAPRO_COMPANY_NUMBERS[0];

/** LlamadaPro users (numeric ids) and AI employees of the fictional business. */
export const LLAMADAPRO_USER_IDS = [11, 12, 13, 14] as const;
export const LLAMADAPRO_AI_EMPLOYEE_IDS = ['aie_201', 'aie_202'] as const;

export type LlamadaProChannelType = 'PHONE' | 'WHATSAPP' | 'EMAIL' | (string & {});

export interface LlamadaProContactAddressRecord {
  id: number;
  tenantId: string;
  contactId: number;
  channelType: LlamadaProChannelType;
  address: string;
  createdAt: string;
  updatedAt: string;
}

export interface LlamadaProContactRecord {
  id: number;
  tenantId: string;
  providerId: string | null;
  providerName: string | null;
  nationalId: string | null;
  firstName: string | null;
  lastName: string | null;
  /** Legacy, deprecated by the vendor in favour of `addresses`. */
  email: string | null;
  /** Legacy, deprecated by the vendor in favour of `addresses`. */
  phone: string | null;
  userId: number | null;
  contactCompanyId: number | null;
  companyPosition: string | null;
  metadata: unknown;
  createdAt: string;
  updatedAt: string;
  /** Values keyed by the CONTACT definitions' `fieldKey`. */
  customFields: Record<string, unknown>;
  addresses: LlamadaProContactAddressRecord[];
}

export interface LlamadaProCallRecord {
  id: number;
  tenantId: string;
  providerId: string;
  providerName: string;
  funnelConversationId: number | null;
  sessionId: number | null;
  userId: number | null;
  contactId: number | null;
  opportunityId: number | null;
  analysisConfigId: number | null;
  teamId: number | null;
  /** Null only on calls made from an uploaded recording that named no number. */
  from: string | null;
  to: string | null;
  redirectedTo: string | null;
  duration: number | null;
  /** "incoming" or "outgoing". */
  direction: string;
  status: string;
  startTime: string;
  metadata: unknown;
  customData: unknown;
  agentScore: number | null;
  category: string | null;
  createdAt: string;
  updatedAt: string;
  lastUpdateSequence: number;
}

export interface LlamadaProTranscriptionRecord {
  id: number;
  tenantId: string;
  providerId: string;
  providerName: string;
  recordingId: number;
  url: string;
  /** One turn a line: `Agent: ...` / `Customer: ...`. */
  text: string;
  createdAt: string;
  updatedAt: string;
}

export interface LlamadaProRecordingRecord {
  id: number;
  tenantId: string;
  callId: number;
  providerId: string;
  providerName: string;
  callProviderId: string;
  callProviderName: string;
  url: string;
  startTime: string;
  duration: number | null;
  dualChannel: boolean;
  createdAt: string;
  updatedAt: string;
}

export type LlamadaProTaskStatus = 'completed' | 'cancelled' | 'scheduled' | 'overdue';
export type LlamadaProTaskActorType = 'user' | 'ai_employee';

export interface LlamadaProTaskActor {
  id: string;
  type: LlamadaProTaskActorType;
}

export interface LlamadaProTaskRecord {
  id: string;
  tenantId: string;
  createdAt: string;
  updatedAt: string;
  context: { conversationId: number };
  objective: string;
  createdBy: LlamadaProTaskActor;
  assignedTo: LlamadaProTaskActor;
  publishedAt: string | null;
  dueDate: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  cancellationReason: string | null;
  status: LlamadaProTaskStatus;
}

export interface LlamadaProMessageParty {
  providerId: string | null;
  address: string;
  role: string;
  displayName: string | null;
  metadata: Record<string, unknown>;
}

export interface LlamadaProMediaProcessingStep {
  errorMessage: string | null;
  processedAt: string | null;
  content: string | null;
  status: string;
}

export interface LlamadaProMessageAttachment {
  id: string;
  type: string;
  url: string;
  unsignedUrl: string;
  metadata: Record<string, unknown>;
  mediaProcessing: {
    textRepresentation: LlamadaProMediaProcessingStep;
    summary: LlamadaProMediaProcessingStep;
  } | null;
  isCacheable: boolean;
}

export interface LlamadaProMessageError {
  code: number;
  title: string;
  message: string;
  href: string;
  provider: string;
}

export interface LlamadaProMessageRecord {
  id: string;
  tenantId: string;
  /** The messaging conversation (a channel session's `messagingConversationId`), not the funnel one. */
  conversationId: string;
  funnelConversationId: number | null;
  sessionId: number | null;
  providerId: string | null;
  contactId: number | null;
  userId: string | null;
  content: string;
  status: 'pending' | 'sent' | 'delivered' | 'read' | 'failed';
  direction: 'inbound' | 'outbound';
  channel: 'whatsapp';
  sender: LlamadaProMessageParty;
  recipient: LlamadaProMessageParty;
  attachments: LlamadaProMessageAttachment[];
  createdAt: string;
  updatedAt: string;
  /** `metadata.type` holds the WhatsApp message type ("text", "image", "template", ...). */
  metadata: Record<string, unknown>;
  errors: LlamadaProMessageError[];
  customFields: Record<string, unknown>;
  mediaProcessing: {
    textRepresentation: LlamadaProMediaProcessingStep;
    summary: LlamadaProMediaProcessingStep;
  } | null;
}

export type LlamadaProCustomFieldEntityType =
  'CONTACT' | 'COMPANY' | 'FUNNEL_CONVERSATION' | 'FUNNEL_CHANNEL_SESSION' | 'PRODUCT';
export type LlamadaProCustomFieldType = 'STRING' | 'NUMBER' | 'DATE' | 'BOOLEAN' | 'LIST' | 'FILE';

export interface LlamadaProCustomFieldRecord {
  id: number;
  tenantId: string;
  entityType: LlamadaProCustomFieldEntityType;
  fieldKey: string;
  fieldLabel: string | null;
  fieldType: LlamadaProCustomFieldType;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LlamadaProCustomFieldOptionRecord {
  id: number;
  tenantId: string;
  definitionId: number;
  value: string;
  label: string | null;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LlamadaProChannelSessionRecord {
  id: number;
  tenantId: string;
  funnelConversationId: number;
  funnelAddressId: number | null;
  contactAddressId: number | null;
  archivedAt: string | null;
  startTime: string;
  endTime: string | null;
  channelType: LlamadaProChannelType;
  messagingConversationId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LlamadaProConversationRecord {
  id: number;
  tenantId: string;
  contactId: number;
  userId: number | null;
  funnelId: number;
  funnelStatusId: number | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  channelSessions: LlamadaProChannelSessionRecord[];
  /** The conversation's contact as it was when stored; the server answers the current one. */
  contacts: LlamadaProContactRecord[];
  customFields: Record<string, unknown>;
}

/** A file uploaded with UploadMedia, usable as `fileId` of a media message. */
export interface LlamadaProMediaRecord {
  url: string;
  size: number;
  fileName: string;
  contentType: string;
  fileId: string;
  mediaId: string;
  tags: Record<string, string>;
}

export interface LlamadaProData {
  calls: LlamadaProCallRecord[];
  /** Keyed by call id. */
  transcriptions: Map<number, LlamadaProTranscriptionRecord>;
  /** Keyed by call id. */
  recordings: Map<number, LlamadaProRecordingRecord>;
  contacts: LlamadaProContactRecord[];
  tasks: LlamadaProTaskRecord[];
  messages: LlamadaProMessageRecord[];
  customFields: LlamadaProCustomFieldRecord[];
  customFieldOptions: LlamadaProCustomFieldOptionRecord[];
  conversations: LlamadaProConversationRecord[];
  media: LlamadaProMediaRecord[];
  /** The next id each kind of record gets when the server creates one. */
  nextIds: {
    call: number;
    contact: number;
    address: number;
    recording: number;
    transcription: number;
    task: number;
    message: number;
    customField: number;
    customFieldOption: number;
    conversation: number;
    channelSession: number;
    media: number;
    operation: number;
  };
}

const SEED = 20_261_101;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const CALL_COUNT = 62;
const CONVERSATION_COUNT = 80;
const TASK_COUNT = 120;
const MESSAGE_COUNT = 300;

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function displayName(contact: LlamadaProContactRecord): string {
  return [contact.firstName, contact.lastName]
    .filter((part) => part !== null && part !== '')
    .join(' ');
}

interface FieldSeed {
  entityType: LlamadaProCustomFieldEntityType;
  fieldKey: string;
  fieldLabel: string;
  fieldType: LlamadaProCustomFieldType;
  description: string | null;
  options?: Array<{ value: string; label: string; description: string | null }>;
}

const FIELD_SEEDS: FieldSeed[] = [
  {
    entityType: 'CONTACT',
    fieldKey: 'customer_tier',
    fieldLabel: 'Customer tier',
    fieldType: 'LIST',
    description: 'Commercial tier, reviewed every quarter',
    options: [
      { value: 'bronze', label: 'Bronze', description: 'Under 1,000 a year' },
      { value: 'silver', label: 'Silver', description: null },
      { value: 'gold', label: 'Gold', description: null },
      { value: 'platinum', label: 'Platinum', description: 'Key account with a dedicated manager' },
    ],
  },
  {
    entityType: 'CONTACT',
    fieldKey: 'preferred_language',
    fieldLabel: 'Preferred language',
    fieldType: 'LIST',
    description: 'Language the agents should use',
    options: [
      { value: 'es', label: 'Español', description: null },
      { value: 'en', label: 'English', description: null },
      { value: 'fr', label: 'Français', description: null },
      { value: 'pt', label: 'Português', description: null },
    ],
  },
  {
    entityType: 'CONTACT',
    fieldKey: 'lifetime_value',
    fieldLabel: 'Lifetime value',
    fieldType: 'NUMBER',
    description: 'Revenue to date, in USD',
  },
  {
    entityType: 'CONTACT',
    fieldKey: 'birthday',
    fieldLabel: 'Birthday',
    fieldType: 'DATE',
    description: null,
  },
  {
    entityType: 'CONTACT',
    fieldKey: 'vip',
    fieldLabel: 'VIP',
    fieldType: 'BOOLEAN',
    description: 'Route to a senior agent',
  },
  {
    entityType: 'CONTACT',
    fieldKey: 'contract',
    fieldLabel: 'Signed contract',
    fieldType: 'FILE',
    description: 'Latest signed contract (file id)',
  },
  {
    entityType: 'FUNNEL_CONVERSATION',
    fieldKey: 'lead_source',
    fieldLabel: 'Lead source',
    fieldType: 'LIST',
    description: 'Where the conversation came from',
    options: [
      { value: 'web', label: 'Website form', description: null },
      { value: 'referral', label: 'Referral', description: null },
      { value: 'outbound', label: 'Outbound campaign', description: null },
      { value: 'event', label: 'Trade show', description: null },
    ],
  },
  {
    entityType: 'PRODUCT',
    fieldKey: 'sku',
    fieldLabel: 'SKU',
    fieldType: 'STRING',
    description: 'Warehouse stock-keeping unit',
  },
];

const CALL_STATUSES_ONCE = [
  'completed',
  'in-progress',
  'no-answer',
  'busy',
  'failed',
  'queued',
  'ringing',
  'canceled',
  'voicemail',
];
const CALL_STATUS_WEIGHTS: Array<[string, number]> = [
  ['completed', 30],
  ['no-answer', 6],
  ['busy', 3],
  ['failed', 3],
  ['canceled', 2],
  ['in-progress', 1],
  ['queued', 1],
  ['ringing', 1],
  ['voicemail', 3],
];
const ACTIVE_STATUSES = new Set(['in-progress', 'queued', 'ringing']);
const CATEGORIES = ['sales', 'support', 'collections', 'onboarding'] as const;
const CAMPAIGNS = ['spring-renewals', 'winback-q3', 'new-catalog', 'payment-reminders'];

const DIALOGUES: Record<(typeof CATEGORIES)[number], string[][]> = {
  sales: [
    [
      'Agent: Hola {name}, le habla Sofía de {company}. ¿Tiene un minuto?',
      'Customer: Sí, dígame.',
      'Agent: Le llamo por la nueva línea de productos; tenemos un 15% de descuento este mes.',
      'Customer: Me interesa. ¿Me puede mandar la propuesta por WhatsApp?',
      'Agent: Claro, se la envío hoy mismo. ¡Gracias, {name}!',
    ],
    [
      'Agent: Hi {name}, this is Liam from {company}. Is now a good time?',
      'Customer: Sure, go ahead.',
      "Agent: Your plan renews next week and we can lock in last year's price if you renew today.",
      'Customer: Send me the quote and I will look at it with my team.',
      'Agent: Done, you will have it by email within the hour.',
    ],
  ],
  support: [
    [
      'Customer: Hola, mi pedido no ha llegado y ya pasaron cinco días.',
      'Agent: Lo siento mucho, {name}. ¿Me confirma el número de pedido?',
      'Customer: Es el 48213.',
      'Agent: Veo que quedó retenido en bodega. Lo despachamos hoy y llega mañana antes de las 14:00.',
      'Customer: Perfecto, gracias.',
    ],
    [
      'Customer: Hi, I was charged twice for the same invoice.',
      'Agent: I am sorry about that, {name}. Let me check... yes, I see the duplicate charge.',
      'Agent: I have issued a refund; it should show in three to five business days.',
      'Customer: Great, thanks for the quick help.',
    ],
  ],
  collections: [
    [
      'Agent: Buenos días {name}, le llamamos de {company} por la factura vencida del mes pasado.',
      'Customer: Sí, tuve un problema con el banco. ¿Puedo pagar el viernes?',
      'Agent: Sin problema, dejo registrado el compromiso de pago para el viernes.',
      'Customer: Gracias.',
    ],
  ],
  onboarding: [
    [
      'Agent: Bonjour {name}, je vous appelle pour la mise en route de votre compte {company}.',
      "Customer: Oui, j'ai reçu les accès hier.",
      'Agent: Parfait. Avez-vous pu importer vos contacts ?',
      'Customer: Pas encore, je le fais cet après-midi.',
      'Agent: Très bien, je vous rappelle demain pour vérifier.',
    ],
  ],
};
const VOICEMAIL =
  'Agent: Hola {name}, le dejamos este mensaje de {company}. Por favor devuélvanos la llamada cuando pueda. ¡Gracias!';

const TASK_OBJECTIVES = [
  'Call {name} back to confirm the delivery window',
  'Enviar cotización actualizada a {name}',
  'Follow up with {name} on the unpaid invoice',
  'Agendar demo del producto con {name}',
  'Check that {name} received the replacement part',
  'Confirmar datos de facturación de {name}',
  'Send the signed contract copy to {name}',
  'Recordar a {name} la renovación del plan',
];
const CANCELLATION_REASONS = [
  'Customer asked not to be contacted',
  'Duplicate task',
  'Deal closed by another agent',
  'Phone number out of service',
];

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

function weighted<T>(random: Random, entries: ReadonlyArray<readonly [T, number]>): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  const last = entries[entries.length - 1];
  if (last === undefined) throw new Error('weighted pick from an empty list');
  return last[0];
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** LlamadaPro's seeded data: a fresh, mutable, identical copy on every call. */
export function createLlamadaProData(people: SandboxPerson[]): LlamadaProData {
  const random = createRandom(SEED);
  const nextIds: LlamadaProData['nextIds'] = {
    call: 73_001,
    contact: 1001,
    address: 5001,
    recording: 88_001,
    transcription: 99_001,
    task: 1,
    message: 1,
    customField: 401,
    customFieldOption: 901,
    conversation: 6001,
    channelSession: 7001,
    media: 1,
    operation: 1,
  };

  // Custom field definitions and their list options.
  const customFields: LlamadaProCustomFieldRecord[] = [];
  const customFieldOptions: LlamadaProCustomFieldOptionRecord[] = [];
  FIELD_SEEDS.forEach((seed, index) => {
    const created = iso(SANDBOX_NOW - (500 - index) * DAY);
    const definition: LlamadaProCustomFieldRecord = {
      id: nextIds.customField++,
      tenantId: LLAMADAPRO_TENANT_ID,
      entityType: seed.entityType,
      fieldKey: seed.fieldKey,
      fieldLabel: seed.fieldLabel,
      fieldType: seed.fieldType,
      description: seed.description,
      createdAt: created,
      updatedAt: created,
    };
    customFields.push(definition);
    for (const option of seed.options ?? []) {
      customFieldOptions.push({
        id: nextIds.customFieldOption++,
        tenantId: LLAMADAPRO_TENANT_ID,
        definitionId: definition.id,
        value: option.value,
        label: option.label,
        description: option.description,
        createdAt: created,
        updatedAt: created,
      });
    }
  });

  // Contacts: one per person, ids in person order.
  const companyIds = new Map<string, number>();
  const contacts: LlamadaProContactRecord[] = people.map((person) => {
    const id = nextIds.contact++;
    const createdMs = SANDBOX_NOW - random.int(60, 400) * DAY - random.int(0, 86_399) * SECOND;
    const updatedMs = Math.min(
      createdMs + random.int(0, 50) * DAY + random.int(0, 86_399) * SECOND,
      SANDBOX_NOW - DAY,
    );
    const created = iso(createdMs);
    const updated = iso(updatedMs);
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

  // Conversations, each with one contact; WhatsApp sessions for contacts that have WhatsApp.
  const conversations: LlamadaProConversationRecord[] = [];
  for (let index = 0; index < CONVERSATION_COUNT; index += 1) {
    const contact = random.pick(contacts);
    const id = nextIds.conversation++;
    const createdMs = SANDBOX_NOW - random.int(5, 90) * DAY - random.int(0, 86_399) * SECOND;
    const created = iso(createdMs);
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
        endTime: iso(createdMs + random.int(2, 30) * MINUTE),
        channelType: 'PHONE',
        messagingConversationId: null,
        createdAt: created,
        updatedAt: created,
      });
    }
    const updated = iso(Math.min(createdMs + random.int(0, 4) * DAY, SANDBOX_NOW - HOUR));
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

  // Calls, with recordings and transcriptions for those that were answered.
  const calls: LlamadaProCallRecord[] = [];
  const recordings = new Map<number, LlamadaProRecordingRecord>();
  const transcriptions = new Map<number, LlamadaProTranscriptionRecord>();
  let completedSeen = 0;
  for (let index = 0; index < CALL_COUNT; index += 1) {
    const status = CALL_STATUSES_ONCE[index] ?? weighted(random, CALL_STATUS_WEIGHTS);
    const direction = random.chance(0.55) ? 'outgoing' : 'incoming';
    const person = random.chance(0.85) ? random.pick(people) : null;
    const customer =
      person === null
        ? `+5411${String(random.int(10_000_000, 99_999_999))}`
        : person.secondPhone !== null && random.chance(0.25)
          ? person.secondPhone
          : person.phone;
    const company = random.pick(LLAMADAPRO_COMPANY_NUMBERS);
    const contact = person === null ? undefined : contacts[person.index];
    const contactId = contact !== undefined && random.chance(0.9) ? contact.id : null;
    const active = ACTIVE_STATUSES.has(status);
    const startMs = active
      ? SANDBOX_NOW - random.int(1, 90) * MINUTE
      : SANDBOX_NOW - random.int(2 * 3600, 45 * 86_400 - 1) * SECOND;
    const duration =
      status === 'completed'
        ? random.int(25, 900)
        : status === 'voicemail'
          ? random.int(15, 60)
          : active
            ? null
            : 0;
    const vapi = random.chance(0.2);
    const funnelConversation =
      contactId === null ? undefined : conversations.find((entry) => entry.contactId === contactId);
    calls.push({
      id: nextIds.call++,
      tenantId: LLAMADAPRO_TENANT_ID,
      providerId: vapi ? random.uuid() : `CA${random.hex(32)}`,
      providerName: vapi ? 'vapi' : 'twilio',
      funnelConversationId: funnelConversation?.id ?? null,
      sessionId: random.chance(0.5) ? random.int(30_000, 39_999) : null,
      userId: random.chance(0.6) ? random.pick(LLAMADAPRO_USER_IDS) : null,
      contactId,
      opportunityId: random.chance(0.3) ? random.int(800, 999) : null,
      analysisConfigId: random.chance(0.5) ? random.pick([3, 4]) : null,
      teamId: random.chance(0.7) ? random.pick([1, 2]) : null,
      from: direction === 'outgoing' ? company : customer,
      to: direction === 'outgoing' ? customer : company,
      redirectedTo: random.chance(0.05) ? random.pick(LLAMADAPRO_COMPANY_NUMBERS) : null,
      duration,
      direction,
      status,
      startTime: iso(startMs),
      metadata: random.chance(0.5) ? { campaign: random.pick(CAMPAIGNS) } : null,
      customData: random.chance(0.3) ? { crmLeadId: `lead_${random.hex(6)}` } : null,
      agentScore: status === 'completed' ? random.int(40, 100) / 10 : null,
      category: random.pick(CATEGORIES),
      createdAt: iso(startMs - random.int(0, 5) * SECOND),
      updatedAt: iso(
        Math.min(startMs + (duration ?? 0) * SECOND + random.int(1, 30) * SECOND, SANDBOX_NOW),
      ),
      lastUpdateSequence: random.int(1, 12),
    });
  }
  // Two calls that started in the very same second, so that tie-breaking is exercised.
  const settled = calls.filter((call) => !ACTIVE_STATUSES.has(call.status));
  const [first, second] = [settled[10], settled[11]];
  if (first !== undefined && second !== undefined) {
    second.startTime = first.startTime;
    second.createdAt = first.createdAt;
  }
  for (const call of calls) {
    if (call.status !== 'completed' && call.status !== 'voicemail') continue;
    const startMs = Date.parse(call.startTime);
    const endMs = startMs + (call.duration ?? 0) * SECOND;
    const recordingId = nextIds.recording++;
    const recordingSid = `RE${random.hex(32)}`;
    recordings.set(call.id, {
      id: recordingId,
      tenantId: LLAMADAPRO_TENANT_ID,
      callId: call.id,
      providerId: recordingSid,
      providerName: 'twilio',
      callProviderId: call.providerId,
      callProviderName: call.providerName,
      url: `https://media.llamadapro.example/recordings/${recordingSid}.mp3`,
      startTime: call.startTime,
      duration: call.duration,
      dualChannel: random.chance(0.7),
      createdAt: iso(endMs + 5 * SECOND),
      updatedAt: iso(endMs + 5 * SECOND),
    });
    // Every seventh completed call was never transcribed.
    if (call.status === 'completed' && completedSeen++ % 7 === 6) continue;
    const contact = contacts.find((entry) => entry.id === call.contactId);
    const category = CATEGORIES.find((entry) => entry === call.category) ?? 'support';
    const lines = call.status === 'voicemail' ? [VOICEMAIL] : random.pick(DIALOGUES[category]);
    const text = lines
      .map((line) => fill(line, { name: contact?.firstName ?? 'cliente', company: 'Andes Retail' }))
      .join('\n');
    const transcriptionId = nextIds.transcription++;
    const providerId = random.uuid();
    transcriptions.set(call.id, {
      id: transcriptionId,
      tenantId: LLAMADAPRO_TENANT_ID,
      providerId,
      providerName: 'deepgram',
      recordingId,
      url: `https://media.llamadapro.example/transcriptions/${providerId}.json`,
      text,
      createdAt: iso(endMs + 40 * SECOND),
      updatedAt: iso(endMs + 40 * SECOND),
    });
  }

  // Tasks on real conversations.
  const tasks: LlamadaProTaskRecord[] = [];
  const actor = (preferAi: boolean): LlamadaProTaskActor =>
    preferAi
      ? { id: random.pick(LLAMADAPRO_AI_EMPLOYEE_IDS), type: 'ai_employee' }
      : { id: String(random.pick(LLAMADAPRO_USER_IDS)), type: 'user' };
  for (let index = 0; index < TASK_COUNT; index += 1) {
    const conversation = random.pick(conversations);
    const contact = contacts.find((entry) => entry.id === conversation.contactId);
    const status = weighted<LlamadaProTaskStatus>(random, [
      ['completed', 35],
      ['cancelled', 15],
      ['scheduled', 30],
      ['overdue', 20],
    ]);
    let createdMs = SANDBOX_NOW - random.int(1, 60) * DAY - random.int(0, 86_399) * SECOND;
    let dueMs: number | null;
    let completedMs: number | null = null;
    let cancelledMs: number | null = null;
    if (status === 'scheduled') {
      dueMs = SANDBOX_NOW + random.int(1, 30) * DAY + random.int(0, 23) * HOUR;
    } else if (status === 'overdue') {
      dueMs = SANDBOX_NOW - random.int(1, 20) * DAY - random.int(0, 23) * HOUR;
      createdMs = dueMs - random.int(1, 10) * DAY;
    } else {
      dueMs = random.chance(0.1) ? null : createdMs + random.int(1, 10) * DAY;
      const doneMs = Math.min(createdMs + random.int(2, 240) * HOUR, SANDBOX_NOW - HOUR);
      if (status === 'completed') completedMs = doneMs;
      else cancelledMs = doneMs;
    }
    const publishedMs =
      status === 'scheduled' && random.chance(0.15) ? null : createdMs + random.int(0, 60) * MINUTE;
    const updatedMs = Math.max(createdMs, publishedMs ?? 0, completedMs ?? 0, cancelledMs ?? 0);
    tasks.push({
      id: `task_${random.hex(16)}`,
      tenantId: LLAMADAPRO_TENANT_ID,
      createdAt: iso(createdMs),
      updatedAt: iso(updatedMs),
      context: { conversationId: conversation.id },
      objective: fill(random.pick(TASK_OBJECTIVES), {
        name: contact === undefined ? 'the customer' : displayName(contact),
      }),
      createdBy: actor(random.chance(0.3)),
      assignedTo: actor(random.chance(0.5)),
      publishedAt: publishedMs === null ? null : iso(publishedMs),
      dueDate: dueMs === null ? null : iso(dueMs),
      completedAt: completedMs === null ? null : iso(completedMs),
      cancelledAt: cancelledMs === null ? null : iso(cancelledMs),
      cancellationReason: cancelledMs === null ? null : random.pick(CANCELLATION_REASONS),
      status,
    });
  }

  // WhatsApp threads on the conversations that have a WhatsApp session.
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
                    processedAt: iso(atMs + 20 * SECOND),
                    content: 'Hola, les mando el audio con la dirección.',
                    status: 'completed',
                  },
                  summary: {
                    errorMessage: null,
                    processedAt: iso(atMs + 25 * SECOND),
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
        createdAt: iso(atMs),
        updatedAt: iso(Math.min(atMs + random.int(1, 300) * SECOND, SANDBOX_NOW)),
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

  return {
    calls,
    transcriptions,
    recordings,
    contacts,
    tasks,
    messages,
    customFields,
    customFieldOptions,
    conversations,
    media: [],
    nextIds,
  };
}
