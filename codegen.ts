import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for the example operations, generated from the committed schema.graphql
 * (printed from the Pothos builder), the way a frontend app would set it up.
 */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['examples/operations/*.graphql'],
  ignoreNoDocuments: false,
  emitLegacyCommonJSImports: false,
  generates: {
    'examples/generated/': {
      preset: 'client',
      config: {
        scalars: { DateTime: 'string', JSON: 'unknown' },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
