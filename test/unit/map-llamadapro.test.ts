import { describe, expect, it } from 'vitest';
import { toCall, toRecording, toTranscription } from '../../src/vendors/llamadapro/calls/map.js';
import {
  llamadaProCallSchema,
  llamadaProRecordingSchema,
  llamadaProTranscriptionSchema,
} from '../../src/vendors/llamadapro/calls/schemas.js';
import { toContact } from '../../src/vendors/llamadapro/contacts/map.js';
import {
  llamadaProContactListSchema,
  llamadaProContactSchema,
  llamadaProSearchContactSchema,
} from '../../src/vendors/llamadapro/contacts/schemas.js';
import {
  conversationContactId,
  toConversation,
} from '../../src/vendors/llamadapro/conversations/map.js';
import { llamadaProConversationSchema } from '../../src/vendors/llamadapro/conversations/schemas.js';
import {
  toCustomField,
  toCustomFieldOption,
} from '../../src/vendors/llamadapro/custom-fields/map.js';
import {
  llamadaProCustomFieldDefinitionSchema,
  llamadaProCustomFieldListOptionSchema,
} from '../../src/vendors/llamadapro/custom-fields/schemas.js';
import { toMessage } from '../../src/vendors/llamadapro/messages/map.js';
import { llamadaProMessageSchema } from '../../src/vendors/llamadapro/messages/schemas.js';
import { toTask, toTaskStatus } from '../../src/vendors/llamadapro/tasks/map.js';
import {
  llamadaProTaskListSchema,
  llamadaProTaskSchema,
} from '../../src/vendors/llamadapro/tasks/schemas.js';

// Fixtures have exactly the members of the document's response samples, with realistic values.

const callBody = {
  id: 48213,
  tenantId: 'tenant-andes',
  providerId: 'vapi-call-7f3a9c',
  providerName: 'vapi',
  funnelConversationId: 901,
  sessionId: 3301,
  userId: 12,
  contactId: 5521,
  opportunityId: 77,
  analysisConfigId: 4,
  teamId: 2,
  from: '+56229401000',
  to: '+56912345678',
  redirectedTo: null,
  duration: 185.5,
  direction: 'outgoing',
  status: 'completed',
  startTime: '2024-05-02T14:15:22Z',
  metadata: null,
  customData: { plan: 'premium', interested: true },
  agentScore: 0.82,
  category: 'interested',
  createdAt: '2024-05-02T14:15:20Z',
  updatedAt: '2024-05-02T14:18:40Z',
  lastUpdateSequence: 3,
};

const taskBody = {
  id: 'tsk_01HX4Q',
  tenantId: 'tenant-andes',
  createdAt: '2024-05-02T15:00:00Z',
  updatedAt: '2024-05-03T09:30:00Z',
  context: { conversationId: 901 },
  objective: 'Send the premium plan proposal',
  createdBy: { id: '12', type: 'user' },
  assignedTo: { id: 'emp-44', type: 'ai_employee' },
  publishedAt: '2024-05-02T15:00:05Z',
  dueDate: '2024-05-06T10:00:00Z',
  completedAt: '2024-05-03T09:30:00Z',
  cancelledAt: null,
  cancellationReason: null,
  status: 'completed',
};

const contactBody = {
  id: 5521,
  tenantId: 'tenant-andes',
  providerId: 'crm-88123',
  providerName: 'hubspot',
  nationalId: '12.345.678-9',
  firstName: 'Camila',
  lastName: 'Rojas',
  email: 'CAMILA.ROJAS@example.cl',
  phone: '+56912345678',
  userId: 12,
  contactCompanyId: 301,
  companyPosition: 'Gerente de Compras',
  metadata: null,
  createdAt: '2024-04-01T10:00:00Z',
  updatedAt: '2024-05-01T08:00:00Z',
  customFields: { segment: 'pyme', score: 87 },
  addresses: [
    {
      id: 1,
      tenantId: 'tenant-andes',
      contactId: 5521,
      channelType: 'WHATSAPP',
      address: '+56912345678',
      createdAt: '2024-04-01T10:00:00Z',
      updatedAt: '2024-04-01T10:00:00Z',
    },
    {
      id: 2,
      tenantId: 'tenant-andes',
      contactId: 5521,
      channelType: 'phone',
      address: '+56223456789',
      createdAt: '2024-04-01T10:00:00Z',
      updatedAt: '2024-04-01T10:00:00Z',
    },
    {
      id: 3,
      tenantId: 'tenant-andes',
      contactId: 5521,
      channelType: 'PHONE',
      address: '+56912345678',
      createdAt: '2024-04-01T10:00:00Z',
      updatedAt: '2024-04-01T10:00:00Z',
    },
    {
      id: 4,
      tenantId: 'tenant-andes',
      contactId: 5521,
      channelType: 'EMAIL',
      address: 'camila.rojas@example.cl',
      createdAt: '2024-04-01T10:00:00Z',
      updatedAt: '2024-04-01T10:00:00Z',
    },
    {
      id: 5,
      tenantId: 'tenant-andes',
      contactId: 5521,
      channelType: 'TELEGRAM',
      address: '@camirojas',
      createdAt: '2024-04-01T10:00:00Z',
      updatedAt: '2024-04-01T10:00:00Z',
    },
  ],
};

