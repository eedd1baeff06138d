import type { z } from 'zod';
import type { Dialect, DialectRequest, DialectResponse } from './vendor-server.js';

/** A request the fake vendor refuses; the route wrapper turns it into the vendor's error body. */
export class DialectRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The dialect with every route wrapped so that a thrown DialectRefusal answers in its error shape. */
export function refusalsAnswered(dialect: Dialect): Dialect {
  return {
    ...dialect,
    routes: dialect.routes.map((route) => ({
      ...route,
      async handle(request: DialectRequest): Promise<DialectResponse> {
        try {
          return await route.handle(request);
        } catch (error) {
          if (error instanceof DialectRefusal)
            return { status: error.status, body: dialect.errorBody(error.status, error.message) };
          throw error;
        }
      },
    })),
  };
}

/** An integer query parameter within bounds; absent or empty gives the fallback, anything else 400. */
export function intQuery(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw new DialectRefusal(400, `${name} must be an integer`);
  const value = Number(raw);
  if (value < min) throw new DialectRefusal(400, `${name} must be at least ${min}`);
  if (value > max) throw new DialectRefusal(400, `${name} must be at most ${max}`);
  return value;
}

/** A date-time query parameter as epoch milliseconds, null when absent, 400 when unparseable. */
export function dateQuery(query: URLSearchParams, name: string): number | null {
  const raw = query.get(name);
  if (raw === null || raw === '') return null;
  const time = Date.parse(raw);
  if (Number.isNaN(time)) throw new DialectRefusal(400, `${name} must be an ISO 8601 date-time`);
  return time;
}

/** A non-empty string query parameter, or null. */
export function textQuery(query: URLSearchParams, name: string): string | null {
  const raw = query.get(name);
  return raw === null || raw === '' ? null : raw;
}

/**
 * One page of `sorted` by page number from 1 (`limit` 1 to 100, default 20), answered as
 * `{data, total, page}`: how CX and HappyRobot page.
 */
export function numberedPage<T>(
  query: URLSearchParams,
  sorted: readonly T[],
): { data: T[]; total: number; page: number } {
  const limit = intQuery(query, 'limit', 20, 1, 100);
  const page = intQuery(query, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
  return { data: sorted.slice((page - 1) * limit, page * limit), total: sorted.length, page };
}

/** The record a path id names, or a 404 worded `<what> <id> not found`. */
export function findById<T extends { id: string }>(
  records: readonly T[],
  id: string | undefined,
  what: string,
): T {
  const record = records.find((candidate) => candidate.id === id);
  if (!record) throw new DialectRefusal(404, `${what} ${id ?? ''} not found`);
  return record;
}

/** The request body checked against a schema; the first issue becomes the 400 message. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new DialectRefusal(400, `${where}${issue?.message ?? 'invalid body'}`);
  }
  return parsed.data;
}

/** Ids compare as plain strings (code units), the same in every locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest first by a time (missing times last), ties by id ascending as plain strings. */
export function newestFirst<T>(
  items: readonly T[],
  time: (item: T) => number,
  id: (item: T) => string,
): T[] {
  return [...items].sort((a, b) => {
    const ta = time(a);
    const tb = time(b);
    const byTime = (Number.isNaN(tb) ? -Infinity : tb) - (Number.isNaN(ta) ? -Infinity : ta);
    return byTime !== 0 && !Number.isNaN(byTime) ? byTime : compareIds(id(a), id(b));
  });
}

/** `Authorization: Bearer <key>` with the scheme in any case, as HTTP allows. */
export function hasBearer(headers: Record<string, string>, key: string): boolean {
  const match = /^bearer\s+(.+)$/i.exec(headers.authorization ?? '');
  return match?.[1]?.trim() === key;
}

export function ok(body: unknown, status = 200): DialectResponse {
  return { status, body };
}
