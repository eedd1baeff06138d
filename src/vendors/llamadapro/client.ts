import { readAll } from '../../paging/read-all.js';
import type { z } from 'zod';
import type { BearerConfig } from '../../config.js';
import type { Route } from '../../http/route.js';
import { UpstreamClient, type QueryValue } from '../../http/upstream-client.js';
import type { Call, CallFilter } from '../../model/call.js';
import type { Contact, ContactAddress } from '../../model/contact.js';
import type {
  CustomField,
  CustomFieldEntityType,
  CustomFieldOption,
  CustomFieldType,
} from '../../model/custom-field.js';
import type { Message } from '../../model/message.js';
import type { Task, TaskActor, TaskFilter, TaskStatus } from '../../model/task.js';
import type { NativePosition, Page, PagedSource } from '../../paging/paged-source.js';
import type { CallConnector, ConnectorOptions } from '../types.js';
import {
  toBulkResult,
  toCall,
  toContact,
  toConversation,
  toCustomField,
  toCustomFieldOption,
  toMedia,
  toMessage,
  toRecording,
  toTask,
  toTranscription,
  type BulkConversationResult,
  type CallRecording,
  type CallTranscription,
  type ConversationRef,
  type WhatsAppMedia,
} from './map.js';
import { llamadaProCallId } from './ids.js';
import { llamadaProRoutes as routes } from './routes.js';
import {
  llamadaProBulkResultSchema,
  llamadaProCallListSchema,
  llamadaProCallSchema,
  llamadaProContactListSchema,
  llamadaProContactSchema,
  llamadaProConversationSchema,
  llamadaProCustomFieldDefinitionSchema,
  llamadaProCustomFieldListOptionSchema,
  llamadaProCustomFieldListSchema,
  llamadaProCustomFieldOptionListSchema,
  llamadaProMediaSchema,
  llamadaProMessageListSchema,
  llamadaProMessageSchema,
  llamadaProRecordingSchema,
  llamadaProSearchContactListSchema,
  llamadaProTaskListSchema,
  llamadaProTaskSchema,
  llamadaProTranscriptionSchema,
  type LlamadaProList,
} from './schemas.js';

/** Largest page the GET lists are asked for. */
const MAX_PAGE_SIZE = 100;
/** CONTRACT §6: the contact search serves at most 50 per request. */
export const MAX_SEARCH_SIZE = 50;
const DIGITS = /^\d+$/;

export interface ContactSearchFilter {
  field: string;
  operator: string;
  value: string;
  /** OR'ed with the filters before it; any other filter is AND'ed. */
  or?: boolean;
}

export interface ContactSearchRequest {
  search?: string;
  filters?: ContactSearchFilter[];
  /** @default 50 (and never more) */
  size?: number;
  pageToken?: string;
}

export interface ContactSearchResult {
  contacts: Contact[];
  nextPageToken: string | null;
  totalCount: number | null;
}

export interface CreateTaskInput {
  objective: string;
  conversationId: string;
  assignedTo: TaskActor;
  createdBy: TaskActor;
  dueDate?: string | null;
  status?: TaskStatus;
}

/** An omitted member is left alone; an explicit null is sent as null. */
export interface UpdateTaskInput {
  objective?: string;
  status?: TaskStatus | null;
  dueDate?: string | null;
  publishedAt?: string | null;
  completedAt?: string | null;
  cancelledAt?: string | null;
  cancellationReason?: string | null;
  conversationId?: string | null;
  assignedTo?: TaskActor | null;
}

/** Create and update alike; on update an omitted member is left alone, a null is sent. */
export interface ContactInput {
  firstName?: string | null;
  lastName?: string | null;
  nationalId?: string | null;
  companyPosition?: string | null;
  userId?: string | number | null;
  addresses?: ContactAddress[] | null;
  customFields?: Record<string, unknown> | null;
}

