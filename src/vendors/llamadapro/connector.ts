import type { BearerConfig } from '../vendor-definition.js';
import { UpstreamClient } from '../../http/upstream-client.js';
import type { Call, CallFilter, CallRecording, CallTranscription } from '../../model/call.js';
import type {
  Contact,
  ContactListQuery,
  ContactSearchQuery,
  CreateContactInput,
  UpdateContactInput,
} from '../../model/contact.js';
import type {
  BulkConversationResult,
  ConversationRef,
  CreateConversationInput,
  UpdateConversationInput,
} from '../../model/conversation.js';
import type {
  CreateCustomFieldInput,
  CustomField,
  CustomFieldEntityType,
  CustomFieldOption,
  CustomFieldOptionInput,
  UpdateCustomFieldInput,
  UpdateCustomFieldOptionInput,
} from '../../model/custom-field.js';
import type {
  Message,
  SendWhatsAppMessageInput,
  SendWhatsAppTemplateInput,
  UploadWhatsAppMediaInput,
  WhatsAppMedia,
} from '../../model/message.js';
import type { LoadRecordingInput, RecordCallInput } from '../../model/record-call.js';
import type {
  LlamadaProAgentCallInput,
  LlamadaProBridgeCallInput,
  LlamadaProVoiceAgentCallInput,
} from '../../model/start-call.js';
import type { CreateTaskInput, Task, TaskFilter, UpdateTaskInput } from '../../model/task.js';
import type { PagedSource } from '../../paging/paged-source.js';
import type { CallConnector, ConnectorOptions } from '../types.js';
import { LlamadaProCallClient } from './calls/client.js';
import { LlamadaProContactClient } from './contacts/client.js';
import type {
  LlamadaProContactSearchRequest,
  LlamadaProContactSearchResult,
} from './contacts/schemas.js';
import { LlamadaProConversationClient } from './conversations/client.js';
import { LlamadaProCustomFieldClient } from './custom-fields/client.js';
import { LlamadaProMessageClient } from './messages/client.js';
import { LlamadaProTaskClient } from './tasks/client.js';

/**
 * LlamadaPro's REST API as one connector (the CallConnector for its calls), composed of one
 * client per area sharing one UpstreamClient, so the rest of the gateway holds a single
 * LlamadaPro object. Answers are zod-parsed by the UpstreamClient and mapped to the unified model.
 */
export class LlamadaProConnector implements CallConnector {
  readonly provider = 'LLAMADAPRO';
  private readonly calls: LlamadaProCallClient;
  private readonly contacts: LlamadaProContactClient;
  private readonly tasks: LlamadaProTaskClient;
  private readonly messages: LlamadaProMessageClient;
  private readonly customFields: LlamadaProCustomFieldClient;
  private readonly conversations: LlamadaProConversationClient;

  constructor(readonly http: UpstreamClient) {
    this.calls = new LlamadaProCallClient(http);
    this.contacts = new LlamadaProContactClient(http);
    this.tasks = new LlamadaProTaskClient(http);
    this.messages = new LlamadaProMessageClient(http);
    this.customFields = new LlamadaProCustomFieldClient(http);
    this.conversations = new LlamadaProConversationClient(http);
  }

  callPages(filter: CallFilter): { source: PagedSource<Call>; exact: boolean } {
    return this.calls.callPages(filter);
  }
  getCall(providerId: string): Promise<Call> {
    return this.calls.getCall(providerId);
  }
  isCallId(id: string): boolean {
    return this.calls.isCallId(id);
  }
  getCallTranscription(callId: string): Promise<CallTranscription> {
    return this.calls.getCallTranscription(callId);
  }
  getCallRecording(callId: string): Promise<CallRecording> {
    return this.calls.getCallRecording(callId);
  }
  startAgentCall(input: LlamadaProAgentCallInput): Promise<Call> {
    return this.calls.startAgentCall(input);
  }
  startVoiceAgentCall(input: LlamadaProVoiceAgentCallInput): Promise<Call> {
    return this.calls.startVoiceAgentCall(input);
  }
  startBridgeCall(input: LlamadaProBridgeCallInput): Promise<Call> {
    return this.calls.startBridgeCall(input);
  }
  createCall(input: RecordCallInput): Promise<Call> {
    return this.calls.createCall(input);
  }
  loadRecording(input: LoadRecordingInput): Promise<CallRecording | null> {
    return this.calls.loadRecording(input);
  }

  taskPages(filter: TaskFilter = {}): PagedSource<Task> {
    return this.tasks.taskPages(filter);
  }
  getTask(id: string): Promise<Task> {
    return this.tasks.getTask(id);
  }
  createTask(input: CreateTaskInput): Promise<Task> {
    return this.tasks.createTask(input);
  }
  updateTask(id: string, input: UpdateTaskInput): Promise<Task> {
    return this.tasks.updateTask(id, input);
  }
  deleteTask(id: string): Promise<Task> {
    return this.tasks.deleteTask(id);
  }
  /**
   * A contact's tasks, one list per conversation: LlamadaPro lists tasks by conversation only,
   * and the contact's conversations are those its WhatsApp messages belong to.
   */
  async contactTaskPages(
    contactId: string,
  ): Promise<Array<{ conversationId: string; source: PagedSource<Task> }>> {
    const conversationIds = await this.messages.conversationIdsOfContact(contactId);
    return conversationIds.map((conversationId) => ({
      conversationId,
      source: this.tasks.taskPages({ conversationId }),
    }));
  }

