import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  createGatewayRuntime,
  useCustomFetch,
  type GatewayRuntime,
} from '@graphql-hive/gateway-runtime';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

/**
 * A supergraph as a user runs it: Hive Gateway in front of Switchboard (SWITCHBOARD_FEDERATION=1)
 * and a small CRM subgraph of the user's own, which adds a field to Switchboard's Call by its key
 * and points at a Switchboard Contact from its own Account.
 */
const CRM_SDL = `
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
    "The calls the account manager still has to follow up."
    followUps: [Call!]!
  }

  type Query {
    account(accountNumber: String!): Account
  }
`;

let switchboard: TestGateway;
let crm: Server;
let router: GatewayRuntime;
/** What the router sent to each subgraph: its name (from the URL) and the GraphQL query text. */
let routed: Array<{ subgraph: string; query: string }> = [];
let followUps: string[] = [];
let contactId = '';

beforeAll(async () => {
  switchboard = await startTestGateway({ SWITCHBOARD_FEDERATION: '1' });
  const calls = await switchboard.query<{ calls: { edges: Array<{ node: { id: string } }> } }>(
    '{ calls(first: 50) { edges { node { id } } } }',
  );
  followUps = calls.data!.calls.edges.map((edge) => edge.node.id);
  const contacts = await switchboard.query<{
    contacts: { edges: Array<{ node: { id: string } }> };
  }>('{ contacts(first: 1) { edges { node { id } } } }');
  contactId = contacts.data!.contacts.edges[0]!.node.id;

  const crmYoga = createYoga({
    schema: buildSubgraphSchema({
      typeDefs: parse(CRM_SDL),
      resolvers: {
        Query: {
          account: (_root: unknown, { accountNumber }: { accountNumber: string }) => ({
            accountNumber,
          }),
        },
        Account: {
          primaryContact: () => ({ id: contactId }),
          followUps: () => followUps.map((id) => ({ id })),
        },
        Call: {
          __resolveReference: ({ id }: { id: string }) => ({
            id,
            followUpScheduled: followUps.indexOf(id) % 2 === 0,
          }),
        },
      },
    }),
    logging: false,
  });
  crm = createServer(crmYoga);
  await new Promise<void>((resolve) => crm.listen(0, '127.0.0.1', resolve));
  const crmUrl = `http://127.0.0.1:${(crm.address() as AddressInfo).port}/graphql`;

  const composed = composeServices([
    {
      name: 'switchboard',
      typeDefs: parse(
        readFileSync(new URL('../../schema.subgraph.graphql', import.meta.url), 'utf8'),
      ),
      url: switchboard.url,
    },
    { name: 'crm', typeDefs: parse(CRM_SDL), url: crmUrl },
  ]);
  expect(composed.errors ?? []).toEqual([]);

  router = createGatewayRuntime({
    supergraph: composed.supergraphSdl!,
    logging: false,
    // A failing subgraph call shows its cause in the test output instead of "Unexpected error.".
    maskedErrors: false,
    plugins: () => [
      useCustomFetch((url, options) => {
        const body = typeof options?.body === 'string' ? JSON.parse(options.body) : {};
        routed.push({
          subgraph: url === crmUrl ? 'crm' : 'switchboard',
          query: String(body.query),
        });
        return fetch(url, options);
      }),
    ],
  });
});
afterAll(async () => {
  await router?.dispose();
  await new Promise((resolve) => crm?.close(resolve));
  await switchboard?.close();
});
beforeEach(() => {
  routed = [];
  switchboard.gateway.sandbox!.resetLog();
});

async function ask<T>(query: string): Promise<{ data: T; errors?: unknown[] }> {
  const response = await router.fetch('http://router/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data: T; errors?: unknown[] };
}

describe('Switchboard behind Hive Gateway, composed with a subgraph of your own', () => {
  it("joins Switchboard's calls with the other subgraph's field on Call", async () => {
    const answer = await ask<{
      calls: {
        edges: Array<{ node: { id: string; provider: string; followUpScheduled: boolean } }>;
      };
    }>('{ calls(first: 4) { edges { node { id provider followUpScheduled } } } }');
    expect(answer.errors).toBeUndefined();
    const nodes = answer.data.calls.edges.map((edge) => edge.node);
    expect(nodes.map((node) => node.id)).toEqual(followUps.slice(0, 4));
    expect(nodes.map((node) => node.followUpScheduled)).toEqual([true, false, true, false]);
    expect(routed.map((request) => request.subgraph)).toEqual(['switchboard', 'crm']);
  });

  it("resolves the other subgraph's Contact reference through Switchboard's _entities", async () => {
    const answer = await ask<{
      account: {
        accountNumber: string;
        primaryContact: { id: string; displayName: string | null };
      };
    }>('{ account(accountNumber: "A-1") { accountNumber primaryContact { id displayName } } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data.account.primaryContact.id).toBe(contactId);
    expect(routed.map((request) => request.subgraph)).toEqual(['crm', 'switchboard']);
    expect(routed[1]!.query).toContain('_entities');
  });

  it('sends 50 Call entities to Switchboard in one _entities request: 50 vendor GETs, no list read', async () => {
    const answer = await ask<{
      account: { followUps: Array<{ id: string; status: string; provider: string }> };
    }>('{ account(accountNumber: "A-1") { followUps { id status provider } } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data.account.followUps.map((call) => call.id)).toEqual(followUps);
    const toSwitchboard = routed.filter((request) => request.subgraph === 'switchboard');
    expect(toSwitchboard).toHaveLength(1);
    expect(toSwitchboard[0]!.query).toContain('_entities');
    const vendorRequests = switchboard.gateway.sandbox!.requests();
    expect(vendorRequests).toHaveLength(50);
    expect(
      vendorRequests.every(
        (request) => request.method === 'GET' && /\/calls\/[^/]+$/.test(request.path),
      ),
    ).toBe(true);
  });
});
