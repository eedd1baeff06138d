import { Writable } from 'node:stream';
import { ClientError, GraphQLClient } from 'graphql-request';
import { startGateway, type Gateway } from '../../src/gateway.js';
import type { LiveOptions } from '../../src/sandbox/live.js';
import { createLogger } from '../../src/logger.js';

export interface GraphQLAnswer<T> {
  status: number;
  data: T | null;
  errors: Array<{
    message: string;
    path?: Array<string | number>;
    extensions?: Record<string, unknown>;
  }>;
}

export interface TestGateway {
  gateway: Gateway;
  url: string;
  /** Every log line the gateway wrote, as text. */
  logs: string[];
  query<T = Record<string, any>>(
    document: string,
    variables?: Record<string, unknown>,
    options?: { headers?: Record<string, string> },
  ): Promise<GraphQLAnswer<T>>;
  close(): Promise<void>;
}

/**
 * Starts the real gateway on an ephemeral port over the sandbox vendors, with its logs captured
 * at debug level (so every upstream request line is there to inspect). `sandboxLive` paces the
 * steps of the calls the sandbox moves on its own.
 */
export async function startTestGateway(
  env: Record<string, string> = {},
  options: { sandboxLive?: LiveOptions } = {},
): Promise<TestGateway> {
  const logs: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logs.push(chunk.toString('utf8'));
      callback();
    },
  });
  const gateway = await startGateway({
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      SWITCHBOARD_SANDBOX: '1',
      UPSTREAM_TIMEOUT_MS: '1000',
      ...env,
    },
    logger: createLogger({ level: 'debug', destination }),
    ...(options.sandboxLive ? { sandboxLive: options.sandboxLive } : {}),
  });
  const client = new GraphQLClient(gateway.url, { errorPolicy: 'all' });
  return {
    gateway,
    url: gateway.url,
    logs,
    async query<T>(
      document: string,
      variables?: Record<string, unknown>,
      options: { headers?: Record<string, string> } = {},
    ) {
      let answer: { status: number; data?: T | null; errors?: ReadonlyArray<any> };
      try {
        answer = await client.rawRequest<T>(document, variables, options.headers);
      } catch (error) {
        // Requests GraphQL rejects before execution (400) still carry a GraphQL body.
        if (!(error instanceof ClientError)) throw error;
        answer = { status: error.response.status, data: null, errors: error.response.errors ?? [] };
      }
      return {
        status: answer.status,
        data: answer.data ?? null,
        errors: (answer.errors ?? []).map((error) => ({
          message: error.message,
          ...(error.path ? { path: [...error.path] } : {}),
          ...(error.extensions ? { extensions: error.extensions } : {}),
        })),
      };
    },
    close: () => gateway.close(),
  };
}
