import type { SandboxPerson } from '../people.js';
import { createRandom, mixSeed } from '../random.js';
import { createCalls } from './data-calls.js';
import { createContacts } from './data-contacts.js';
import { createConversations } from './data-conversations.js';
import { createCustomFields } from './data-custom-fields.js';
import { createMessages } from './data-messages.js';
import { createTasks } from './data-tasks.js';
import type { LlamadaProData } from './records.js';

const SEED = 20_261_101;

/**
 * LlamadaPro's seeded data: a fresh, mutable, identical copy on every call. The steps draw from
 * one seeded sequence, so their order is part of the data set. Another sandbox `seed` draws other
 * values; the numeric ids stay sequential.
 */
export function createLlamadaProData(people: SandboxPerson[], seed = 0): LlamadaProData {
  const random = createRandom(mixSeed(SEED, seed));
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
  const { customFields, customFieldOptions } = createCustomFields(nextIds);
  const contacts = createContacts(random, nextIds, people);
  const conversations = createConversations(random, nextIds, contacts);
  const { calls, recordings, transcriptions } = createCalls(
    random,
    nextIds,
    people,
    contacts,
    conversations,
  );
  const tasks = createTasks(random, contacts, conversations);
  const messages = createMessages(random, contacts, conversations);

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
