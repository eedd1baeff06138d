import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getOperationAST } from 'graphql';
import { GraphQLClient, type RequestMiddleware, type Variables } from 'graphql-request';
import { z } from 'zod';
import {
  AddCallNoteDocument,
  CallDetailDocument,
  Contact360Document,
  CreateTaskDocument,
  DashboardDocument,
  NewestCallsDocument,
  SendWhatsAppTemplateDocument,
  StartCallDocument,
  type AddCallNoteMutationVariables,
  type CallDetailQueryVariables,
  type Contact360QueryVariables,
  type CreateTaskMutationVariables,
  type DashboardQueryVariables,
  type NewestCallsQueryVariables,
  type SendWhatsAppTemplateMutationVariables,
  type StartCallMutationVariables,
} from '../generated/graphql.js';

export interface SwitchboardClientOptions {
  /** The graph's endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  /** One of the server's SWITCHBOARD_API_KEYS, sent as `Authorization: Bearer`; none for an open graph. */
  apiKey?: string;
  /**
   * Send each operation as its hash (`extensions.persistedQuery.sha256Hash`) instead of its text,
   * for a server started with SWITCHBOARD_PERSISTED_OPERATIONS. @default false
   */
  persisted?: boolean;
}

/** The client preset embeds each document's hash as `__meta__.hash` ("sha256:<hex>"). */
const documentMetaSchema = z.object({ hash: z.string().regex(/^sha256:[0-9a-f]{64}$/) });

function persistedHash(document: TypedDocumentNode<unknown, never>): string {
  const meta = documentMetaSchema.safeParse(Reflect.get(document, '__meta__'));
  if (!meta.success) throw new Error('this document has no persisted hash: run npm run codegen');
  return meta.data.hash.slice('sha256:'.length);
}

const postBodySchema = z.object({
  query: z.string(),
  operationName: z.string().optional(),
  variables: z.record(z.string(), z.unknown()).optional(),
});

/**
 * A typed client for Switchboard over graphql-request and the generated TypedDocumentNodes:
 * every function takes the operation's variables and resolves to its data, typed. A GraphQL
 * error (or an HTTP error) rejects with graphql-request's ClientError; mutation failures come
 * back as `userErrors` in the data.
 */
export function createSwitchboardClient(options: SwitchboardClientOptions) {
  // graphql-request builds the POST body itself; in persisted mode the body is rewritten to carry
  // the operation's hash instead of its text. Operation names are unique (codegen enforces it).
  const hashes = new Map<string, string>();
  const sendByHash: RequestMiddleware = (request) => {
    const hash = request.operationName ? hashes.get(request.operationName) : undefined;
    const body =
      typeof request.body === 'string' ? postBodySchema.safeParse(JSON.parse(request.body)) : null;
    if (!hash || !body?.success) return request;
    const { operationName, variables } = body.data;
    return {
      ...request,
      body: JSON.stringify({
        operationName,
        variables,
        extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
      }),
    };
  };
  const client = new GraphQLClient(options.url, {
    method: 'POST',
    headers: {
      'x-graphql-client-name': 'switchboard-partner-client',
      ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
    },
    ...(options.persisted ? { requestMiddleware: sendByHash } : {}),
  });

  /** Runs any generated document; the named functions below are this with the types fixed. */
  async function request<TData, TVariables extends Variables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ): Promise<TData> {
    if (options.persisted) {
      const name = getOperationAST(document)?.name?.value;
      if (name) hashes.set(name, persistedHash(document));
    }
    return client.request<TData, Variables>({ document, variables });
  }

  return {
    request,
    listCalls: (variables: NewestCallsQueryVariables = {}) =>
      request(NewestCallsDocument, variables),
    dashboard: (variables: DashboardQueryVariables = {}) => request(DashboardDocument, variables),
    callDetail: (variables: CallDetailQueryVariables) => request(CallDetailDocument, variables),
    contact360: (variables: Contact360QueryVariables) => request(Contact360Document, variables),
    startCall: (variables: StartCallMutationVariables) => request(StartCallDocument, variables),
    addCallNote: (variables: AddCallNoteMutationVariables) =>
      request(AddCallNoteDocument, variables),
    sendWhatsAppTemplate: (variables: SendWhatsAppTemplateMutationVariables) =>
      request(SendWhatsAppTemplateDocument, variables),
    createTask: (variables: CreateTaskMutationVariables) => request(CreateTaskDocument, variables),
  };
}

export type SwitchboardClient = ReturnType<typeof createSwitchboardClient>;
