import { startChild, type Child } from './child.js';
import { vendorEnv } from './vendor-env.js';

/** The sandbox vendors and the gateway over them, each in its own child process. */
export interface Rig {
  gateway: Child;
  sandbox: Child;
  stop(): Promise<void>;
}

export async function startRig(
  options: { gatewayNodeArgs?: string[]; gatewayEnv?: Record<string, string> } = {},
): Promise<Rig> {
  const sandbox = await startChild('sandbox-process.ts');
  let gateway: Child;
  try {
    gateway = await startChild('serve.ts', {
      env: { ...vendorEnv(sandbox.sandboxUrls), ...options.gatewayEnv },
      ...(options.gatewayNodeArgs ? { nodeArgs: options.gatewayNodeArgs } : {}),
    });
  } catch (error) {
    await sandbox.stop();
    throw error;
  }
  return {
    gateway,
    sandbox,
    stop: async () => {
      await gateway.stop();
      await sandbox.stop();
    },
  };
}
