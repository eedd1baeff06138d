import type { Call, CallDirection, CallStatus } from '../../model/call.js';
import type {
  AddressChannel,
  Contact,
  ContactAddress,
  CustomFieldValue,
} from '../../model/contact.js';
import type { CustomField, CustomFieldOption } from '../../model/custom-field.js';
import type { Message, MessageAttachment, MessageParty } from '../../model/message.js';
import type { Task, TaskActor, TaskActorType, TaskStatus } from '../../model/task.js';
import {
  customerSide,
  nonEmpty,
  toCallDirection,
  toCallStatus,
  toChannel,
  toE164,
  toIsoDate,
} from '../normalize.js';
import type {
  LlamadaProBulkResult,
  LlamadaProCall,
  LlamadaProContact,
  LlamadaProConversation,
  LlamadaProCustomFieldDefinition,
  LlamadaProCustomFieldListOption,
  LlamadaProMedia,
  LlamadaProMessage,
  LlamadaProMessageParty,
  LlamadaProRecording,
  LlamadaProSearchContact,
  LlamadaProTask,
  LlamadaProTaskActor,
  LlamadaProTranscription,
} from './schemas.js';

/** A call's transcription, read from its own route. */
export interface CallTranscription {
  providerId: string | null;
  text: string | null;
  url: string | null;
  createdAt: string | null;
  raw: unknown;
}

/** A call's recording, read from its own route. */
export interface CallRecording {
  providerId: string | null;
  callId: string | null;
  url: string | null;
  startedAt: string | null;
  durationSeconds: number | null;
  dualChannel: boolean | null;
  createdAt: string | null;
  raw: unknown;
}

/** A funnel conversation: its contact (for `Task.contact`) and the funnel it sits in. */
export interface ConversationRef {
  providerId: string;
  contactId: string | null;
  /** The contacts the vendor embeds in the conversation, already mapped. */
  contacts: Contact[];
  funnelId: string | null;
  funnelStatusId: string | null;
  userId: string | null;
  archivedAt: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  customFields: CustomFieldValue[];
  raw: unknown;
}

/** A file uploaded to WhatsApp, to send by `fileId`. */
export interface WhatsAppMedia {
  url: string | null;
  size: number | null;
  fileName: string | null;
  contentType: string | null;
  fileId: string | null;
  mediaId: string | null;
  tags: Record<string, string> | null;
  raw: unknown;
}

/** The report of a bulk conversation create or update. */
export interface BulkConversationResult {
  message: string | null;
  operationId: string | null;
  counts: {
    successful: number | null;
    warnings: number | null;
    duplicates: number | null;
    errors: number | null;
    total: number | null;
  } | null;
  itemsIssues: BulkItemIssues[];
  batchErrors: BulkIssue[];
  raw: unknown;
}

/** One validation finding of a bulk operation, as the vendor words it. */
export interface BulkIssue {
  field: string | null;
  message: string | null;
  code: string | null;
  context: Record<string, unknown> | null;
}

/** The findings on one item of a bulk operation; `index` is its position in the request. */
export interface BulkItemIssues {
  index: number | null;
  itemId: string | null;
  errors: BulkIssue[];
  warnings: BulkIssue[];
  existingEntities: Record<string, unknown> | null;
}

function idString(value: string | number | null | undefined): string | null {
  return value === null || value === undefined || value === '' ? null : String(value);
}

function endOf(startedAt: string | null, durationSeconds: number | null): string | null {
  if (startedAt === null || durationSeconds === null) return null;
  return new Date(Date.parse(startedAt) + durationSeconds * 1000).toISOString();
}

