/**
 * The writes (non-GET requests) of one task that may have reached a vendor. A mutation's
 * idempotency key is released only when its failed attempt made none: a write that failed
 * before being sent is not counted, one whose fate is unknown (timeout, reset, 5xx) is. The
 * mutation's caller holds it while the mutation runs (src/mutations/run-mutation.ts).
 */
export class WriteLedger {
  maybeDelivered = 0;
}
