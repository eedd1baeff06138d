import { randomUUID } from 'node:crypto';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { OperationScope } from '../http/operation-scope.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { OperationSpan, Tracing } from '../telemetry/tracing.js';
import type { OperationLabels } from './operation-labels.js';

interface RequestRecord {
  id: string;
  started: number;
  /** The operation's name as the document gives it, cut to a length fit for a log line. */
  operation: string;
  /** The same, as a label from a bounded set. */
  label: string;
  scope: OperationScope | null;
  errorCodes: string[];
  /** The request's server span, when traces are exported. */
  span: OperationSpan | null;
  /** The key's tenant (`-` without a tenants file, or when no tenant is known). */
  tenant: string;
}

const records = new WeakMap<Request, RequestRecord>();

/** Names in log lines; a GraphQL name can be as long as the document. */
const MAX_LOGGED_NAME = 100;

/**
 * An error's code for metrics and logs. GraphQL's own request errors (validation, variable
 * coercion) carry none in yoga and have no path; they are counted as GRAPHQL_VALIDATION_FAILED,
 * apart from errors inside execution, which masking has already coded.
 */
function errorCode(error: { extensions?: Record<string, unknown>; path?: unknown }): string {
  const code = error.extensions?.['code'];
  if (typeof code === 'string' && /^[A-Z_]{1,64}$/.test(code)) return code;
  return error.path === undefined ? 'GRAPHQL_VALIDATION_FAILED' : 'INTERNAL_SERVER_ERROR';
}

/**
 * One log line and one duration sample per request (request id, operation, status, time,
 * upstream requests, error codes); gives each operation's caller an OperationScope that counts,
 * and caps, the upstream requests it causes; echoes the request id as `x-request-id`; serves
 * `GET /metrics`. With `tracing`, each GraphQL request is a server span, continuing the client's
 * `traceparent`, and the operation runs with it active.
 */
export function useObservability(options: {
  logger: Logger;
  metrics: Metrics;
  maxUpstreamRequests: number;
  operationLabels: OperationLabels;
  /** @default null (no traces) */
  tracing?: Tracing | null;
  /** The request's tenant id, for the log line and the labels. @default () => '-' */
  tenantOf?: (request: Request) => string;
}): Plugin<Context> {
  const tenantOf = options.tenantOf ?? (() => '-');
  const { logger, metrics, maxUpstreamRequests, operationLabels } = options;
  const tracing = options.tracing ?? null;
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
        label: 'anonymous',
        scope: null,
        errorCodes: [],
        span: null,
        tenant: tenantOf(request),
      });
    },
    // Only GraphQL requests get a span: not GraphiQL's page, nor what onRequest already answered.
    onParams({ request }) {
      const record = records.get(request);
      if (!record || tracing === null || record.span !== null) return;
      record.span = tracing.startOperation(request.headers, record.id);
    },
    onExecute({ args, executeFn, setExecuteFn }) {
      const { caller } = args.contextValue;
      const record = records.get(args.contextValue.request);
      if (!record) {
        // An operation over graphql-ws (src/graphql-ws.ts), whose request yoga's onRequest never
        // saw: it gets no log line, but the same upstream allowance as one over HTTP.
        caller.operation = new OperationScope(randomUUID(), maxUpstreamRequests);
        return;
      }
      // The name the document gives the operation that runs, not the request's operationName,
      // which a client may set to anything.
      const operation = getOperationAST(args.document, args.operationName);
      const name = operation?.name?.value;
      record.operation = name ? name.slice(0, MAX_LOGGED_NAME) : 'anonymous';
      record.label = operationLabels.label(name);
      const scope = new OperationScope(record.id, maxUpstreamRequests);
      record.scope = scope;
      // The request's connectors take every attempt from this allowance (src/context.ts).
      caller.operation = scope;
      const span = record.span;
      if (span === null) return;
      span.operation(operation?.operation ?? 'query', record.label);
      setExecuteFn((executeArgs) => span.run(() => executeFn(executeArgs)));
    },
    // After every other plugin has shaped the result (errors collected from merged lists
    // included), and for results that never reached execution (parse, validation, variables).
    onExecutionResult({ request, result }) {
      const record = records.get(request);
      if (!record || result === undefined || Symbol.asyncIterator in result) return;
      for (const single of Array.isArray(result) ? result : [result]) {
        for (const error of single.errors ?? []) record.errorCodes.push(errorCode(error));
      }
    },
    onResponse({ request, response }) {
      const record = records.get(request);
      if (!record) return;
      response.headers.set('x-request-id', record.id);
      const ms = performance.now() - record.started;
      metrics.graphqlDuration.observe(
        { tenant: record.tenant, operation: record.label },
        ms / 1000,
      );
      for (const code of record.errorCodes) {
        metrics.graphqlErrors.inc({ tenant: record.tenant, operation: record.label, code });
      }
      record.span?.end({ status: response.status, errorCodes: record.errorCodes });
      logger.info(
        {
          requestId: record.id,
          tenant: record.tenant,
          ...(record.span ? { traceId: record.span.traceId } : {}),
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