export interface CreateCustomFieldInput {
  key: string;
  label?: string | null;
  type: CustomFieldType;
  entityType: CustomFieldEntityType;
  description?: string | null;
}

export type UpdateCustomFieldInput = Partial<CreateCustomFieldInput>;

export interface CustomFieldOptionInput {
  value: string;
  label?: string | null;
  description?: string | null;
}

/** CreateTemplateMessage; `variables` are the body's text values, in order. */
export interface WhatsAppTemplateInput {
  fromPhoneNumber: string;
  toPhoneNumber: string;
  userId?: string;
  templateName: string;
  languageCode: string;
  variables?: string[];
  components?: unknown[];
  customFields?: Record<string, unknown>;
}

/** CreateMessage (WhatsApp free form). */
export interface WhatsAppMessageInput {
  fromPhoneNumber: string;
  toPhoneNumber: string;
  userId?: string;
  content: string;
  type: string;
  fileId?: string;
  customFields?: Record<string, unknown>;
}

/** UploadMedia: either `fileId`, or `fileName` + `contentType` + `content`. */
export interface WhatsAppMediaInput {
  fromPhoneNumber: string;
  fileId?: string;
  fileName?: string;
  contentType?: string;
  content?: string;
  tags?: Record<string, string>;
}

/** StartAgentCall, objectives form (the document's request body). */
export interface AgentCallInput {
  toPhoneNumber: string;
  fromPhoneNumber?: string;
  objectives: string[];
  userId?: number;
  personality?: Record<string, unknown>;
  localization?: string;
  constraints?: string[];
  contactInfo?: Record<string, unknown>;
  knowledgeBase?: string;
  taskSteps?: string[];
  maxDurationSeconds?: number;
  silenceTimeoutSeconds?: number;
  customData?: Record<string, unknown>;
  provider?: string;
  providerConfig?: Record<string, unknown>;
}

/** StartAgentCall, voiceAgentId form. */
export interface VoiceAgentCallInput {
  voiceAgentId: number;
  to: string;
  contextVariables: Record<string, unknown>;
  customData?: Record<string, unknown>;
}

/** StartBridgeCall. */
export interface BridgeCallInput {
  from?: string;
  to: string;
  providerData?: Record<string, unknown>;
  callCustomData?: Record<string, unknown>;
}

/** CreateCall: records a call that happened elsewhere. */
export interface CreateCallInput {
  status: string;
  userId: number | null;
  metadata: unknown;
  providerId?: string;
  providerName?: string;
  customData?: unknown;
  funnelConversationId?: number;
  sessionId?: number;
  from: string;
  to: string;
  redirectedTo?: string | null;
  duration: number | null;
  direction: string;
  startTime: string;
  teamId?: number | null;
}

/** LoadRecording. */
export interface LoadRecordingInput {
  userId: number;
  url: string;
  callTo?: string;
  callFrom?: string;
  callDirection?: 'outgoing' | 'incoming';
  callStartTime?: string;
}

/** Create / BulkCreate item: `contactId` or `contact` must be given. */
export interface ConversationCreateInput {
  funnelId: number;
  createdAt?: string;
  userId?: number | null;
  funnelStatusId?: number | null;
  archivedAt?: string | null;
  customFields?: Record<string, unknown>;
  contactId?: number;
  contact?: Record<string, unknown>;
}

/** BulkUpdate item. */
export interface ConversationUpdateInput {
  id: number;
  createdAt?: string;
  userId?: number | null;
  funnelStatusId?: number | null;
  archivedAt?: string | null;
  customFields?: Record<string, unknown>;
  contact?: Record<string, unknown>;
}

interface TokenListOptions<Raw, T> {
  route: Route;
  schema: z.ZodType<LlamadaProList<Raw>>;
  map: (raw: Raw) => T;
  params?: Record<string, string | number>;
  query?: Record<string, QueryValue>;
  /** The page-size parameter: `pageSize`, except GetTasks which documents `limit`. */
  sizeParam?: 'pageSize' | 'limit';
}

