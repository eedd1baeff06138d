import type { Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';

/**
 * Appends the errors resolvers reported while still returning data (a merged list that lost one
 * vendor) to the response's `errors`, next to GraphQL's own.
 */
export function useCollectedErrors(): Plugin<Context> {
  return {
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          const collected = args.contextValue.collectedErrors;
          if (collected.length === 0 || Symbol.asyncIterator in result) return;
          setResult({ ...result, errors: [...(result.errors ?? []), ...collected] });
        },
      };
    },
  };
}
