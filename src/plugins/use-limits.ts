import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, getOperationAST, type FragmentDefinitionNode, Kind } from 'graphql';
import type { Plugin, YogaInitialContext } from 'graphql-yoga';
import type { Limits } from '../config.js';
import { listCost } from './list-cost.js';

/**
 * The abuse limits (README, "Operating Switchboard"): depth, aliases, tokens and directives from
 * GraphQL Armor, a list-size-aware cost limit and a request body limit of our own. All of them
 * reject before execution, so a rejected operation never reaches a vendor.
 */
export function useLimits(limits: Limits, options: { blockFieldSuggestions: boolean }): Plugin[] {
  const armor = new EnvelopArmor<YogaInitialContext>({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: limits.maxDirectives },
    // Armor's cost limit ignores list sizes; ours (below) counts `first`.
    costLimit: { enabled: false },
    // "Did you mean …?" hints map the schema for whoever probes it; production turns them off.
    blockFieldSuggestion: { enabled: options.blockFieldSuggestions },
  });
  return [
    useBodyLimit(limits.maxBodyBytes),
    ...armor.protect().plugins,
    useCostLimit(limits.maxCost),
  ];
}

function useBodyLimit(maxBytes: number): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const length = request.headers.get('content-length');
      const chunked = length === null && request.headers.get('transfer-encoding') !== null;
      if ((length !== null && Number(length) <= maxBytes) || (length === null && !chunked)) return;
      endResponse(
        fetchAPI.Response.json(
          {
            errors: [
              {
                message: chunked
                  ? 'Request bodies must declare a Content-Length'
                  : `Request body is larger than ${maxBytes} bytes`,
                extensions: { code: 'REQUEST_TOO_LARGE', maxBytes },
              },
            ],
          },
          { status: chunked ? 411 : 413 },
        ),
      );
    },
  };
}

function useCostLimit(maxCost: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return;
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const definition of args.document.definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION)
          fragments[definition.name.value] = definition;
      }
      const cost = listCost({
        schema: args.schema,
        operation,
        fragments,
        variables: args.variableValues ?? {},
      });
      if (cost <= maxCost) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError(
            `Query cost ${cost} exceeds the limit of ${maxCost}: ask for smaller pages (first) or fewer nested lists`,
            { extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost } },
          ),
        ],
      });
    },
  };
}
