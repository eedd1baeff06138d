import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig, type Config } from './config.js';
import { createConnectors, type ConnectorSet } from './connectors.js';
import { createLogger, type Logger } from './logger.js';
import type { Fault, SandboxVendor } from './sandbox/faults.js';
import { sandboxVendorConfigs, startSandbox, type Sandbox } from './sandbox/server.js';
import { createMetrics, type Metrics } from './metrics.js';
import { InMemoryIdempotencyStore } from './mutations/idempotency.js';
import { createSwitchboardYoga, type SwitchboardYoga } from './yoga.js';

export interface Gateway {
  config: Config;
  url: string;
  yoga: SwitchboardYoga;
  connectors: ConnectorSet;
  metrics: Metrics;
  sandbox: Sandbox | null;
  server: Server;
  /** Stops accepting connections, lets in-flight requests finish (at most `timeoutMs`), closes. */
  drain(timeoutMs: number): Promise<void>;
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
  const metrics = createMetrics();
  for (const client of connectors.clients()) client.attemptListeners.push(metrics.recordAttempt);
  const yoga = createSwitchboardYoga({ config, connectors, logger, idempotency, metrics });
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
    metrics,
    sandbox,
    server,
    drain: async (timeoutMs) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive sockets would hold close() open; busy ones finish their response first.
      server.closeIdleConnections();
      const idleTimer = setInterval(() => server.closeIdleConnections(), 100);
      let deadline: NodeJS.Timeout | undefined;
      await Promise.race([
        closed,
        new Promise<void>((resolve) => {
          deadline = setTimeout(() => {
            server.closeAllConnections();
            resolve();
          }, timeoutMs);
        }),
      ]);
      clearInterval(idleTimer);
      clearTimeout(deadline);
      await Promise.all(connectors.clients().map((client) => client.close()));
      await sandbox?.close();
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(connectors.clients().map((client) => client.close()));
      await sandbox?.close();
    },
  };
}
