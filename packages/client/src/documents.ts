import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getOperationAST, print, type DocumentNode, type OperationTypeNode } from 'graphql';
import { isRecord } from './errors.js';

/** What the client needs of a document, read once per document. */
export interface Operation {
  type: OperationTypeNode;
  name: string | undefined;
  /** The printed document, sent unless the client is in persisted mode. */
  text: string;
  /** The sha256 hex GraphQL Code Generator embedded as `__meta__.hash`, if any. */
  hash: string | undefined;
  /** Whether the operation declares `$after`: a subscription that can resume from a cursor. */
  resumable: boolean;
}

const operations = new WeakMap<DocumentNode, Operation>();

/**
 * The client preset's `persistedDocuments: { mode: 'embedHashInDocument' }` puts
 * `__meta__: { hash: "sha256:<hex>" }` on each document
 * (https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#persisted-documents).
 */
function embeddedHash(document: DocumentNode): string | undefined {
  const meta: unknown = Reflect.get(document, '__meta__');
  const hash = isRecord(meta) ? meta.hash : undefined;
  if (typeof hash !== 'string') return undefined;
  const match = /^(?:sha256:)?([0-9a-f]{64})$/.exec(hash);
  return match ? match[1] : undefined;
}

// The variables type is irrelevant here: only the document's shape is read.
export function operationOf(document: TypedDocumentNode<unknown, never> | DocumentNode): Operation {
  const known = operations.get(document);
  if (known) return known;
  const definition = getOperationAST(document);
  if (!definition) {
    throw new TypeError('the document must hold exactly one operation (or name the one to run)');
  }
  const operation: Operation = {
    type: definition.operation,
    name: definition.name?.value,
    text: print(document),
    hash: embeddedHash(document),
    resumable: (definition.variableDefinitions ?? []).some(
      (variable) => variable.variable.name.value === 'after',
    ),
  };
  operations.set(document, operation);
  return operation;
}

/**
 * The POST body of an operation: its text, or in persisted mode its hash as the Apollo
 * convention has it (README.md, "Persisted operations").
 */
export function requestBody(
  operation: Operation,
  variables: unknown,
  persisted: boolean,
): Record<string, unknown> {
  const body: Record<string, unknown> = { operationName: operation.name, variables };
  if (!persisted) return { query: operation.text, ...body };
  if (!operation.hash) {
    throw new TypeError(
      `${operation.name ?? 'this operation'} has no persisted hash: generate it with the client preset's persistedDocuments option`,
    );
  }
  return { ...body, extensions: { persistedQuery: { version: 1, sha256Hash: operation.hash } } };
}

/** The `cursor` of a subscription event (`{ callEvents: { cursor } }`), when it selects one. */
export function cursorOf(data: unknown): string | undefined {
  if (!isRecord(data)) return undefined;
  const root: unknown = Object.values(data)[0];
  return isRecord(root) && typeof root.cursor === 'string' ? root.cursor : undefined;
}