export function toCall(raw: LlamadaProCall): Call {
  const direction = toCallDirection(raw.direction);
  const from = nonEmpty(raw.from);
  const to = nonEmpty(raw.to);
  const startedAt = toIsoDate(raw.startTime);
  const durationSeconds = raw.duration ?? null;
  const category = nonEmpty(raw.category);
  return {
    provider: 'LLAMADAPRO',
    providerId: String(raw.id),
    status: toCallStatus(raw.status),
    providerStatus: raw.status ?? null,
    direction,
    channel: 'CALL',
    from,
    to,
    customerPhone: customerSide(direction, from, to),
    startedAt,
    endedAt: endOf(startedAt, durationSeconds),
    durationSeconds,
    // Recording and transcription live on their own routes, fetched only when asked for.
    recordingUrl: null,
    transcript: null,
    transcriptEntries: [],
    costs: null,
    // LlamadaPro calls name no agent.
    agent: null,
    notes: [],
    classification: category === null ? null : { tag: category, reasoning: null },
    extraction: raw.customData ?? null,
    analysis: null,
    createdAt: toIsoDate(raw.createdAt),
    raw,
  };
}

export function toTranscription(raw: LlamadaProTranscription): CallTranscription {
  return {
    providerId: idString(raw.id),
    text: raw.text ?? null,
    url: nonEmpty(raw.url),
    createdAt: toIsoDate(raw.createdAt),
    raw,
  };
}

export function toRecording(raw: LlamadaProRecording): CallRecording {
  return {
    providerId: idString(raw.id),
    callId: idString(raw.callId),
    url: nonEmpty(raw.url),
    startedAt: toIsoDate(raw.startTime),
    durationSeconds: raw.duration ?? null,
    dualChannel: raw.dualChannel ?? null,
    createdAt: toIsoDate(raw.createdAt),
    raw,
  };
}

const TASK_STATUSES: Record<string, TaskStatus> = {
  COMPLETED: 'COMPLETED',
  CANCELLED: 'CANCELLED',
  CANCELED: 'CANCELLED',
  SCHEDULED: 'SCHEDULED',
  OVERDUE: 'OVERDUE',
};

/**
 * The document's task statuses upper-cased. TaskStatus has no UNKNOWN, so a status we do not
 * know (e.g. the `pending` of the document's example URL) reads as SCHEDULED: the task is still
 * open. The vendor's spelling stays in `raw`.
 */
export function toTaskStatus(raw: string | null | undefined): TaskStatus {
  return TASK_STATUSES[(raw ?? '').trim().toUpperCase()] ?? 'SCHEDULED';
}

export function toTaskActorType(raw: string | null | undefined): TaskActorType | null {
  const key = (raw ?? '')
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '_');
  if (key === 'user') return 'USER';
  if (key === 'ai_employee') return 'AI_EMPLOYEE';
  return null;
}

/** An actor whose id or type is missing or unknown cannot be shown as a TaskActor: null. */
function toTaskActor(raw: LlamadaProTaskActor | null | undefined): TaskActor | null {
  const id = idString(raw?.id);
  const type = toTaskActorType(raw?.type);
  return id === null || type === null ? null : { id, type };
}

export function toTask(raw: LlamadaProTask): Task {
  return {
    provider: 'LLAMADAPRO',
    providerId: String(raw.id),
    objective: raw.objective,
    status: toTaskStatus(raw.status),
    dueDate: toIsoDate(raw.dueDate),
    publishedAt: toIsoDate(raw.publishedAt),
    completedAt: toIsoDate(raw.completedAt),
    cancelledAt: toIsoDate(raw.cancelledAt),
    cancellationReason: raw.cancellationReason ?? null,
    createdBy: toTaskActor(raw.createdBy),
    assignedTo: toTaskActor(raw.assignedTo),
    conversationId: idString(raw.context?.conversationId),
    createdAt: toIsoDate(raw.createdAt),
    updatedAt: toIsoDate(raw.updatedAt),
    raw,
  };
}

export function toAddressChannel(raw: string | null | undefined): AddressChannel {
  const key = (raw ?? '').trim().toUpperCase();
  return key === 'PHONE' || key === 'EMAIL' || key === 'WHATSAPP' ? key : 'OTHER';
}

