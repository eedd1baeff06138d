import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import {
  LLAMADAPRO_COMPANY_NUMBERS,
  LLAMADAPRO_TENANT_ID,
  type LlamadaProCallRecord,
  type LlamadaProContactAddressRecord,
  type LlamadaProContactRecord,
  type LlamadaProConversationRecord,
  type LlamadaProCustomFieldEntityType,
  type LlamadaProCustomFieldOptionRecord,
  type LlamadaProCustomFieldRecord,
  type LlamadaProData,
  type LlamadaProMessageAttachment,
  type LlamadaProMessageRecord,
  type LlamadaProRecordingRecord,
  type LlamadaProTaskRecord,
} from './data-llamadapro.js';
import { SANDBOX_NOW } from './people.js';
import type { Dialect, DialectRequest, DialectRoute } from './vendor-server.js';

/*
 * LlamadaPro's REST dialect (CONTRACT §6, vendor-docs/llamadapro-api.txt): bearer auth, camelCase,
 * lists answering `{items, nextPageToken, totalCount}` with opaque page tokens, and the vendor's
 * error shape `{code, error, message, details}`.
 */

export interface LlamadaProDialectOptions {
  /**
   * The server's clock for records it creates. Never earlier than the seeded data, so that new
   * records are always the newest.
   * @default () => Math.max(Date.now(), SANDBOX_NOW + 60_000)
   */
  now?: () => number;
}

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 100;
const MAX_SEARCH_SIZE = 50;
const MAX_BULK_ITEMS = 500;
const E164 = /^\+[1-9]\d{7,14}$/;

const TASK_STATUSES = ['completed', 'cancelled', 'scheduled', 'overdue'] as const;
const ACTOR_TYPES = ['user', 'ai_employee'] as const;
const ENTITY_TYPES = [
  'CONTACT',
  'COMPANY',
  'FUNNEL_CONVERSATION',
  'FUNNEL_CHANNEL_SESSION',
  'PRODUCT',
] as const;
const FIELD_TYPES = ['STRING', 'NUMBER', 'DATE', 'BOOLEAN', 'LIST', 'FILE'] as const;
const WHATSAPP_TYPES = [
  'text',
  'image',
  'audio',
  'video',
  'document',
  'sticker',
  'location',
  'contacts',
  'interactive',
  'reaction',
  'button',
  'order',
  'system',
  'unknown',
  'unsupported',
  'media_placeholder',
] as const;
const MEDIA_TYPES = new Set(['image', 'audio', 'video', 'document', 'sticker']);
const SEARCH_FIELDS = [
  'addresses.address',
  'addresses.channelType',
  'firstName',
  'lastName',
  'email',
  'phone',
  'nationalId',
  'companyPosition',
  'id',
] as const;
type SearchField = (typeof SEARCH_FIELDS)[number];
/** Fields compared exactly (numbers, ids); the others compare case-insensitively. */
const EXACT_FIELDS = new Set<string>(['addresses.address', 'phone', 'nationalId', 'id']);

/** A failure the dialect answers in LlamadaPro's error shape. */
class LlamadaProHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

function fail(status: number, message: string, details?: Record<string, unknown>): never {
  throw new LlamadaProHttpError(status, message, details);
}

function llamadaProError(
  status: number,
  message: string,
  details: Record<string, unknown> = {},
): unknown {
  return { code: status, error: STATUS_CODES[status] ?? 'Error', message, details };
}

function route(
  method: string,
  path: string,
  handler: (request: DialectRequest) => unknown,
): DialectRoute {
  return {
    method,
    path,
    handle(request) {
      try {
        return { status: 200, body: handler(request) };
      } catch (error) {
        if (error instanceof LlamadaProHttpError) {
          return {
            status: error.status,
            body: llamadaProError(error.status, error.message, error.details),
          };
        }
        throw error;
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Input parsing

const isoDate = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}(T|$)/.test(value) && !Number.isNaN(Date.parse(value)), {
    error: 'must be an ISO 8601 date-time',
  });
const e164 = z.string().regex(E164, { error: 'must be an E.164 phone number, e.g. +14155552671' });
const dictionary = z.record(z.string(), z.unknown());

function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? undefined);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    const first = issues[0];
    fail(400, first === undefined ? 'invalid body' : `${first.path || 'body'}: ${first.message}`, {
      issues,
    });
  }
  return result.data;
}

function textQuery(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || value === '' ? undefined : value;
}

function integerQuery(
  query: URLSearchParams,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const raw = textQuery(query, name);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    fail(400, `${name} must be an integer from ${min} to ${max}`);
  }
  return Number(raw);
}

function dateQuery(query: URLSearchParams, name: string): number | undefined {
  const raw = textQuery(query, name);
  if (raw === undefined) return undefined;
  const parsed = isoDate.safeParse(raw);
  if (!parsed.success) fail(400, `${name} must be an ISO 8601 date-time`);
  return Date.parse(raw);
}

function enumQuery<T extends string>(
  query: URLSearchParams,
  name: string,
  values: readonly T[],
): T | undefined {
  const raw = textQuery(query, name);
  if (raw === undefined) return undefined;
  const found = values.find((value) => value === raw);
  if (found === undefined) fail(400, `${name} must be one of ${values.join(', ')}`);
  return found;
}

/** Path ids the document types as numbers. */
function numericId(raw: string | undefined, name: string): number {
  if (raw === undefined || !/^\d+$/.test(raw)) fail(400, `${name} must be a number`);
  return Number(raw);
}

/** `field:value;field:value`, as the document's `filterBy=firstName:John;email:x`. */
function parseFilterBy(
  raw: string | undefined,
  fields: readonly string[],
): Array<[string, string]> {
  if (raw === undefined) return [];
  return raw
    .split(';')
    .filter((part) => part !== '')
    .map((part): [string, string] => {
      const colon = part.indexOf(':');
      const field = colon > 0 ? part.slice(0, colon) : '';
      if (!fields.includes(field))
        fail(400, `filterBy: "${part}" must be field:value with field one of ${fields.join(', ')}`);
      return [field, part.slice(colon + 1)];
    });
}

type Comparable = string | number | null;

/** `field=asc|desc`, comma-separated, as the document's `sortBy=createdAt=desc`. */
function parseSortBy<T>(
  raw: string | undefined,
  keys: Record<string, (item: T) => Comparable>,
): Array<(a: T, b: T) => number> {
  if (raw === undefined) return [];
  return raw
    .split(',')
    .filter((part) => part !== '')
    .map((part) => {
      const [field = '', direction = 'asc'] = part.split(/[=:]/);
      const key = keys[field];
      if (key === undefined || (direction !== 'asc' && direction !== 'desc')) {
        fail(
          400,
          `sortBy: "${part}" must be field=asc|desc with field one of ${Object.keys(keys).join(', ')}`,
        );
      }
      const sign = direction === 'desc' ? -1 : 1;
      return (a: T, b: T) => sign * compareValues(key(a), key(b));
    });
}

function compareValues(a: Comparable, b: Comparable): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/** Lower case without accents, for the free-text searches. */
function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function matchesText(haystack: Array<string | null>, search: string | undefined): boolean {
  if (search === undefined || search.trim() === '') return true;
  const text = fold(haystack.filter((part) => part !== null).join(' '));
  return fold(search)
    .split(/\s+/)
    .filter((term) => term !== '')
    .every((term) => text.includes(term));
}

// ---------------------------------------------------------------------------------------------
// Paging: an opaque token is base64url("<list>:<offset>"), so a token of one list is refused by another.

function encodeToken(list: string, offset: number): string {
  return Buffer.from(`${list}:${offset}`, 'utf8').toString('base64url');
}

