import { fileURLToPath } from 'node:url';
import { BUILD_ENV, buildCheckout, importGatewayModule } from './built.js';
import { formatTable } from './report.js';
import { median, round } from './stats.js';
import { vendorEnv } from './vendor-env.js';

/**
 * `npx tsx bench/request-context.ts [--built]` (≈ 25 s with the build; issue 15): what every request's context
 * builds before any resolver runs, per request, in a loop: its 14 DataLoaders (`createLoaders`,
 * src/loaders/index.ts) and its connectors over the request's caller (`ConnectorSet.forCaller`,
 * src/connectors.ts). Nothing is sent: the vendors are configured at a loopback port nobody
 * listens on, and a connector opens no connection until it makes a request. With `--built` the
 * modules come from tsc's build, as `npm start` runs them (bench/built.ts).
 */
if (process.argv.includes('--built')) {
  process.env[BUILD_ENV] = buildCheckout(fileURLToPath(new URL('..', import.meta.url)));
}
const { loadConfig } = await importGatewayModule('config.js', () => import('../src/config.js'));
const { createConnectors } = await importGatewayModule(
  'connectors.js',
  () => import('../src/connectors.js'),
);
const { createLoaders } = await importGatewayModule(
  'loaders/index.js',
  () => import('../src/loaders/index.js'),
);
const { backgroundCaller } = await importGatewayModule(
  'http/operation-scope.js',
  () => import('../src/http/operation-scope.js'),
);
const { createLogger } = await importGatewayModule('logger.js', () => import('../src/logger.js'));

const NOBODY = 'http://127.0.0.1:9';
const config = loadConfig(
  vendorEnv({ freya: NOBODY, ovia: NOBODY, llamadapro: NOBODY, cx: NOBODY, happyrobot: NOBODY }),
);
const connectors = createConnectors({
  live: config.vendors,
  sandbox: null,
  timeoutMs: 1_000,
  logger: createLogger({ level: 'silent' }),
});

const ITERATIONS = 200_000;
const ROUNDS = 5;
/** Kept, so that the loop's work cannot be optimised away. */
let last: unknown;

/** µs per call of `build`, the median of ROUNDS loops of ITERATIONS after one loop of warm-up. */
function perCall(build: () => unknown): number {
  const samples: number[] = [];
  for (let loop = 0; loop <= ROUNDS; loop += 1) {
    const started = process.hrtime.bigint();
    for (let index = 0; index < ITERATIONS; index += 1) last = build();
    const micros = Number(process.hrtime.bigint() - started) / 1_000 / ITERATIONS;
    if (loop > 0) samples.push(micros);
  }
  return median(samples);
}

const requestConnectors = connectors.forCaller(backgroundCaller());
const rows: Array<[string, number]> = [
  ['createLoaders', perCall(() => createLoaders(requestConnectors))],
  ['connectors.forCaller', perCall(() => connectors.forCaller(backgroundCaller()))],
  [
    'both, as createContext builds them',
    perCall(() => createLoaders(connectors.forCaller(backgroundCaller()))),
  ],
];
void last;
for (const client of connectors.clients()) await client.close();
process.stdout.write(
  `${formatTable(
    ['per request', `µs (median of ${ROUNDS} loops of ${ITERATIONS})`],
    rows.map(([name, micros]) => [name, round(micros, 2)]),
  )}\n`,
);
