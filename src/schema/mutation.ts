import type { ArgBuilder, ObjectRef } from '@pothos/core';
import { builder, type BuilderTypes } from '../builder.js';
import { ERROR_CODES } from '../errors.js';
import type { MutationOutcome } from '../mutations/run-mutation.js';
import type { UserError } from '../mutations/user-errors.js';
import { ProviderEnum } from './enums.js';

const UserErrorCodeEnum = builder.enumType('UserErrorCode', {
  description: 'Why a mutation did not do what it was asked.',
  values: {
    INVALID_INPUT: {
      description: 'An argument is malformed or out of range; no vendor was called.',
    },
    NOT_FOUND: { description: 'The object does not exist at the vendor.' },
    PROVIDER_NOT_CONFIGURED: { description: 'The vendor is neither configured nor sandboxed.' },
    IDEMPOTENCY_KEY_REUSED: {
      description: 'The idempotency key was used before with other input.',
    },
    IDEMPOTENCY_KEY_IN_DOUBT: {
      description:
        'An earlier request with this idempotency key may have reached the vendor but its outcome is unknown (it failed unexpectedly, or the gateway process handling it stopped before recording it), or it ran but its result was too large to keep; the key stays pinned until it expires and nothing was sent again.',
    },
    IDEMPOTENCY_UNAVAILABLE: {
      description:
        'The gateway cannot take or check an idempotency key now (its store is full, this client holds as many keys as it may, or the shared store, Redis, cannot be reached); nothing was sent. Repeats of keys already used still work while the store can be reached.',
    },
    UPSTREAM_REJECTED: { description: 'The vendor refused the request (4xx).' },
    UPSTREAM_UNAVAILABLE: { description: 'The vendor failed (5xx) or could not be reached.' },
    UPSTREAM_TIMEOUT: { description: 'The vendor did not answer in time; the outcome is unknown.' },
    UPSTREAM_RATE_LIMITED: { description: 'The vendor asked us to slow down (429).' },
    UPSTREAM_BAD_RESPONSE: { description: 'The vendor answered with a body we could not read.' },
    FAN_OUT_LIMITED: {
      description:
        'The operation used its allowance of upstream requests; this vendor was not asked.',
    },
  } satisfies Record<(typeof ERROR_CODES)[number], { description: string }>,
});

export const UserErrorType = builder.objectRef<UserError>('UserError').implement({
  description: 'A mutation failure the client can act on.',
  fields: (t) => ({
    field: t.exposeStringList('field', {
      nullable: true,
      description: 'The path of the offending argument, e.g. `["input", "toNumber"]`.',
    }),
    message: t.exposeString('message', { description: 'What went wrong, for people.' }),
    code: t.field({
      type: UserErrorCodeEnum,
      description: 'What went wrong, for programs.',
      resolve: (e) => e.code,
    }),
    provider: t.field({
      type: ProviderEnum,
      nullable: true,
      description: 'The vendor that failed, for upstream errors.',
      resolve: (e) => e.provider,
    }),
  }),
});

/**
 * `XPayload { <field>: X, userErrors: [UserError!]! }`: the object (null on failure) and what
 * went wrong. `extra` adds fields computed from the result.
 */
export function definePayload<T>(
  name: string,
  field: string,
  ref: ObjectRef<BuilderTypes, T>,
  description: string,
): ObjectRef<BuilderTypes, MutationOutcome<T>> {
  return builder.objectRef<MutationOutcome<T>>(name).implement({
    description,
    fields: (t) => ({
      [field]: t.field({
        type: ref,
        nullable: true,
        description: 'The object, or null when the mutation failed.',
        // TypeScript cannot resolve Pothos' result type for a generic T; callers pass matching refs.
        resolve: (outcome) => outcome.result as never,
      }),
      userErrors: t.field({
        type: [UserErrorType],
        description: 'Empty on success.',
        resolve: (outcome) => outcome.userErrors,
      }),
    }),
  });
}

/** The `idempotencyKey` argument of every mutation that creates something (README, "Mutations"). */
export function idempotencyKeyArg(t: { arg: ArgBuilder<BuilderTypes> }) {
  return t.arg.string({
    description:
      'Repeats with this key within 24 h return the first result without calling the vendor again; the same key with other input is IDEMPOTENCY_KEY_REUSED.',
  });
}

builder.mutationType({ description: 'Everything Switchboard can do at the vendors.' });
