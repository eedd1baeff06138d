export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * One vendor route. `source` says whether the vendor's document shows it (`doc`) or we follow
 * the vendor's conventions without a document (`assumed`), so an assumed route is a one-line fix.
 */
export interface Route {
  readonly method: HttpMethod;
  readonly path: string;
  readonly source: 'doc' | 'assumed';
}

export function defineRoutes<const T extends Record<string, Route>>(routes: T): T {
  return routes;
}

/** The name errors and logs use: method and path template, never ids or query strings. */
export function routeName(route: Route): string {
  return `${route.method} ${route.path}`;
}

export function fillPath(route: Route, params: Record<string, string | number> = {}): string {
  return route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined)
      throw new Error(`missing path parameter ${name} for ${routeName(route)}`);
    return encodeURIComponent(String(value));
  });
}