function decodeToken(list: string, token: string): number {
  const match = /^([\w-]+):(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (match === null || match[1] !== list || encodeToken(list, Number(match[2])) !== token) {
    fail(400, 'pageToken is not valid for this list');
  }
  return Number(match[2]);
}

interface Paging {
  offset: number;
  size: number;
}

function readPaging(query: URLSearchParams, list: string, sizeParam = 'pageSize'): Paging {
  const size = integerQuery(query, sizeParam, 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE;
  const token = textQuery(query, 'pageToken');
  if (token !== undefined) return { offset: decodeToken(list, token), size };
  const page = integerQuery(query, 'page', 1, 1_000_000);
  return { offset: page === undefined ? 0 : (page - 1) * size, size };
}

function pageOf<T>(
  items: T[],
  list: string,
  paging: Paging,
): { items: T[]; nextPageToken: string | null; totalCount: number } {
  const end = paging.offset + paging.size;
  return {
    items: items.slice(paging.offset, end),
    nextPageToken: end < items.length ? encodeToken(list, end) : null,
    totalCount: items.length,
  };
}

function byIdAsc(a: { id: number }, b: { id: number }): number {
  return a.id - b.id;
}

function newestFirst<T extends { id: string | number }>(
  time: (item: T) => string,
): (a: T, b: T) => number {
  return (a, b) => Date.parse(time(b)) - Date.parse(time(a)) || compareValues(a.id, b.id);
}

// ---------------------------------------------------------------------------------------------
// Shared validation of custom field values

interface Issue {
  field: string;
  message: string;
  code: string;
  context?: Record<string, unknown>;
}

function zodIssues(error: z.ZodError, input: unknown, prefix = ''): Issue[] {
  return error.issues.map((issue) => {
    let value: unknown = input;
    for (const key of issue.path)
      value = value !== null && typeof value === 'object' ? Reflect.get(value, key) : undefined;
    const field = prefix + issue.path.join('.');
    return value === undefined
      ? { field, message: `${field} is required`, code: 'REQUIRED_FIELD' }
      : { field, message: issue.message, code: 'INVALID_VALUE' };
  });
}

// ---------------------------------------------------------------------------------------------
// Body schemas, as the document lists the request fields

const addressInput = z
  .looseObject({
    channelType: z.string().regex(/^[A-Z_]+$/, { error: 'must be an upper-case channel type' }),
    address: z.string().min(1),
  })
  .refine(
    (entry) =>
      !(entry.channelType === 'PHONE' || entry.channelType === 'WHATSAPP') ||
      E164.test(entry.address),
    {
      error: 'PHONE and WHATSAPP addresses must be E.164',
      path: ['address'],
    },
  )
  .refine((entry) => entry.channelType !== 'EMAIL' || /^[^@\s]+@[^@\s]+$/.test(entry.address), {
    error: 'EMAIL addresses must be e-mail addresses',
    path: ['address'],
  });

const contactFields = {
  userId: z.number().nullish(),
  customFields: dictionary.optional(),
  providerId: z.string().nullish(),
  providerName: z.string().nullish(),
  nationalId: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  email: z.string().nullish(),
  phone: z.string().nullish(),
  contactCompanyId: z.number().nullish(),
  companyPosition: z.string().nullish(),
  metadata: z.unknown().optional(),
  createdAt: isoDate.optional(),
  addresses: z.array(addressInput).optional(),
};
const contactCreateSchema = z.looseObject(contactFields);
const contactUpdateSchema = z.looseObject({
  ...contactFields,
  id: z.number().optional(),
  tenantId: z.string().optional(),
  updatedAt: isoDate.optional(),
});
type ContactInput = z.infer<typeof contactCreateSchema>;

const searchSchema = z.looseObject({
  search: z.string().optional(),
  filters: z
    .array(
      z.looseObject({
        field: z.enum(SEARCH_FIELDS),
        operator: z.enum(['eq', 'neq', 'contains', 'in']),
        value: z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))]),
        or: z.boolean().optional(),
      }),
    )
    .optional(),
  sort: z
    .array(
      z.looseObject({
        field: z.enum(['id', 'createdAt', 'updatedAt', 'firstName', 'lastName']),
        direction: z.enum(['asc', 'desc']).optional(),
      }),
    )
    .optional(),
  size: z
    .number()
    .int()
    .min(1)
    .max(MAX_SEARCH_SIZE, { error: `size must be at most ${MAX_SEARCH_SIZE}` })
    .optional(),
  pageToken: z.string().optional(),
  includeArchived: z.boolean().optional(),
  // The document's own example sends "true" as a string.
  includeTotalCount: z.union([z.boolean(), z.enum(['true', 'false'])]).optional(),
});

const actorSchema = z.looseObject({ id: z.string().min(1), type: z.enum(ACTOR_TYPES) });
const taskCreateSchema = z.looseObject({
  context: z.looseObject({ conversationId: z.number().int() }),
  objective: z.string().min(1),
  createdBy: actorSchema,
  assignedTo: actorSchema,
  dueDate: isoDate.nullish(),
  status: z.enum(TASK_STATUSES).optional(),
});
const taskUpdateSchema = z.looseObject({
  status: z.enum(TASK_STATUSES).optional(),
  context: z.looseObject({ conversationId: z.number().int() }).optional(),
  objective: z.string().min(1).optional(),
  assignedTo: actorSchema.optional(),
  publishedAt: isoDate.nullish(),
  dueDate: isoDate.nullish(),
  completedAt: isoDate.nullish(),
  cancelledAt: isoDate.nullish(),
  cancellationReason: z.string().nullish(),
});

const templateSchema = z.looseObject({
  fromPhoneNumber: e164,
  toPhoneNumber: e164,
  userId: z.string().optional(),
  templateName: z.string().min(1),
  languageCode: z.string().min(1),
  variables: z.array(z.looseObject({ value: z.string() })).optional(),
  components: z
    .array(
      z.looseObject({
        type: z.string(),
        parameters: z
          .array(z.looseObject({ type: z.string(), text: z.string().optional() }))
          .optional(),
      }),
    )
    .optional(),
  customFields: dictionary.optional(),
});
const freeFormSchema = z.looseObject({
  fromPhoneNumber: e164,
  toPhoneNumber: e164,
  userId: z.string().optional(),
  content: z.string(),
  type: z.enum(WHATSAPP_TYPES),
  customFields: dictionary.optional(),
  fileId: z.string().min(1).optional(),
});
const uploadSchema = z.looseObject({
  fileName: z.string().min(1).optional(),
  contentType: z.string().min(1).optional(),
  fileId: z.string().min(1).optional(),
  fromPhoneNumber: e164,
  content: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
});

const fieldCreateSchema = z.looseObject({
  description: z.string().nullish(),
  entityType: z.enum(ENTITY_TYPES),
  fieldKey: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/, {
    error: 'must start with a letter and hold only letters, digits and _',
  }),
  fieldLabel: z.string().nullish(),
  fieldType: z.enum(FIELD_TYPES),
});
const fieldUpdateSchema = z.looseObject({
  entityType: z.enum(ENTITY_TYPES).optional(),
  fieldKey: fieldCreateSchema.shape.fieldKey.optional(),
  fieldLabel: z.string().nullish(),
  fieldType: z.enum(FIELD_TYPES).optional(),
  description: z.string().nullish(),
});
const optionCreateSchema = z.looseObject({
  definitionId: z.number(),
  value: z.string().min(1),
  label: z.string().nullish(),
  description: z.string().nullish(),
});
const optionUpdateSchema = z.looseObject({
  value: z.string().min(1).optional(),
  label: z.string().nullish(),
  description: z.string().nullish(),
});

const agentCallSchema = z.looseObject({
  toPhoneNumber: e164,
  fromPhoneNumber: e164.optional(),
  objectives: z
    .array(z.string().min(1))
    .min(1, { error: 'objectives must hold at least one objective' }),
  userId: z.number().optional(),
  personality: z.looseObject({}).optional(),
  localization: z.enum(['CL', 'MX', 'CO', 'PE', 'US']).optional(),
  constraints: z.array(z.string()).optional(),
  contactInfo: z.looseObject({}).optional(),
  knowledgeBase: z.string().optional(),
  taskSteps: z.array(z.string()).optional(),
  maxDurationSeconds: z.number().positive().optional(),
  silenceTimeoutSeconds: z.number().positive().optional(),
  customData: dictionary.optional(),
  provider: z.literal('vapi').optional(),
  providerConfig: z.looseObject({}).optional(),
});
const voiceAgentCallSchema = z.looseObject({
  voiceAgentId: z.number(),
  to: e164,
  contextVariables: dictionary,
  customData: dictionary.optional(),
});
const bridgeCallSchema = z.looseObject({
  from: e164.optional(),
  to: e164,
  providerData: z.looseObject({}).optional(),
  callCustomData: dictionary.optional(),
});
const createCallSchema = z
  .looseObject({
    status: z.string().min(1),
    userId: z.number().nullable(),
    metadata: z.unknown(),
    providerId: z.string().optional(),
    providerName: z.string().optional(),
    customData: z.unknown().optional(),
    funnelConversationId: z.number().optional(),
    sessionId: z.number().optional(),
    from: z.string().min(1),
    to: z.string().min(1),
    redirectedTo: z.string().nullish(),
    duration: z.number().min(0).nullable(),
    direction: z.string().min(1),
    startTime: isoDate,
    teamId: z.number().nullish(),
  })
  .refine((body) => 'metadata' in body, {
    error: 'metadata is required (null is allowed)',
    path: ['metadata'],
  });
const loadRecordingSchema = z.looseObject({
  userId: z.number(),
  url: z.string().regex(/^https?:\/\/\S+$/, { error: 'must be an http(s) URL' }),
  callTo: z.string().optional(),
  callFrom: z.string().optional(),
  callDirection: z.enum(['outgoing', 'incoming']).optional(),
  callStartTime: isoDate.optional(),
});

