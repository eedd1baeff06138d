import { GraphQLError } from 'graphql';
import type { z } from 'zod';
import { ERROR_CODES, UpstreamError, type ErrorCode } from '../errors.js';
import { PROVIDERS, type Provider } from '../model/provider.js';

/** A mutation failure the client can act on: what went wrong, where, and with which vendor. */
export interface UserError {
  field: string[] | null;
  message: string;
  code: ErrorCode;
  provider: Provider | null;
}

/** zod issues as INVALID_INPUT errors, each naming the argument path (`['input', 'toNumber']`). */
export function fromZodError(error: z.ZodError, prefix: string[]): UserError[] {
  return error.issues.map((issue) => ({
    field: [...prefix, ...issue.path.map(String)],
    message: issue.message,
    code: 'INVALID_INPUT',
    provider: null,
  }));
}

/**
 * Anything a mutation's upstream work threw, as user errors: vendor failures keep their code and
 * provider (never a vendor body or a credential); GraphQL errors with a known code keep it.
 * Anything else is not ours to explain and is rethrown, to be masked.
 */
export function fromThrown(error: unknown): UserError[] {
  if (error instanceof UpstreamError) {
    return [{ field: null, message: error.message, code: error.code, provider: error.provider }];
  }
  if (error instanceof GraphQLError) {
    const code = ERROR_CODES.find((known) => known === error.extensions['code']);
    const provider = PROVIDERS.find((known) => known === error.extensions['provider']) ?? null;
    const field = error.extensions['field'];
    if (code) {
      return [
        {
          field: Array.isArray(field) ? field.map(String) : null,
          message: error.message,
          code,
          provider,
        },
      ];
    }
  }
  throw error;
}
