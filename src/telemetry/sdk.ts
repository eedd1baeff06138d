import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  context,
  defaultTextMapSetter,
  trace,
  type Attributes,
  type Span,
  type TextMapGetter,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_REQUEST_RESEND_COUNT,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
  ATTR_SERVICE_NAME,
} from '@opentelemetry/semantic-conventions';
import type { AttemptSpan, AttemptStart, OperationSpan, Tracing, TracingOptions } from './types.js';

// Conventions still marked "development": the package asks that they be copied, not imported
// from its (large) incubating entry.
const ATTR_GRAPHQL_OPERATION_TYPE = 'graphql.operation.type';
const ATTR_GRAPHQL_OPERATION_NAME = 'graphql.operation.name';
const ATTR_URL_TEMPLATE = 'url.template';

/** Ours: what the conventions have no name for. */
const ATTR_REQUEST_ID = 'switchboard.request_id';
const ATTR_ERROR_CODES = 'switchboard.error_codes';
const ATTR_VENDOR = 'switchboard.vendor';
const ATTR_ATTEMPT = 'switchboard.attempt';
const ATTR_RETRY_REASON = 'switchboard.retry_reason';

const headersGetter: TextMapGetter<Headers> = {
  keys: (carrier) => [...carrier.keys()],
  get: (carrier, key) => carrier.get(key) ?? undefined,
};

/**
 * The context manager is process-wide in the OpenTelemetry API: the first gateway to trace sets
 * it, and later ones (tests start several in one process) find it there and use the same. It
 * costs nothing to requests that no span is active for.
 */
function ensureContextManager(): void {
  const manager = new AsyncLocalStorageContextManager().enable();
  // Refused when one is set already: that one serves, and this one must not stay enabled.
  if (!context.setGlobalContextManager(manager)) manager.disable();
}

/**
 * The SDK behind `Tracing`: a tracer provider of its own (not registered globally, so gateways
 * in one process never export each other's spans), a batch processor and an OTLP/HTTP exporter
 * in JSON or protobuf. The exporter reads the other standard variables itself (headers, timeout,
 * compression), as do the batch processor (OTEL_BSP_*) and the sampler (OTEL_TRACES_SAMPLER).
 */
export async function startSdkTracing(options: TracingOptions): Promise<Tracing> {
  const { OTLPTraceExporter } =
    options.protocol === 'http/json'
      ? await import('@opentelemetry/exporter-trace-otlp-http')
      : await import('@opentelemetry/exporter-trace-otlp-proto');
  ensureContextManager();
  const provider = new BasicTracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({ [ATTR_SERVICE_NAME]: options.serviceName }),
    ),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: options.tracesUrl }))],
  });
  const tracer = provider.getTracer('switchboard');
  const propagator = new W3CTraceContextPropagator();

  return {
    startOperation(headers, requestId): OperationSpan {
      const parent = propagator.extract(ROOT_CONTEXT, headers, headersGetter);
      const span = tracer.startSpan(
        'graphql',
        { kind: SpanKind.SERVER, attributes: { [ATTR_REQUEST_ID]: requestId } },
        parent,
      );
      const active = trace.setSpan(parent, span);
      return {
        traceId: span.spanContext().traceId,
        operation(type, label) {
          // The label, not the name: span names and attributes stay within a bounded set.
          span.updateName(label === 'anonymous' ? type : `${type} ${label}`);
          span.setAttribute(ATTR_GRAPHQL_OPERATION_TYPE, type);
          if (label !== 'anonymous') span.setAttribute(ATTR_GRAPHQL_OPERATION_NAME, label);
        },
        run: (task) => context.with(active, task),
        end({ status, errorCodes }) {
          span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
          const codes = [...new Set(errorCodes)];
          if (codes.length > 0) {
            span.setAttributes({ [ATTR_ERROR_CODES]: codes, [ATTR_ERROR_TYPE]: codes[0]! });
            span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(' ') });
          }
          span.end();
        },
      };
    },

    startAttempt(start: AttemptStart): AttemptSpan {
      const attributes: Attributes = {
        [ATTR_VENDOR]: start.vendor,
        [ATTR_HTTP_REQUEST_METHOD]: start.method,
        [ATTR_URL_TEMPLATE]: start.routeTemplate,
        [ATTR_SERVER_ADDRESS]: start.host,
        [ATTR_SERVER_PORT]: start.port,
        [ATTR_ATTEMPT]: start.attempt,
      };
      if (start.attempt > 1) attributes[ATTR_HTTP_REQUEST_RESEND_COUNT] = start.attempt - 1;
      if (start.retryOf !== null) attributes[ATTR_RETRY_REASON] = start.retryOf;
      const span: Span = tracer.startSpan(`${start.method} ${start.routeTemplate}`, {
        kind: SpanKind.CLIENT,
        attributes,
      });
      const headers: Record<string, string> = {};
      propagator.inject(trace.setSpan(context.active(), span), headers, defaultTextMapSetter);
      return {
        headers,
        end({ status, code }) {
          if (status !== null) span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, status);
          if (code !== null) {
            span.setAttribute(ATTR_ERROR_TYPE, code);
            span.setStatus({ code: SpanStatusCode.ERROR, message: code });
          }
          span.end();
        },
      };
    },

    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
