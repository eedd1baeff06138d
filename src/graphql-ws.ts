import type { Server } from 'node:http';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { GraphQLError, type ExecutionArgs } from 'graphql';
import type { SwitchboardYoga, TenantLookup } from './yoga.js';
import type { WsAdmit } from './ws-admission.js';

/** How often an idle socket gets a graphql-transport-ws `ping` (and a WebSocket ping frame). */
export const WS_KEEP_ALIVE_MS = 12_000;

type Enveloped = ReturnType<SwitchboardYoga['getEnveloped']>;

export interface GraphQLWsServer {
  /** Closes every socket (1001, going away) and stops accepting new ones. */
  close(): Promise<void>;
}

/**
 * The graph over graphql-ws (subprotocol `graphql-transport-ws`) on the HTTP server's
 * `/graphql`, executed through the same yoga instance, plugins and context as HTTP requests.
 * With client keys configured the `connection_init` payload must carry
 * `{ "authorization": "Bearer <key>" }`; otherwise the socket is closed with 4403.
 */
export function serveGraphQLWs(
  server: Server,
  yoga: SwitchboardYoga,
  options: {
    keys: TenantLookup;
    /** The rate limit and persisted-operation rules HTTP requests meet (src/ws-admission.ts). */
    admit: WsAdmit;
    graphqlPath?: string;
    maxMessageBytes: number;
  },
): GraphQLWsServer {
  // A message is an operation like a /graphql body, so it gets the same cap (ws allows 100 MiB).
  const sockets = new WebSocketServer({
    server,
    path: options.graphqlPath ?? '/graphql',
    maxPayload: options.maxMessageBytes,
  });
  const pings = new Map<unknown, NodeJS.Timeout>();
  // Each operation runs through the execute and subscribe of its own envelope (yoga's plugins).
  const envelopes = new WeakMap<object, Pick<Enveloped, 'execute' | 'subscribe'>>();
  const envelopeOf = (args: ExecutionArgs) => {
    const envelope =
      typeof args.contextValue === 'object' && args.contextValue !== null
        ? envelopes.get(args.contextValue)
        : undefined;
    if (!envelope) throw new Error('a graphql-ws operation without its envelope');
    return envelope;
  };
  const disposable = useServer<{ authorization?: unknown } | undefined>(
    {
      execute: (args) => envelopeOf(args).execute(args),
      subscribe: (args) => envelopeOf(args).subscribe(args),
      onConnect: (ctx) => {
        const authorization = ctx.connectionParams?.authorization;
        if (
          options.keys.required &&
          !(typeof authorization === 'string' && options.keys.matches(authorization))
        ) {
          return false;
        }
        const { socket } = ctx.extra;
        const timer = setInterval(() => {
          if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ type: 'ping' }));
        }, WS_KEEP_ALIVE_MS);
        timer.unref();
        pings.set(socket, timer);
        socket.once('close', () => {
          clearInterval(timer);
          pings.delete(socket);
        });
        return true;
      },
      onSubscribe: async (ctx, _id, payload) => {
        const authorization = ctx.connectionParams?.authorization;
        // Checked again per operation: a reload of the tenants file may have removed the key.
        if (
          options.keys.required &&
          !(typeof authorization === 'string' && options.keys.matches(authorization))
        ) {
          return [
            new GraphQLError('A valid API key is required', {
              extensions: { code: 'UNAUTHENTICATED' },
            }),
          ];
        }
        const headers = new Headers();
        if (typeof authorization === 'string') headers.set('authorization', authorization);
        const request = new Request('http://localhost/graphql', { headers });
        const scope =
          typeof authorization === 'string'
            ? (options.keys.forAuthorization(authorization)?.id ?? '-')
            : '-';
        const query = await options.admit(payload, { request, req: ctx.extra.request }, scope);
        if (query instanceof GraphQLError) return [query];
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          request,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          params: { ...payload, query },
        });
        const document = parse(query);
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        const contextValue = await contextFactory();
        envelopes.set(contextValue, { execute, subscribe });
        const args: ExecutionArgs = {
          schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: payload.variables ?? null,
          contextValue,
        };
        return args;
      },
    },
    sockets,
    WS_KEEP_ALIVE_MS,
  );
  return {
    close: async () => {
      for (const timer of pings.values()) clearInterval(timer);
      for (const socket of sockets.clients) socket.close(1001, 'Server shutting down');
      await disposable.dispose();
    },
  };
}