const searchContactBody = {
  tenantId: 'tenant-andes',
  createdAt: '2024-04-02T11:00:00Z',
  updatedAt: '2024-04-02T11:00:00Z',
  customFields: {},
  metadata: null,
  addresses: [
    {
      id: 9,
      tenantId: 'tenant-andes',
      contactId: 6001,
      channelType: 'EMAIL',
      address: 'jperez@example.com',
      createdAt: '2024-04-02T11:00:00Z',
      updatedAt: '2024-04-02T11:00:00Z',
    },
  ],
  providerId: null,
  providerName: null,
  nationalId: null,
  firstName: 'Juan',
  lastName: null,
  email: null,
  phone: '+56987654321',
  companyPosition: null,
  id: '6001',
  modelType: 'Contact',
  archivedAt: null,
  eventSequence: 14,
  eventTimestamp: '2024-04-02T11:00:01Z',
  userId: '12',
  contactCompanyId: '301',
};

const messageBody = {
  id: 'msg_8c1f2a',
  tenantId: 'tenant-andes',
  conversationId: 'conv_33a',
  funnelConversationId: 901,
  sessionId: 3301,
  providerId: 'wamid.HBgLNTY5MTIzNDU2Nzg',
  contactId: 5521,
  userId: '12',
  content: 'Hola Camila, te envío la propuesta',
  status: 'delivered',
  direction: 'outbound',
  channel: 'whatsapp',
  sender: {
    providerId: 'pn-1',
    address: '+56229401000',
    role: 'user',
    displayName: 'Andes Ventas',
    metadata: {},
  },
  recipient: {
    providerId: 'wa-5521',
    address: '+56912345678',
    role: 'contact',
    displayName: 'Camila Rojas',
    metadata: {},
  },
  attachments: [
    {
      id: 'att_1',
      type: 'document',
      url: 'https://files.example.cl/signed/propuesta.pdf?sig=abc',
      unsignedUrl: 'https://files.example.cl/propuesta.pdf',
      metadata: {},
      mediaProcessing: {
        textRepresentation: {
          errorMessage: null,
          processedAt: '2024-05-02T16:00:00Z',
          content: 'Propuesta plan premium',
          status: 'completed',
        },
        summary: {
          errorMessage: null,
          processedAt: '2024-05-02T16:00:00Z',
          content: 'A proposal',
          status: 'completed',
        },
      },
      isCacheable: true,
    },
  ],
  createdAt: '2024-05-02T16:00:00Z',
  updatedAt: '2024-05-02T16:00:03Z',
  metadata: {},
  errors: [],
  customFields: {},
  mediaProcessing: {
    textRepresentation: { errorMessage: null, processedAt: null, content: null, status: 'pending' },
    summary: { errorMessage: null, processedAt: null, content: null, status: 'pending' },
  },
};

const customFieldBody = {
  id: 17,
  tenantId: 'tenant-andes',
  entityType: 'CONTACT',
  fieldKey: 'segment',
  fieldLabel: 'Segmento',
  fieldType: 'LIST',
  description: 'Customer segment',
  createdAt: '2024-01-10T09:00:00Z',
  updatedAt: '2024-02-11T09:00:00Z',
};

const optionBody = {
  id: 205,
  tenantId: 'tenant-andes',
  definitionId: 17,
  value: 'pyme',
  label: 'PyME',
  description: 'Small and medium business',
  createdAt: '2024-01-10T09:00:00Z',
  updatedAt: '2024-01-10T09:00:00Z',
};