const conversationContactSchema = z.looseObject({
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
  phones: z.array(e164).optional(),
  emails: z
    .array(z.string().regex(/^[^@\s]+@[^@\s]+$/, { error: 'must be an e-mail address' }))
    .optional(),
  nationalId: z.string().nullish(),
  companyPosition: z.string().nullish(),
  customFields: dictionary.optional(),
  userId: z.number().nullish(),
});
const conversationCreateSchema = z.looseObject({
  createdAt: isoDate.optional(),
  userId: z.number().nullish(),
  funnelId: z.number(),
  funnelStatusId: z.number().nullish(),
  archivedAt: isoDate.nullish(),
  customFields: dictionary.optional(),
  contactId: z.number().optional(),
  contact: conversationContactSchema.optional(),
});
const conversationUpdateSchema = z.looseObject({
  id: z.number(),
  createdAt: isoDate.optional(),
  userId: z.number().nullish(),
  funnelStatusId: z.number().nullish(),
  archivedAt: isoDate.nullish(),
  customFields: dictionary.optional(),
  contact: conversationContactSchema.extend({ id: z.number().optional() }).optional(),
});
const bulkSchema = z.looseObject({ conversations: z.array(z.unknown()) });
type ConversationContactInput = z.infer<typeof conversationContactSchema>;

// ---------------------------------------------------------------------------------------------

