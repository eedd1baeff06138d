import type { VendorConfigs } from '../config.js';
import { SANDBOX_CREDENTIALS } from './credentials.js';
import { createCxDialect } from './cx/dialect.js';
import { createSandboxData, type SandboxData } from './data.js';
import { SANDBOX_VENDORS, type Fault, type SandboxVendor } from './faults.js';
import { createFreyaDialect } from './freya/dialect.js';
import { createHappyRobotDialect } from './happyrobot/dialect.js';
import { LiveSandbox, type LiveOptions, type WebhookTarget } from './live.js';
import { createLlamadaProDialect } from './llamadapro/dialect.js';
import { createOviaDialect } from './ovia/dialect.js';
import { VendorServer, type Dialect, type LoggedRequest } from './vendor-server.js';

export interface Sandbox {
  /** Base URLs, e.g. `http://127.0.0.1:40123`. */
  urls: Record<SandboxVendor, string>;
  servers: Record<SandboxVendor, VendorServer>;
  data: SandboxData;
  setFault(vendor: SandboxVendor, fault: Fault | null): void;
  clearFaults(): void;
  /** Every request received, in arrival order; one vendor's only when named. */
  requests(vendor?: SandboxVendor): LoggedRequest[];
  resetLog(): void;
  /** The walks of started calls and sent templates (README, "Live calls"). */
  live: LiveSandbox;
  /**
   * HappyRobot has no route that starts a call; the sandbox's own route rings an inbound one that
   * walks like a started call (src/sandbox/happyrobot/live.ts). `POST` it with this authorization.
   */
  inboundCalls: { url: string; authorization: string };
  /** From now on, posts each step of a walk as a signed webhook to `target` (null: stop). */
  sendWebhooks(target: WebhookTarget | null): void;
  /** Ends the walks (their timers and webhooks in flight), then the vendor servers. */
  close(): Promise<void>;
}

export interface SandboxOptions {
  /** @default '127.0.0.1' */
  host?: string;
  /** @default 0 for every vendor (an ephemeral port) */
  ports?: Partial<Record<SandboxVendor, number>>;
  faults?: Partial<Record<SandboxVendor, Fault>>;
  /** How started calls move (step delay, walks at once). */
  live?: LiveOptions;
  /**
   * Which data set the vendors serve (`createSandboxData` in src/sandbox/data.ts): 0 is the one
   * the tests and the README describe; another integer (up to 2^32 - 1) gives a different data
   * set with the same counts, the same on every run, e.g. one seed per tenant's sandbox.
   * @default 0
   */
  seed?: number;
}

function dialects(data: SandboxData, live: LiveSandbox): Record<SandboxVendor, Dialect> {
  return {
    freya: createFreyaDialect(data.freya, SANDBOX_CREDENTIALS.freya),
    ovia: createOviaDialect(data.ovia, SANDBOX_CREDENTIALS.ovia, live),
    llamadapro: createLlamadaProDialect(data.llamadapro, SANDBOX_CREDENTIALS.llamadapro, {
      live,
    }),
    cx: createCxDialect(data.cx, SANDBOX_CREDENTIALS.cx, live),
    happyrobot: createHappyRobotDialect(data.happyrobot, SANDBOX_CREDENTIALS.happyrobot, live),
  };
}

/** Starts the five fake vendors over real HTTP, each with a fresh copy of the seeded data set. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const host = options.host ?? '127.0.0.1';
  const data = createSandboxData(options.seed ?? 0);
  const live = new LiveSandbox(options.live);
  const byVendor = dialects(data, live);
  const servers = {} as Record<SandboxVendor, VendorServer>;
  const urls = {} as Record<SandboxVendor, string>;
  try {
    for (const vendor of SANDBOX_VENDORS) {
      const server = new VendorServer(byVendor[vendor]);
      servers[vendor] = server;
      server.fault = options.faults?.[vendor] ?? null;
      urls[vendor] = await server.listen(options.ports?.[vendor] ?? 0, host);
    }
  } catch (error) {
    await Promise.all(
      Object.values(servers).map((server) => server.close().catch(() => undefined)),
    );
    throw error;
  }
  return {
    urls,
    servers,
    data,
    live,
    inboundCalls: {
      url: `${urls.happyrobot}/sandbox/inbound-calls`,
      authorization: `Bearer ${SANDBOX_CREDENTIALS.happyrobot.apiKey}`,
    },
    sendWebhooks(target) {
      live.target = target;
    },
    setFault(vendor, fault) {
      servers[vendor].fault = fault;
    },
    clearFaults() {
      for (const vendor of SANDBOX_VENDORS) servers[vendor].fault = null;
    },
    requests(vendor) {
      if (vendor !== undefined) return [...servers[vendor].log];
      // Array.prototype.sort is stable, so requests of the same millisecond keep vendor order.
      return SANDBOX_VENDORS.flatMap((name) => servers[name].log).sort((a, b) => a.at - b.at);
    },
    resetLog() {
      for (const vendor of SANDBOX_VENDORS) servers[vendor].log.length = 0;
    },
    async close() {
      await live.close();
      await Promise.all(SANDBOX_VENDORS.map((vendor) => servers[vendor].close()));
    },
  };
}

/**
 * Points every vendor the sandbox imitates at it, with the sandbox's credentials. A registered
 * vendor without a dialect here is simply not sandboxed (DISABLED unless configured).
 */
export function sandboxVendorConfigs(
  sandbox: Pick<Sandbox, 'urls'>,
): Required<Pick<VendorConfigs, SandboxVendor>> {
  return {
    freya: { baseUrl: sandbox.urls.freya, ...SANDBOX_CREDENTIALS.freya },
    ovia: { baseUrl: sandbox.urls.ovia, ...SANDBOX_CREDENTIALS.ovia },
    llamadapro: { baseUrl: sandbox.urls.llamadapro, ...SANDBOX_CREDENTIALS.llamadapro },
    cx: { baseUrl: sandbox.urls.cx, ...SANDBOX_CREDENTIALS.cx },
    happyrobot: { baseUrl: sandbox.urls.happyrobot, ...SANDBOX_CREDENTIALS.happyrobot },
  };
}
