import { createServer } from 'node:http';
import { useGraphQlJit } from '@envelop/graphql-jit';
import { createSchema, createYoga } from 'graphql-yoga';
import { Agent } from 'undici';
import { importGatewayModule } from './built.js';
import { serveFloor } from './protocol.js';

/**
 * Floor (c) of issue 15: the least a GraphQL gateway must do for `calls(first: 10)` on Ovia, on
 * the gateway's own stack and with its own pieces for the work itself: graphql-yoga on node:http
 * with yoga's body limit off and graphql-jit (as src/yoga.ts runs them), the one Ovia request
 * through the gateway's undici exchange (src/http/dispatch-exchange.ts), the answer parsed and
 * validated by Ovia's schema (src/http/answer.ts) and mapped by Ovia's mapping. Nothing else: no
 * keys, limits, metrics, logs, traces, timeouts, retries, tenants, cursors or partial errors.
 * Its CPU per request beside floor (b) is the GraphQL layer's and the work's; beside the
 * gateway's, what the gateway's production machinery costs. With BENCH_GATEWAY_BUILD
 * (bench/built.ts) those pieces are that build's, as the gateway's are.
 */
const { interpretAnswer } = await importGatewayModule(
  'http/answer.js',
  () => import('../src/http/answer.js'),
);
const { dispatchExchange } = await importGatewayModule(
  'http/dispatch-exchange.js',
  () => import('../src/http/dispatch-exchange.js'),
);
const { oviaCallListSchema } = await importGatewayModule(
  'vendors/ovia/schemas.js',
  () => import('../src/vendors/ovia/schemas.js'),
);
const { toCall } = await importGatewayModule(
  'vendors/ovia/map.js',
  () => import('../src/vendors/ovia/map.js'),
);
const base = process.env.OVIA_BASE_URL;
const key = process.env.OVIA_API_KEY;
if (!base || !key) throw new Error('OVIA_BASE_URL and OVIA_API_KEY are needed');
const origin = new URL(base).origin;
const pool = new Agent({ connections: 32 });

async function listCalls(first: number) {
  const answer = await dispatchExchange(pool, {
    origin,
    path: `/api/v1/calls?limit=${first}&offset=0`,
    method: 'GET',
    headers: { authorization: `Bearer ${key}`, accept: 'application/json' },
    body: undefined,
    signal: new AbortController().signal,
    maxBytes: 16 * 1024 * 1024,
  });
  const page = interpretAnswer('OVIA', 'GET /api/v1/calls', answer, oviaCallListSchema);
  return { edges: page.data.map((raw) => ({ node: toCall(raw) })) };
}

const yoga = createYoga({
  schema: createSchema({
    typeDefs: /* GraphQL */ `
      enum Provider {
        OVIA
      }
      input CallFilter {
        providers: [Provider!]
      }
      type Call {
        id: ID!
        status: String!
      }
      type CallEdge {
        node: Call!
      }
      type CallConnection {
        edges: [CallEdge!]!
      }
      type Query {
        calls(first: Int!, filter: CallFilter): CallConnection!
      }
    `,
    resolvers: {
      Query: { calls: (_: unknown, args: { first: number }) => listCalls(args.first) },
      Call: { id: (call: { providerId: string }) => call.providerId },
    },
  }),
  graphiql: false,
  landingPage: false,
  logging: false,
  maxRequestBodySize: false,
  plugins: [useGraphQlJit()],
});
await serveFloor(createServer(yoga));
