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
    useNestingLimit(MAX_NESTING),
    ...armor.protect().plugins,
    useCostLimit(limits.maxCost),
  ];
}

/**
 * Brackets (`{`, `[`, `(`) open at once, at most. graphql-js parses nested values by recursion,
 * so ~2 000 nested list literals overflow its stack before the token limit is reached; legal
 * operations within the depth limit nest far less.
 */
export const MAX_NESTING = 64;

/** The deepest bracket nesting in a document, outside strings and comments. */
export function nestingDepth(source: string): number {
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index];
    if (char === '#') {
      while (index < source.length && source[index] !== '\n' && source[index] !== '\r') index += 1;
    } else if (char === '"') {
      const block = source.startsWith('"""', index);
      const end = block ? '"""' : '"';
      index += end.length;
      while (index < source.length && !source.startsWith(end, index)) {
        // An escaped quote (or an escaped triple quote in a block string) does not end it.
        index += source[index] === '\\' ? 2 : 1;
      }
      index += end.length - 1;
    } else if (char === '{' || char === '[' || char === '(') {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (char === '}' || char === ']' || char === ')') {
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

function useNestingLimit(maxNesting: number): Plugin {
  return {
    onParse({ params }) {
      const depth = nestingDepth(params.source.toString());
      if (depth <= maxNesting) return;
      throw new GraphQLError(
        `Syntax Error: the document nests brackets ${depth} deep; at most ${maxNesting} are allowed`,
        { extensions: { code: 'GRAPHQL_PARSE_FAILED', maxNesting, http: { status: 400 } } },
      );
    },
  };
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
