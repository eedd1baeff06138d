import { parseFaultSpec, SANDBOX_VENDORS, type SandboxVendor } from './faults.js';
import { startSandbox } from './server.js';

/** Fixed ports so that demos can point FREYA_BASE_URL and friends at a running sandbox. */
const DEMO_PORTS: Record<SandboxVendor, number> = {
  freya: 4101,
  ovia: 4102,
  llamadapro: 4103,
  cx: 4104,
  happyrobot: 4105,
};

function faultSpec(argv: string[]): string {
  const index = argv.indexOf('--faults');
  if (index >= 0) {
    const value = argv[index + 1];
    if (value === undefined)
      throw new Error('--faults needs a spec, e.g. --faults "*=latency:40,cx=503"');
    return value;
  }
  const inline = argv.find((arg) => arg.startsWith('--faults='));
  return inline?.slice('--faults='.length) ?? process.env.SANDBOX_FAULTS ?? '';
}

async function main(): Promise<void> {
  const faults = parseFaultSpec(faultSpec(process.argv.slice(2)));
  const sandbox = await startSandbox({ ports: DEMO_PORTS, faults });
  process.stdout.write('Switchboard sandbox is up (credentials: src/sandbox/credentials.ts)\n');
  for (const vendor of SANDBOX_VENDORS) {
    const fault = faults[vendor];
    process.stdout.write(
      `  ${vendor.padEnd(10)} ${sandbox.urls[vendor]}${fault ? `  faults: ${JSON.stringify(fault)}` : ''}\n`,
    );
  }
  const stop = (): void => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
