import type { Provider } from '../model/provider.js';

/**
 * What each vendor supports through the graph, as `area.operation` strings. Kept beside the
 * connectors so adding a route and announcing it happen in one change.
 */
export const CAPABILITIES: Record<Provider, readonly string[]> = {
  FREYA: ['problems.list', 'problems.get', 'problems.create'],
  OVIA: ['calls.list', 'calls.get', 'calls.start', 'agents.get'],
  LLAMADAPRO: [
    'calls.list',
    'calls.get',
    'calls.transcription',
    'calls.recording',
    'calls.start',
    'contacts.list',
    'contacts.get',
    'contacts.search',
    'tasks.list',
    'tasks.get',
    'messages.list',
    'messages.get',
    'customFields.list',
    'customFields.get',
    'conversations.get',
  ],
  CX: ['calls.list', 'calls.get', 'calls.start', 'agents.get'],
  HAPPYROBOT: ['calls.list', 'calls.get', 'notes.add', 'agents.get'],
};
