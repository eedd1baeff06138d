import { GraphQLError } from 'graphql';
import type { Provider } from './model/provider.js';

export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'PROVIDER_NOT_CONFIGURED',
  'IDEMPOTENCY_KEY_REUSED',
  'IDEMPOTENCY_KEY_IN_DOUBT',
  'IDEMPOTENCY_UNAVAILABLE',
  'UPSTREAM_REJECTED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_BAD_RESPONSE',
  'FAN_OUT_LIMITED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type UpstreamErrorCode = Extract<
  ErrorCode,
  | 'NOT_FOUND'
  | 'UPSTREAM_REJECTED'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_RATE_LIMITED'
  | 'UPSTREAM_BAD_RESPONSE'
  | 'FAN_OUT_LIMITED'
>;

export interface UpstreamErrorDetails {
  provider: Provider;
  /** The route as the route table names it, e.g. `GET /api/v1/calls/{id}`; never a query string. */
  route: string;
  /** The upstream HTTP status, when there was an answer. */
  status?: number;
  /** How long the vendor asked us to wait (429), in milliseconds. */
  retryAfterMs?: number;
  /**
   * Whether the request may have reached the vendor. Only a failure known to come before any
   * byte was written (refused connection, unknown host, fan-out limit) says false: the vendor
   * cannot have acted on it, so it is safe to send again. @default true
   */
  sent?: boolean;
}

/**
 * A vendor request that failed. It is a GraphQLError so that it reaches clients unmasked, with
 * only what is safe to show: code, provider, route and status (never headers, query strings or
 * the vendor's body, which may echo credentials).
 */
export class UpstreamError extends GraphQLError {
  readonly code: UpstreamErrorCode;
  readonly provider: Provider;
  readonly route: string;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly sent: boolean;

  constructor(code: UpstreamErrorCode, message: string, details: UpstreamErrorDetails) {
    super(message, {
      extensions: {
        code,
        provider: details.provider,
        route: details.route,
        ...(details.status === undefined ? {} : { status: details.status }),
      },
    });
    this.name = 'UpstreamError';
    this.code = code;
    this.provider = details.provider;
    this.route = details.route;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
    this.sent = details.sent ?? true;
  }
}

export function invalidInput(message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'INVALID_INPUT', ...extra } });
}

export function providerNotConfigured(provider: Provider): GraphQLError {
  return new GraphQLError(
    `${provider} is not configured: set ${provider}_BASE_URL and its credentials, or enable the sandbox`,
    { extensions: { code: 'PROVIDER_NOT_CONFIGURED', provider } },
  );
}

export function notFound(provider: Provider, what: string): GraphQLError {
  return new GraphQLError(`${what} was not found at ${provider}`, {
    extensions: { code: 'NOT_FOUND', provider },
  });
}

/** Re-anchors an error at a field's path, keeping its message and extensions. */
export function atPath(error: GraphQLError, path: ReadonlyArray<string | number>): GraphQLError {
  return new GraphQLError(error.message, {
    path,
    extensions: error.extensions,
    originalError: error,
  });
}
