import { randomUUID } from 'node:crypto';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { OperationScope, runInScope } from '../http/operation-scope.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';

interface RequestRecord {
  id: string;
  started: number;
  operation: string;
  scope: OperationScope | null;
  errorCodes: string[];
}

const records = new WeakMap<Request, RequestRecord>();

/**
 * One log line and one duration sample per request (request id, operation, status, time,
 * upstream requests); runs each operation inside an OperationScope that counts, and caps, the
 * upstream requests it causes; serves `GET /metrics`.
 */
export function useObservability(options: {
  logger: Logger;
  metrics: Metrics;
  maxUpstreamRequests: number;
}): Plugin<Context> {
  const { logger, metrics, maxUpstreamRequests } = options;
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (request.method === 'GET' && url.pathname === '/metrics') {
        endResponse(
          new fetchAPI.Response(await metrics.registry.metrics(), {
            headers: { 'content-type': metrics.registry.contentType },
          }),
        );
        return;
      }
      const supplied = request.headers.get('x-request-id');
      records.set(request, {
        id: supplied && /^[\w.-]{1,128}$/.test(supplied) ? supplied : randomUUID(),
        started: performance.now(),
        operation: 'anonymous',
        scope: null,
        errorCodes: [],
      });
    },
    onExecute({ args, executeFn, setExecuteFn }) {
      const record = records.get(args.contextValue.request);
      if (!record) return;
      record.operation =
        args.operationName ?? getOperationAST(args.document)?.name?.value ?? 'anonymous';
      const scope = new OperationScope(record.id, maxUpstreamRequests);
      record.scope = scope;
      setExecuteFn((executeArgs) => runInScope(scope, () => executeFn(executeArgs)));
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in result) return;
          for (const error of result.errors ?? []) {
            record.errorCodes.push(String(error.extensions?.['code'] ?? 'INTERNAL_SERVER_ERROR'));
          }
        },
      };
    },
    onResponse({ request, response }) {
      const record = records.get(request);
      if (!record) return;
      const ms = performance.now() - record.started;
      metrics.graphqlDuration.observe({ operation: record.operation }, ms / 1000);
      for (const code of record.errorCodes) {
        metrics.graphqlErrors.inc({ operation: record.operation, code });
      }
      logger.info(
        {
          requestId: record.id,
          operation: record.operation,
          status: response.status,
          ms: Math.round(ms * 10) / 10,
          upstreamRequests: record.scope?.upstreamRequests ?? 0,
          ...(record.errorCodes.length > 0 ? { errors: record.errorCodes } : {}),
        },
        'graphql request',
      );
    },
  };
}
