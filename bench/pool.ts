/**
 * Limits how many requests are in flight, like a browser's six connections: a request starts
 * only when an earlier one sharing its slot key has finished. Key by origin to count as browsers
 * do (six per host and port), or use one key for a single budget across every vendor.
 */
export class RequestPools {
  private readonly queues = new Map<string, Array<() => void>>();
  private readonly active = new Map<string, number>();

  constructor(private readonly limit: number) {}

  async run<T>(origin: string, task: () => Promise<T>): Promise<T> {
    await this.acquire(origin);
    try {
      return await task();
    } finally {
      this.release(origin);
    }
  }

  private acquire(origin: string): Promise<void> {
    const active = this.active.get(origin) ?? 0;
    if (active < this.limit) {
      this.active.set(origin, active + 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = this.queues.get(origin) ?? [];
      queue.push(resolve);
      this.queues.set(origin, queue);
    });
  }

  private release(origin: string): void {
    const waiting = this.queues.get(origin)?.shift();
    // The slot passes straight to the next waiting task, so the count stays as it is.
    if (waiting) waiting();
    else this.active.set(origin, (this.active.get(origin) ?? 1) - 1);
  }
}
