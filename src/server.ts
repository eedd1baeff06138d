import { ConfigError } from './config.js';
import { startGateway } from './gateway.js';
import { createLogger } from './logger.js';
import { parseFaultSpec } from './sandbox/faults.js';

function faultSpec(): string | undefined {
  const flag = process.argv.indexOf('--sandbox-faults');
  return flag >= 0 ? process.argv[flag + 1] : process.env.SANDBOX_FAULTS;
}

async function main(): Promise<void> {
  const logger = createLogger();
  const spec = faultSpec();
  const gateway = await startGateway({
    logger,
    ...(spec ? { sandboxFaults: parseFaultSpec(spec) } : {}),
  });
  const sandboxed = gateway.connectors.providers
    .filter((p) => p.mode === 'SANDBOX')
    .map((p) => p.provider);
  const live = gateway.connectors.providers.filter((p) => p.mode === 'LIVE').map((p) => p.provider);
  if (sandboxed.length > 0) {
    logger.info(
      `sandbox mode: ${sandboxed.join(', ')} served by the embedded sandbox vendors (no API keys needed)`,
    );
  }
  if (live.length > 0) logger.info(`live vendors: ${live.join(', ')}`);
  logger.info(`Switchboard listening; GraphiQL at ${gateway.url}`);

  const stop = (signal: string) => {
    logger.info(`${signal}: shutting down`);
    gateway.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`switchboard: configuration error: ${error.message}\n`);
  } else {
    process.stderr.write(
      `switchboard: failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  }
  process.exit(1);
});