/**
 * LlamadaPro's REST API: calls (CallConnector), tasks, contacts and their search, WhatsApp
 * messages, custom fields and conversations. One method per route of `routes.ts`; answers are
 * zod-parsed by the UpstreamClient and mapped to the unified model.
 */
export class LlamadaProConnector implements CallConnector {
  readonly provider = 'LLAMADAPRO';

  constructor(readonly http: UpstreamClient) {}

  /**
   * Phone and start window are sent natively. Status is not (LlamadaPro's spellings vary, so
   * the caller's normalized comparison is the reliable one), nor direction; and LlamadaPro calls
   * carry no agent, so an agentId filter is left to the caller too.
   */
  callPages(filter: CallFilter): { source: PagedSource<Call>; exact: boolean } {
    const exact =
      (filter.status === undefined || filter.status.length === 0) &&
      filter.direction === undefined &&
      filter.agentId === undefined;
    const source = this.tokenPages({
      route: routes.listCalls,
      schema: llamadaProCallListSchema,
      map: toCall,
      query: {
        phone: filter.phone,
        startedAfter: filter.startedAfter?.toISOString(),
        startedBefore: filter.startedBefore?.toISOString(),
      },
    });
    return { source, exact };
  }

  async getCall(providerId: string): Promise<Call> {
    return toCall(
      await this.http.request({
        route: routes.getCall,
        params: { callId: providerId },
        schema: llamadaProCallSchema,
      }),
    );
  }

  /** LlamadaPro call ids are numbers. */
  isCallId(id: string): boolean {
    return llamadaProCallId.safeParse(id).success;
  }

  async getCallTranscription(callId: string): Promise<CallTranscription> {
    return toTranscription(
      await this.http.request({
        route: routes.getCallTranscription,
        params: { callId },
        schema: llamadaProTranscriptionSchema,
      }),
    );
  }

  async getCallRecording(callId: string): Promise<CallRecording> {
    return toRecording(
      await this.http.request({
        route: routes.getCallRecording,
        params: { callId },
        schema: llamadaProRecordingSchema,
      }),
    );
  }

  /** Every TaskFilter member is a GetTasks parameter; enums go lower-case as documented. */
  taskPages(filter: TaskFilter = {}): PagedSource<Task> {
    return this.tokenPages({
      route: routes.listTasks,
      schema: llamadaProTaskListSchema,
      map: toTask,
      sizeParam: 'limit',
      query: {
        status: filter.status?.toLowerCase(),
        dueBefore: filter.dueBefore?.toISOString(),
        dueAfter: filter.dueAfter?.toISOString(),
        conversationId: filter.conversationId,
        assignedToType: filter.assignedToType?.toLowerCase(),
        assignedToId: filter.assignedToId,
      },
    });
  }

  async getTask(id: string): Promise<Task> {
    return toTask(
      await this.http.request({
        route: routes.getTask,
        params: { taskId: id },
        schema: llamadaProTaskSchema,
      }),
    );
  }

  contactPages(): PagedSource<Contact> {
    return this.tokenPages({
      route: routes.listContacts,
      schema: llamadaProContactListSchema,
      map: toContact,
    });
  }

  async getContact(id: string): Promise<Contact> {
    return toContact(
      await this.http.request({
        route: routes.getContact,
        params: { id },
        schema: llamadaProContactSchema,
      }),
    );
  }

  async searchContacts(request: ContactSearchRequest): Promise<ContactSearchResult> {
    const body: Record<string, unknown> = {
      size: clampSize(request.size ?? MAX_SEARCH_SIZE, MAX_SEARCH_SIZE),
      includeTotalCount: true,
    };
    if (request.search !== undefined) body.search = request.search;
    if (request.filters !== undefined) body.filters = request.filters;
    if (request.pageToken !== undefined && request.pageToken !== '')
      body.pageToken = request.pageToken;
    const answer = await this.http.request({
      route: routes.searchContacts,
      body,
      schema: llamadaProSearchContactListSchema,
    });
    return {
      contacts: answer.items.map(toContact),
      nextPageToken: nextToken(answer.nextPageToken),
      totalCount: answer.totalCount ?? null,
    };
  }

