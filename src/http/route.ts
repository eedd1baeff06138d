import { invalidInput } from '../errors.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * One vendor route. `source` says whether the vendor's document shows it (`doc`) or we follow
 * the vendor's conventions without a document (`assumed`), so an assumed route is a one-line fix.
 */
export interface Route {
  readonly method: HttpMethod;
  readonly path: string;
  readonly source: 'doc' | 'assumed';
  /**
   * What the route lets the graph do, as `area.operation` (`calls.list`, `notes.add`): a vendor's
   * announced capabilities are its routes' (src/vendors/registry.ts).
   */
  readonly capability: string;
  /**
   * A cacheable read (a GET, or a search sent as POST): the tags its answer depends on. A tag is
   * a name (`calls`, a list) or a name with this route's path parameters (`call:{id}`, one
   * object); `name:*` by convention stands for "any of them", for writes that cannot say which.
   * A read without tags is never cached (src/http/read-cache.ts).
   */
  readonly cache?: readonly string[];
  /** A write: the tags whose cached reads it makes stale, in the same form. */
  readonly invalidates?: readonly string[];
}

export function defineRoutes<const T extends Record<string, Route>>(routes: T): T {
  return routes;
}

/** The name errors and logs use: method and path template, never ids or query strings. */
export function routeName(route: Route): string {
  return `${route.method} ${route.path}`;
}

/** Far above the longest vendor id we know (a 36-character UUID), far below a URL limit. */
export const MAX_PATH_PARAMETER_LENGTH = 128;

/**
 * `/`, `\`, `?`, `#` and `%` are encoded by fillPath, but a proxy in front of a vendor may decode
 * them again before routing; no vendor id we know holds them, nor whitespace or control
 * characters. A lone surrogate would make encodeURIComponent throw.
 */
const UNSAFE_IN_PATH = /[/\\?#%\s\p{Cc}\p{Cs}]/u;

/**
 * Why `value` cannot be one path segment, or null when it can. `.` and `..` pass
 * encodeURIComponent unchanged and URL parsing then resolves them away, re-aiming a
 * `DELETE /tasks/{id}` at `/tasks/` or its parent.
 */
export function pathParameterProblem(value: string): string | null {
  if (value === '') return 'must not be empty';
  if (value.length > MAX_PATH_PARAMETER_LENGTH)
    return `must be at most ${MAX_PATH_PARAMETER_LENGTH} characters`;
  if (value === '.' || value === '..') return 'must not be "." or ".."';
  if (UNSAFE_IN_PATH.test(value))
    return 'must not hold /, \\, ?, #, %, whitespace or control characters';
  return null;
}

/**
 * The route's path with its parameters filled in. Ids are checked where they are decoded; this
 * check is the last line, so that no path of ours can ever reach another route.
 */
export function fillPath(route: Route, params: Record<string, string | number> = {}): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined)
      throw new Error(`missing path parameter ${name} for ${routeName(route)}`);
    const text = String(value);
    const problem = pathParameterProblem(text);
    if (problem !== null) {
      throw invalidInput(`${name} ${problem}; ${routeName(route)} was not sent`);
    }
    return encodeURIComponent(text);
  });
}
