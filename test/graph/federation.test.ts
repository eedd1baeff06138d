import { readFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

type Entity = { __typename: string; id: string } | null;

let t: TestGateway;

beforeAll(async () => {
  t = await startTestGateway({ SWITCHBOARD_FEDERATION: '1' });
});
afterAll(async () => {
  await t.close();
});
beforeEach(() => {
  t.gateway.sandbox!.resetLog();
});

const data = () => t.gateway.sandbox!.data;

/** The canonical global id, written out independently of src/ids.ts. */
function gid(type: string, provider: string, id: string | number): string {
  return Buffer.from(`${type}:${provider}:${String(id)}`, 'utf8').toString('base64url');
}

const ENTITIES = `
  query($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on Node { id }
      ... on Task { objective }
      ... on Contact { displayName }
    }
  }
`;

describe('SWITCHBOARD_FEDERATION=1: an Apollo Federation v2 subgraph', () => {
  it('serves _service { sdl } with every entity keyed by id', async () => {
    const answer = await t.query<{ _service: { sdl: string } }>('{ _service { sdl } }');
    expect(answer.errors).toEqual([]);
    const sdl = answer.data!._service.sdl;
    expect(sdl).toContain(
      '@link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])',
    );
    for (const name of ['Call', 'Agent', 'Contact', 'Task', 'Problem', 'Message', 'CustomField']) {
      expect(sdl).toMatch(new RegExp(`type ${name} implements Node\\s+@key\\(fields: "id"\\)`));
    }
    expect(sdl).not.toMatch(/type Conversation implements Node\s+@key/);
    // The committed file is exactly what a router reads from the running subgraph.
    expect(`${sdl}\n`).toBe(
      readFileSync(new URL('../../schema.subgraph.graphql', import.meta.url), 'utf8'),
    );
  });

  it('resolves representations of every entity type in order, through the node loaders', async () => {
    const agentOf = await t.query<{
      calls: { edges: Array<{ node: { agent: { id: string } | null } }> };
    }>('{ calls(first: 10) { edges { node { agent { id } } } } }');
    const agent = agentOf.data!.calls.edges.map((edge) => edge.node.agent).find(Boolean)!;
    t.gateway.sandbox!.resetLog();

    const llamadapro = data().llamadapro;
    const representations = [
      { __typename: 'Call', id: gid('Call', 'HAPPYROBOT', data().happyrobot.calls[2]!.id) },
      { __typename: 'Contact', id: gid('Contact', 'LLAMADAPRO', llamadapro.contacts[1]!.id) },
      { __typename: 'Task', id: gid('Task', 'LLAMADAPRO', llamadapro.tasks[3]!.id) },
      { __typename: 'Problem', id: gid('Problem', 'FREYA', data().freya.problems[0]!.id) },
      { __typename: 'Message', id: gid('Message', 'LLAMADAPRO', llamadapro.messages[4]!.id) },
      {
        __typename: 'CustomField',
        id: gid('CustomField', 'LLAMADAPRO', llamadapro.customFields[0]!.id),
      },
      { __typename: 'Agent', id: agent.id },
    ];
    const answer = await t.query<{ _entities: Entity[] }>(ENTITIES, { representations });
    expect(answer.errors).toEqual([]);
    expect(answer.data!._entities.map((entity) => [entity?.__typename, entity?.id])).toEqual(
      representations.map(({ __typename, id }) => [__typename, id]),
    );
    expect(answer.data!._entities[1]).toMatchObject({
      displayName: expect.any(String),
    });
  });

  it('batches as nodes(ids) does: one GET per distinct task, none for a repeated one', async () => {
    const tasks = data().llamadapro.tasks.slice(0, 3);
    const task = (index: number) => ({
      __typename: 'Task',
      id: gid('Task', 'LLAMADAPRO', tasks[index]!.id),
    });
    const answer = await t.query<{ _entities: Entity[] }>(ENTITIES, {
      representations: [task(0), task(1), task(2), task(1)],
    });
    expect(answer.errors).toEqual([]);
    expect(answer.data!._entities.map((entity) => entity?.id)).toEqual(
      [task(0), task(1), task(2), task(1)].map(({ id }) => id),
    );
    const requests = t.gateway.sandbox!.requests();
    expect(requests.map((request) => `${request.vendor} ${request.method}`)).toEqual([
      'llamadapro GET',
      'llamadapro GET',
      'llamadapro GET',
    ]);
    expect(new Set(requests.map((request) => request.path)).size).toBe(3);
    for (const { id } of tasks) {
      expect(requests.some((request) => request.path.endsWith(`/${id}`))).toBe(true);
    }

    // The same ids through nodes(ids) cost the same requests.
    t.gateway.sandbox!.resetLog();
    const nodes = await t.query('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: [task(0), task(1), task(2), task(1)].map(({ id }) => id),
    });
    expect(nodes.errors).toEqual([]);
    expect(t.gateway.sandbox!.requests()).toHaveLength(3);
  });

  it('resolves 50 calls of four vendors with one GET per call and no list reads', async () => {
    const list = await t.query<{ calls: { edges: Array<{ node: { id: string } }> } }>(
      '{ calls(first: 50) { edges { node { id } } } }',
    );
    const ids = list.data!.calls.edges.map((edge) => edge.node.id);
    expect(ids).toHaveLength(50);
    t.gateway.sandbox!.resetLog();

    const answer = await t.query<{ _entities: Entity[] }>(ENTITIES, {
      representations: ids.map((id) => ({ __typename: 'Call', id })),
    });
    expect(answer.errors).toEqual([]);
    expect(answer.data!._entities.map((entity) => entity?.id)).toEqual(ids);
    const requests = t.gateway.sandbox!.requests();
    expect(requests).toHaveLength(50);
    expect(new Set(requests.map((request) => request.vendor)).size).toBe(4);
    expect(
      requests.every((request) => request.method === 'GET' && /\/calls\/[^/]+$/.test(request.path)),
    ).toBe(true);
  });

  it('answers null with an error at the index of a garbage id, a missing id or a mistyped one', async () => {
    const llamadapro = data().llamadapro;
    const contact = gid('Contact', 'LLAMADAPRO', llamadapro.contacts[2]!.id);
    const task = gid('Task', 'LLAMADAPRO', llamadapro.tasks[0]!.id);
    const answer = await t.query<{ _entities: Entity[] }>(ENTITIES, {
      representations: [
        { __typename: 'Contact', id: contact },
        { __typename: 'Task', id: 'garbage' },
        { __typename: 'Task', id: gid('Task', 'LLAMADAPRO', 'does-not-exist') },
        { __typename: 'Contact', id: task },
        { __typename: 'Task', id: task },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.data!._entities.map((entity) => entity?.id ?? null)).toEqual([
      contact,
      null,
      null,
      null,
      task,
    ]);
    const byIndex = new Map(
      answer.errors.map((error) => [error.path?.[1], error.extensions?.code]),
    );
    expect(byIndex.get(1)).toBe('INVALID_INPUT');
    expect(byIndex.get(3)).toBe('INVALID_INPUT');
    expect(answer.errors.every((error) => error.path?.[0] === '_entities')).toBe(true);
    expect(byIndex.has(0) || byIndex.has(4)).toBe(false);
  });
});

describe('without SWITCHBOARD_FEDERATION', () => {
  it('serves the plain schema: no federation fields, no keys', () => {
    const fields = Object.keys(schema.getQueryType()!.getFields());
    expect(fields).not.toContain('_service');
    expect(fields).not.toContain('_entities');
    expect(printSchema(schema)).not.toContain('@key');
  });
});
