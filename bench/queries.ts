import { readFile } from 'node:fs/promises';

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

/** The README's `Dashboard` example (50 calls from every call vendor, each with its joins). */
export async function readmeDashboard(): Promise<string> {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  const example = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)]
    .map((match) => match[1]!)
    .find((text) => /query Dashboard\b/.test(text));
  if (!example) throw new Error('README.md has no Dashboard example');
  return example;
}

/** `calls(first: 10)` on one vendor: one Ovia list request per query, no join (issue 15). */
export const CALLS_FIRST_10 =
  '{ calls(first: 10, filter: { providers: [OVIA] }) { edges { node { id status } } } }';
