import { Kind } from 'graphql';
import { builder } from '../builder.js';
import { invalidInput } from '../errors.js';

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw invalidInput(`DateTime must be an ISO 8601 string, got ${JSON.stringify(value)}`);
  }
  return new Date(value);
}

builder.scalarType('DateTime', {
  description: 'An ISO 8601 date-time string, e.g. `2026-10-31T14:05:00.000Z`.',
  serialize: (value) => value,
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

builder.scalarType('JSON', {
  description: 'Any JSON value, passed through as the vendor sent it.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: () => {
    throw invalidInput('JSON arguments must be passed as variables');
  },
});

/** Every vendor object's `raw` field: what the vendor sent, unknown members included. */
export const RAW_FIELD = {
  type: 'JSON',
  nullable: true,
  description: "The vendor's object exactly as received, unknown members included.",
} as const;
