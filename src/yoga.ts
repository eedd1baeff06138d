import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { createContext, type Context, type Services } from './context.js';
import { useCollectedErrors } from './plugins/use-collected-errors.js';
import { useHealth } from './plugins/use-health.js';
import { schema } from './schema/index.js';

export const DEFAULT_QUERY = `# Welcome to Switchboard: one graph over Freya, Ovia, LlamadaPro, CX and HappyRobot.
# Press the run button to list the newest calls from every call vendor.
query NewestCalls {
  providers { provider mode capabilities }
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
}
`;

export type SwitchboardYoga = YogaServerInstance<Record<string, never>, Context>;

export function createSwitchboardYoga(services: Services): SwitchboardYoga {
  const { connectors, logger } = services;
  return createYoga<Record<string, never>, Context>({
    schema,
    context: () => createContext(services),
    graphqlEndpoint: '/graphql',
    graphiql: { title: 'Switchboard', defaultQuery: DEFAULT_QUERY },
    landingPage: false,
    maskedErrors: true,
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error(args.map(String).join(' ')),
    },
    plugins: [useHealth(connectors), useCollectedErrors()],
  });
}
