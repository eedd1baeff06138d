import { readFileSync } from 'node:fs';
import { getOperationAST, Kind, parse, type FragmentDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { listCost } from '../../src/plugins/list-cost.js';
import { schema } from '../../src/schema/index.js';

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return listCost({ schema, operation: getOperationAST(document)!, fragments, variables });
}

describe('listCost', () => {
  it('counts each object once, a connection’s items `first` times, other lists 10 times', () => {
    // calls 1 + 10 × (edge 1 + node 1)
    expect(cost(`{ calls(first: 10) { edges { node { id } } } }`)).toBe(21);
    // the default page of 20 when `first` is absent
    expect(cost(`{ calls { edges { node { id } } } }`)).toBe(41);
    // problems is a list without `first`: 10 problems per call
    expect(cost(`{ calls(first: 10) { edges { node { problems { id } } } } }`)).toBe(
      1 + 10 * (1 + 1 + 10),
    );
    // nodes(ids) counts its ids
    expect(cost(`{ nodes(ids: ["a", "b", "c"]) { id } }`)).toBe(3);
  });

  it('reads `first` from variables and multiplies nested lists', () => {
    const nested = `query($n: Int) { calls(first: $n) { edges { node { contact { calls(first: $n) { edges { node { id } } } } } } } }`;
    expect(cost(nested, { n: 10 })).toBe(1 + 10 * (1 + 1 + 1 + (1 + 10 * 2)));
    expect(cost(nested, { n: 100 })).toBeGreaterThan(10_000);
  });

  it('counts a variable that is not sent at its default, and a sent value over the default', () => {
    const nested = `query($n: Int = 100) { calls(first: $n) { edges { node { contact { calls(first: $n) { edges { node { id } } } } } } } }`;
    expect(cost(nested)).toBe(1 + 100 * (1 + 1 + 1 + (1 + 100 * 2)));
    expect(cost(nested, { n: 10 })).toBe(1 + 10 * (1 + 1 + 1 + (1 + 10 * 2)));
    expect(cost(`query($ids: [ID!]! = ["a", "b"]) { nodes(ids: $ids) { id } }`)).toBe(2);
  });

  it('follows fragments and inline fragments', () => {
    expect(
      cost(
        `{ calls(first: 10) { edges { node { ...F } } } } fragment F on Call { ... on Call { agent { name } } }`,
      ),
    ).toBe(1 + 10 * (1 + 1 + 1));
  });

  it('puts the README dashboard at about 1 700, far below the default limit of 10 000', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const dashboard = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)]
      .map((match) => match[1]!)
      .find((example) => example.includes('query Dashboard'))!;
    expect(cost(dashboard)).toBe(1_701);
  });
});