  contactPages(query: ContactListQuery = {}): PagedSource<Contact> {
    return this.contacts.contactPages(query);
  }
  getContact(id: string): Promise<Contact> {
    return this.contacts.getContact(id);
  }
  searchContacts(request: LlamadaProContactSearchRequest): Promise<LlamadaProContactSearchResult> {
    return this.contacts.searchContacts(request);
  }
  contactSearchPages(query: ContactSearchQuery): PagedSource<Contact> {
    return this.contacts.contactSearchPages(query);
  }
  findContactsByPhones(phones: string[]): Promise<Contact[]> {
    return this.contacts.findContactsByPhones(phones);
  }
  createContact(input: CreateContactInput): Promise<Contact> {
    return this.contacts.createContact(input);
  }
  updateContact(id: string, input: UpdateContactInput): Promise<Contact> {
    return this.contacts.updateContact(id, input);
  }
  deleteContact(id: string): Promise<Contact> {
    return this.contacts.deleteContact(id);
  }

  messagePages(contactId: string): PagedSource<Message> {
    return this.messages.messagePages(contactId);
  }
  getMessage(id: string): Promise<Message> {
    return this.messages.getMessage(id);
  }
  sendWhatsAppTemplate(input: SendWhatsAppTemplateInput): Promise<Message> {
    return this.messages.sendWhatsAppTemplate(input);
  }
  sendWhatsAppMessage(input: SendWhatsAppMessageInput): Promise<Message> {
    return this.messages.sendWhatsAppMessage(input);
  }
  uploadWhatsAppMedia(input: UploadWhatsAppMediaInput): Promise<WhatsAppMedia> {
    return this.messages.uploadWhatsAppMedia(input);
  }

  customFieldPages(entityType?: CustomFieldEntityType): PagedSource<CustomField> {
    return this.customFields.customFieldPages(entityType);
  }
  getCustomField(id: string): Promise<CustomField> {
    return this.customFields.getCustomField(id);
  }
  customFieldOptionPages(definitionId: string): PagedSource<CustomFieldOption> {
    return this.customFields.customFieldOptionPages(definitionId);
  }
  getCustomFieldOption(definitionId: string, optionId: string): Promise<CustomFieldOption> {
    return this.customFields.getCustomFieldOption(definitionId, optionId);
  }
  createCustomField(input: CreateCustomFieldInput): Promise<CustomField> {
    return this.customFields.createCustomField(input);
  }
  updateCustomField(id: string, input: UpdateCustomFieldInput): Promise<CustomField> {
    return this.customFields.updateCustomField(id, input);
  }
  deleteCustomField(id: string, force = false): Promise<CustomField> {
    return this.customFields.deleteCustomField(id, force);
  }
  createCustomFieldOption(
    definitionId: string,
    input: CustomFieldOptionInput,
  ): Promise<CustomFieldOption> {
    return this.customFields.createCustomFieldOption(definitionId, input);
  }
  updateCustomFieldOption(
    definitionId: string,
    optionId: string,
    input: UpdateCustomFieldOptionInput,
  ): Promise<CustomFieldOption> {
    return this.customFields.updateCustomFieldOption(definitionId, optionId, input);
  }
  deleteCustomFieldOption(definitionId: string, optionId: string): Promise<CustomFieldOption> {
    return this.customFields.deleteCustomFieldOption(definitionId, optionId);
  }

  getConversation(id: string): Promise<ConversationRef> {
    return this.conversations.getConversation(id);
  }
  createConversation(input: CreateConversationInput): Promise<ConversationRef> {
    return this.conversations.createConversation(input);
  }
  bulkCreateConversations(
    conversations: CreateConversationInput[],
  ): Promise<BulkConversationResult> {
    return this.conversations.bulkCreateConversations(conversations);
  }
  bulkUpdateConversations(
    conversations: UpdateConversationInput[],
  ): Promise<BulkConversationResult> {
    return this.conversations.bulkUpdateConversations(conversations);
  }
}

export function createLlamadaProConnector(
  config: BearerConfig,
  options: ConnectorOptions,
): LlamadaProConnector {
  return new LlamadaProConnector(
    new UpstreamClient({
      provider: 'LLAMADAPRO',
      baseUrl: config.baseUrl,
      // Bearer is assumed: the document names no scheme (docs/vendors/llamadapro.md).
      headers: { Authorization: `Bearer ${config.apiKey}` },
      timeoutMs: options.timeoutMs,
      logger: options.logger,
    }),
  );
}
