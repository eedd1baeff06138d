import { z } from 'zod';
import { CUSTOM_FIELD_ENTITY_TYPES, CUSTOM_FIELD_TYPES } from '../../model/custom-field.js';

/*
 * Bodies LlamadaPro answers, as vendor-docs/llamadapro-api.txt shows them. Objects are loose so
 * that `raw` is the object as received; nothing is coerced or defaulted. Only what a mapper cannot
 * do without is required; everything else is `.nullish()`.
 */

/** The document writes ids as numbers (`0.1`) on some objects and strings on others. */
const id = z.union([z.number(), z.string()]);
const text = z.string().nullish();
const num = z.number().nullish();
const dictionary = z.record(z.string(), z.unknown()).nullish();

/**
 * The list envelope every LlamadaPro list answers. `nextPageToken` is absent or null on the last
 * page; `totalCount` is tolerated missing (the search only counts when asked to).
 */
export function llamadaProListSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    items: z.array(item),
    nextPageToken: z.string().nullish(),
    totalCount: z.number().nullish(),
  });
}
export interface LlamadaProList<T> {
  items: T[];
  nextPageToken?: string | null | undefined;
  totalCount?: number | null | undefined;
}

// Call — the answer of StartAgentCall, StartBridgeCall, CreateCall and the call reads.
export const llamadaProCallSchema = z.looseObject({
  id,
  tenantId: text,
  providerId: text,
  providerName: text,
  funnelConversationId: num,
  sessionId: num,
  userId: num,
  contactId: num,
  opportunityId: num,
  analysisConfigId: num,
  teamId: num,
  from: text,
  to: text,
  redirectedTo: text,
  duration: num,
  direction: text,
  status: text,
  startTime: text,
  metadata: z.unknown().optional(),
  customData: z.unknown().optional(),
  agentScore: num,
  category: text,
  createdAt: text,
  updatedAt: text,
  lastUpdateSequence: num,
});
export type LlamadaProCall = z.infer<typeof llamadaProCallSchema>;

// GetCallTranscription
export const llamadaProTranscriptionSchema = z.looseObject({
  id: id.nullish(),
  tenantId: text,
  providerId: text,
  providerName: text,
  recordingId: num,
  url: text,
  text: text,
  createdAt: text,
  updatedAt: text,
});
export type LlamadaProTranscription = z.infer<typeof llamadaProTranscriptionSchema>;

// GetCallRecording (also what LoadRecording is assumed to answer)
export const llamadaProRecordingSchema = z.looseObject({
  id: id.nullish(),
  tenantId: text,
  callId: id.nullish(),
  providerId: text,
  providerName: text,
  callProviderId: text,
  callProviderName: text,
  url: text,
  startTime: text,
  duration: num,
  dualChannel: z.boolean().nullish(),
  createdAt: text,
  updatedAt: text,
});
export type LlamadaProRecording = z.infer<typeof llamadaProRecordingSchema>;

// Task — GetTasks items, GetTask, CreateTask, UpdateTask, DeleteTask
const llamadaProTaskActorSchema = z.looseObject({ id: id.nullish(), type: text });
export type LlamadaProTaskActor = z.infer<typeof llamadaProTaskActorSchema>;

export const llamadaProTaskSchema = z.looseObject({
  id,
  tenantId: text,
  createdAt: text,
  updatedAt: text,
  context: z.looseObject({ conversationId: id.nullish() }).nullish(),
  objective: z.string(),
  createdBy: llamadaProTaskActorSchema.nullish(),
  assignedTo: llamadaProTaskActorSchema.nullish(),
  publishedAt: text,
  dueDate: text,
  completedAt: text,
  cancelledAt: text,
  cancellationReason: text,
  status: text,
});
export type LlamadaProTask = z.infer<typeof llamadaProTaskSchema>;

// Contact — GetContacts items, GetContact and the writes: numeric ids
const llamadaProContactAddressSchema = z.looseObject({
  id: id.nullish(),
  tenantId: text,
  contactId: id.nullish(),
  channelType: text,
  address: text,
  createdAt: text,
  updatedAt: text,
});
export type LlamadaProContactAddress = z.infer<typeof llamadaProContactAddressSchema>;

const contactMembers = {
  id,
  tenantId: text,
  providerId: text,
  providerName: text,
  nationalId: text,
  firstName: text,
  lastName: text,
  /** Legacy: the document says to use `addresses` instead. */
  email: text,
  /** Legacy: the document says to use `addresses` instead. */
  phone: text,
  userId: id.nullish(),
  contactCompanyId: id.nullish(),
  companyPosition: text,
  metadata: z.unknown().optional(),
  createdAt: text,
  updatedAt: text,
  customFields: dictionary,
  addresses: z.array(llamadaProContactAddressSchema).nullish(),
};

export const llamadaProContactSchema = z.looseObject(contactMembers);
export type LlamadaProContact = z.infer<typeof llamadaProContactSchema>;

// SearchContacts items: the search index answers ids as strings and tags the model type.
export const llamadaProSearchContactSchema = z.looseObject({
  ...contactMembers,
  modelType: text,
  archivedAt: text,
  eventSequence: num,
  eventTimestamp: text,
});
export type LlamadaProSearchContact = z.infer<typeof llamadaProSearchContactSchema>;

