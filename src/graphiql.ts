import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { GraphiQLOptions } from 'graphql-yoga';

export const DEFAULT_QUERY = `# Welcome to Switchboard: one graph over Freya, Ovia,
# LlamadaPro, CX and HappyRobot.
#
# Press the run button (or Ctrl-Enter) to list the newest
# calls from every call vendor. The other tabs hold the
# example operations (examples/operations/*.graphql),
# each with variables that work on the sandbox.
# The book icon on the left opens the docs: every type,
# field and argument is described there.
query NewestCalls {
  calls(first: 10) {
    totalCount
    edges {
      node {
        id provider status direction channel
        customerPhone startedAt durationSeconds
        agent { name }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
  providers { provider mode capabilities }
}
`;

export type GraphiQLTab = NonNullable<GraphiQLOptions['defaultTabs']>[number];

/**
 * The example operations (examples/operations/*.graphql), one GraphiQL tab each after the
 * default query, each with the variables of its `<name>.variables.json` (ids and numbers of the
 * sandbox's seeded data, README.md "A tour of GraphiQL"). They live beside src/ in a checkout
 * (tsx) and beside dist/src/ after a build; a deployment without them shows the default tab.
 */
export function graphiqlTabs(): GraphiQLTab[] {
  const folder = [
    new URL('../examples/operations/', import.meta.url),
    new URL('../../examples/operations/', import.meta.url),
  ].find((candidate) => existsSync(candidate));
  if (!folder) return [{ query: DEFAULT_QUERY }];
  const examples = readdirSync(folder)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name): GraphiQLTab => {
      const query = readFileSync(new URL(name, folder), 'utf8');
      const variablesFile = new URL(name.replace(/\.graphql$/, '.variables.json'), folder);
      if (!existsSync(variablesFile)) return { query };
      // Parsed here so that a broken file stops start-up instead of showing a broken tab.
      const variables: unknown = JSON.parse(readFileSync(variablesFile, 'utf8'));
      return { query, variables: JSON.stringify(variables, null, 2) };
    })
    // The default tab already is NewestCalls; queries and subscriptions first, then mutations.
    .filter(({ query }) => !/^query NewestCalls\b/m.test(query ?? ''))
    .sort((a, b) => Number(isMutation(a)) - Number(isMutation(b)));
  return [{ query: DEFAULT_QUERY }, ...examples];
}

function isMutation(tab: GraphiQLTab): boolean {
  return /^mutation /m.test(tab.query ?? '');
}

/**
 * GraphiQL's tabs are framer-motion `Reorder` items, and in this GraphiQL (5, inside
 * @graphql-yoga/render-graphiql) each is left with a drag offset of hundreds of pixels once
 * mounted. GraphiQL's own stylesheet hides the offset with
 * `.graphiql-tab:not(:focus-within) { transform: none !important }`, so pressing the mouse on a
 * tab focuses it and it jumps away: the button is released elsewhere, the click never reaches the
 * tab, and it takes a second click to switch. Keeping the offset hidden while focused makes one
 * click switch tabs (test/graph/browser.test.ts); dragging still reorders them, the dragged tab
 * just does not follow the pointer.
 */
const TAB_FIX = '<style>.graphiql-tab { transform: none !important; }</style>';

/**
 * GraphiQL's page with its scripts and styles inlined: the default page loads them from a CDN,
 * which offline machines, CI and locked-down networks cannot reach. Imported on the first page
 * view: the module holds GraphiQL's whole bundle, ≈ 32 MB of heap that a process serving no
 * GraphiQL (production) should not carry (bench/README.md).
 */
export async function renderSwitchboardGraphiQL(options?: GraphiQLOptions): Promise<string> {
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  return renderGraphiQL(options).replace('</head>', `${TAB_FIX}</head>`);
}
