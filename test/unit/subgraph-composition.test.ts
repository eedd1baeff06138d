import { readFileSync } from 'node:fs';
import { composeServices } from '@theguild/federation-composition';
import { buildSchema, isObjectType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

const switchboard = readFileSync(new URL('../../schema.subgraph.graphql', import.meta.url), 'utf8');

/** A second service of a supergraph: it extends Call by its key and points at a Contact. */
const crm = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])

  type Call @key(fields: "id") {
    id: ID!
    followUpScheduled: Boolean!
  }

  type Contact @key(fields: "id", resolvable: false) {
    id: ID!
  }

  type Account @key(fields: "accountNumber") {
    accountNumber: String!
    primaryContact: Contact
  }

  type Query {
    account(accountNumber: String!): Account
  }
`;

const ENTITIES = ['Call', 'Agent', 'Contact', 'Task', 'Problem', 'Message', 'CustomField'];

describe('schema.subgraph.graphql in a supergraph', () => {
  it('keys every entity by its id', () => {
    for (const name of ENTITIES) {
      expect(switchboard).toMatch(
        new RegExp(`type ${name} implements Node\\s+@key\\(fields: "id"\\)`),
      );
    }
  });

  it('composes with a subgraph that extends Call and references Contact', () => {
    const result = composeServices([
      { name: 'switchboard', typeDefs: parse(switchboard), url: 'http://switchboard/graphql' },
      { name: 'crm', typeDefs: parse(crm), url: 'http://crm/graphql' },
    ]);
    expect(result.errors ?? []).toEqual([]);

    // Call is one entity that both services resolve by its key.
    const callType = (result.supergraphSdl ?? '')
      .split('\n')
      .find((line) => line.startsWith('type Call '));
    expect(callType).toContain('@join__type(graph: SWITCHBOARD, key: "id")');
    expect(callType).toContain('@join__type(graph: CRM, key: "id")');

    const api = buildSchema(result.publicSdl ?? '');
    const call = api.getType('Call');
    const account = api.getType('Account');
    if (!isObjectType(call) || !isObjectType(account))
      throw new Error('Call and Account must be object types');
    expect(Object.keys(call.getFields())).toEqual(
      expect.arrayContaining(['id', 'provider', 'status', 'agent', 'followUpScheduled']),
    );
    expect(String(account.getFields().primaryContact?.type)).toBe('Contact');
    expect(Object.keys(api.getQueryType()?.getFields() ?? {})).toEqual(
      expect.arrayContaining(['calls', 'contacts', 'node', 'nodes', 'account']),
    );
  });

  it('fails composition when the other subgraph contradicts a field', () => {
    const clash = crm.replace('followUpScheduled: Boolean!', 'provider: Int!');
    const result = composeServices([
      { name: 'switchboard', typeDefs: parse(switchboard) },
      { name: 'crm', typeDefs: parse(clash) },
    ]);
    expect(result.errors?.length ?? 0).toBeGreaterThan(0);
  });
});