/** Keeps the first spelling of each value; `key` says when two spellings are the same value. */
function distinct(values: Array<string | null>, key: (value: string) => string): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const value of values) {
    if (value === null) continue;
    const k = key(value);
    if (seen.has(k)) continue;
    seen.add(k);
    result.push(value);
  }
  return result;
}

const phoneKey = (value: string): string => toE164(value) ?? value;
const emailKey = (value: string): string => value.toLowerCase();

/** Both shapes: GetContact (numeric ids) and SearchContacts items (string ids). */
export function toContact(raw: LlamadaProContact | LlamadaProSearchContact): Contact {
  const addresses: ContactAddress[] = [];
  for (const entry of raw.addresses ?? []) {
    const address = nonEmpty(entry.address?.trim());
    if (address !== null) addresses.push({ channel: toAddressChannel(entry.channelType), address });
  }
  const phones = distinct(
    [
      ...addresses
        .filter((entry) => entry.channel === 'PHONE' || entry.channel === 'WHATSAPP')
        .map((entry) => entry.address),
      nonEmpty(raw.phone?.trim()),
    ],
    phoneKey,
  );
  const emails = distinct(
    [
      ...addresses.filter((entry) => entry.channel === 'EMAIL').map((entry) => entry.address),
      nonEmpty(raw.email?.trim()),
    ],
    emailKey,
  );
  const firstName = nonEmpty(raw.firstName);
  const lastName = nonEmpty(raw.lastName);
  const displayName = `${firstName ?? ''} ${lastName ?? ''}`.trim();
  return {
    provider: 'LLAMADAPRO',
    providerId: String(raw.id),
    firstName,
    lastName,
    displayName: displayName === '' ? null : displayName,
    addresses,
    phones,
    emails,
    nationalId: nonEmpty(raw.nationalId),
    companyPosition: nonEmpty(raw.companyPosition),
    customFields: Object.entries(raw.customFields ?? {}).map(([key, value]) => ({
      key,
      value,
      entityType: 'CONTACT',
    })),
    createdAt: toIsoDate(raw.createdAt),
    updatedAt: toIsoDate(raw.updatedAt),
    raw,
  };
}

function toMessageParty(raw: LlamadaProMessageParty | null | undefined): MessageParty | null {
  if (raw === null || raw === undefined) return null;
  return {
    address: nonEmpty(raw.address),
    role: nonEmpty(raw.role),
    displayName: nonEmpty(raw.displayName),
  };
}

export function toMessage(raw: LlamadaProMessage): Message {
  const attachments: MessageAttachment[] = (raw.attachments ?? []).map((attachment) => ({
    id: idString(attachment.id),
    type: nonEmpty(attachment.type),
    url: nonEmpty(attachment.url),
  }));
  return {
    provider: 'LLAMADAPRO',
    providerId: String(raw.id),
    // The messaging API is WhatsApp's; a message without a known channel is one.
    channel: toChannel(raw.channel) ?? 'WHATSAPP',
    direction: toCallDirection(raw.direction),
    status: nonEmpty(raw.status),
    // The document's Message has no top-level type; WhatsApp's message type rides in metadata.
    type: nonEmpty(raw.type) ?? metadataType(raw.metadata),
    content: raw.content ?? null,
    sender: toMessageParty(raw.sender),
    recipient: toMessageParty(raw.recipient),
    attachments,
    contactId: idString(raw.contactId),
    conversationId: idString(raw.conversationId),
    createdAt: toIsoDate(raw.createdAt),
    raw,
  };
}

export function toCustomField(raw: LlamadaProCustomFieldDefinition): CustomField {
  return {
    provider: 'LLAMADAPRO',
    providerId: String(raw.id),
    key: raw.fieldKey,
    label: nonEmpty(raw.fieldLabel),
    type: raw.fieldType,
    entityType: raw.entityType,
    description: nonEmpty(raw.description),
    createdAt: toIsoDate(raw.createdAt),
    updatedAt: toIsoDate(raw.updatedAt),
    raw,
  };
}

