/**
 * The operations the benchmarks send. The dashboard is the README's, on Ovia calls as in
 * test/graph/joins.test.ts, so that its upstream cost is one call list plus the batched joins.
 */
export const DASHBOARD = `query Dashboard($first: Int!) {
  calls(first: $first, filter: { providers: [OVIA] }) {
    edges {
      node {
        id provider status startedAt customerPhone
        agent { name }
        contact { displayName emails customFields { key value definition { label } } }
        problems { title severity resolved }
      }
    }
  }
}`;

/** Answered from the gateway's own configuration: no upstream request. */
export const SMALL_PROVIDERS = '{ providers { provider mode } }';

/** One Ovia list request per query, no join. */
export const SMALL_CALLS =
  '{ calls(first: 5, filter: { providers: [OVIA] }) { edges { node { id status } } } }';

export interface GraphQLBody {
  query: string;
  variables?: Record<string, unknown>;
}

export function graphQLBody(query: string, variables?: Record<string, unknown>): string {
  const body: GraphQLBody = variables ? { query, variables } : { query };
  return JSON.stringify(body);
}
