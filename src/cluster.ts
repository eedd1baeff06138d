import cluster, { type Address, type Worker } from 'node:cluster';
import { vendorEnvironment, type Config, type VendorConfigs } from './config.js';
import { loopbackOrigin, newWebhookSecret } from './events/sandbox-webhooks.js';
import type { Logger } from './logger.js';
import type { Fault, SandboxVendor } from './sandbox/faults.js';
import { VENDORS } from './vendors/registry.js';

/** A worker that dies sooner than this after it started counts towards a crash loop. */
export const STEADY_AFTER_MS = 10_000;
/** The first replacement of a worker in a crash loop waits this long, doubling up to the cap. */
export const FIRST_RESTART_DELAY_MS = 250;
export const MAX_RESTART_DELAY_MS = 30_000;
/** Beyond the workers' own shutdown budget, time for their processes to exit. */
const EXIT_MARGIN_MS = 2000;

/**
 * Sandbox mode with workers: one sandbox, started here and handed to every worker as its live
 * vendors, so that all workers serve the same fake data (each starting its own would give each
 * its own copy, and a call started through one would be unknown to the others). Vendors
 * configured for real keep their configuration.
 */
async function startSharedSandbox(
  config: Config,
  faults: Partial<Record<SandboxVendor, Fault>> | undefined,
  logger: Logger,
): Promise<{
  env: Record<string, string>;
  /** Once the workers listen: where the sandbox posts the steps of its live calls. */
  listeningOn(port: number): void;
  close(): Promise<void>;
} | null> {
  if (!config.sandbox) return null;
  const { sandboxVendorConfigs, startSandbox } = await import('./sandbox/server.js');
  const sandbox = await startSandbox(faults ? { faults } : {});
  const sandboxed: VendorConfigs = {};
  for (const [key, vendor] of Object.entries(sandboxVendorConfigs(sandbox))) {
    if (!(key in config.vendors)) Object.assign(sandboxed, { [key]: vendor });
  }
  logger.info(
    `sandbox mode: ${Object.keys(sandboxed).join(', ')} served by one sandbox in the primary process, which the workers reach as live vendors`,
  );
  // The sandbox posts its live calls to the shared port, signed with a secret each worker is
  // given in its environment (README, "Live calls").
  const secrets: Partial<Record<SandboxVendor, string>> = {};
  const secretEnv: Record<string, string> = {};
  for (const definition of VENDORS) {
    if (!(definition.key in sandboxed)) continue;
    const secret = config.events.webhookSecrets[definition.key] ?? newWebhookSecret();
    secrets[definition.key] = secret;
    secretEnv[`${definition.env.prefix}_WEBHOOK_SECRET`] = secret;
  }
  // The workers' vendors are all configured now; none may start a sandbox of its own.
  return {
    env: { ...vendorEnvironment(sandboxed), ...secretEnv, SWITCHBOARD_SANDBOX: '0' },
    listeningOn: (port) =>
      sandbox.sendWebhooks({
        webhooksUrl: `${loopbackOrigin(config.host, port)}/webhooks`,
        secrets,
      }),
    close: () => sandbox.close(),
  };
}

/**
 * SWITCHBOARD_WORKERS > 1: this process forks the workers, which share its port (node:cluster)
 * and each run the gateway as a single process would; it serves nothing itself. A worker that
 * dies is replaced, after a delay that doubles while workers keep dying soon after they start.
 * SIGTERM (or SIGINT) is passed to every worker, which drains as on its own; the primary exits 0
 * once all have exited, within SWITCHBOARD_DRAIN_DELAY_MS + SHUTDOWN_TIMEOUT_MS.
 */
