import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from '../context.js';
import { parseInScope } from '../ids.js';
import { WriteLedger } from '../http/write-ledger.js';
import type { Attempt, IdempotencyRefusal, InDoubtReason } from '../stores/idempotency.js';
import { fromThrown, fromZodError, type UserError } from './user-errors.js';

export interface MutationOutcome<T> {
  result: T | null;
  userErrors: UserError[];
}

/**
 * What a creating mutation's field hands its service: the input as the graph received it, checked
 * only by `runMutation`, and the idempotency key when the client gave one.
 */
export interface MutationArgs {
  input: unknown;
  idempotencyKey?: string | null | undefined;
}

/**
 * The one path every mutation takes: validate the arguments with zod (invalid input never reaches
 * a vendor), then run the upstream work at most once per idempotency key, and turn failures into
 * `userErrors`.
 *
 * A key is pinned by the first attempt that may have reached a vendor, whatever it got back; an
 * attempt that failed before any write could have been sent (refused connection, fan-out limit,
 * vendor not configured, input refused while running) releases it, so a repeat runs.
 */
export async function runMutation<I, T>(
  ctx: Context,
  options: {
    /** The mutation's field name; keys are scoped to it. */
    name: string;
    args: unknown;
    schema: z.ZodType<I>;
    idempotencyKey?: string | null | undefined;
    run: (input: I) => Promise<T>;
  },
): Promise<MutationOutcome<T>> {
  const parsed = parseInScope(ctx, () => options.schema.safeParse(options.args));
  if (!parsed.success) return { result: null, userErrors: fromZodError(parsed.error, []) };
  const input = parsed.data;

  const key = options.idempotencyKey;
  if (key === undefined || key === null) {
    try {
      return { result: await options.run(input), userErrors: [] };
    } catch (error) {
      return { result: null, userErrors: fromThrown(error) };
    }
  }
  if (key.trim() === '' || key.length > 255) {
    return keyError('idempotencyKey must be 1 to 255 characters', 'INVALID_INPUT');
  }

  // An unexpected error still reaches this caller, masked; repeats get IDEMPOTENCY_KEY_IN_DOUBT.
  const unexpected: unknown[] = [];
  const attempt = async (): Promise<Attempt<MutationOutcome<T>>> => {
    const ledger = new WriteLedger();
    // Mutation fields run one after another (https://spec.graphql.org/October2021/#sec-Mutation),
    // so the caller holds one mutation's ledger at a time.
    ctx.caller.ledger = ledger;
    try {
      return { value: { result: await options.run(input), userErrors: [] } };
    } catch (error) {
      const reachedVendor = ledger.maybeDelivered > 0;
      let userErrors: UserError[];
      try {
        userErrors = fromThrown(error);
      } catch {
        if (!reachedVendor) throw error;
        unexpected.push(error);
        return { value: inDoubt(key, options.name) };
      }
      if (!reachedVendor) return { value: { result: null, userErrors }, release: true };
      return { value: { result: null, userErrors: userErrors.map((e) => pinned(e, key)) } };
    } finally {
      ctx.caller.ledger = null;
    }
  };

  const outcome = await ctx.idempotency.run(
    {
      tenant: ctx.tenant,
      scope: ctx.client,
      key: `${options.name}:${key}`,
      fingerprint: fingerprint(input),
    },
    attempt,
  );
  switch (outcome.kind) {
    case 'conflict':
      return keyError(
        `idempotencyKey "${key}" was already used for ${options.name} with different input`,
        'IDEMPOTENCY_KEY_REUSED',
      );
    case 'unavailable':
      ctx.logger.warn(
        { mutation: options.name, reason: outcome.reason },
        outcome.reason === 'store-down'
          ? 'idempotency key refused: the idempotency store is unreachable'
          : 'idempotency key refused: no room for another key',
      );
      return keyError(refusalMessage(outcome), 'IDEMPOTENCY_UNAVAILABLE');
    case 'in-doubt':
      return keyError(
        inDoubtMessage(outcome.reason, key, options.name),
        'IDEMPOTENCY_KEY_IN_DOUBT',
      );
    case 'replayed':
      ctx.metrics.idempotencyReplays.inc({ mutation: options.name });
      return outcome.value;
    case 'fresh':
      if (unexpected.length > 0) throw unexpected[0];
      return outcome.value;
  }
}

function keyError<T>(message: string, code: UserError['code']): MutationOutcome<T> {
  return {
    result: null,
    userErrors: [{ field: ['idempotencyKey'], message, code, provider: null }],
  };
}

function refusalMessage(refusal: IdempotencyRefusal): string {
  if (refusal.reason === 'store-down') {
    return 'the idempotency store cannot be reached right now, so the key can be neither claimed nor checked; nothing was sent. Retry shortly, or send the mutation without a key.';
  }
  const what =
    refusal.reason === 'client-quota'
      ? `this client already holds ${refusal.limit} idempotency keys, as many as one client may`
      : 'the gateway cannot hold another idempotency key right now';
  return `${what}; nothing was sent. Repeats of keys already used still work; retry a new key once older ones expire, or send the mutation without one.`;
}

/** Codes whose failure leaves the vendor's side unknown once the request may have reached it. */
const UNKNOWN_OUTCOME_CODES = new Set<UserError['code']>([
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'UPSTREAM_BAD_RESPONSE',
]);

function pinned(error: UserError, key: string): UserError {
  if (!UNKNOWN_OUTCOME_CODES.has(error.code)) return error;
  const vendor = error.provider ?? 'the vendor';
  return {
    ...error,
    message: `${error.message}. The request may have reached ${vendor}, so its outcome is unknown: idempotencyKey "${key}" stays pinned to this answer until it expires; check at ${vendor} before trying again with a new key.`,
  };
}

/** Why a repeat gets IDEMPOTENCY_KEY_IN_DOUBT from the store, never a second upstream call. */
function inDoubtMessage(reason: InDoubtReason, key: string, name: string): string {
  return reason === 'claim-expired'
    ? `an earlier ${name} with idempotencyKey "${key}" stopped before its outcome was recorded (the gateway process running it went away, or lost its idempotency store) after its request may have reached the vendor, so its outcome is unknown; the key stays pinned until it expires, so check at the vendor before trying again with a new key`
    : `an earlier ${name} with idempotencyKey "${key}" ran, but its result was too large to keep for replay; nothing was sent again and the key stays pinned until it expires`;
}

function inDoubt<T>(key: string, name: string): MutationOutcome<T> {
  return keyError(
    `an earlier ${name} with idempotencyKey "${key}" failed after its request may have reached the vendor, so its outcome is unknown; the key stays pinned until it expires`,
    'IDEMPOTENCY_KEY_IN_DOUBT',
  );
}

/** A digest of the validated input, independent of member order. */
export function fingerprint(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('base64url');
}

function stableJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, member]) => `${JSON.stringify(k)}:${stableJson(member)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
