import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
import { serveFloor } from './protocol.js';

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
await serveFloor(server);
