import { createServer } from 'node:http';
import { serveFloor } from './protocol.js';

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
await serveFloor(server);
