import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';
import { serveCommands, usage, type Ready } from './protocol.js';

/**
 * Floor (a) of issue 15: a bare graphql-yoga server on node:http, with yoga's defaults, answering
 * `{ providers { provider mode } }` from constants. What it costs per request is the HTTP and
 * GraphQL layer alone on this machine, with nothing of Switchboard in it.
 */
const PROVIDERS = ['FREYA', 'OVIA', 'LLAMADAPRO', 'CX', 'HAPPYROBOT'].map((provider) => ({
  provider,
  mode: 'LIVE',
}));
const yoga = createYoga({
  schema: createSchema({
    typeDefs: /* GraphQL */ `
      type Provider {
        provider: String!
        mode: String!
      }
      type Query {
        providers: [Provider!]!
      }
    `,
    resolvers: { Query: { providers: () => PROVIDERS } },
  }),
  graphiql: false,
  landingPage: false,
  logging: false,
  // BENCH_YOGA_BODY_LIMIT=0 turns off yoga's own body limit, which pipes every body through a
  // counting stream; the gateway turns it off too (src/yoga.ts), so both figures are shown.
  ...(process.env.BENCH_YOGA_BODY_LIMIT === '0' ? { maxRequestBodySize: false as const } : {}),
});
const server = createServer(yoga);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;

serveCommands((command) => {
  if (command.kind === 'gc') globalThis.gc?.();
  return command.kind === 'usage' || command.kind === 'gc' ? usage() : null;
});

const ready: Ready = { kind: 'ready', url: `http://127.0.0.1:${port}/graphql`, sandboxUrls: {} };
process.send?.(ready);