// Message — GetMessage and the WhatsApp sends
const llamadaProMessagePartySchema = z.looseObject({
  providerId: text,
  address: text,
  role: text,
  displayName: text,
  metadata: dictionary,
});
export type LlamadaProMessageParty = z.infer<typeof llamadaProMessagePartySchema>;

const llamadaProAttachmentSchema = z.looseObject({
  id: id.nullish(),
  type: text,
  url: text,
  unsignedUrl: text,
  metadata: dictionary,
  isCacheable: z.boolean().nullish(),
});

export const llamadaProMessageSchema = z.looseObject({
  id,
  tenantId: text,
  conversationId: id.nullish(),
  funnelConversationId: num,
  sessionId: num,
  providerId: text,
  contactId: id.nullish(),
  userId: id.nullish(),
  content: text,
  /** Not in the document's Message; the send body has it, so it is read when present. */
  type: text,
  status: text,
  direction: text,
  channel: text,
  sender: llamadaProMessagePartySchema.nullish(),
  recipient: llamadaProMessagePartySchema.nullish(),
  attachments: z.array(llamadaProAttachmentSchema).nullish(),
  createdAt: text,
  updatedAt: text,
  metadata: dictionary,
  customFields: dictionary,
});
export type LlamadaProMessage = z.infer<typeof llamadaProMessageSchema>;

// UploadMedia
export const llamadaProMediaSchema = z.looseObject({
  url: text,
  size: num,
  fileName: text,
  contentType: text,
  fileId: text,
  mediaId: text,
  tags: z.record(z.string(), z.string()).nullish(),
});
export type LlamadaProMedia = z.infer<typeof llamadaProMediaSchema>;

// CustomFieldDefinition — type and entity type are the model's enums, so they are required.
export const llamadaProCustomFieldDefinitionSchema = z.looseObject({
  id,
  tenantId: text,
  entityType: z.enum(CUSTOM_FIELD_ENTITY_TYPES),
  fieldKey: z.string(),
  fieldLabel: text,
  fieldType: z.enum(CUSTOM_FIELD_TYPES),
  description: text,
  createdAt: text,
  updatedAt: text,
});
export type LlamadaProCustomFieldDefinition = z.infer<typeof llamadaProCustomFieldDefinitionSchema>;

// CustomFieldListOption
export const llamadaProCustomFieldListOptionSchema = z.looseObject({
  id,
  tenantId: text,
  definitionId: id.nullish(),
  value: z.string(),
  label: text,
  description: text,
  createdAt: text,
  updatedAt: text,
});
export type LlamadaProCustomFieldListOption = z.infer<typeof llamadaProCustomFieldListOptionSchema>;

// Conversation — the answer of Create (and, assumed, of the GET by id)
export const llamadaProConversationSchema = z.looseObject({
  id,
  tenantId: text,
  contactId: id.nullish(),
  userId: id.nullish(),
  funnelId: id.nullish(),
  funnelStatusId: id.nullish(),
  archivedAt: text,
  createdAt: text,
  updatedAt: text,
  channelSessions: z.array(z.looseObject({ id: id.nullish(), channelType: text })).nullish(),
  contacts: z.array(llamadaProContactSchema).nullish(),
  customFields: dictionary,
});
export type LlamadaProConversation = z.infer<typeof llamadaProConversationSchema>;

// BulkCreate / BulkUpdate report
const llamadaProBulkIssueSchema = z.looseObject({
  field: text,
  message: text,
  code: text,
  context: dictionary,
});
export const llamadaProBulkResultSchema = z.looseObject({
  message: text,
  operationId: text,
  report: z
    .looseObject({
      itemsIssues: z
        .array(
          z.looseObject({
            index: num,
            itemId: id.nullish(),
            errors: z.array(llamadaProBulkIssueSchema).nullish(),
            warnings: z.array(llamadaProBulkIssueSchema).nullish(),
            existingEntities: dictionary,
          }),
        )
        .nullish(),
      batchErrors: z.array(llamadaProBulkIssueSchema).nullish(),
      counts: z
        .looseObject({
          successful: num,
          warnings: num,
          duplicates: num,
          errors: num,
          total: num,
        })
        .nullish(),
    })
    .nullish(),
});
export type LlamadaProBulkResult = z.infer<typeof llamadaProBulkResultSchema>;

export const llamadaProCallListSchema = llamadaProListSchema(llamadaProCallSchema);
export const llamadaProTaskListSchema = llamadaProListSchema(llamadaProTaskSchema);
export const llamadaProContactListSchema = llamadaProListSchema(llamadaProContactSchema);
export const llamadaProSearchContactListSchema = llamadaProListSchema(
  llamadaProSearchContactSchema,
);
export const llamadaProMessageListSchema = llamadaProListSchema(llamadaProMessageSchema);
export const llamadaProCustomFieldListSchema = llamadaProListSchema(
  llamadaProCustomFieldDefinitionSchema,
);
export const llamadaProCustomFieldOptionListSchema = llamadaProListSchema(
  llamadaProCustomFieldListOptionSchema,
);
