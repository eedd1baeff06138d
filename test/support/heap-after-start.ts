/**
 * Run as `node --expose-gc --import tsx test/support/heap-after-start.ts [page]`: starts a gateway
 * (no sandbox, no vendor) with GraphiQL on, optionally loads its page once, collects garbage and
 * prints the heap in use, in bytes. test/graph/footprint.test.ts reads it.
 */
import { startGateway } from '../../src/gateway.js';
import { createLogger } from '../../src/logger.js';

const gateway = await startGateway({
  env: { PORT: '0', HOST: '127.0.0.1', SWITCHBOARD_SANDBOX: '0', SWITCHBOARD_GRAPHIQL: '1' },
  logger: createLogger({ level: 'silent' }),
});
if (process.argv[2] === 'page') {
  const page = await fetch(gateway.url, { headers: { accept: 'text/html' } });
  if (!(await page.text()).includes('<html')) throw new Error('no GraphiQL page');
}
globalThis.gc?.();
process.stdout.write(`${process.memoryUsage().heapUsed}\n`);
await gateway.close();
process.exit(0);