  /** Free-text search, paged by the search's own tokens. */
  contactSearchPages(search: string): PagedSource<Contact> {
    return {
      start: '',
      maxPageSize: MAX_SEARCH_SIZE,
      fetchPage: async (pos, size) => {
        const result = await this.searchContacts({ search, size, pageToken: String(pos) });
        return {
          items: result.contacts,
          next: result.nextPageToken,
          total: result.totalCount ?? result.contacts.length,
        };
      },
    };
  }

  /**
   * The contacts holding any of `phones` in their addresses: one search whose filters are
   * OR'ed `addresses.address eq` (CONTRACT §4, batching), further pages only when the vendor
   * says there are more. At most 50 distinct phones: callers split bigger batches.
   */
  async findContactsByPhones(phones: string[]): Promise<Contact[]> {
    const distinct = [...new Set(phones)];
    if (distinct.length > MAX_SEARCH_SIZE) {
      throw new RangeError(
        `LlamadaPro contact search takes at most ${MAX_SEARCH_SIZE} phones, got ${distinct.length}`,
      );
    }
    if (distinct.length === 0) return [];
    const filters: ContactSearchFilter[] = distinct.map((phone, index) => ({
      field: 'addresses.address',
      operator: 'eq',
      value: phone,
      ...(index === 0 ? {} : { or: true }),
    }));
    const contacts: Contact[] = [];
    let pageToken: string | null = null;
    do {
      const result: ContactSearchResult = await this.searchContacts({
        filters,
        size: MAX_SEARCH_SIZE,
        ...(pageToken === null ? {} : { pageToken }),
      });
      contacts.push(...result.contacts);
      pageToken = result.contacts.length === 0 ? null : result.nextPageToken;
    } while (pageToken !== null);
    return contacts;
  }

  messagePages(contactId: string): PagedSource<Message> {
    return this.tokenPages({
      route: routes.listMessages,
      schema: llamadaProMessageListSchema,
      map: toMessage,
      query: { contactId },
    });
  }

  /**
   * The funnel conversations a contact's WhatsApp messages belong to. LlamadaPro has no route
   * that lists a contact's conversations; its messages carry `funnelConversationId`.
   */
  async conversationIdsOfContact(contactId: string): Promise<string[]> {
    const ids = new Set<string>();
    const raw = this.tokenPages({
      route: routes.listMessages,
      schema: llamadaProMessageListSchema,
      map: (message) => message.funnelConversationId,
      query: { contactId },
    });
    for (const id of await readAll(raw)) {
      if (id !== null && id !== undefined) ids.add(String(id));
    }
    return [...ids].sort();
  }

  async getMessage(id: string): Promise<Message> {
    return toMessage(
      await this.http.request({
        route: routes.getMessage,
        params: { messageId: id },
        schema: llamadaProMessageSchema,
      }),
    );
  }

  customFieldPages(entityType?: CustomFieldEntityType): PagedSource<CustomField> {
    return this.tokenPages({
      route: routes.listCustomFields,
      schema: llamadaProCustomFieldListSchema,
      map: toCustomField,
      query: { filterBy: entityType === undefined ? undefined : `entityType:${entityType}` },
    });
  }

  async getCustomField(id: string): Promise<CustomField> {
    return toCustomField(
      await this.http.request({
        route: routes.getCustomField,
        params: { id },
        schema: llamadaProCustomFieldDefinitionSchema,
      }),
    );
  }

