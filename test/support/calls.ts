import { noVendorExtras, type Call } from '../../src/model/call.js';

/**
 * A unified call with only the members given set, the rest as a mapper gives them for nothing:
 * for unit tests of what reads calls (the event log, call stats).
 */
export function call(
  providerId: string,
  status: Call['status'],
  members: Partial<Call> = {},
): Call {
  return {
    provider: 'OVIA',
    ...noVendorExtras(),
    providerId,
    status,
    providerStatus: status.toLowerCase(),
    direction: null,
    channel: 'CALL',
    from: null,
    to: null,
    customerPhone: null,
    startedAt: null,
    endedAt: null,
    durationSeconds: null,
    recordingUrl: null,
    transcript: null,
    transcriptEntries: [],
    costs: null,
    agent: null,
    notes: [],
    classification: null,
    extraction: null,
    customData: null,
    analysis: null,
    createdAt: null,
    updatedAt: null,
    raw: {},
    ...members,
  };
}
