import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The writes (non-GET requests) of one task that may have reached a vendor. A mutation's
 * idempotency key is released only when its failed attempt made none: a write that failed
 * before being sent is not counted, one whose fate is unknown (timeout, reset, 5xx) is.
 */
export class WriteLedger {
  maybeDelivered = 0;
}

const ledgers = new AsyncLocalStorage<WriteLedger>();

export function withWriteLedger<T>(ledger: WriteLedger, task: () => Promise<T>): Promise<T> {
  return ledgers.run(ledger, task);
}

/** The ledger of the mutation this write belongs to, if any. */
export function currentWriteLedger(): WriteLedger | undefined {
  return ledgers.getStore();
}
