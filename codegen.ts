import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the example operations, generated from the committed schema.graphql
 * (printed from the Pothos builder), the way a frontend app would set it up. The preset also
 * writes `persisted-documents.json` ({ sha256 hash: document }): the manifest a server started
 * with SWITCHBOARD_PERSISTED_OPERATIONS accepts, and each document carries its hash in
 * `__meta__.hash` so a client can send the hash instead of the text.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['examples/operations/*.graphql'],
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  generates: {
    'examples/generated/': {
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
