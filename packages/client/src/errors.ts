/**
 * Codes the client sets itself, when no GraphQL answer says what went wrong; every other code is
 * the gateway's `extensions.code` (README.md, "Semantics worth knowing").
 */
export type ClientErrorCode =
  /** No answer: the connection failed or was cut. */
  | 'NETWORK_ERROR'
  /** No answer within `timeoutMs`. */
  | 'TIMEOUT'
  /** An HTTP error status without a GraphQL body (a proxy's 502, say). */
  | 'HTTP_ERROR'
  /** A body that is not a GraphQL answer. */
  | 'BAD_RESPONSE'
  /** A GraphQL error without `extensions.code`. */
  | 'GRAPHQL_ERROR';

/** One entry of a GraphQL answer's `errors`. */
export interface SwitchboardErrorDetail {
  message: string;
  /** `extensions.code`, or `GRAPHQL_ERROR` when it has none. */
  code: string;
  /** `extensions.provider`: the vendor the error came from, when it names one. */
  provider?: string;
  path?: ReadonlyArray<string | number>;
}

export interface SwitchboardErrorInit {
  code: string;
  message: string;
  provider?: string | undefined;
  /** The HTTP status of the answer, when there was one. */
  status?: number | undefined;
  operationName?: string | undefined;
  /** How many times the operation was sent. @default 1 */
  attempts?: number;
  errors?: readonly SwitchboardErrorDetail[];
  /** The partial data that came with the errors, if any. */
  data?: unknown;
  cause?: unknown;
}

const MAX_MESSAGE = 300;

/**
 * graphql-js names a variable's rejected value in its message (`Variable "$phone" got invalid
 * value "…"; …`): the value is left out, since a message ends up in logs.
 */
const REJECTED_VALUE =
  /(Variable "\$\w+" got invalid value) (?:"(?:[^"\\]|\\.)*"|[^;]*?)(;|$| at )/g;

/** One line, never the operation's text nor a variable's value: the answer's message, cut short. */
function oneLine(init: SwitchboardErrorInit): string {
  const message = init.message.replace(REJECTED_VALUE, '$1$2').replace(/\s+/g, ' ').trim();
  const short = message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
  const more = (init.errors?.length ?? 0) > 1 ? `, ${init.errors!.length - 1} more` : '';
  const from = init.provider ? ` from ${init.provider}` : '';
  const status = init.status === undefined ? '' : `, HTTP ${init.status}`;
  return `${init.operationName ?? 'operation'}: ${short} (${init.code}${from}${status}${more})`;
}

/**
 * Every failure of a request or a subscription: a GraphQL error of the gateway (its
 * `extensions.code` and `extensions.provider`), an HTTP error or a network failure. The message
 * is one line and never holds the operation's text or variables; `errors` holds every GraphQL
 * error and `data` the partial data that came with them.
 */
export class SwitchboardError extends Error {
  /** The gateway's `extensions.code` (`UNAUTHENTICATED`, `INVALID_INPUT`, `UPSTREAM_UNAVAILABLE`…) or a {@link ClientErrorCode}. */
  readonly code: string;
  /** The vendor the (first) error names, e.g. `CX`. */
  readonly provider: string | undefined;
  readonly status: number | undefined;
  readonly operationName: string | undefined;
  /** How many times the operation was sent (retries of a query included). */
  readonly attempts: number;
  readonly #errors: readonly SwitchboardErrorDetail[];
  readonly #data: unknown;

  constructor(init: SwitchboardErrorInit) {
    super(oneLine(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.provider = init.provider;
    this.status = init.status;
    this.operationName = init.operationName;
    this.attempts = init.attempts ?? 1;
    this.#errors = init.errors ?? [];
    this.#data = init.data ?? null;
  }

  // Getters rather than fields, so that a printed error (an uncaught one, say) stays short.
  /** Every GraphQL error of the answer. */
  get errors(): readonly SwitchboardErrorDetail[] {
    return this.#errors;
  }

  /** The partial data that came with the errors, or null. */
  get data(): unknown {
    return this.#data;
  }

  override get name(): string {
    return 'SwitchboardError';
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A GraphQL answer's `errors`, read without trusting its shape. */
export function errorDetails(errors: unknown): SwitchboardErrorDetail[] {
  if (!Array.isArray(errors)) return [];
  return errors.map((error: unknown) => {
    const entry = isRecord(error) ? error : {};
    const extensions = isRecord(entry.extensions) ? entry.extensions : {};
    const detail: SwitchboardErrorDetail = {
      message: typeof entry.message === 'string' ? entry.message : 'GraphQL error',
      code: typeof extensions.code === 'string' ? extensions.code : 'GRAPHQL_ERROR',
    };
    if (typeof extensions.provider === 'string') detail.provider = extensions.provider;
    if (Array.isArray(entry.path)) {
      detail.path = entry.path.filter(
        (segment: unknown): segment is string | number =>
          typeof segment === 'string' || typeof segment === 'number',
      );
    }
    return detail;
  });
}

/** The error for a GraphQL answer that has errors. */
export function graphqlError(
  details: readonly SwitchboardErrorDetail[],
  context: {
    operationName?: string | undefined;
    status?: number;
    attempts?: number;
    data?: unknown;
  },
): SwitchboardError {
  const first = details[0] ?? { message: 'GraphQL error', code: 'GRAPHQL_ERROR' };
  return new SwitchboardError({
    code: first.code,
    message: first.message,
    provider: first.provider,
    status: context.status,
    operationName: context.operationName,
    attempts: context.attempts ?? 1,
    errors: details,
    data: context.data,
  });
}