export async function runPrimary(options: {
  config: Config;
  logger: Logger;
  sandboxFaults?: Partial<Record<SandboxVendor, Fault>>;
}): Promise<void> {
  const { config } = options;
  const logger = options.logger.child({ worker: 'primary', pid: process.pid });
  const sandbox = await startSharedSandbox(config, options.sandboxFaults, logger);
  // The workers take their settings from the environment; the fault spec was the primary's.
  cluster.setupPrimary({ args: [] });
  const workerEnv = { ...sandbox?.env, SANDBOX_FAULTS: '' };

  const started = new Map<Worker, number>();
  const restarts = new Set<NodeJS.Timeout>();
  let crashStreak = 0;
  let stopping = false;
  let serving = false;

  const fork = (replaces?: Worker): void => {
    const worker = cluster.fork(workerEnv);
    started.set(worker, Date.now());
    logger.info(
      {
        workerId: worker.id,
        workerPid: worker.process.pid,
        ...(replaces ? { replaces: replaces.id } : {}),
      },
      'worker started',
    );
  };

  const exitWith = async (code: number): Promise<never> => {
    await sandbox?.close();
    process.exit(code);
  };

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker) ?? Date.now());
    started.delete(worker);
    if (stopping) return;
    const pid = worker.process.pid;
    if (!serving) {
      // A worker that cannot start (a bad manifest, a port in use) would fail again and again.
      logger.error(
        { workerId: worker.id, workerPid: pid, code, signal },
        'a worker exited during start-up; stopping the others',
      );
      stopping = true;
      for (const other of started.keys()) other.process.kill('SIGKILL');
      void exitWith(1);
      return;
    }
    crashStreak = lived < STEADY_AFTER_MS ? crashStreak + 1 : 0;
    const delayMs =
      crashStreak === 0
        ? 0
        : Math.min(MAX_RESTART_DELAY_MS, FIRST_RESTART_DELAY_MS * 2 ** (crashStreak - 1));
    logger.warn(
      { workerId: worker.id, workerPid: pid, code, signal, restartInMs: delayMs },
      'a worker exited unexpectedly; starting another',
    );
    const timer = setTimeout(() => {
      restarts.delete(timer);
      if (stopping) return;
      fork(worker);
    }, delayMs);
    restarts.add(timer);
  });

  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    for (const timer of restarts) clearTimeout(timer);
    const budgetMs = config.drainDelayMs + config.shutdownTimeoutMs + EXIT_MARGIN_MS;
    logger.info(
      `${signal}: draining ${started.size} workers (each finishes its in-flight requests, as a single process does)`,
    );
    const workers = [...started.keys()];
    const exits = workers.map(
      (worker) =>
        new Promise<{ workerId: number; code: number | null; signal: string | null }>((resolve) =>
          worker.once('exit', (code: number | null, signal: string | null) =>
            resolve({ workerId: worker.id, code, signal }),
          ),
        ),
    );
    for (const worker of workers) worker.process.kill('SIGTERM');
    const deadline = setTimeout(() => {
      logger.error(`workers still running ${budgetMs} ms after ${signal}; killing them`);
      for (const worker of started.keys()) worker.process.kill('SIGKILL');
      void exitWith(1);
    }, budgetMs);
    void Promise.all(exits).then((outcomes) => {
      clearTimeout(deadline);
      const failed = outcomes.filter((outcome) => outcome.code !== 0);
      if (failed.length === 0) logger.info('every worker has exited');
      else logger.error({ workers: failed }, 'workers did not shut down cleanly');
      void exitWith(failed.length === 0 ? 0 : 1);
    });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  // Each worker reloads its tenants file itself (README, "Tenants").
  process.on('SIGHUP', () => {
    for (const worker of started.keys()) worker.process.kill('SIGHUP');
  });

  const listening = new Promise<Address>((resolve) => {
    let count = 0;
    cluster.on('listening', (_worker, address) => {
      count += 1;
      if (count === config.workers) resolve(address);
    });
  });
  for (let index = 0; index < config.workers; index += 1) fork();
  const address = await listening;
  sandbox?.listeningOn(address.port);
  serving = true;
  logger.info(
    `Switchboard listening with ${config.workers} workers; GraphiQL at http://${config.host}:${address.port}/graphql`,
  );
}