describe('toCall', () => {
  it('maps the document Call field by field', () => {
    const call = toCall(llamadaProCallSchema.parse(callBody));
    expect(call).toEqual({
      provider: 'LLAMADAPRO',
      providerId: '48213',
      status: 'COMPLETED',
      providerStatus: 'completed',
      direction: 'OUTBOUND',
      channel: 'CALL',
      from: '+56229401000',
      to: '+56912345678',
      customerPhone: '+56912345678',
      startedAt: '2024-05-02T14:15:22.000Z',
      endedAt: '2024-05-02T14:18:27.500Z',
      durationSeconds: 185.5,
      recordingUrl: null,
      transcript: null,
      transcriptEntries: [],
      costs: null,
      agent: null,
      notes: [],
      classification: { tag: 'interested', reasoning: null },
      extraction: null,
      customData: { plan: 'premium', interested: true },
      analysis: null,
      createdAt: '2024-05-02T14:15:20.000Z',
      updatedAt: '2024-05-02T14:18:40.000Z',
      scheduledFor: null,
      campaignId: null,
      useCase: null,
      ratings: [],
      parentCallId: null,
      tags: [],
      customerName: null,
      customerId: null,
      skillId: null,
      agentScore: 0.82,
      category: 'interested',
      contactId: '5521',
      funnelConversationId: '901',
      lastUpdateSequence: 3,
      raw: callBody,
    });
  });

  it('reads incoming calls from the customer side and keeps unknown statuses raw', () => {
    const call = toCall(
      llamadaProCallSchema.parse({
        ...callBody,
        direction: 'incoming',
        status: 'Voicemail-Left',
        duration: null,
        category: null,
        customData: null,
        agentScore: null,
        contactId: null,
        funnelConversationId: null,
        vendorExtra: { queue: 'ventas' },
      }),
    );
    expect(call.direction).toBe('INBOUND');
    expect(call.customerPhone).toBe('+56229401000');
    expect(call.status).toBe('UNKNOWN');
    expect(call.providerStatus).toBe('Voicemail-Left');
    expect(call.endedAt).toBeNull();
    expect(call.durationSeconds).toBeNull();
    expect(call.classification).toBeNull();
    expect(call.category).toBeNull();
    expect(call.customData).toBeNull();
    expect(call.agentScore).toBeNull();
    expect(call.contactId).toBeNull();
    expect(call.funnelConversationId).toBeNull();
    expect(call.raw).toMatchObject({ vendorExtra: { queue: 'ventas' } });
  });

  it.each([
    ['in_progress', 'IN_PROGRESS'],
    ['No-Answer', 'NO_ANSWER'],
    ['cancelled', 'CANCELED'],
    ['BUSY', 'BUSY'],
  ])('status %s is %s', (status, expected) => {
    expect(toCall(llamadaProCallSchema.parse({ ...callBody, status })).status).toBe(expected);
  });

  it('accepts a string id and rejects a call without id', () => {
    expect(toCall(llamadaProCallSchema.parse({ ...callBody, id: '48213' })).providerId).toBe(
      '48213',
    );
    const { id: _id, ...withoutId } = callBody;
    expect(llamadaProCallSchema.safeParse(withoutId).success).toBe(false);
  });
});

describe('transcription and recording', () => {
  it('maps GetCallTranscription', () => {
    const body = {
      id: 3001,
      tenantId: 'tenant-andes',
      providerId: 'dg-55',
      providerName: 'deepgram',
      recordingId: 4001,
      url: 'https://files.example.cl/t/3001.json',
      text: 'Agente: Hola, ¿hablo con Camila?',
      createdAt: '2024-05-02T14:19:00Z',
      updatedAt: '2024-05-02T14:19:00Z',
    };
    expect(toTranscription(llamadaProTranscriptionSchema.parse(body))).toEqual({
      providerId: '3001',
      text: 'Agente: Hola, ¿hablo con Camila?',
      url: 'https://files.example.cl/t/3001.json',
      transcriber: 'deepgram',
      recordingId: '4001',
      createdAt: '2024-05-02T14:19:00.000Z',
      updatedAt: '2024-05-02T14:19:00.000Z',
      raw: body,
    });
  });

  it('maps GetCallRecording', () => {
    const body = {
      id: 4001,
      tenantId: 'tenant-andes',
      callId: 48213,
      providerId: 'rec-9',
      providerName: 'twilio',
      callProviderId: 'CA123',
      callProviderName: 'twilio',
      url: 'https://files.example.cl/r/4001.mp3',
      startTime: '2024-05-02T14:15:22Z',
      duration: 185.5,
      dualChannel: true,
      createdAt: '2024-05-02T14:18:50Z',
      updatedAt: '2024-05-02T14:18:50Z',
    };
    expect(toRecording(llamadaProRecordingSchema.parse(body))).toEqual({
      providerId: '4001',
      callId: '48213',
      url: 'https://files.example.cl/r/4001.mp3',
      startedAt: '2024-05-02T14:15:22.000Z',
      durationSeconds: 185.5,
      dualChannel: true,
      createdAt: '2024-05-02T14:18:50.000Z',
      raw: body,
    });
  });
});

