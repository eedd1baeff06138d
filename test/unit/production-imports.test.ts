import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The modules a file loads when it is evaluated: `import … from`, `import '…'` and
 * `export … from`, but not `import type` / `export type` (erased) nor `import()` (loaded only when
 * the code runs). `import { type A } from` still counts, since it compiles to `import {} from`.
 * Prettier puts every such statement at the start of a line, which keeps this from matching
 * examples inside comments or strings.
 */
function staticImports(source: string): string[] {
  const statements = [
    /^import\s+(?!type[\s{])[\w$*{},\s]+?\s+from\s+'([^']+)'/gm,
    /^import\s+'([^']+)'/gm,
    /^export\s+(?!type[\s{])(?:\*(?:\s+as\s+[\w$]+)?|\{[\w$,\s]*\})\s+from\s+'([^']+)'/gm,
  ];
  return statements.flatMap((pattern) =>
    [...source.matchAll(pattern)].map((match) => match[1] ?? ''),
  );
}

function resolveSource(from: string, specifier: string): string {
  const target = resolve(dirname(from), specifier);
  const candidates = [target.replace(/\.js$/, '.ts'), `${target}.ts`, resolve(target, 'index.ts')];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found === undefined)
    throw new Error(`${relative(ROOT, from)} imports ${specifier}: not found`);
  return found;
}

/** Every source file reachable from the roots through static imports, as repo-relative paths. */
function staticGraph(roots: string[]): Set<string> {
  const seen = new Set<string>();
  const pending = roots.map((root) => resolve(ROOT, root));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    const path = relative(ROOT, file);
    if (seen.has(path)) continue;
    seen.add(path);
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) pending.push(resolveSource(file, specifier));
    }
  }
  return seen;
}

describe('the production entry', () => {
  // server.ts loads gateway.ts with import(), and does so on every start.
  const production = staticGraph(['src/server.ts', 'src/gateway.ts']);

  it('reaches the whole gateway through static imports', () => {
    expect(production).toContain('src/yoga.ts');
    expect(production).toContain('src/connectors.ts');
    expect(production.size).toBeGreaterThan(50);
  });

  it('does not load any sandbox module statically', () => {
    expect([...production].filter((path) => path.startsWith('src/sandbox/'))).toEqual([]);
  });

  it('would be caught importing the sandbox', () => {
    const sandbox = staticGraph(['src/sandbox/cli.ts']);
    expect(sandbox).toContain('src/sandbox/server.ts');
    expect(sandbox).toContain('src/sandbox/llamadapro/data-messages.ts');
    expect(
      staticImports("import { type A } from './a.js';\nimport type { B } from './b.js';"),
    ).toEqual(['./a.js']);
    expect(
      staticImports("const m = await import('./m.js');\nexport type { C } from './c.js';"),
    ).toEqual([]);
  });
});

describe('the sandbox', () => {
  it('loads nothing of src/ outside itself but types', () => {
    const sandbox = staticGraph(['src/sandbox/server.ts', 'src/sandbox/cli.ts']);
    expect([...sandbox].filter((path) => !path.startsWith('src/sandbox/'))).toEqual([]);
  });
});