  customFieldOptionPages(definitionId: string): PagedSource<CustomFieldOption> {
    return this.tokenPages({
      route: routes.listCustomFieldOptions,
      schema: llamadaProCustomFieldOptionListSchema,
      map: toCustomFieldOption,
      params: { definitionId },
    });
  }

  async getCustomFieldOption(definitionId: string, optionId: string): Promise<CustomFieldOption> {
    return toCustomFieldOption(
      await this.http.request({
        route: routes.getCustomFieldOption,
        params: { definitionId, optionId },
        schema: llamadaProCustomFieldListOptionSchema,
      }),
    );
  }

  async getConversation(id: string): Promise<ConversationRef> {
    return toConversation(
      await this.http.request({
        route: routes.getConversation,
        params: { id },
        schema: llamadaProConversationSchema,
      }),
    );
  }

  // Writes. None is retried (the UpstreamClient retries GETs only).

  async createTask(input: CreateTaskInput): Promise<Task> {
    const body: Record<string, unknown> = {
      context: { conversationId: vendorId(input.conversationId) },
      objective: input.objective,
      createdBy: actorBody(input.createdBy),
      assignedTo: actorBody(input.assignedTo),
    };
    if (input.dueDate !== undefined) body.dueDate = input.dueDate;
    if (input.status !== undefined) body.status = input.status.toLowerCase();
    return toTask(
      await this.http.request({ route: routes.createTask, body, schema: llamadaProTaskSchema }),
    );
  }

  async updateTask(id: string, input: UpdateTaskInput): Promise<Task> {
    const body: Record<string, unknown> = {};
    if (input.objective !== undefined) body.objective = input.objective;
    if (input.status !== undefined) body.status = input.status?.toLowerCase() ?? null;
    for (const key of [
      'dueDate',
      'publishedAt',
      'completedAt',
      'cancelledAt',
      'cancellationReason',
    ] as const) {
      if (input[key] !== undefined) body[key] = input[key];
    }
    if (input.conversationId !== undefined) {
      body.context = {
        conversationId: input.conversationId === null ? null : vendorId(input.conversationId),
      };
    }
    if (input.assignedTo !== undefined) {
      body.assignedTo = input.assignedTo === null ? null : actorBody(input.assignedTo);
    }
    return toTask(
      await this.http.request({
        route: routes.updateTask,
        params: { taskId: id },
        body,
        schema: llamadaProTaskSchema,
      }),
    );
  }

  async deleteTask(id: string): Promise<Task> {
    return toTask(
      await this.http.request({
        route: routes.deleteTask,
        params: { taskId: id },
        schema: llamadaProTaskSchema,
      }),
    );
  }

  async createContact(input: ContactInput): Promise<Contact> {
    return toContact(
      await this.http.request({
        route: routes.createContact,
        body: contactBody(input),
        schema: llamadaProContactSchema,
      }),
    );
  }

  async updateContact(id: string, input: ContactInput): Promise<Contact> {
    return toContact(
      await this.http.request({
        route: routes.updateContact,
        params: { id },
        body: contactBody(input),
        schema: llamadaProContactSchema,
      }),
    );
  }

  async deleteContact(id: string): Promise<Contact> {
    return toContact(
      await this.http.request({
        route: routes.deleteContact,
        params: { id },
        schema: llamadaProContactSchema,
      }),
    );
  }

  /** The document allows `variables` or `components`, never both. */
  async sendWhatsAppTemplate(input: WhatsAppTemplateInput): Promise<Message> {
    if (input.variables !== undefined && input.components !== undefined) {
      throw new RangeError('a WhatsApp template takes variables or components, not both');
    }
    const { variables, ...rest } = input;
    const body = {
      ...rest,
      ...(variables === undefined ? {} : { variables: variables.map((value) => ({ value })) }),
    };
    return toMessage(
      await this.http.request({
        route: routes.sendWhatsAppTemplate,
        body,
        schema: llamadaProMessageSchema,
      }),
    );
  }