describe('toTask', () => {
  it('maps the document Task field by field', () => {
    expect(toTask(llamadaProTaskSchema.parse(taskBody))).toEqual({
      provider: 'LLAMADAPRO',
      providerId: 'tsk_01HX4Q',
      objective: 'Send the premium plan proposal',
      status: 'COMPLETED',
      providerStatus: 'completed',
      dueDate: '2024-05-06T10:00:00.000Z',
      publishedAt: '2024-05-02T15:00:05.000Z',
      completedAt: '2024-05-03T09:30:00.000Z',
      cancelledAt: null,
      cancellationReason: null,
      createdBy: { id: '12', type: 'USER' },
      assignedTo: { id: 'emp-44', type: 'AI_EMPLOYEE' },
      conversationId: '901',
      createdAt: '2024-05-02T15:00:00.000Z',
      updatedAt: '2024-05-03T09:30:00.000Z',
      raw: taskBody,
    });
  });

  it.each([
    ['completed', 'COMPLETED'],
    ['cancelled', 'CANCELLED'],
    ['Canceled', 'CANCELLED'],
    ['scheduled', 'SCHEDULED'],
    ['OVERDUE', 'OVERDUE'],
    // The document's own example URL asks for `status=pending`, which its enum does not hold.
    ['pending', 'UNKNOWN'],
    ['in_review', 'UNKNOWN'],
    [null, 'UNKNOWN'],
  ])('status %s is %s', (status, expected) => {
    expect(toTaskStatus(status)).toBe(expected);
  });

  it('reads an unknown status as UNKNOWN, keeps it in providerStatus, and drops actors it cannot type', () => {
    const task = toTask(
      llamadaProTaskSchema.parse({
        ...taskBody,
        status: 'pending',
        assignedTo: { id: 'bot-1', type: 'robot' },
        createdBy: null,
        context: null,
      }),
    );
    expect(task.status).toBe('UNKNOWN');
    expect(task.providerStatus).toBe('pending');
    expect(task.raw).toMatchObject({ status: 'pending' });
    expect(task.assignedTo).toBeNull();
    expect(task.createdBy).toBeNull();
    expect(task.conversationId).toBeNull();
  });

  it('reads the GetTasks envelope', () => {
    const list = llamadaProTaskListSchema.parse({
      nextPageToken: 'Xde34567890',
      totalCount: 41,
      items: [taskBody],
    });
    expect(list.items.map(toTask).map((task) => task.providerId)).toEqual(['tsk_01HX4Q']);
    expect(list.nextPageToken).toBe('Xde34567890');
    expect(list.totalCount).toBe(41);
  });
});

