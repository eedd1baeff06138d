import DataLoader from 'dataloader';
import { requireConnector, type ConnectorSet } from '../connectors.js';
import { providerNotConfigured, UpstreamError } from '../errors.js';
import type { Call, CallRecording, CallTranscription } from '../model/call.js';
import type { Contact } from '../model/contact.js';
import type { ConversationRef } from '../model/conversation.js';
import type { CustomField, CustomFieldOption } from '../model/custom-field.js';
import type { Message } from '../model/message.js';
import type { Problem } from '../model/problem.js';
import { CALL_PROVIDERS, isCallProvider, type CallProvider } from '../model/provider.js';
import type { Task } from '../model/task.js';
import { readAll } from '../paging/read-all.js';
import { parseLocalId } from '../ids.js';
import type { FreyaConnector } from '../vendors/freya/client.js';
import type { LlamadaProConnector } from '../vendors/llamadapro/connector.js';
import { toE164 } from '../model/phone.js';
import type { CallConnector } from '../vendors/types.js';
import { createCallLoader } from './call-loader.js';
import { mapLimited, PER_VENDOR_CONCURRENCY, toError } from './limit.js';

/** LlamadaPro contact searches and Freya `callIds` lists take at most this many keys. */
export const BATCH_SIZE = 50;

export interface Loaders {
  call: DataLoader<string, Call>;
  /** A call by the vendor's own id, tried on every call vendor whose id format fits. */
  callByVendorId: DataLoader<string, Call | null>;
  contact: DataLoader<string, Contact>;
  /** The LlamadaPro contact whose addresses hold an E.164 number, or null. */
  contactByPhone: DataLoader<string, Contact | null>;
  problem: DataLoader<string, Problem>;
  problemsByCallId: DataLoader<string, Problem[]>;
  task: DataLoader<string, Task>;
  message: DataLoader<string, Message>;
  customField: DataLoader<string, CustomField>;
  customFieldOptions: DataLoader<string, CustomFieldOption[]>;
  /** Every custom field definition, fetched once per request. */
  customFieldDefinitions: () => Promise<CustomField[]>;
  conversation: DataLoader<string, ConversationRef>;
  /**
   * A call's transcription or recording by `PROVIDER:vendorId`, where its vendor serves them on
   * routes of their own; null where it does not, or has none for the call.
   */
  transcription: DataLoader<string, CallTranscription | null>;
  recording: DataLoader<string, CallRecording | null>;
}

/** Per-request loaders: results in key order, repeated keys fetched once. */
export function createLoaders(connectors: ConnectorSet): Loaders {
  const callConnector = (provider: CallProvider): CallConnector => {
    const connector = connectors.callConnector(provider);
    if (!connector) throw providerNotConfigured(provider);
    return connector;
  };
  const llamadapro = (): LlamadaProConnector =>
    requireConnector(connectors.connectors, 'llamadapro');
  const freya = (): FreyaConnector => requireConnector(connectors.connectors, 'freya');

  let definitions: Promise<CustomField[]> | undefined;

  return {
    call: createCallLoader(callConnector),
    callByVendorId: singleGets((id) => findCallByVendorId(connectors, id)),
    contact: singleGets((id) => llamadapro().getContact(id)),
    contactByPhone: batches(async (phones) => {
      const contacts = await llamadapro().findContactsByPhones(phones);
      return phones.map(
        (phone) =>
          contacts.find((contact) => contact.phones.some((p) => toE164(p) === phone)) ?? null,
      );
    }),
    problem: singleGets((id) => freya().getProblem(id)),
    problemsByCallId: batches(async (callIds) => {
      const problems = await freya().problemsByCallIds(callIds);
      return callIds.map((callId) => problems.filter((problem) => problem.callId === callId));
    }),
    task: singleGets((id) => llamadapro().getTask(id)),
    message: singleGets((id) => llamadapro().getMessage(id)),
    customField: singleGets((id) => llamadapro().getCustomField(id)),
    customFieldOptions: singleGets((id) => readAll(llamadapro().customFieldOptionPages(id))),
    customFieldDefinitions: () => (definitions ??= readAll(llamadapro().customFieldPages())),
    conversation: singleGets((id) => llamadapro().getConversation(id)),
    transcription: ownRouteGets(callConnector, (connector, id) =>
      connector.getCallTranscription?.(id),
    ),
    recording: ownRouteGets(callConnector, (connector, id) => connector.getCallRecording?.(id)),
  };
}

/** A loader over a route that takes one key: at most PER_VENDOR_CONCURRENCY requests at once. */
function singleGets<V>(get: (key: string) => Promise<V>): DataLoader<string, V> {
  return new DataLoader<string, V>(async (keys) => {
    const settled = await mapLimited(keys, PER_VENDOR_CONCURRENCY, get);
    return settled.map((outcome) =>
      outcome.status === 'fulfilled' ? outcome.value : toError(outcome.reason),
    );
  });
}

/** A loader over a route that takes up to BATCH_SIZE keys: one request per batch. */
function batches<V>(load: (keys: string[]) => Promise<V[]>): DataLoader<string, V> {
  return new DataLoader<string, V>((keys) => load([...keys]), { maxBatchSize: BATCH_SIZE });
}

/** A call's part read on a route of its own, by `PROVIDER:vendorId`, if its vendor has one. */
function ownRouteGets<V>(
  callConnector: (provider: CallProvider) => CallConnector,
  get: (connector: CallConnector, providerId: string) => Promise<V> | undefined,
): DataLoader<string, V | null> {
  return singleGets(async (key) => {
    const { provider, providerId } = parseLocalId(key);
    if (!isCallProvider(provider)) return null;
    const request = get(callConnector(provider), providerId);
    return request === undefined ? null : orNullWhenMissing(request);
  });
}

async function orNullWhenMissing<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof UpstreamError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/**
 * A problem's callId is tried on each call vendor whose id format fits; a vendor
 * answering 404 is not an error, a failing one is (when no other vendor found the call).
 */
async function findCallByVendorId(connectors: ConnectorSet, id: string): Promise<Call | null> {
  const candidates = CALL_PROVIDERS.map((provider) => connectors.callConnector(provider)).filter(
    (connector): connector is CallConnector => connector !== undefined && connector.isCallId(id),
  );
  const outcomes = await Promise.allSettled(candidates.map((connector) => connector.getCall(id)));
  let failure: unknown;
  for (const outcome of outcomes) {
    if (outcome.status === 'fulfilled') return outcome.value;
    const missing = outcome.reason instanceof UpstreamError && outcome.reason.code === 'NOT_FOUND';
    if (!missing) failure ??= outcome.reason;
  }
  if (failure !== undefined) throw failure;
  return null;
}