/** The LlamadaPro sandbox: every route of CONTRACT §6 over `data`, which writes change in place. */
export function createLlamadaProDialect(
  data: LlamadaProData,
  credentials: { apiKey: string },
  options: LlamadaProDialectOptions = {},
): Dialect {
  const clock = options.now ?? (() => Math.max(Date.now(), SANDBOX_NOW + 60_000));
  const now = (): string => new Date(clock()).toISOString();

  // --- lookups ---------------------------------------------------------------------------------

  const findCall = (raw: string | undefined): LlamadaProCallRecord => {
    const id = numericId(raw, 'callId');
    return data.calls.find((call) => call.id === id) ?? fail(404, `call ${id} not found`);
  };
  const findContact = (raw: string | undefined): LlamadaProContactRecord => {
    const id = numericId(raw, 'id');
    return (
      data.contacts.find((contact) => contact.id === id) ?? fail(404, `contact ${id} not found`)
    );
  };
  const findTask = (raw: string | undefined): LlamadaProTaskRecord =>
    data.tasks.find((task) => task.id === raw) ?? fail(404, `task ${raw ?? ''} not found`);
  const findField = (raw: string | undefined): LlamadaProCustomFieldRecord => {
    const id = numericId(raw, 'id');
    return (
      data.customFields.find((field) => field.id === id) ??
      fail(404, `custom field ${id} not found`)
    );
  };
  const findOption = (
    definition: LlamadaProCustomFieldRecord,
    raw: string | undefined,
  ): LlamadaProCustomFieldOptionRecord => {
    const id = numericId(raw, 'optionId');
    return (
      data.customFieldOptions.find(
        (option) => option.id === id && option.definitionId === definition.id,
      ) ?? fail(404, `option ${id} of custom field ${definition.id} not found`)
    );
  };
  const phonesOf = (contact: LlamadaProContactRecord): string[] => [
    ...contact.addresses
      .filter((entry) => entry.channelType === 'PHONE' || entry.channelType === 'WHATSAPP')
      .map((entry) => entry.address),
    ...(contact.phone === null ? [] : [contact.phone]),
  ];
  const emailsOf = (contact: LlamadaProContactRecord): string[] => [
    ...contact.addresses
      .filter((entry) => entry.channelType === 'EMAIL')
      .map((entry) => entry.address.toLowerCase()),
    ...(contact.email === null ? [] : [contact.email.toLowerCase()]),
  ];
  const contactByPhone = (phone: string | null): LlamadaProContactRecord | undefined =>
    phone === null ? undefined : data.contacts.find((contact) => phonesOf(contact).includes(phone));
  const latestConversationOf = (contactId: number): LlamadaProConversationRecord | undefined =>
    data.conversations
      .filter(
        (conversation) => conversation.contactId === contactId && conversation.archivedAt === null,
      )
      .sort(newestFirst((conversation) => conversation.createdAt))[0];

  // --- custom field values -----------------------------------------------------------------------

  const checkCustomFields = (
    values: Record<string, unknown>,
    entityType: LlamadaProCustomFieldEntityType,
    prefix: string,
  ): Issue[] => {
    const issues: Issue[] = [];
    for (const [key, value] of Object.entries(values)) {
      const field = `${prefix}.${key}`;
      const definition = data.customFields.find(
        (entry) => entry.entityType === entityType && entry.fieldKey === key,
      );
      if (definition === undefined) {
        issues.push({
          field,
          message: `no ${entityType} custom field has the key "${key}"`,
          code: 'UNKNOWN_CUSTOM_FIELD',
        });
        continue;
      }
      if (value === null) continue;
      const type = definition.fieldType;
      const valid =
        type === 'NUMBER'
          ? typeof value === 'number' && Number.isFinite(value)
          : type === 'BOOLEAN'
            ? typeof value === 'boolean'
            : type === 'DATE'
              ? typeof value === 'string' && !Number.isNaN(Date.parse(value))
              : type === 'LIST'
                ? data.customFieldOptions.some(
                    (option) => option.definitionId === definition.id && option.value === value,
                  )
                : typeof value === 'string';
      if (!valid) {
        const expected =
          type === 'LIST' ? "one of the field's list option values" : `a ${type} value`;
        issues.push({
          field,
          message: `${field} must be ${expected}`,
          code: 'INVALID_VALUE',
          context: { fieldType: type },
        });
      }
    }
    return issues;
  };
  const requireCustomFields = (
    values: Record<string, unknown> | undefined,
    entityType: LlamadaProCustomFieldEntityType,
  ): void => {
    const issues =
      values === undefined ? [] : checkCustomFields(values, entityType, 'customFields');
    const first = issues[0];
    if (first !== undefined) fail(400, first.message, { issues });
  };
  /** A null value removes the key; others set it. */
  const applyCustomFields = (
    target: Record<string, unknown>,
    values: Record<string, unknown> | undefined,
  ): void => {
    for (const [key, value] of Object.entries(values ?? {})) {
      if (value === null) delete target[key];
      else target[key] = value;
    }
  };
  const holdersOf = (
    definition: LlamadaProCustomFieldRecord,
  ): Array<{ customFields: Record<string, unknown> }> =>
    definition.entityType === 'CONTACT'
      ? data.contacts
      : definition.entityType === 'FUNNEL_CONVERSATION'
        ? data.conversations
        : [];
  const holdersWithValue = (
    definition: LlamadaProCustomFieldRecord,
  ): Array<{ customFields: Record<string, unknown> }> =>
    holdersOf(definition).filter(
      (holder) => holder.customFields[definition.fieldKey] !== undefined,
    );

  // --- contacts ------------------------------------------------------------------------------------

  const newAddress = (
    contactId: number,
    channelType: string,
    address: string,
    at: string,
  ): LlamadaProContactAddressRecord => ({
    id: data.nextIds.address++,
    tenantId: LLAMADAPRO_TENANT_ID,
    contactId,
    channelType,
    address,
    createdAt: at,
    updatedAt: at,
  });
  /** The new address set: entries already there keep their id and dates. */
  const replaceAddresses = (
    contact: LlamadaProContactRecord,
    wanted: Array<{ channelType: string; address: string }>,
    at: string,
  ): void => {
    const kept: LlamadaProContactAddressRecord[] = [];
    for (const entry of wanted) {
      if (
        kept.some(
          (have) => have.channelType === entry.channelType && have.address === entry.address,
        )
      )
        continue;
      kept.push(
        contact.addresses.find(
          (have) => have.channelType === entry.channelType && have.address === entry.address,
        ) ?? newAddress(contact.id, entry.channelType, entry.address, at),
      );
    }
    contact.addresses = kept;
  };
  const addAddresses = (
    contact: LlamadaProContactRecord,
    phones: string[],
    emails: string[],
    at: string,
  ): void => {
    const have = new Set([...phonesOf(contact), ...emailsOf(contact)]);
    for (const phone of phones)
      if (!have.has(phone)) contact.addresses.push(newAddress(contact.id, 'PHONE', phone, at));
    for (const email of emails)
      if (!have.has(email.toLowerCase()))
        contact.addresses.push(newAddress(contact.id, 'EMAIL', email, at));
  };
  const applyContactInput = (
    contact: LlamadaProContactRecord,
    input: ContactInput,
    at: string,
  ): void => {
    if (input.userId !== undefined) contact.userId = input.userId;
    if (input.providerId !== undefined) contact.providerId = input.providerId;
    if (input.providerName !== undefined) contact.providerName = input.providerName;
    if (input.nationalId !== undefined) contact.nationalId = input.nationalId;
    if (input.firstName !== undefined) contact.firstName = input.firstName;
    if (input.lastName !== undefined) contact.lastName = input.lastName;
    if (input.email !== undefined) contact.email = input.email;
    if (input.phone !== undefined) contact.phone = input.phone;
    if (input.contactCompanyId !== undefined) contact.contactCompanyId = input.contactCompanyId;
    if (input.companyPosition !== undefined) contact.companyPosition = input.companyPosition;
    if (input.metadata !== undefined) contact.metadata = input.metadata;
    if (input.addresses !== undefined) replaceAddresses(contact, input.addresses, at);
    applyCustomFields(contact.customFields, input.customFields);
    contact.updatedAt = at;
  };
  const createContact = (input: ContactInput): LlamadaProContactRecord => {
    const at = now();
    const contact: LlamadaProContactRecord = {
      id: data.nextIds.contact++,
      tenantId: LLAMADAPRO_TENANT_ID,
      providerId: null,
      providerName: null,
      nationalId: null,
      firstName: null,
      lastName: null,
      email: null,
      phone: null,
      userId: null,
      contactCompanyId: null,
      companyPosition: null,
      metadata: null,
      createdAt: input.createdAt ?? at,
      updatedAt: at,
      customFields: {},
      addresses: [],
    };
    applyContactInput(contact, input, at);
    data.contacts.push(contact);
    return contact;
  };
  const toSearchItem = (contact: LlamadaProContactRecord): unknown => ({
    tenantId: contact.tenantId,
    createdAt: contact.createdAt,
    updatedAt: contact.updatedAt,
    customFields: contact.customFields,
    metadata: contact.metadata,
    addresses: contact.addresses,
    providerId: contact.providerId,
    providerName: contact.providerName,
    nationalId: contact.nationalId,
    firstName: contact.firstName,
    lastName: contact.lastName,
    email: contact.email,
    phone: contact.phone,
    companyPosition: contact.companyPosition,
    id: String(contact.id),
    modelType: 'Contact',
    archivedAt: null,
    eventSequence: Math.floor(Date.parse(contact.updatedAt) / 1000),
    eventTimestamp: contact.updatedAt,
    userId: contact.userId === null ? null : String(contact.userId),
    contactCompanyId: contact.contactCompanyId === null ? null : String(contact.contactCompanyId),
  });
  const searchValues = (contact: LlamadaProContactRecord, field: SearchField): string[] => {
    switch (field) {
      case 'addresses.address':
        return contact.addresses.map((entry) => entry.address);
      case 'addresses.channelType':
        return contact.addresses.map((entry) => entry.channelType);
      case 'id':
        return [String(contact.id)];
      default: {
        const value = contact[field];
        return value === null ? [] : [value];
      }
    }
  };
  const contactHaystack = (contact: LlamadaProContactRecord): Array<string | null> => [
    contact.firstName,
    contact.lastName,
    contact.email,
    contact.phone,
    contact.nationalId,
    ...contact.addresses.map((entry) => entry.address),
  ];

  // --- conversations ---------------------------------------------------------------------------------

  const presentConversation = (conversation: LlamadaProConversationRecord): unknown => {
    const current = data.contacts.find((contact) => contact.id === conversation.contactId);
    return { ...conversation, contacts: current === undefined ? conversation.contacts : [current] };
  };
  /** The existing contact sharing a phone or e-mail with the input, if any. */
  const matchContact = (input: ConversationContactInput): LlamadaProContactRecord | undefined => {
    const phones = input.phones ?? [];
    const emails = (input.emails ?? []).map((email) => email.toLowerCase());
    return data.contacts.find(
      (contact) =>
        phonesOf(contact).some((phone) => phones.includes(phone)) ||
        emailsOf(contact).some((email) => emails.includes(email)),
    );
  };
  const upsertConversationContact = (
    input: ConversationContactInput,
    existing: LlamadaProContactRecord | undefined,
  ): LlamadaProContactRecord => {
    const at = now();
    const contact =
      existing ??
      createContact({ firstName: input.firstName ?? null, lastName: input.lastName ?? null });
    if (existing !== undefined) {
      if (input.firstName !== undefined) contact.firstName = input.firstName;
      if (input.lastName !== undefined) contact.lastName = input.lastName;
    }
    if (input.nationalId !== undefined) contact.nationalId = input.nationalId;
    if (input.companyPosition !== undefined) contact.companyPosition = input.companyPosition;
    if (input.userId !== undefined) contact.userId = input.userId;
    addAddresses(contact, input.phones ?? [], input.emails ?? [], at);
    applyCustomFields(contact.customFields, input.customFields);
    contact.updatedAt = at;
    return contact;
  };

  type CreateOutcome =
    | { kind: 'error'; errors: Issue[] }
    | { kind: 'duplicate'; existing: LlamadaProConversationRecord }
    | {
        kind: 'created';
        conversation: LlamadaProConversationRecord;
        warnings: Issue[];
        matchedContactId: number | null;
      };

  /** Validates fully before any write, so that a rejected item leaves no trace. */
  const createConversation = (item: unknown, detectDuplicates: boolean): CreateOutcome => {
    const parsed = conversationCreateSchema.safeParse(item);
    if (!parsed.success) return { kind: 'error', errors: zodIssues(parsed.error, item) };
    const input = parsed.data;
    const errors: Issue[] = [];
    let contact: LlamadaProContactRecord | undefined;
    let matched: LlamadaProContactRecord | undefined;
    if (input.contactId !== undefined) {
      contact = data.contacts.find((entry) => entry.id === input.contactId);
      if (contact === undefined)
        errors.push({
          field: 'contactId',
          message: `contact ${input.contactId} not found`,
          code: 'NOT_FOUND',
        });
    } else if (input.contact !== undefined) {
      if ((input.contact.phones ?? []).length === 0 && (input.contact.emails ?? []).length === 0) {
        errors.push({
          field: 'contact.phones',
          message: 'contact needs at least one phone or e-mail',
          code: 'REQUIRED_FIELD',
        });
      }
      errors.push(
        ...checkCustomFields(input.contact.customFields ?? {}, 'CONTACT', 'contact.customFields'),
      );
      matched = matchContact(input.contact);
    } else {
      errors.push({
        field: 'contactId',
        message: 'either contactId or contact is required',
        code: 'REQUIRED_FIELD',
      });
    }
    errors.push(
      ...checkCustomFields(input.customFields ?? {}, 'FUNNEL_CONVERSATION', 'customFields'),
    );
    if (errors.length > 0) return { kind: 'error', errors };

    const contactId = contact?.id ?? matched?.id;
    if (detectDuplicates && contactId !== undefined) {
      const existing = data.conversations.find(
        (conversation) =>
          conversation.contactId === contactId &&
          conversation.funnelId === input.funnelId &&
          conversation.archivedAt === null,
      );
      if (existing !== undefined) return { kind: 'duplicate', existing };
    }
    if (contact === undefined && input.contact !== undefined)
      contact = upsertConversationContact(input.contact, matched);
    if (contact === undefined)
      return {
        kind: 'error',
        errors: [{ field: 'contactId', message: 'contact is required', code: 'REQUIRED_FIELD' }],
      };
    const at = now();
    const conversation: LlamadaProConversationRecord = {
      id: data.nextIds.conversation++,
      tenantId: LLAMADAPRO_TENANT_ID,
      contactId: contact.id,
      userId: input.userId ?? null,
      funnelId: input.funnelId,
      funnelStatusId: input.funnelStatusId ?? null,
      archivedAt: input.archivedAt ?? null,
      createdAt: input.createdAt ?? at,
      updatedAt: at,
      channelSessions: [],
      contacts: [structuredClone(contact)],
      customFields: {},
    };
    applyCustomFields(conversation.customFields, input.customFields);
    data.conversations.push(conversation);
    const warnings: Issue[] =
      matched === undefined
        ? []
        : [
            {
              field: 'contact',
              message: `matched existing contact ${matched.id} by address and updated it`,
              code: 'CONTACT_MATCHED',
              context: { contactId: matched.id },
            },
          ];
    return { kind: 'created', conversation, warnings, matchedContactId: matched?.id ?? null };
  };

  const updateConversation = (item: unknown): { errors: Issue[]; id: number | null } => {
    const parsed = conversationUpdateSchema.safeParse(item);
    const rawId = item !== null && typeof item === 'object' ? Reflect.get(item, 'id') : undefined;
    const itemId = typeof rawId === 'number' ? rawId : null;
    if (!parsed.success) return { errors: zodIssues(parsed.error, item), id: itemId };
    const input = parsed.data;
    const conversation = data.conversations.find((entry) => entry.id === input.id);
    if (conversation === undefined)
      return {
        errors: [{ field: 'id', message: `conversation ${input.id} not found`, code: 'NOT_FOUND' }],
        id: input.id,
      };
    const errors = checkCustomFields(
      input.customFields ?? {},
      'FUNNEL_CONVERSATION',
      'customFields',
    );
    if (input.contact !== undefined) {
      if (input.contact.id !== undefined && input.contact.id !== conversation.contactId) {
        errors.push({
          field: 'contact.id',
          message: `contact ${input.contact.id} is not the contact of conversation ${conversation.id}`,
          code: 'INVALID_VALUE',
        });
      }
      errors.push(
        ...checkCustomFields(input.contact.customFields ?? {}, 'CONTACT', 'contact.customFields'),
      );
    }
    if (errors.length > 0) return { errors, id: input.id };
    const at = now();
    if (input.userId !== undefined) conversation.userId = input.userId;
    if (input.funnelStatusId !== undefined) conversation.funnelStatusId = input.funnelStatusId;
    if (input.archivedAt !== undefined) conversation.archivedAt = input.archivedAt;
    if (input.createdAt !== undefined) conversation.createdAt = input.createdAt;
    applyCustomFields(conversation.customFields, input.customFields);
    if (input.contact !== undefined) {
      const contact = data.contacts.find((entry) => entry.id === conversation.contactId);
      if (contact !== undefined) upsertConversationContact(input.contact, contact);
    }
    conversation.updatedAt = at;
    return { errors: [], id: input.id };
  };

  const bulkAnswer = (
    verb: string,
    total: number,
    itemsIssues: unknown[],
    batchErrors: Issue[],
    counts: { successful: number; warnings: number; duplicates: number; errors: number },
  ): unknown => ({
    message: `${verb} ${counts.successful} of ${total} conversations`,
    operationId: `op_${String(data.nextIds.operation++).padStart(8, '0')}`,
    report: { itemsIssues, batchErrors, counts: { ...counts, total } },
  });
  const batchProblem = (items: unknown[]): Issue[] =>
    items.length === 0
      ? [
          {
            field: 'conversations',
            message: 'conversations must hold at least one item',
            code: 'REQUIRED_FIELD',
          },
        ]
      : items.length > MAX_BULK_ITEMS
        ? [
            {
              field: 'conversations',
              message: `at most ${MAX_BULK_ITEMS} conversations per request`,
              code: 'TOO_MANY_ITEMS',
              context: { max: MAX_BULK_ITEMS },
            },
          ]
        : [];

  // --- calls -----------------------------------------------------------------------------------------

  const storeCall = (
    fields: Partial<LlamadaProCallRecord> &
      Pick<LlamadaProCallRecord, 'from' | 'to' | 'direction' | 'providerName'>,
  ): LlamadaProCallRecord => {
    const at = now();
    const id = data.nextIds.call++;
    const customer = fields.direction === 'incoming' ? fields.from : fields.to;
    const contact = contactByPhone(customer);
    const call: LlamadaProCallRecord = {
      id,
      tenantId: LLAMADAPRO_TENANT_ID,
      providerId:
        fields.providerName === 'twilio'
          ? `CA${id.toString(16).padStart(32, '0')}`
          : `${fields.providerName}-${id}`,
      funnelConversationId:
        contact === undefined ? null : (latestConversationOf(contact.id)?.id ?? null),
      sessionId: null,
      userId: null,
      contactId: contact?.id ?? null,
      opportunityId: null,
      analysisConfigId: null,
      teamId: null,
      redirectedTo: null,
      duration: null,
      status: 'queued',
      startTime: at,
      metadata: null,
      customData: null,
      agentScore: null,
      category: null,
      createdAt: at,
      updatedAt: at,
      lastUpdateSequence: 1,
      ...fields,
    };
    data.calls.push(call);
    return call;
  };

  // --- messages --------------------------------------------------------------------------------------

  const storeOutbound = (input: {
    from: string;
    to: string;
    userId: string | undefined;
    content: string;
    type: string;
    attachments: LlamadaProMessageAttachment[];
    customFields: Record<string, unknown> | undefined;
    metadata: Record<string, unknown>;
  }): LlamadaProMessageRecord => {
    const at = now();
    const contact =
      data.contacts.find((entry) =>
        entry.addresses.some(
          (address) => address.channelType === 'WHATSAPP' && address.address === input.to,
        ),
      ) ?? contactByPhone(input.to);
    const conversation = contact === undefined ? undefined : latestConversationOf(contact.id);
    const session = conversation?.channelSessions.find((entry) => entry.channelType === 'WHATSAPP');
    const message: LlamadaProMessageRecord = {
      id: `msg_c${String(data.nextIds.message++).padStart(8, '0')}`,
      tenantId: LLAMADAPRO_TENANT_ID,
      // Without a WhatsApp session the messaging conversation is the number pair's own thread.
      conversationId:
        session?.messagingConversationId ?? `wac_${input.from.slice(1)}_${input.to.slice(1)}`,
      funnelConversationId: conversation?.id ?? null,
      sessionId: session?.id ?? null,
      providerId: null,
      contactId: contact?.id ?? null,
      userId: input.userId ?? null,
      content: input.content,
      status: 'pending',
      direction: 'outbound',
      channel: 'whatsapp',
      sender: {
        providerId: null,
        address: input.from,
        role: input.userId === undefined ? 'ai_employee' : 'user',
        displayName: 'Andes Retail',
        metadata: {},
      },
      recipient: {
        providerId: null,
        address: input.to,
        role: 'contact',
        displayName:
          contact === undefined
            ? null
            : [contact.firstName, contact.lastName].filter((part) => part !== null).join(' '),
        metadata: {},
      },
      attachments: input.attachments,
      createdAt: at,
      updatedAt: at,
      metadata: { type: input.type, ...input.metadata },
      errors: [],
      customFields: input.customFields ?? {},
      mediaProcessing: null,
    };
    data.messages.push(message);
    return message;
  };

  // --- routes ----------------------------------------------------------------------------------------

  const routes: DialectRoute[] = [
    // Calls
    route('GET', '/api/v1/calls', ({ query }) => {
      const paging = readPaging(query, 'calls');
      const phone = textQuery(query, 'phone');
      const statuses = textQuery(query, 'status')
        ?.split(',')
        .map((status) => status.trim().toLowerCase())
        .filter((status) => status !== '');
      const after = dateQuery(query, 'startedAfter');
      const before = dateQuery(query, 'startedBefore');
      // startedAfter is inclusive and startedBefore exclusive, like Ovia, so consecutive
      // windows never count a call twice.
      const calls = data.calls
        .filter((call) => phone === undefined || call.from === phone || call.to === phone)
        .filter((call) => statuses === undefined || statuses.includes(call.status.toLowerCase()))
        .filter((call) => after === undefined || Date.parse(call.startTime) >= after)
        .filter((call) => before === undefined || Date.parse(call.startTime) < before)
        .sort(newestFirst((call) => call.startTime));
      return pageOf(calls, 'calls', paging);
    }),
    route('GET', '/api/v1/calls/{callId}', ({ params }) => findCall(params['callId'])),
    route('GET', '/api/v1/calls/{callId}/transcription', ({ params }) => {
      const call = findCall(params['callId']);
      return data.transcriptions.get(call.id) ?? fail(404, `call ${call.id} has no transcription`);
    }),
    route('GET', '/api/v1/calls/{callId}/recording', ({ params }) => {
      const call = findCall(params['callId']);
      return data.recordings.get(call.id) ?? fail(404, `call ${call.id} has no recording`);
    }),
    route('POST', '/api/v1/calls/agent', ({ body }) => {
      const input = parseBody(agentCallSchema, body);
      return storeCall({
        from: input.fromPhoneNumber ?? LLAMADAPRO_COMPANY_NUMBERS[0],
        to: input.toPhoneNumber,
        direction: 'outgoing',
        providerName: input.provider ?? 'vapi',
        userId: input.userId ?? null,
        metadata: {
          mode: 'agent',
          objectives: input.objectives,
          localization: input.localization ?? null,
          taskSteps: input.taskSteps ?? [],
          maxDurationSeconds: input.maxDurationSeconds ?? null,
        },
        customData: input.customData ?? null,
      });
    }),
    route('POST', '/api/v1/calls/voice-agent', ({ body }) => {
      const input = parseBody(voiceAgentCallSchema, body);
      return storeCall({
        from: LLAMADAPRO_COMPANY_NUMBERS[1],
        to: input.to,
        direction: 'outgoing',
        providerName: 'vapi',
        metadata: {
          mode: 'voice-agent',
          voiceAgentId: input.voiceAgentId,
          contextVariables: input.contextVariables,
        },
        customData: input.customData ?? null,
      });
    }),
    route('POST', '/api/v1/calls/bridge', ({ body }) => {
      const input = parseBody(bridgeCallSchema, body);
      return storeCall({
        from: input.from ?? LLAMADAPRO_COMPANY_NUMBERS[0],
        to: input.to,
        direction: 'outgoing',
        providerName: 'twilio',
        metadata: { mode: 'bridge' },
        customData: input.callCustomData ?? null,
      });
    }),
    route('POST', '/api/v1/calls', ({ body }) => {
      const input = parseBody(createCallSchema, body);
      const call = storeCall({
        from: input.from,
        to: input.to,
        direction: input.direction,
        providerName: input.providerName ?? 'external',
        status: input.status,
        userId: input.userId,
        metadata: input.metadata ?? null,
        customData: input.customData ?? null,
        redirectedTo: input.redirectedTo ?? null,
        duration: input.duration,
        startTime: new Date(Date.parse(input.startTime)).toISOString(),
        teamId: input.teamId ?? null,
        ...(input.funnelConversationId === undefined
          ? {}
          : { funnelConversationId: input.funnelConversationId }),
        ...(input.sessionId === undefined ? {} : { sessionId: input.sessionId }),
      });
      if (input.providerId !== undefined) call.providerId = input.providerId;
      return call;
    }),
    route('POST', '/api/v1/recordings', ({ body }) => {
      const input = parseBody(loadRecordingSchema, body);
      const at = now();
      const call = storeCall({
        from: input.callFrom ?? null,
        to: input.callTo ?? null,
        direction: input.callDirection ?? 'outgoing',
        providerName: 'upload',
        status: 'completed',
        userId: input.userId,
        startTime:
          input.callStartTime === undefined
            ? at
            : new Date(Date.parse(input.callStartTime)).toISOString(),
      });
      const id = data.nextIds.recording++;
      const recording: LlamadaProRecordingRecord = {
        id,
        tenantId: LLAMADAPRO_TENANT_ID,
        callId: call.id,
        providerId: `upl_${id}`,
        providerName: 'upload',
        callProviderId: call.providerId,
        callProviderName: call.providerName,
        url: input.url,
        startTime: call.startTime,
        duration: null,
        dualChannel: false,
        createdAt: at,
        updatedAt: at,
      };
      data.recordings.set(call.id, recording);
      return recording;
    }),

    // Tasks
    route('GET', '/api/v1/tasks', ({ query }) => {
      const paging = readPaging(query, 'tasks', 'limit');
      const status = enumQuery(query, 'status', TASK_STATUSES);
      const dueBefore = dateQuery(query, 'dueBefore');
      const dueAfter = dateQuery(query, 'dueAfter');
      const conversationId = integerQuery(query, 'conversationId', 0, Number.MAX_SAFE_INTEGER);
      const assignedToType = enumQuery(query, 'assignedToType', ACTOR_TYPES);
      const assignedToId = textQuery(query, 'assignedToId');
      const due = (task: LlamadaProTaskRecord): number | null =>
        task.dueDate === null ? null : Date.parse(task.dueDate);
      // Both due bounds are inclusive; a task without a due date passes neither.
      const tasks = data.tasks
        .filter((task) => status === undefined || task.status === status)
        .filter((task) => dueBefore === undefined || (due(task) ?? Infinity) <= dueBefore)
        .filter((task) => dueAfter === undefined || (due(task) ?? -Infinity) >= dueAfter)
        .filter(
          (task) => conversationId === undefined || task.context.conversationId === conversationId,
        )
        .filter((task) => assignedToType === undefined || task.assignedTo.type === assignedToType)
        .filter((task) => assignedToId === undefined || task.assignedTo.id === assignedToId)
        .sort(newestFirst((task) => task.createdAt));
      return pageOf(tasks, 'tasks', paging);
    }),
    route('GET', '/api/v1/tasks/{taskId}', ({ params }) => findTask(params['taskId'])),
    route('POST', '/api/v1/tasks', ({ body }) => {
      const input = parseBody(taskCreateSchema, body);
      if (
        !data.conversations.some((conversation) => conversation.id === input.context.conversationId)
      ) {
        fail(
          400,
          `context.conversationId: conversation ${input.context.conversationId} does not exist`,
        );
      }
      const at = now();
      const status = input.status ?? 'scheduled';
      const task: LlamadaProTaskRecord = {
        id: `task_c${String(data.nextIds.task++).padStart(8, '0')}`,
        tenantId: LLAMADAPRO_TENANT_ID,
        createdAt: at,
        updatedAt: at,
        context: { conversationId: input.context.conversationId },
        objective: input.objective,
        createdBy: { id: input.createdBy.id, type: input.createdBy.type },
        assignedTo: { id: input.assignedTo.id, type: input.assignedTo.type },
        publishedAt: at,
        dueDate: input.dueDate == null ? null : new Date(Date.parse(input.dueDate)).toISOString(),
        completedAt: status === 'completed' ? at : null,
        cancelledAt: status === 'cancelled' ? at : null,
        cancellationReason: null,
        status,
      };
      data.tasks.push(task);
      return task;
    }),
    route('PUT', '/api/v1/tasks/{taskId}', ({ params, body }) => {
      const task = findTask(params['taskId']);
      const input = parseBody(taskUpdateSchema, body);
      if (
        input.context !== undefined &&
        !data.conversations.some(
          (conversation) => conversation.id === input.context?.conversationId,
        )
      ) {
        fail(
          400,
          `context.conversationId: conversation ${input.context.conversationId} does not exist`,
        );
      }
      const at = now();
      const date = (value: string | null): string | null =>
        value === null ? null : new Date(Date.parse(value)).toISOString();
      if (input.context !== undefined)
        task.context = { conversationId: input.context.conversationId };
      if (input.objective !== undefined) task.objective = input.objective;
      if (input.assignedTo !== undefined)
        task.assignedTo = { id: input.assignedTo.id, type: input.assignedTo.type };
      if (input.publishedAt !== undefined) task.publishedAt = date(input.publishedAt);
      if (input.dueDate !== undefined) task.dueDate = date(input.dueDate);
      if (input.completedAt !== undefined) task.completedAt = date(input.completedAt);
      if (input.cancelledAt !== undefined) task.cancelledAt = date(input.cancelledAt);
      if (input.cancellationReason !== undefined)
        task.cancellationReason = input.cancellationReason;
      if (input.status !== undefined && input.status !== task.status) {
        task.status = input.status;
        if (input.status === 'completed' && task.completedAt === null) task.completedAt = at;
        if (input.status === 'cancelled' && task.cancelledAt === null) task.cancelledAt = at;
      }
      task.updatedAt = at;
      return task;
    }),
    route('DELETE', '/api/v1/tasks/{taskId}', ({ params }) => {
      const task = findTask(params['taskId']);
      data.tasks.splice(data.tasks.indexOf(task), 1);
      return task;
    }),

    // Contacts
    route('GET', '/api/v1/contacts', ({ query }) => {
      const paging = readPaging(query, 'contacts');
      const filters = parseFilterBy(textQuery(query, 'filterBy'), [
        'id',
        'firstName',
        'lastName',
        'email',
        'phone',
        'nationalId',
        'companyPosition',
        'userId',
        'contactCompanyId',
        'providerId',
        'providerName',
        'address',
      ]);
      const sorts = parseSortBy<LlamadaProContactRecord>(textQuery(query, 'sortBy'), {
        id: (contact) => contact.id,
        createdAt: (contact) => Date.parse(contact.createdAt),
        updatedAt: (contact) => Date.parse(contact.updatedAt),
        firstName: (contact) => (contact.firstName === null ? null : fold(contact.firstName)),
        lastName: (contact) => (contact.lastName === null ? null : fold(contact.lastName)),
      });
      const searchBy = textQuery(query, 'searchBy');
      const contacts = data.contacts
        .filter((contact) =>
          filters.every(([field, value]) => {
            if (field === 'address')
              return contact.addresses.some((entry) => entry.address === value);
            const have = Reflect.get(contact, field);
            return (
              have !== null &&
              have !== undefined &&
              String(have).toLowerCase() === value.toLowerCase()
            );
          }),
        )
        .filter((contact) => matchesText(contactHaystack(contact), searchBy))
        .sort((a, b) => {
          for (const compare of sorts) {
            const order = compare(a, b);
            if (order !== 0) return order;
          }
          return byIdAsc(a, b);
        });
      return pageOf(contacts, 'contacts', paging);
    }),
    route('GET', '/api/v1/contacts/{id}', ({ params }) => findContact(params['id'])),
    route('POST', '/api/v1/contacts', ({ body }) => {
      const input = parseBody(contactCreateSchema, body);
      requireCustomFields(input.customFields, 'CONTACT');
      return createContact(input);
    }),
    route('PUT', '/api/v1/contacts/{id}', ({ params, body }) => {
      const contact = findContact(params['id']);
      const input = parseBody(contactUpdateSchema, body);
      requireCustomFields(input.customFields, 'CONTACT');
      applyContactInput(contact, input, now());
      return contact;
    }),
    route('DELETE', '/api/v1/contacts/{id}', ({ params }) => {
      const contact = findContact(params['id']);
      data.contacts.splice(data.contacts.indexOf(contact), 1);
      return contact;
    }),
    route('POST', '/api/v1/contacts/search', ({ body }) => {
      const input = parseBody(searchSchema, body ?? {});
      const size = input.size ?? DEFAULT_PAGE_SIZE;
      const offset =
        input.pageToken === undefined ? 0 : decodeToken('contacts-search', input.pageToken);
      const filters = input.filters ?? [];
      const test = (
        contact: LlamadaProContactRecord,
        filter: (typeof filters)[number],
      ): boolean => {
        const exact = EXACT_FIELDS.has(filter.field);
        const norm = (value: string | number): string =>
          exact ? String(value) : String(value).toLowerCase();
        const values = searchValues(contact, filter.field).map(norm);
        const wanted = Array.isArray(filter.value) ? filter.value.map(norm) : [norm(filter.value)];
        switch (filter.operator) {
          case 'eq':
            return values.some((value) => value === wanted[0]);
          case 'neq':
            return values.every((value) => value !== wanted[0]);
          case 'in':
            return values.some((value) => wanted.includes(value));
          case 'contains':
            return values.some((value) =>
              wanted.some((part) => value.toLowerCase().includes(part.toLowerCase())),
            );
        }
      };
      const sorts = (input.sort ?? []).map((sort) => {
        const sign = sort.direction === 'desc' ? -1 : 1;
        const key = (contact: LlamadaProContactRecord): Comparable =>
          sort.field === 'id'
            ? contact.id
            : sort.field === 'createdAt' || sort.field === 'updatedAt'
              ? Date.parse(contact[sort.field])
              : contact[sort.field];
        return (a: LlamadaProContactRecord, b: LlamadaProContactRecord) =>
          sign * compareValues(key(a), key(b));
      });
      const contacts = data.contacts
        .filter((contact) => {
          // Left to right: `or: true` ORs a filter with everything before it, any other ANDs it.
          let keep = true;
          filters.forEach((filter, index) => {
            const hit = test(contact, filter);
            keep = index === 0 ? hit : filter.or === true ? keep || hit : keep && hit;
          });
          return keep;
        })
        .filter((contact) => matchesText(contactHaystack(contact), input.search))
        .sort((a, b) => {
          for (const compare of sorts) {
            const order = compare(a, b);
            if (order !== 0) return order;
          }
          return byIdAsc(a, b);
        });
      const page = pageOf(contacts, 'contacts-search', { offset, size });
      const items = page.items.map(toSearchItem);
      const withTotal = input.includeTotalCount === true || input.includeTotalCount === 'true';
      return withTotal ? { ...page, items } : { items, nextPageToken: page.nextPageToken };
    }),

    // Messages
    route('GET', '/api/v1/messages', ({ query }) => {
      const paging = readPaging(query, 'messages');
      const contactId = integerQuery(query, 'contactId', 0, Number.MAX_SAFE_INTEGER);
      const conversationId = textQuery(query, 'conversationId');
      const messages = data.messages
        .filter((message) => contactId === undefined || message.contactId === contactId)
        .filter(
          (message) => conversationId === undefined || message.conversationId === conversationId,
        )
        .sort(newestFirst((message) => message.createdAt));
      return pageOf(messages, 'messages', paging);
    }),
    route('GET', '/api/v1/messages/{messageId}', ({ params }) => {
      const id = params['messageId'];
      return (
        data.messages.find((message) => message.id === id) ??
        fail(404, `message ${id ?? ''} not found`)
      );
    }),
    route('POST', '/api/v1/messages/whatsapp/template', ({ body }) => {
      const input = parseBody(templateSchema, body);
      // A template without parameters takes neither; one with parameters takes one of the two.
      if (input.variables !== undefined && input.components !== undefined) {
        fail(400, 'use either variables or components, not both');
      }
      const values =
        input.variables?.map((variable) => variable.value) ??
        (input.components ?? []).flatMap((component) =>
          (component.parameters ?? []).map((parameter) => parameter.text ?? `[${parameter.type}]`),
        );
      return storeOutbound({
        from: input.fromPhoneNumber,
        to: input.toPhoneNumber,
        userId: input.userId,
        content: `[${input.templateName}/${input.languageCode}] ${values.join(' | ')}`.trim(),
        type: 'template',
        attachments: [],
        customFields: input.customFields,
        metadata: { templateName: input.templateName, languageCode: input.languageCode },
      });
    }),
    route('POST', '/api/v1/messages/whatsapp', ({ body }) => {
      const input = parseBody(freeFormSchema, body);
      if (MEDIA_TYPES.has(input.type) && input.fileId === undefined)
        fail(400, `fileId is required for ${input.type} messages`);
      const attachments: LlamadaProMessageAttachment[] = [];
      if (input.fileId !== undefined) {
        const media = data.media.find((entry) => entry.fileId === input.fileId);
        const unsignedUrl =
          media?.url ??
          `https://media.llamadapro.example/files/${encodeURIComponent(input.fileId)}`;
        attachments.push({
          id: input.fileId,
          type: input.type,
          url: `${unsignedUrl}?signature=sandbox`,
          unsignedUrl,
          metadata:
            media === undefined ? {} : { mimeType: media.contentType, fileName: media.fileName },
          mediaProcessing: null,
          isCacheable: true,
        });
      }
      return storeOutbound({
        from: input.fromPhoneNumber,
        to: input.toPhoneNumber,
        userId: input.userId,
        content: input.content,
        type: input.type,
        attachments,
        customFields: input.customFields,
        metadata: {},
      });
    }),
    route('POST', '/api/v1/messages/whatsapp/media', ({ body }) => {
      const input = parseBody(uploadSchema, body);
      const direct =
        input.fileName !== undefined &&
        input.contentType !== undefined &&
        input.content !== undefined;
      if (input.fileId === undefined && !direct)
        fail(400, 'give fileId, or fileName, contentType and content');
      const sequence = data.nextIds.media++;
      const fileId = input.fileId ?? `file_c${String(sequence).padStart(8, '0')}`;
      const fileName = input.fileName ?? `${fileId}.bin`;
      const media = {
        url: `https://media.llamadapro.example/files/${fileId}/${encodeURIComponent(fileName)}`,
        size: input.content === undefined ? 0 : Buffer.from(input.content, 'base64').length,
        fileName,
        contentType: input.contentType ?? 'application/octet-stream',
        fileId,
        mediaId: String(1_000_000_000_000 + sequence),
        tags: input.tags ?? {},
      };
      data.media.push(media);
      return media;
    }),

    // Custom fields
    route('GET', '/api/v1/custom-fields', ({ query }) => {
      const paging = readPaging(query, 'custom-fields');
      const filters = parseFilterBy(textQuery(query, 'filterBy'), [
        'entityType',
        'fieldType',
        'fieldKey',
      ]);
      for (const [field, value] of filters) {
        if (field === 'entityType' && !ENTITY_TYPES.some((type) => type === value))
          fail(400, `filterBy: entityType must be one of ${ENTITY_TYPES.join(', ')}`);
        if (field === 'fieldType' && !FIELD_TYPES.some((type) => type === value))
          fail(400, `filterBy: fieldType must be one of ${FIELD_TYPES.join(', ')}`);
      }
      const sorts = parseSortBy<LlamadaProCustomFieldRecord>(textQuery(query, 'sortBy'), {
        id: (field) => field.id,
        fieldKey: (field) => field.fieldKey,
        createdAt: (field) => Date.parse(field.createdAt),
      });
      const searchBy = textQuery(query, 'searchBy');
      const fields = data.customFields
        .filter((field) => filters.every(([name, value]) => Reflect.get(field, name) === value))
        .filter((field) => matchesText([field.fieldKey, field.fieldLabel], searchBy))
        .sort((a, b) => {
          for (const compare of sorts) {
            const order = compare(a, b);
            if (order !== 0) return order;
          }
          return byIdAsc(a, b);
        });
      return pageOf(fields, 'custom-fields', paging);
    }),
    route('POST', '/api/v1/custom-fields', ({ body }) => {
      const input = parseBody(fieldCreateSchema, body);
      if (
        data.customFields.some(
          (field) => field.entityType === input.entityType && field.fieldKey === input.fieldKey,
        )
      ) {
        fail(
          400,
          `a ${input.entityType} custom field with the key "${input.fieldKey}" already exists`,
        );
      }
      const at = now();
      const field: LlamadaProCustomFieldRecord = {
        id: data.nextIds.customField++,
        tenantId: LLAMADAPRO_TENANT_ID,
        entityType: input.entityType,
        fieldKey: input.fieldKey,
        fieldLabel: input.fieldLabel ?? null,
        fieldType: input.fieldType,
        description: input.description ?? null,
        createdAt: at,
        updatedAt: at,
      };
      data.customFields.push(field);
      return field;
    }),
    route('GET', '/api/v1/custom-fields/{id}', ({ params }) => findField(params['id'])),
    route('PUT', '/api/v1/custom-fields/{id}', ({ params, body }) => {
      const field = findField(params['id']);
      const input = parseBody(fieldUpdateSchema, body);
      const entityType = input.entityType ?? field.entityType;
      const fieldKey = input.fieldKey ?? field.fieldKey;
      if (
        data.customFields.some(
          (other) =>
            other !== field && other.entityType === entityType && other.fieldKey === fieldKey,
        )
      ) {
        fail(400, `a ${entityType} custom field with the key "${fieldKey}" already exists`);
      }
      const holders = holdersWithValue(field);
      if (
        (entityType !== field.entityType ||
          (input.fieldType ?? field.fieldType) !== field.fieldType) &&
        holders.length > 0
      ) {
        fail(
          409,
          `custom field ${field.id} has values on ${holders.length} records; its type and entity type cannot change`,
        );
      }
      if (fieldKey !== field.fieldKey) {
        for (const holder of holders) {
          holder.customFields[fieldKey] = holder.customFields[field.fieldKey];
          delete holder.customFields[field.fieldKey];
        }
      }
      field.entityType = entityType;
      field.fieldKey = fieldKey;
      if (input.fieldType !== undefined) field.fieldType = input.fieldType;
      if (input.fieldLabel !== undefined) field.fieldLabel = input.fieldLabel;
      if (input.description !== undefined) field.description = input.description;
      field.updatedAt = now();
      return field;
    }),
    route('DELETE', '/api/v1/custom-fields/{id}', ({ params, query }) => {
      const field = findField(params['id']);
      const force = enumQuery(query, 'force', ['true', 'false']) === 'true';
      const holders = holdersWithValue(field);
      if (holders.length > 0 && !force) {
        fail(
          409,
          `custom field ${field.id} has values on ${holders.length} records; delete with force=true to remove them too`,
          {
            recordsWithValues: holders.length,
          },
        );
      }
      for (const holder of holders) delete holder.customFields[field.fieldKey];
      data.customFieldOptions = data.customFieldOptions.filter(
        (option) => option.definitionId !== field.id,
      );
      data.customFields.splice(data.customFields.indexOf(field), 1);
      return field;
    }),
    route('GET', '/api/v1/custom-fields/{definitionId}/options', ({ params, query }) => {
      const definition = findField(params['definitionId']);
      const paging = readPaging(query, `options-${definition.id}`);
      const filters = parseFilterBy(textQuery(query, 'filterBy'), ['value', 'label']);
      const searchBy = textQuery(query, 'searchBy');
      const options = data.customFieldOptions
        .filter((option) => option.definitionId === definition.id)
        .filter((option) => filters.every(([name, value]) => Reflect.get(option, name) === value))
        .filter((option) => matchesText([option.value, option.label], searchBy))
        .sort(byIdAsc);
      return pageOf(options, `options-${definition.id}`, paging);
    }),
    route('POST', '/api/v1/custom-fields/{definitionId}/options', ({ params, body }) => {
      const definition = findField(params['definitionId']);
      const input = parseBody(optionCreateSchema, body);
      if (input.definitionId !== definition.id)
        fail(400, `definitionId ${input.definitionId} does not match the path's ${definition.id}`);
      if (definition.fieldType !== 'LIST')
        fail(400, `custom field ${definition.id} is ${definition.fieldType}, not LIST`);
      if (
        data.customFieldOptions.some(
          (option) => option.definitionId === definition.id && option.value === input.value,
        )
      ) {
        fail(400, `custom field ${definition.id} already has the option "${input.value}"`);
      }
      const at = now();
      const option: LlamadaProCustomFieldOptionRecord = {
        id: data.nextIds.customFieldOption++,
        tenantId: LLAMADAPRO_TENANT_ID,
        definitionId: definition.id,
        value: input.value,
        label: input.label ?? null,
        description: input.description ?? null,
        createdAt: at,
        updatedAt: at,
      };
      data.customFieldOptions.push(option);
      return option;
    }),
    route('GET', '/api/v1/custom-fields/{definitionId}/options/{optionId}', ({ params }) =>
      findOption(findField(params['definitionId']), params['optionId']),
    ),
    route('PUT', '/api/v1/custom-fields/{definitionId}/options/{optionId}', ({ params, body }) => {
      const definition = findField(params['definitionId']);
      const option = findOption(definition, params['optionId']);
      const input = parseBody(optionUpdateSchema, body);
      if (input.value !== undefined && input.value !== option.value) {
        if (
          data.customFieldOptions.some(
            (other) => other.definitionId === definition.id && other.value === input.value,
          )
        ) {
          fail(400, `custom field ${definition.id} already has the option "${input.value}"`);
        }
        // Records holding the old value follow the option.
        for (const holder of holdersWithValue(definition)) {
          if (holder.customFields[definition.fieldKey] === option.value)
            holder.customFields[definition.fieldKey] = input.value;
        }
        option.value = input.value;
      }
      if (input.label !== undefined) option.label = input.label;
      if (input.description !== undefined) option.description = input.description;
      option.updatedAt = now();
      return option;
    }),
    route('DELETE', '/api/v1/custom-fields/{definitionId}/options/{optionId}', ({ params }) => {
      const definition = findField(params['definitionId']);
      const option = findOption(definition, params['optionId']);
      // The document warns that deleting an option affects the records using it: they lose the value.
      for (const holder of holdersWithValue(definition)) {
        if (holder.customFields[definition.fieldKey] === option.value)
          delete holder.customFields[definition.fieldKey];
      }
      data.customFieldOptions.splice(data.customFieldOptions.indexOf(option), 1);
      return option;
    }),

    // Conversations
    route('POST', '/api/v1/conversations', ({ body }) => {
      const outcome = createConversation(body, false);
      if (outcome.kind === 'error') {
        const first = outcome.errors[0];
        fail(first?.code === 'NOT_FOUND' ? 404 : 400, first?.message ?? 'invalid conversation', {
          issues: outcome.errors,
        });
      }
      if (outcome.kind === 'duplicate') return presentConversation(outcome.existing);
      return presentConversation(outcome.conversation);
    }),
    route('POST', '/api/v1/conversations/bulk', ({ body }) => {
      const { conversations: items } = parseBody(bulkSchema, body);
      const batchErrors = batchProblem(items);
      const counts = { successful: 0, warnings: 0, duplicates: 0, errors: 0 };
      const itemsIssues: unknown[] = [];
      if (batchErrors.length > 0)
        return bulkAnswer('Created', items.length, itemsIssues, batchErrors, counts);
      items.forEach((item, index) => {
        const outcome = createConversation(item, true);
        if (outcome.kind === 'error') {
          counts.errors += 1;
          itemsIssues.push({
            index,
            itemId: null,
            errors: outcome.errors,
            warnings: [],
            existingEntities: {},
          });
        } else if (outcome.kind === 'duplicate') {
          counts.duplicates += 1;
          itemsIssues.push({
            index,
            itemId: outcome.existing.id,
            errors: [],
            warnings: [
              {
                field: 'contactId',
                message: `conversation ${outcome.existing.id} already exists for this contact and funnel`,
                code: 'DUPLICATE',
              },
            ],
            existingEntities: {
              conversationId: outcome.existing.id,
              contactId: outcome.existing.contactId,
            },
          });
        } else {
          counts.successful += 1;
          if (outcome.warnings.length > 0) {
            counts.warnings += 1;
            itemsIssues.push({
              index,
              itemId: outcome.conversation.id,
              errors: [],
              warnings: outcome.warnings,
              existingEntities:
                outcome.matchedContactId === null ? {} : { contactId: outcome.matchedContactId },
            });
          }
        }
      });
      return bulkAnswer('Created', items.length, itemsIssues, batchErrors, counts);
    }),
    route('PUT', '/api/v1/conversations/bulk', ({ body }) => {
      const { conversations: items } = parseBody(bulkSchema, body);
      const batchErrors = batchProblem(items);
      const counts = { successful: 0, warnings: 0, duplicates: 0, errors: 0 };
      const itemsIssues: unknown[] = [];
      if (batchErrors.length > 0)
        return bulkAnswer('Updated', items.length, itemsIssues, batchErrors, counts);
      items.forEach((item, index) => {
        const outcome = updateConversation(item);
        if (outcome.errors.length === 0) {
          counts.successful += 1;
        } else {
          counts.errors += 1;
          itemsIssues.push({
            index,
            itemId: outcome.id,
            errors: outcome.errors,
            warnings: [],
            existingEntities: {},
          });
        }
      });
      return bulkAnswer('Updated', items.length, itemsIssues, batchErrors, counts);
    }),
    route('GET', '/api/v1/conversations/{id}', ({ params }) => {
      const id = numericId(params['id'], 'id');
      const conversation =
        data.conversations.find((entry) => entry.id === id) ??
        fail(404, `conversation ${id} not found`);
      return presentConversation(conversation);
    }),
  ];

  return {
    vendor: 'llamadapro',
    isAuthorized(headers) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(headers['authorization'] ?? '');
      return match !== null && match[1] === credentials.apiKey;
    },
    errorBody: (status, message) => llamadaProError(status, message),
    routes,
  };
}