describe('toContact', () => {
  it('maps the GetContact shape field by field', () => {
    expect(toContact(llamadaProContactSchema.parse(contactBody))).toEqual({
      provider: 'LLAMADAPRO',
      providerId: '5521',
      firstName: 'Camila',
      lastName: 'Rojas',
      displayName: 'Camila Rojas',
      // The vendor's own spelling of each channel is kept, so OTHER still says which one it is.
      addresses: [
        { channel: 'WHATSAPP', providerChannel: 'WHATSAPP', address: '+56912345678' },
        { channel: 'PHONE', providerChannel: 'phone', address: '+56223456789' },
        { channel: 'PHONE', providerChannel: 'PHONE', address: '+56912345678' },
        { channel: 'EMAIL', providerChannel: 'EMAIL', address: 'camila.rojas@example.cl' },
        { channel: 'OTHER', providerChannel: 'TELEGRAM', address: '@camirojas' },
      ],
      // WhatsApp and phone addresses in order, the repeat and the legacy phone dropped.
      phones: ['+56912345678', '+56223456789'],
      // The legacy email differs only in case from the address: the same email.
      emails: ['camila.rojas@example.cl'],
      nationalId: '12.345.678-9',
      companyPosition: 'Gerente de Compras',
      customFields: [
        { key: 'segment', value: 'pyme', entityType: 'CONTACT' },
        { key: 'score', value: 87, entityType: 'CONTACT' },
      ],
      createdAt: '2024-04-01T10:00:00.000Z',
      updatedAt: '2024-05-01T08:00:00.000Z',
      raw: contactBody,
    });
  });

  it('appends legacy phone and email that no address holds', () => {
    const contact = toContact(
      llamadaProContactSchema.parse({
        ...contactBody,
        phone: '+56 9 5555 0000',
        email: 'camila@otra.cl',
        addresses: [{ channelType: 'phone', address: '+56911112222' }],
      }),
    );
    expect(contact.phones).toEqual(['+56911112222', '+56 9 5555 0000']);
    expect(contact.emails).toEqual(['camila@otra.cl']);
  });

  it('maps the search shape with string ids', () => {
    const contact = toContact(llamadaProSearchContactSchema.parse(searchContactBody));
    expect(contact.providerId).toBe('6001');
    expect(contact.displayName).toBe('Juan');
    expect(contact.lastName).toBeNull();
    expect(contact.phones).toEqual(['+56987654321']);
    expect(contact.emails).toEqual(['jperez@example.com']);
    expect(contact.customFields).toEqual([]);
    expect(contact.raw).toMatchObject({ modelType: 'Contact', userId: '12', eventSequence: 14 });
  });

  it('gives no display name without names, and no addresses when absent', () => {
    const contact = toContact(
      llamadaProContactSchema.parse({ id: 7, firstName: '  ', lastName: null, addresses: null }),
    );
    expect(contact.displayName).toBeNull();
    expect(contact.addresses).toEqual([]);
    expect(contact.phones).toEqual([]);
    expect(contact.customFields).toEqual([]);
  });

  it('reads the GetContacts envelope without a next page token', () => {
    const list = llamadaProContactListSchema.parse({ items: [contactBody], totalCount: 1 });
    expect(list.nextPageToken).toBeUndefined();
    expect(list.items.map(toContact)[0]?.providerId).toBe('5521');
  });
});

describe('toMessage', () => {
  it('maps the document Message field by field', () => {
    expect(toMessage(llamadaProMessageSchema.parse(messageBody))).toEqual({
      provider: 'LLAMADAPRO',
      providerId: 'msg_8c1f2a',
      channel: 'WHATSAPP',
      direction: 'OUTBOUND',
      status: 'delivered',
      type: null,
      content: 'Hola Camila, te envío la propuesta',
      sender: { address: '+56229401000', role: 'user', displayName: 'Andes Ventas' },
      recipient: { address: '+56912345678', role: 'contact', displayName: 'Camila Rojas' },
      attachments: [
        {
          id: 'att_1',
          type: 'document',
          url: 'https://files.example.cl/signed/propuesta.pdf?sig=abc',
          mediaProcessing: {
            textRepresentation: {
              status: 'completed',
              content: 'Propuesta plan premium',
              errorMessage: null,
              processedAt: '2024-05-02T16:00:00.000Z',
            },
            summary: {
              status: 'completed',
              content: 'A proposal',
              errorMessage: null,
              processedAt: '2024-05-02T16:00:00.000Z',
            },
          },
        },
      ],
      contactId: '5521',
      conversationId: 'conv_33a',
      funnelConversationId: '901',
      errors: [],
      mediaProcessing: {
        textRepresentation: {
          status: 'pending',
          content: null,
          errorMessage: null,
          processedAt: null,
        },
        summary: { status: 'pending', content: null, errorMessage: null, processedAt: null },
      },
      createdAt: '2024-05-02T16:00:00.000Z',
      raw: messageBody,
    });
  });

  it('types the delivery failures and a failed media step', () => {
    const failed = {
      ...messageBody,
      status: 'failed',
      errors: [
        {
          code: 131026,
          title: 'Message undeliverable',
          message: 'The recipient is not a WhatsApp user',
          href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
          provider: 'whatsapp',
        },
      ],
      mediaProcessing: {
        textRepresentation: {
          errorMessage: 'unsupported codec',
          processedAt: '2024-05-02T16:00:09Z',
          content: null,
          status: 'failed',
        },
        summary: null,
      },
    };
    const message = toMessage(llamadaProMessageSchema.parse(failed));
    expect(message.errors).toEqual([
      {
        code: 131026,
        title: 'Message undeliverable',
        message: 'The recipient is not a WhatsApp user',
        href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
        provider: 'whatsapp',
      },
    ]);
    expect(message.mediaProcessing).toEqual({
      textRepresentation: {
        status: 'failed',
        content: null,
        errorMessage: 'unsupported codec',
        processedAt: '2024-05-02T16:00:09.000Z',
      },
      summary: null,
    });
  });

  it('defaults the channel to WhatsApp and reads type when present', () => {
    const message = toMessage(
      llamadaProMessageSchema.parse({
        id: 'msg_2',
        channel: null,
        direction: 'inbound',
        type: 'image',
        sender: null,
        contactId: null,
      }),
    );
    expect(message.channel).toBe('WHATSAPP');
    expect(message.direction).toBe('INBOUND');
    expect(message.type).toBe('image');
    expect(message.sender).toBeNull();
    expect(message.contactId).toBeNull();
    expect(message.attachments).toEqual([]);
    expect(message.funnelConversationId).toBeNull();
    expect(message.errors).toEqual([]);
    expect(message.mediaProcessing).toBeNull();
  });
});

