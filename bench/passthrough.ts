import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { serveCommands, usage, type Ready } from './protocol.js';

/**
 * Floor (b) of issue 15: a bare node:http server that, for each request, reads its body, makes the
 * one vendor request `calls(first: 10)` on Ovia makes (`GET /api/v1/calls?limit=10` with the key,
 * over a keep-alive undici pool like the gateway's) and answers the vendor's body as it came. What
 * it costs is one HTTP request in and one out, with no GraphQL, validation or mapping.
 */
const base = process.env.OVIA_BASE_URL;
const key = process.env.OVIA_API_KEY;
if (!base || !key) throw new Error('OVIA_BASE_URL and OVIA_API_KEY are needed');
const pool = new Agent({ connections: 32 });
const upstream = `${base}/api/v1/calls?limit=10&offset=0`;
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    request(upstream, { dispatcher: pool, headers: { authorization: `Bearer ${key}` } })
      .then(async (answer) => {
        const body = Buffer.from(await answer.body.arrayBuffer());
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
        res.end(body);
      })
      .catch(() => {
        res.writeHead(502).end();
      });
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
