import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import type { DialectRequest, DialectRoute } from '../vendor-server.js';

/*
 * How LlamadaPro's sandbox reads a request and refuses a bad one: the vendor's error shape
 * `{code, error, message, details}`, the route wrapper that answers in it, and the parsers of
 * query parameters, path ids and bodies (docs/vendors/llamadapro.md).
 */

export const E164 = /^\+[1-9]\d{7,14}$/;

/** A failure the dialect answers in LlamadaPro's error shape. */
class LlamadaProHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function fail(status: number, message: string, details?: Record<string, unknown>): never {
  throw new LlamadaProHttpError(status, message, details);
}

export function llamadaProError(
  status: number,
  message: string,
  details: Record<string, unknown> = {},
): unknown {
  return { code: status, error: STATUS_CODES[status] ?? 'Error', message, details };
}

export function route(
  method: string,
  path: string,
  handler: (request: DialectRequest) => unknown,
): DialectRoute {
  return {
    method,
    path,
    handle(request) {
      try {
        return { status: 200, body: handler(request) };
      } catch (error) {
        if (error instanceof LlamadaProHttpError) {
          return {
            status: error.status,
            body: llamadaProError(error.status, error.message, error.details),
          };
        }
        throw error;
      }
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Bodies

export const isoDate = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}(T|$)/.test(value) && !Number.isNaN(Date.parse(value)), {
    error: 'must be an ISO 8601 date-time',
  });
export const e164 = z
  .string()
  .regex(E164, { error: 'must be an E.164 phone number, e.g. +14155552671' });
export const dictionary = z.record(z.string(), z.unknown());

export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? undefined);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({
      path: issue.path.join('.'),
      message: issue.message,
    }));
    const first = issues[0];
    fail(400, first === undefined ? 'invalid body' : `${first.path || 'body'}: ${first.message}`, {
      issues,
    });
  }
  return result.data;
}

/** One problem with one item, as the bulk reports and custom field checks list them. */
export interface Issue {
  field: string;
  message: string;
  code: string;
  context?: Record<string, unknown>;
}

export function zodIssues(error: z.ZodError, input: unknown, prefix = ''): Issue[] {
  return error.issues.map((issue) => {
    let value: unknown = input;
    for (const key of issue.path)
      value = value !== null && typeof value === 'object' ? Reflect.get(value, key) : undefined;
    const field = prefix + issue.path.join('.');
    return value === undefined
      ? { field, message: `${field} is required`, code: 'REQUIRED_FIELD' }
      : { field, message: issue.message, code: 'INVALID_VALUE' };
  });
}

// ---------------------------------------------------------------------------------------------
// Query parameters and path ids

export function textQuery(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  return value === null || value === '' ? undefined : value;
}

export function integerQuery(
  query: URLSearchParams,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const raw = textQuery(query, name);
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    fail(400, `${name} must be an integer from ${min} to ${max}`);
  }
  return Number(raw);
}

export function dateQuery(query: URLSearchParams, name: string): number | undefined {
  const raw = textQuery(query, name);
  if (raw === undefined) return undefined;
  const parsed = isoDate.safeParse(raw);
  if (!parsed.success) fail(400, `${name} must be an ISO 8601 date-time`);
  return Date.parse(raw);
}

export function enumQuery<T extends string>(
  query: URLSearchParams,
  name: string,
  values: readonly T[],
): T | undefined {
  const raw = textQuery(query, name);
  if (raw === undefined) return undefined;
  const found = values.find((value) => value === raw);
  if (found === undefined) fail(400, `${name} must be one of ${values.join(', ')}`);
  return found;
}

/** Path ids the document types as numbers. */
export function numericId(raw: string | undefined, name: string): number {
  if (raw === undefined || !/^\d+$/.test(raw)) fail(400, `${name} must be a number`);
  return Number(raw);
}
