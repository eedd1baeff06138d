import { importGatewayModule } from './built.js';
import { CpuProfiler } from './cpu-profiler.js';
import { serveCommands, usage, type Ready } from './protocol.js';

/**
 * The gateway under load, in its own process so that neither the load generator's CPU nor the
 * sandbox's is counted as its own. It runs as `npm start` does, with logs silenced, its vendors
 * configured (LIVE) at the sandbox process's URLs, which the parent passes in the environment.
 * With BENCH_GATEWAY_BUILD (bench/built.ts) the gateway is that build's, not this checkout's source.
 */
const { startGateway } = await importGatewayModule('gateway.js', () => import('../src/gateway.js'));
const { createLogger } = await importGatewayModule('logger.js', () => import('../src/logger.js'));
const gateway = await startGateway({
  env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SWITCHBOARD_SANDBOX: '0' },
  logger: createLogger({ level: 'silent' }),
});

const profiler = new CpuProfiler();

serveCommands((command) => {
  switch (command.kind) {
    case 'gc':
      // Present only under --expose-gc; the bench always starts this child with it.
      globalThis.gc?.();
      return usage();
    case 'usage':
      return usage();
    case 'profile-start':
      return profiler.start();
    case 'profile-stop':
      return profiler.stop();
    default:
      return null;
  }
});

const ready: Ready = { kind: 'ready', url: gateway.url, sandboxUrls: {} };
process.send?.(ready);
