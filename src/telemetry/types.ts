/** The shapes of tracing the rest of the code holds (src/telemetry/tracing.ts). */

/** Where and how spans are exported; read from the standard OTEL_* variables (src/config.ts). */
export interface TracingOptions {
  /** The OTLP/HTTP traces URL: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or OTEL_EXPORTER_OTLP_ENDPOINT + `/v1/traces`. */
  tracesUrl: string;
  /** @default 'http/protobuf' */
  protocol: 'http/protobuf' | 'http/json';
  /** @default 'switchboard' */
  serviceName: string;
}

/** The server span of one GraphQL request. */
export interface OperationSpan {
  /** The trace's id, for the request's log line. */
  readonly traceId: string;
  /** Names the span once the operation is known; `label` is the bounded metric label. */
  operation(type: string, label: string): void;
  /** Runs `task` with this span as the active one, so upstream attempts become its children. */
  run<T>(task: () => T): T;
  end(outcome: { status: number; errorCodes: readonly string[] }): void;
}

/** What one upstream attempt records: route templates and codes, never URLs, bodies or headers. */
export interface AttemptStart {
  vendor: string;
  method: string;
  /** The route's path template, e.g. `/api/v1/calls/{id}`. */
  routeTemplate: string;
  attempt: number;
  /** The code of the failed attempt this one retries. */
  retryOf: string | null;
  /** The vendor's host and port, from its configured base URL. */
  host: string;
  port: number;
}

/** The client span of one upstream attempt. */
export interface AttemptSpan {
  /** `traceparent` (and `tracestate`) for the request this attempt sends. */
  readonly headers: Readonly<Record<string, string>>;
  end(outcome: { status: number | null; code: string | null }): void;
}

export interface Tracing {
  /** A server span continuing the request's `traceparent`, if it has a valid one. */
  startOperation(headers: Headers, requestId: string): OperationSpan;
  /** A client span under the active span (the operation's, carried by AsyncLocalStorage). */
  startAttempt(attempt: AttemptStart): AttemptSpan;
  /** Exports every span ended so far. */
  flush(): Promise<void>;
  /** Exports what is left and stops. */
  shutdown(): Promise<void>;
}
