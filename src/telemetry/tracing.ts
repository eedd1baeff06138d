/**
 * Traces (README, "Traces"), as the rest of the code sees them: a few interfaces, and `startTracing`,
 * which loads the OpenTelemetry SDK (`./sdk.ts`) only when an OTLP endpoint is configured. Without
 * one nothing here runs and no OpenTelemetry module is loaded: the callers hold `null`.
 */

import type { Tracing, TracingOptions } from './types.js';

export type { AttemptSpan, AttemptStart, OperationSpan, Tracing, TracingOptions } from './types.js';

export async function startTracing(options: TracingOptions): Promise<Tracing> {
  const { startSdkTracing } = await import('./sdk.js');
  return startSdkTracing(options);
}