  async sendWhatsAppMessage(input: WhatsAppMessageInput): Promise<Message> {
    return toMessage(
      await this.http.request({
        route: routes.sendWhatsAppMessage,
        body: input,
        schema: llamadaProMessageSchema,
      }),
    );
  }

  async uploadWhatsAppMedia(input: WhatsAppMediaInput): Promise<WhatsAppMedia> {
    return toMedia(
      await this.http.request({
        route: routes.uploadWhatsAppMedia,
        body: input,
        schema: llamadaProMediaSchema,
      }),
    );
  }

  async startAgentCall(input: AgentCallInput): Promise<Call> {
    return this.postCall(routes.startAgentCall, input);
  }

  async startVoiceAgentCall(input: VoiceAgentCallInput): Promise<Call> {
    return this.postCall(routes.startVoiceAgentCall, input);
  }

  async startBridgeCall(input: BridgeCallInput): Promise<Call> {
    return this.postCall(routes.startBridgeCall, input);
  }

  async createCall(input: CreateCallInput): Promise<Call> {
    return this.postCall(routes.createCall, input);
  }

  /** The document shows no success body for LoadRecording: a recording when there is one. */
  async loadRecording(input: LoadRecordingInput): Promise<CallRecording | null> {
    const answer = await this.http.request({
      route: routes.loadRecording,
      body: input,
      schema: llamadaProRecordingSchema.nullish(),
    });
    return answer === null || answer === undefined ? null : toRecording(answer);
  }

  async createCustomField(input: CreateCustomFieldInput): Promise<CustomField> {
    return toCustomField(
      await this.http.request({
        route: routes.createCustomField,
        body: customFieldBody(input),
        schema: llamadaProCustomFieldDefinitionSchema,
      }),
    );
  }

  async updateCustomField(id: string, input: UpdateCustomFieldInput): Promise<CustomField> {
    return toCustomField(
      await this.http.request({
        route: routes.updateCustomField,
        params: { id },
        body: customFieldBody(input),
        schema: llamadaProCustomFieldDefinitionSchema,
      }),
    );
  }

  /** `force` also deletes every value stored under the definition. */
  async deleteCustomField(id: string, force = false): Promise<CustomField> {
    return toCustomField(
      await this.http.request({
        route: routes.deleteCustomField,
        params: { id },
        query: { force: force ? 'true' : undefined },
        schema: llamadaProCustomFieldDefinitionSchema,
      }),
    );
  }

  async createCustomFieldOption(
    definitionId: string,
    input: CustomFieldOptionInput,
  ): Promise<CustomFieldOption> {
    return toCustomFieldOption(
      await this.http.request({
        route: routes.createCustomFieldOption,
        params: { definitionId },
        body: { definitionId: vendorId(definitionId), ...optionBody(input) },
        schema: llamadaProCustomFieldListOptionSchema,
      }),
    );
  }

  async updateCustomFieldOption(
    definitionId: string,
    optionId: string,
    input: Partial<CustomFieldOptionInput>,
  ): Promise<CustomFieldOption> {
    return toCustomFieldOption(
      await this.http.request({
        route: routes.updateCustomFieldOption,
        params: { definitionId, optionId },
        body: optionBody(input),
        schema: llamadaProCustomFieldListOptionSchema,
      }),
    );
  }

  async deleteCustomFieldOption(
    definitionId: string,
    optionId: string,
  ): Promise<CustomFieldOption> {
    return toCustomFieldOption(
      await this.http.request({
        route: routes.deleteCustomFieldOption,
        params: { definitionId, optionId },
        schema: llamadaProCustomFieldListOptionSchema,
      }),
    );
  }

  async createConversation(input: ConversationCreateInput): Promise<ConversationRef> {
    return toConversation(
      await this.http.request({
        route: routes.createConversation,
        body: input,
        schema: llamadaProConversationSchema,
      }),
    );
  }

