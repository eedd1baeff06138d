import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { usePersistedOperations as useYogaPersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import { z } from 'zod';
import { ConfigError } from '../config.js';

const VARIABLE = 'SWITCHBOARD_PERSISTED_OPERATIONS';

/** GraphQL Code Generator's client preset writes `{ "sha256:<hex>": "<document>" }`. */
const manifestSchema = z.record(z.string(), z.string());

/** Hashes are compared as bare lowercase hex, so `sha256:<hex>` and `<hex>` both match. */
function normalizeHash(hash: string): string {
  return hash.replace(/^sha256:/i, '').toLowerCase();
}

/**
 * Reads the manifest once, at start-up. Every key must be the SHA-256 of its document: a
 * manifest edited by hand (or from another hash algorithm) fails here rather than at the first
 * request.
 */
export function loadPersistedOperations(path: string): Map<string, string> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${VARIABLE} is not a readable JSON file (${String(error)})`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    throw new ConfigError(`${VARIABLE} must map hashes to documents`);
  }
  const operations = new Map<string, string>();
  for (const [hash, document] of Object.entries(parsed.data)) {
    const digest = createHash('sha256').update(document).digest('hex');
    if (normalizeHash(hash) !== digest) {
      throw new ConfigError(`${VARIABLE} holds ${hash}, which is not the sha256 of its document`);
    }
    operations.set(digest, document);
  }
  return operations;
}

/** The Apollo convention: `extensions: { persistedQuery: { version: 1, sha256Hash } }`. */
const persistedQuerySchema = z.looseObject({
  persistedQuery: z.looseObject({ version: z.literal(1), sha256Hash: z.string().min(1) }),
});

export function persistedOperationId(params: GraphQLParams): string | null {
  const parsed = persistedQuerySchema.safeParse(params.extensions);
  return parsed.success ? normalizeHash(parsed.data.persistedQuery.sha256Hash) : null;
}

export const PERSISTED_ONLY_MESSAGE =
  'This graph accepts only persisted operations: send extensions.persistedQuery.sha256Hash of an operation in its manifest, without the query text';
export const PERSISTED_NOT_FOUND_MESSAGE =
  'PersistedQueryNotFound: no operation in the manifest has this hash';

/**
 * Operations from the manifest can be sent by hash instead of text. With `only`, nothing else
 * runs: a production graph then executes exactly the operations its apps were built with,
 * whatever a caller sends.
 */
export function usePersistedOperations(options: {
  /** The manifest as `loadPersistedOperations` read it, by bare hex hash. */
  operations: ReadonlyMap<string, string>;
  only: boolean;
}): Plugin<Record<string, never>> {
  const { operations } = options;
  return useYogaPersistedOperations({
    getPersistedOperation: (hash) => operations.get(hash) ?? null,
    extractPersistedOperationId: persistedOperationId,
    allowArbitraryOperations: !options.only,
    customErrors: {
      persistedQueryOnly: {
        message: PERSISTED_ONLY_MESSAGE,
        extensions: { code: 'PERSISTED_QUERY_ONLY', http: { status: 400 } },
      },
      notFound: {
        message: PERSISTED_NOT_FOUND_MESSAGE,
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } },
      },
      keyNotFound: {
        message:
          'Send either a query or extensions.persistedQuery: { version: 1, sha256Hash } of a persisted operation',
        extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED', http: { status: 400 } },
      },
    },
  });
}
