/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Whether the customer called in (INBOUND) or was called (OUTBOUND). */
export type CallDirection =
  | 'INBOUND'
  | 'OUTBOUND';

/** Narrows a list of calls; every member given must match. */
export type CallFilter = {
  /** Only this direction. */
  direction?: CallDirection | null | undefined;
  /** E.164 number; matches `from` or `to`. */
  phone?: string | null | undefined;
  /** Default: every call provider (OVIA, LLAMADAPRO, CX, HAPPYROBOT). */
  providers?: Array<Provider> | null | undefined;
  /** Started at or after this time. */
  startedAfter?: string | null | undefined;
  /** Started before this time. */
  startedBefore?: string | null | undefined;
  /** Any of these statuses. */
  status?: Array<CallStatus> | null | undefined;
};

/** Normalized call status. Vendor statuses compare case-insensitively with `-`, `_` and space equivalent; one the mapping does not know is UNKNOWN (see `Call.providerStatus`). */
export type CallStatus =
  | 'BUSY'
  | 'CANCELED'
  | 'COMPLETED'
  | 'FAILED'
  | 'IN_PROGRESS'
  | 'NO_ANSWER'
  | 'QUEUED'
  | 'RINGING'
  | 'SCHEDULED'
  | 'UNKNOWN';

/** The medium of an interaction. */
export type Channel =
  | 'CALL'
  | 'SMS'
  | 'WEBCHAT'
  | 'WHATSAPP';

/** A voice-agent platform behind the graph. */
export type Provider =
  | 'CX'
  | 'FREYA'
  | 'HAPPYROBOT'
  | 'LLAMADAPRO'
  | 'OVIA';

export type NewestCallsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: CallFilter | null | undefined;
}>;


export type NewestCallsQuery = { calls: { totalCount: number | null, edges: Array<{ cursor: string, node: { id: string, provider: Provider, providerId: string, status: CallStatus, direction: CallDirection | null, channel: Channel, customerPhone: string | null, startedAt: string | null, durationSeconds: number | null, agent: { id: string, name: string | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };


export const NewestCallsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NewestCalls"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}},"defaultValue":{"kind":"IntValue","value":"20"}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CallFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"calls"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"providerId"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"direction"}},{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"customerPhone"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"durationSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"agent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<NewestCallsQuery, NewestCallsQueryVariables>;