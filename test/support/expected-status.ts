/** The contract's status table, written out independently of the code under test. */
const EXPECTED_STATUS: Record<string, string> = {
  completed: 'COMPLETED',
  'in progress': 'IN_PROGRESS',
  failed: 'FAILED',
  'no answer': 'NO_ANSWER',
  busy: 'BUSY',
  queued: 'QUEUED',
  ringing: 'RINGING',
  canceled: 'CANCELED',
  cancelled: 'CANCELED',
  scheduled: 'SCHEDULED',
};
/** A vendor's status word as the unified CallStatus the contract gives it. */
export function expectedStatus(raw: string | null | undefined): string {
  if (raw === null || raw === undefined) return 'UNKNOWN';
  return EXPECTED_STATUS[raw.toLowerCase().replace(/[-_ ]+/g, ' ')] ?? 'UNKNOWN';
}
