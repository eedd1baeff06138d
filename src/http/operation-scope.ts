import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one GraphQL operation may still ask of the vendors. Every upstream attempt made while the
 * operation runs (in resolvers, loaders, retries) is counted here, whichever connector makes it.
 */
export class OperationScope {
  upstreamRequests = 0;

  constructor(
    readonly requestId: string,
    /** At most this many upstream attempts; past it, requests fail without being sent. */
    readonly maxUpstreamRequests: number,
  ) {}

  /** The attempts the operation may still make. */
  get remaining(): number {
    return Math.max(0, this.maxUpstreamRequests - this.upstreamRequests);
  }

  /** Counts one attempt; false when the operation has used its allowance. */
  take(): boolean {
    if (this.upstreamRequests >= this.maxUpstreamRequests) return false;
    this.upstreamRequests += 1;
    return true;
  }
}

const storage = new AsyncLocalStorage<OperationScope>();

export function runInScope<T>(scope: OperationScope, task: () => T): T {
  return storage.run(scope, task);
}

export function currentScope(): OperationScope | undefined {
  return storage.getStore();
}

/**
 * Runs `task` outside any operation's scope, whatever scope its caller runs in: background work
 * (the poller) must neither spend a request's upstream allowance nor be cut off by it.
 */
export function outsideAnyScope<T>(task: () => T): T {
  return storage.exit(task);
}
