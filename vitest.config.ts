import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      // graphql 16 has no "exports" map: Node loads its CommonJS entry for graphql-yoga while Vite
      // would pick the ESM one for our sources, and two GraphQLError classes break `instanceof`.
      graphql: 'graphql/index.js',
      // The partner client from its source, as tsconfig.json's `paths` resolves it.
      '@switchboard/client': fileURLToPath(
        new URL('./packages/client/src/index.ts', import.meta.url),
      ),
    },
  },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'graph',
          include: ['test/graph/**/*.test.ts'],
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
    ],
  },
});
