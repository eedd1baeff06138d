import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The gateway as `npm start` runs it is tsc's output (dist/, built by `npm run build`), not the
 * TypeScript that tsx transforms on the fly for the bench scripts: tsx's transform keeps function
 * names by wrapping every named function and class as it is created (esbuild's `keepNames`), which
 * costs CPU on every request the built gateway never pays (bench/README.md, "Third sitting").
 * `BENCH_GATEWAY_BUILD` names a checkout's built `dist/src/` directory; the children that run
 * gateway code (bench/serve.ts, bench/minimal-gateway.ts) load it from there when it is set.
 */
export const BUILD_ENV = 'BENCH_GATEWAY_BUILD';

/** Builds `checkout` (a checkout of this repository, its dependencies installed) with tsc. */
export function buildCheckout(checkout: string): string {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: checkout, stdio: 'inherit' });
  return resolve(checkout, 'dist/src');
}

/**
 * `module` (a path under src/, `http/answer.js`) from the build `BENCH_GATEWAY_BUILD` names, or
 * from `source` (the caller's import of the same module's source) without one. Only one of the
 * two is loaded, so the process holds one copy of the gateway.
 */
export async function importGatewayModule<T>(module: string, source: () => Promise<T>): Promise<T> {
  const build = process.env[BUILD_ENV];
  if (!build) return source();
  return (await import(pathToFileURL(resolve(build, module)).href)) as T;
}