export function toCustomFieldOption(raw: LlamadaProCustomFieldListOption): CustomFieldOption {
  return {
    id: String(raw.id),
    value: raw.value,
    label: nonEmpty(raw.label),
    description: nonEmpty(raw.description),
  };
}

/** The conversation's contact: its `contactId`, else the first contact it embeds. */
export function conversationContactId(raw: LlamadaProConversation): string | null {
  return idString(raw.contactId) ?? idString(raw.contacts?.[0]?.id);
}

export function toConversation(raw: LlamadaProConversation): ConversationRef {
  return {
    providerId: String(raw.id),
    contactId: conversationContactId(raw),
    contacts: (raw.contacts ?? []).map(toContact),
    funnelId: idString(raw.funnelId),
    funnelStatusId: idString(raw.funnelStatusId),
    userId: idString(raw.userId),
    archivedAt: toIsoDate(raw.archivedAt),
    createdAt: toIsoDate(raw.createdAt),
    updatedAt: toIsoDate(raw.updatedAt),
    customFields: Object.entries(raw.customFields ?? {}).map(([key, value]) => ({
      key,
      value,
      entityType: 'FUNNEL_CONVERSATION',
    })),
    raw,
  };
}

export function toMedia(raw: LlamadaProMedia): WhatsAppMedia {
  return {
    url: nonEmpty(raw.url),
    size: raw.size ?? null,
    fileName: nonEmpty(raw.fileName),
    contentType: nonEmpty(raw.contentType),
    fileId: nonEmpty(raw.fileId),
    mediaId: nonEmpty(raw.mediaId),
    tags: raw.tags ?? null,
    raw,
  };
}

export function toBulkResult(raw: LlamadaProBulkResult): BulkConversationResult {
  const counts = raw.report?.counts;
  return {
    message: nonEmpty(raw.message),
    operationId: nonEmpty(raw.operationId),
    counts:
      counts === null || counts === undefined
        ? null
        : {
            successful: counts.successful ?? null,
            warnings: counts.warnings ?? null,
            duplicates: counts.duplicates ?? null,
            errors: counts.errors ?? null,
            total: counts.total ?? null,
          },
    itemsIssues: (raw.report?.itemsIssues ?? []).map((item) => ({
      index: item.index ?? null,
      itemId: idString(item.itemId),
      errors: (item.errors ?? []).map(toBulkIssue),
      warnings: (item.warnings ?? []).map(toBulkIssue),
      existingEntities: item.existingEntities ?? null,
    })),
    batchErrors: (raw.report?.batchErrors ?? []).map(toBulkIssue),
    raw,
  };
}

type LlamadaProBulkIssue = NonNullable<
  NonNullable<LlamadaProBulkResult['report']>['batchErrors']
>[number];

function toBulkIssue(raw: LlamadaProBulkIssue): BulkIssue {
  return {
    field: nonEmpty(raw.field),
    message: nonEmpty(raw.message),
    code: nonEmpty(raw.code),
    context: raw.context ?? null,
  };
}

function metadataType(metadata: unknown): string | null {
  if (typeof metadata !== 'object' || metadata === null || !('type' in metadata)) return null;
  return typeof metadata.type === 'string' ? nonEmpty(metadata.type) : null;
}

/** LlamadaPro spells directions `outgoing` / `incoming` (its CallDirection enum). */
export function toLlamadaProDirection(direction: CallDirection): 'outgoing' | 'incoming' {
  return direction === 'OUTBOUND' ? 'outgoing' : 'incoming';
}

/** A unified status as LlamadaPro writes it: lower case with dashes (`no-answer`). */
export function toLlamadaProStatus(status: CallStatus): string {
  return status.toLowerCase().replace(/_/g, '-');
}
