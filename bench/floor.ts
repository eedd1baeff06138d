import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveCommands, usage, type Ready } from './protocol.js';

/**
 * The floor: a bare node:http server that reads the request body and answers a fixed JSON
 * (the gateway's own answer to the same query), so the load test shows what HTTP alone costs.
 */
const body = process.env.BENCH_FLOOR_BODY ?? '{}';
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, {
      'content-type': 'application/graphql-response+json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
    });
    res.end(body);
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;

serveCommands((command) => {
  if (command.kind === 'gc') globalThis.gc?.();
  return command.kind === 'usage' || command.kind === 'gc' ? usage() : null;
});

const ready: Ready = { kind: 'ready', url: `http://127.0.0.1:${port}/graphql`, sandboxUrls: {} };
process.send?.(ready);
