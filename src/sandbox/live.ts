import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { SandboxVendor } from './faults.js';

/*
 * The live sandbox (README, "Live calls"): a call started through a vendor's start
 * route walks through that vendor's own statuses, one step every `stepDelayMs`, and each step is
 * posted to the gateway as a Standard Webhooks signed `{ type, data }`, `data` being the object
 * exactly as the vendor's GET route answers it at that moment.
 */

/** One step of a walk: it changes the sandbox data and answers the webhook it makes. */
export interface LiveStep {
  /** The vendor's event name (assumed; docs/vendors/<vendor>.md, "Webhooks (assumed)"). */
  type: string;
  /** Applies the step to the data and answers the object as the vendor's GET route would. */
  apply(): unknown;
}

/** Where the sandbox posts its webhooks: the gateway's origin and each vendor's shared secret. */
export interface WebhookTarget {
  /**
   * E.g. `http://127.0.0.1:4000/webhooks`, or `…/webhooks/<tenant>` for a tenant's sandbox;
   * webhooks go to `<webhooksUrl>/<vendor>`.
   */
  webhooksUrl: string;
  /** `whsec_<base64>` per vendor; a vendor without one walks its calls but posts nothing. */
  secrets: Partial<Record<SandboxVendor, string>>;
}

export interface LiveOptions {
  /**
   * Time between two steps of a walk; the first step (the creation) is posted at once.
   * @default 1500
   */
  stepDelayMs?: number;
  /**
   * Walks running at once; a call started past it stays where it started.
   * @default 100
   */
  maxWalks?: number;
  /** @default 2000 */
  postTimeoutMs?: number;
}

/** One webhook as it left the sandbox, for tests and for `/status`-like inspection. */
export interface PostedWebhook {
  vendor: SandboxVendor;
  type: string;
  status: number | null;
  at: number;
}

/** The headers of a Standard Webhooks request over `body`, signed with `secret` (`whsec_…`). */
export function signWebhook(
  secret: string,
  body: string,
  id: string = `msg_${randomUUID()}`,
  timestamp: number = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = new Webhook(secret).sign(id, new Date(timestamp * 1000), body);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signature,
  };
}

/** Runs the walks of one sandbox; `close()` ends every one of them and their timers. */
export class LiveSandbox {
  target: WebhookTarget | null = null;
  /** The last webhooks posted (at most 1000), oldest first. */
  readonly posted: PostedWebhook[] = [];
  private readonly stepDelayMs: number;
  private readonly maxWalks: number;
  private readonly postTimeoutMs: number;
  private readonly walks = new Set<Promise<void>>();
  private readonly stop = new AbortController();

  constructor(options: LiveOptions = {}) {
    this.stepDelayMs = options.stepDelayMs ?? 1500;
    this.maxWalks = options.maxWalks ?? 100;
    this.postTimeoutMs = options.postTimeoutMs ?? 2000;
  }

  /** Whether a walk started now would run (the sandbox is open and below `maxWalks`). */
  get canWalk(): boolean {
    return !this.stop.signal.aborted && this.walks.size < this.maxWalks;
  }

  /** Starts a walk; each step runs after the previous one's webhook was answered (or failed). */
  walk(vendor: SandboxVendor, steps: LiveStep[]): void {
    if (!this.canWalk) return;
    const running = this.run(vendor, steps).finally(() => this.walks.delete(running));
    this.walks.add(running);
  }

  async close(): Promise<void> {
    this.stop.abort();
    await Promise.all(this.walks);
  }

  private async run(vendor: SandboxVendor, steps: LiveStep[]): Promise<void> {
    for (const [index, step] of steps.entries()) {
      if (index > 0 && !(await this.sleep(this.stepDelayMs))) return;
      if (this.stop.signal.aborted) return;
      // Serialized at once: later steps change the same record in place.
      const body = JSON.stringify({ type: step.type, data: step.apply() });
      await this.post(vendor, step.type, body);
    }
  }

  private async post(vendor: SandboxVendor, type: string, body: string): Promise<void> {
    const target = this.target;
    const secret = target?.secrets[vendor];
    if (!target || secret === undefined) return;
    let status: number | null = null;
    try {
      const answer = await fetch(`${target.webhooksUrl}/${vendor}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...signWebhook(secret, body) },
        body,
        signal: AbortSignal.any([this.stop.signal, AbortSignal.timeout(this.postTimeoutMs)]),
      });
      status = answer.status;
      await answer.body?.cancel();
    } catch {
      // A gateway that is down or slow misses this step; the walk goes on, as a vendor's would.
    }
    this.posted.push({ vendor, type, status, at: Date.now() });
    if (this.posted.length > 1000) this.posted.splice(0, this.posted.length - 1000);
  }

  /** False when the sandbox closed meanwhile. */
  private sleep(ms: number): Promise<boolean> {
    const signal = this.stop.signal;
    if (signal.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve(false);
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', done);
        resolve(true);
      }, ms);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}

/** What the agent and the customer of a live call say, one `Agent:` / `Customer:` turn a line. */
export const LIVE_DIALOGUE: ReadonlyArray<readonly ['Agent' | 'Customer', string]> = [
  ['Agent', 'Hello, this is your assistant calling about your recent request.'],
  ['Customer', 'Yes, thanks for calling back.'],
  ['Agent', 'Everything is arranged; you will get a confirmation by message.'],
  ['Customer', 'Perfect, thank you.'],
];

export function liveTranscriptText(): string {
  return LIVE_DIALOGUE.map(([role, content]) => `${role}: ${content}`).join('\n');
}

/** `new Date(ms)` in ISO 8601 without milliseconds, as Ovia writes its dates. */
export function isoSecondsOf(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
