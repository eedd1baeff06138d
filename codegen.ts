import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the example operations, generated from the committed schema.graphql
 * (printed from the Pothos builder) into the partner client (packages/client), which ships them.
 * The preset also writes `persisted-documents.json` ({ sha256 hash: document }): the manifest a
 * server started with SWITCHBOARD_PERSISTED_OPERATIONS accepts, and each document carries its
 * hash in `__meta__.hash` so the client can send the hash instead of the text. A frontend app's
 * own config is in README.md, "Typed operations in a frontend app (codegen)".
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['examples/operations/*.graphql'],
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  generates: {
    'packages/client/src/generated/': {
      preset: 'client',
      presetConfig: {
        persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' },
      },
      config: {
        scalars: { DateTime: 'string', JSON: 'unknown' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
