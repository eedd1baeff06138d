import { TaskCancelledError } from 'cockatiel';

/**
 * Runs `task` within `ms`: at the deadline the signal handed to `task` aborts and the returned
 * promise rejects with cockatiel's `TaskCancelledError` without waiting for `task` (a retry
 * policy's backoff does not listen to the signal, so the budget cannot wait for it).
 *
 * This is what cockatiel's aggressive `TimeoutPolicy` does, without what that policy builds for
 * every execution besides: an AbortController of its own, a one-shot event listening on it, and a
 * promise only that event settles, raced against the task inside another async wrapper. Measured
 * in place, with the policy every scavenge of the young heap took 3.4–4.2 times as long
 * (`node --trace-gc`) and a one-vendor query cost 17–46 % more CPU (bench/README.md, "Speed
 * (issue 15)").
 */
export async function withinBudget<T>(
  ms: number,
  task: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new TaskCancelledError(`the budget of ${ms} ms is spent`));
    }, ms);
  });
  try {
    // The race holds a handler on both, so whichever loses never goes unhandled.
    return await Promise.race([task(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}
