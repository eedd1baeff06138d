/*
 * The records of LlamadaPro's seeded data set, each shaped as LlamadaPro's document shows its
 * JSON (docs/vendors/llamadapro.md): camelCase, numeric ids where the document shows numbers,
 * string ids for tasks and messages. Also the tenant, lines and users they belong to.
 */

export const LLAMADAPRO_TENANT_ID = 'tnt_8f3a2c61';

/**
 * The business's own lines. None of them can be a person's number: people get mobile numbers
 * from other plans (see ../people.ts). The first one is also the WhatsApp Business line.
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
