import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { createYoga, type YogaServerInstance, type YogaServerOptions } from 'graphql-yoga';
import type { Config } from './config.js';
import { createContext, type Context, type Services } from './context.js';
import { useClientAuth } from './plugins/use-client-auth.js';
import { useCollectedErrors } from './plugins/use-collected-errors.js';
import { useHealth } from './plugins/use-health.js';
import { useLimits } from './plugins/use-limits.js';
import { useObservability } from './plugins/use-observability.js';
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

export function createSwitchboardYoga(services: Services & { config: Config }): SwitchboardYoga {
  const { config, connectors, logger, metrics } = services;
  const plugins: NonNullable<YogaServerOptions<Record<string, never>, Context>['plugins']> = [
    useClientAuth(config.apiKeys),
    useHealth(connectors),
    useObservability({ logger, metrics, maxUpstreamRequests: config.limits.maxUpstreamRequests }),
    ...useLimits(config.limits, { blockFieldSuggestions: config.production }),
  ];
  if (!config.introspection) plugins.push(useDisableIntrospection());
  // Browsers send "simple" cross-site requests (GET, forms) without a preflight; production asks
  // those for a custom header, so another site cannot make a user's browser call the graph.
  if (config.production) {
    plugins.push(
      useCSRFPrevention({ requestHeaders: ['x-graphql-client-name', 'x-graphql-csrf'] }),
    );
  }
  plugins.push(useCollectedErrors());

  return createYoga<Record<string, never>, Context>({
    schema,
    context: ({ request }) => createContext(services, request),
    graphqlEndpoint: '/graphql',
    graphiql: config.graphiql ? { title: 'Switchboard', defaultQuery: DEFAULT_QUERY } : false,
    landingPage: false,
    maskedErrors: true,
    batching: false,
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error(args.map(String).join(' ')),
    },
    plugins,
  });
}
