import cluster from 'node:cluster';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './logger.js';

function fail(message: string): never {
  process.stderr.write(`switchboard: ${message}\n`);
  process.exit(1);
}

function faultSpec(): string | undefined {
  const flag = process.argv.indexOf('--sandbox-faults');
  return flag >= 0 ? process.argv[flag + 1] : process.env.SANDBOX_FAULTS;
}

async function main(): Promise<void> {
  // The configuration is checked before anything else loads, so a bad variable costs one line.
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`configuration error: ${error.message}`);
    throw error;
  }
  const spec = faultSpec();
  // The fault parser is sandbox code, so it loads only when a spec is given.
  const sandboxFaults = spec
    ? (await import('./sandbox/faults.js')).parseFaultSpec(spec)
    : undefined;
  if (config.workers > 1 && cluster.isPrimary) {
    const { runPrimary } = await import('./cluster.js');
    await runPrimary({
      config,
      logger: createLogger(),
      ...(sandboxFaults ? { sandboxFaults } : {}),
    });
    return;
  }
  const { startGateway } = await import('./gateway.js');

  // A worker's lines say which worker wrote them.
  const logger = cluster.worker
    ? createLogger().child({ worker: cluster.worker.id, pid: process.pid })
    : createLogger();
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  try {
    gateway = await startGateway({ logger, ...(sandboxFaults ? { sandboxFaults } : {}) });
  } catch (error) {
    // Some settings (a persisted-operations manifest) can only be checked by reading them.
    if (error instanceof ConfigError) fail(`configuration error: ${error.message}`);
    throw error;
  }
  for (const tenant of gateway.tenants.list()) {
    const modes = tenant.connectors.providers;
    const sandboxed = modes.filter((p) => p.mode === 'SANDBOX').map((p) => p.provider);
    const live = modes.filter((p) => p.mode === 'LIVE').map((p) => p.provider);
    const whose = gateway.tenants.single ? '' : `tenant ${tenant.id}: `;
    if (sandboxed.length > 0) {
      logger.info(
        `${whose}sandbox mode: ${sandboxed.join(', ')} served by the embedded sandbox vendors (no API keys needed)`,
      );
    }
    if (live.length > 0) logger.info(`${whose}live vendors: ${live.join(', ')}`);
    const ring = tenant.sandbox?.inboundCalls;
    if (ring && sandboxed.includes('HAPPYROBOT')) {
      logger.info(
        `${whose}sandbox HappyRobot: ring an inbound call (watch it with callEvents) with curl -X POST ${ring.url} -H 'authorization: ${ring.authorization}'`,
      );
    }
  }
  if (config.tenants === null && config.production && config.apiKeys.length === 0) {
    logger.warn('SWITCHBOARD_API_KEYS is not set: the graph is open to anyone who can reach it');
  }
  logger.info(`Switchboard listening; GraphiQL at ${gateway.url}`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(
      `${signal}: finishing in-flight requests, then exiting (/readyz answers 503; the listener closes in ${config.drainDelayMs} ms, in-flight requests get ${config.shutdownTimeoutMs} ms more)`,
    );
    gateway.drain({ delayMs: config.drainDelayMs, timeoutMs: config.shutdownTimeoutMs }).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // A worker can get the signal twice, from its primary and from a kill of the whole process
  // group (systemd, a terminal's Ctrl-C): only the primary may cut the drain short.
  const listen = cluster.isWorker ? process.on.bind(process) : process.once.bind(process);
  listen('SIGTERM', () => stop('SIGTERM'));
  listen('SIGINT', () => stop('SIGINT'));
  // README, "Tenants": SIGHUP reads the tenants file again (the outcome is logged by the gateway).
  process.on('SIGHUP', () => {
    if (stopping) return;
    if (config.tenants === null) {
      logger.info('SIGHUP: no SWITCHBOARD_TENANTS_FILE to reload; nothing changes');
      return;
    }
    void gateway.reloadTenants();
  });
}

main().catch((error: unknown) =>
  fail(`failed to start: ${error instanceof Error ? error.message : String(error)}`),
);
