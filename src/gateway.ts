import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from './config.js';
import { createConnectors, type ConnectorSet } from './connectors.js';
import { createLogger, type Logger } from './logger.js';
import type { Fault, SandboxVendor } from './sandbox/faults.js';
import { sandboxVendorConfigs, startSandbox, type Sandbox } from './sandbox/server.js';
import { InMemoryIdempotencyStore } from './mutations/idempotency.js';
import { createSwitchboardYoga, type SwitchboardYoga } from './yoga.js';

export interface Gateway {
  config: Config;
  url: string;
  yoga: SwitchboardYoga;
  connectors: ConnectorSet;
  sandbox: Sandbox | null;
  server: Server;
  close(): Promise<void>;
}

/**
 * Reads the configuration, starts the sandbox when asked, and serves the graph. `npm start` and
 * the end-to-end tests both come through here, so tests run the product as users do.
 */
export async function startGateway(
  options: {
    env?: Record<string, string | undefined>;
    logger?: Logger;
    sandboxFaults?: Partial<Record<SandboxVendor, Fault>>;
  } = {},
): Promise<Gateway> {
  const config = loadConfig(options.env ?? process.env);
  const logger = options.logger ?? createLogger();
  const sandbox = config.sandbox
    ? await startSandbox(options.sandboxFaults ? { faults: options.sandboxFaults } : {})
    : null;
  const connectors = createConnectors({
    live: config.vendors,
    sandbox: sandbox ? sandboxVendorConfigs(sandbox) : null,
    timeoutMs: config.upstreamTimeoutMs,
    logger,
  });
  const idempotency = new InMemoryIdempotencyStore({ ttlMs: config.idempotencyTtlMs });
  const yoga = createSwitchboardYoga({ connectors, logger, idempotency });
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}/graphql`;
  return {
    config,
    url,
    yoga,
    connectors,
    sandbox,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sandbox?.close();
    },
  };
}
