import { z } from 'zod';
import { GraphQLError } from 'graphql';
import { currentParsingScope, decodeGlobalId, type NodeType } from '../ids.js';
import type { Provider } from '../model/provider.js';

/** The zod pieces mutation inputs are made of, with messages a client can show as they are. */

export const e164 = z
  .string()
  .regex(/^\+[1-9]\d{7,14}$/, { error: 'must be an E.164 phone number such as +14155550123' });

export const uuid = z.uuid({ error: 'must be a UUID' });

/** A non-empty string, trimmed, of at most `max` characters. */
export const text = (max = 10_000) =>
  z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

/**
 * A non-empty string, trimmed, with no upper bound: for members whose vendor document states no
 * length (a cap of our own would refuse what the vendor takes).
 */
export const nonBlank = () => z.string().trim().min(1, { error: 'must not be empty' });

/** A whole number given as a string, for vendor ids the documents type as numbers. */
export const numericId = z.string().regex(/^\d{1,15}$/, { error: 'must be a numeric id' });

/**
 * A global id that must name an object of `type` on `provider`; becomes the vendor's own id.
 */
export function globalIdOf(type: NodeType, provider: Provider) {
  return z.string().transform((value, ctx) => {
    try {
      const id = decodeGlobalId(currentParsingScope(), value);
      if (id.type === type && id.provider === provider) return id.providerId;
      ctx.addIssue({
        code: 'custom',
        message: `must be the id of a ${provider} ${type}, not of a ${id.provider} ${id.type}`,
      });
    } catch (error) {
      // Anything but a refused id (a parse outside parseInScope) is a defect, not bad input.
      if (!(error instanceof GraphQLError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.message });
    }
    return z.NEVER;
  });
}

/**
 * An update member the vendor cannot clear: omitted is left alone, a value is set, and an
 * explicit null is refused here, before the vendor would refuse it.
 */
export function notNull<T extends z.ZodType>(schema: T) {
  return z
    .any()
    .refine((value) => value !== null, { error: 'cannot be null; leave it out to keep it' })
    .pipe(schema)
    .optional();
}

/**
 * An optional member of a create input: GraphQL gives omitted as undefined and explicit null as
 * null, and on a create both mean "not sent" (the vendor's default applies).
 */
export function sendIfGiven<T extends z.ZodType>(schema: T) {
  return schema.nullish().transform((value) => value ?? undefined);
}