describe('custom fields', () => {
  it('maps a CustomFieldDefinition', () => {
    expect(toCustomField(llamadaProCustomFieldDefinitionSchema.parse(customFieldBody))).toEqual({
      provider: 'LLAMADAPRO',
      providerId: '17',
      key: 'segment',
      label: 'Segmento',
      type: 'LIST',
      entityType: 'CONTACT',
      description: 'Customer segment',
      createdAt: '2024-01-10T09:00:00.000Z',
      updatedAt: '2024-02-11T09:00:00.000Z',
      raw: customFieldBody,
    });
  });

  it('rejects a definition whose type the model cannot show', () => {
    expect(
      llamadaProCustomFieldDefinitionSchema.safeParse({ ...customFieldBody, fieldType: 'JSON' })
        .success,
    ).toBe(false);
  });

  it('maps a CustomFieldListOption', () => {
    expect(toCustomFieldOption(llamadaProCustomFieldListOptionSchema.parse(optionBody))).toEqual({
      id: '205',
      value: 'pyme',
      label: 'PyME',
      description: 'Small and medium business',
      createdAt: '2024-01-10T09:00:00.000Z',
      updatedAt: '2024-01-10T09:00:00.000Z',
    });
  });
});

describe('conversations', () => {
  const conversationBody = {
    id: 901,
    tenantId: 'tenant-andes',
    contactId: 5521,
    userId: 12,
    funnelId: 3,
    funnelStatusId: 8,
    archivedAt: null,
    createdAt: '2024-05-01T12:00:00Z',
    updatedAt: '2024-05-02T12:00:00Z',
    channelSessions: [
      {
        id: 3301,
        tenantId: 'tenant-andes',
        funnelConversationId: 901,
        funnelAddressId: 4,
        contactAddressId: 1,
        archivedAt: null,
        startTime: '2024-05-01T12:00:00Z',
        endTime: null,
        channelType: 'WHATSAPP',
        messagingConversationId: 'conv_33a',
        createdAt: '2024-05-01T12:00:00Z',
        updatedAt: '2024-05-01T12:00:00Z',
      },
    ],
    contacts: [contactBody],
    customFields: {},
  };

  it('names its contact', () => {
    const parsed = llamadaProConversationSchema.parse(conversationBody);
    expect(conversationContactId(parsed)).toBe('5521');
    const ref = toConversation(parsed);
    expect(ref.providerId).toBe('901');
    expect(ref.contactId).toBe('5521');
    expect(ref.contacts.map((contact) => contact.displayName)).toEqual(['Camila Rojas']);
  });

  it('falls back to the first embedded contact', () => {
    const parsed = llamadaProConversationSchema.parse({ ...conversationBody, contactId: null });
    expect(conversationContactId(parsed)).toBe('5521');
    expect(
      conversationContactId(llamadaProConversationSchema.parse({ id: 2, contacts: [] })),
    ).toBeNull();
  });
});
