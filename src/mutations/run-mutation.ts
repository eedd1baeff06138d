import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { Context } from '../context.js';
import { fromThrown, fromZodError, type UserError } from './user-errors.js';

export interface MutationOutcome<T> {
  result: T | null;
  userErrors: UserError[];
}

/**
 * The one path every mutation takes: validate the arguments with zod (invalid input never reaches
 * a vendor), then run the upstream work at most once per idempotency key, and turn failures into
 * `userErrors`.
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
  const parsed = options.schema.safeParse(options.args);
  if (!parsed.success) return { result: null, userErrors: fromZodError(parsed.error, []) };
  const input = parsed.data;

  const attempt = async (): Promise<MutationOutcome<T>> => {
    try {
      return { result: await options.run(input), userErrors: [] };
    } catch (error) {
      return { result: null, userErrors: fromThrown(error) };
    }
  };

  const key = options.idempotencyKey;
  if (key === undefined || key === null) return attempt();
  if (key.trim() === '' || key.length > 255) {
    return {
      result: null,
      userErrors: [
        {
          field: ['idempotencyKey'],
          message: 'idempotencyKey must be 1 to 255 characters',
          code: 'INVALID_INPUT',
          provider: null,
        },
      ],
    };
  }
  const outcome = await ctx.idempotency.run(`${options.name}:${key}`, fingerprint(input), attempt);
  if (outcome.kind === 'conflict') {
    return {
      result: null,
      userErrors: [
        {
          field: ['idempotencyKey'],
          message: `idempotencyKey "${key}" was already used for ${options.name} with different input`,
          code: 'IDEMPOTENCY_KEY_REUSED',
          provider: null,
        },
      ],
    };
  }
  if (outcome.kind === 'replayed') ctx.metrics.idempotencyReplays.inc({ mutation: options.name });
  return outcome.value;
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