  async bulkCreateConversations(
    conversations: ConversationCreateInput[],
  ): Promise<BulkConversationResult> {
    return toBulkResult(
      await this.http.request({
        route: routes.bulkCreateConversations,
        body: { conversations },
        schema: llamadaProBulkResultSchema,
      }),
    );
  }

  async bulkUpdateConversations(
    conversations: ConversationUpdateInput[],
  ): Promise<BulkConversationResult> {
    return toBulkResult(
      await this.http.request({
        route: routes.bulkUpdateConversations,
        body: { conversations },
        schema: llamadaProBulkResultSchema,
      }),
    );
  }

  private async postCall(route: Route, body: unknown): Promise<Call> {
    return toCall(await this.http.request({ route, body, schema: llamadaProCallSchema }));
  }

  /**
   * Any LlamadaPro list as a PagedSource: the empty token is the first page (no `pageToken`
   * sent), the answer's `nextPageToken` the next one.
   */
  private tokenPages<Raw, T>(options: TokenListOptions<Raw, T>): PagedSource<T> {
    const sizeParam = options.sizeParam ?? 'pageSize';
    return {
      start: '',
      maxPageSize: MAX_PAGE_SIZE,
      fetchPage: async (pos: NativePosition, size: number): Promise<Page<T>> => {
        const token = String(pos);
        const answer = await this.http.request({
          route: options.route,
          ...(options.params === undefined ? {} : { params: options.params }),
          query: {
            ...options.query,
            [sizeParam]: clampSize(size, MAX_PAGE_SIZE),
            pageToken: token === '' ? undefined : token,
          },
          schema: options.schema,
        });
        return {
          items: answer.items.map(options.map),
          next: nextToken(answer.nextPageToken),
          // Only the search may leave the count out; then what this page holds is all we know.
          total: answer.totalCount ?? answer.items.length,
        };
      },
    };
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
      // Bearer is assumed (CONTRACT §6): the document names no scheme.
      headers: { Authorization: `Bearer ${config.apiKey}` },
      timeoutMs: options.timeoutMs,
      logger: options.logger,
    }),
  );
}

function clampSize(size: number, max: number): number {
  return Math.min(Math.max(Math.trunc(size), 1), max);
}

/** An empty token would read as the first page again: it means there is no next page. */
function nextToken(token: string | null | undefined): string | null {
  return token === null || token === undefined || token === '' ? null : token;
}

/** The document types these ids as numbers; our ids are strings of digits. */
function vendorId(id: string): string | number {
  return DIGITS.test(id) ? Number(id) : id;
}

function actorBody(actor: TaskActor): { id: string; type: string } {
  return { id: actor.id, type: actor.type.toLowerCase() };
}

function contactBody(input: ContactInput): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of [
    'firstName',
    'lastName',
    'nationalId',
    'companyPosition',
    'customFields',
  ] as const) {
    if (input[key] !== undefined) body[key] = input[key];
  }
  if (input.userId !== undefined) {
    body.userId = typeof input.userId === 'string' ? vendorId(input.userId) : input.userId;
  }
  if (input.addresses !== undefined) {
    body.addresses =
      input.addresses === null
        ? null
        : input.addresses.map((entry) => ({ channelType: entry.channel, address: entry.address }));
  }
  return body;
}

function customFieldBody(input: UpdateCustomFieldInput): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (input.key !== undefined) body.fieldKey = input.key;
  if (input.label !== undefined) body.fieldLabel = input.label;
  if (input.type !== undefined) body.fieldType = input.type;
  if (input.entityType !== undefined) body.entityType = input.entityType;
  if (input.description !== undefined) body.description = input.description;
  return body;
}

function optionBody(input: Partial<CustomFieldOptionInput>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (input.value !== undefined) body.value = input.value;
  if (input.label !== undefined) body.label = input.label;
  if (input.description !== undefined) body.description = input.description;
  return body;
}
