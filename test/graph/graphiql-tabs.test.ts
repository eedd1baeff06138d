import { readdirSync } from 'node:fs';
import { parse, getOperationAST } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphiqlTabs, renderSwitchboardGraphiQL, type GraphiQLTab } from '../../src/graphiql.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { subscribeSse, type Result } from '../support/live.js';

/*
 * GraphiQL's tabs (src/graphiql.ts) ship the variables of examples/operations/<name>.variables.json:
 * ids and numbers of the sandbox's seed-0 data. Each tab runs with them, as is, against the
 * sandbox (README.md, "A tour of GraphiQL"); test/graph/browser.test.ts runs them by hand.
 */

const tabs = graphiqlTabs();
const nameOf = (tab: GraphiQLTab) => getOperationAST(parse(tab.query ?? ''))?.name?.value ?? '';
const typeOf = (tab: GraphiQLTab) => getOperationAST(parse(tab.query ?? ''))?.operation;
const variablesOf = (tab: GraphiQLTab): Record<string, unknown> =>
  JSON.parse(tab.variables ?? '{}');
const tab = (name: string) => tabs.find((candidate) => nameOf(candidate) === name)!;

it('has one tab per example operation, each with variables, the mutations last', () => {
  const operations = readdirSync(new URL('../../examples/operations/', import.meta.url));
  const graphql = operations.filter((file) => file.endsWith('.graphql'));
  for (const file of graphql) {
    expect(operations, file).toContain(file.replace(/\.graphql$/, '.variables.json'));
  }
  // The default tab is NewestCalls (without variables); the example's own NewestCalls is not repeated.
  expect(tabs.map(nameOf)).toEqual([
    'NewestCalls',
    'CallDetail',
    'CallStats',
    'Contact360',
    'Dashboard',
    'LiveCalls',
    'LiveMessages',
    'AddCallNote',
    'CreateTask',
    'SendWhatsAppTemplate',
    'StartCall',
  ]);
  expect(tabs.length).toBe(graphql.length);
  for (const example of tabs.slice(1)) expect(example.variables, nameOf(example)).toBeTruthy();
});

it('serves the page with the style that lets one click switch tabs', async () => {
  const page = await renderSwitchboardGraphiQL({ title: 'Switchboard' });
  expect(page).toMatch(/<style>\.graphiql-tab \{ transform: none !important; \}<\/style><\/head>/);
});

describe('every tab runs with its variables against the sandbox (seed 0)', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({}, { sandboxLive: { stepDelayMs: 50 } });
  });
  afterAll(() => t.close());

  it.each(
    tabs
      .filter((example) => typeOf(example) === 'query')
      .map((example) => [nameOf(example), example]),
  )('query %s answers data and no error', async (_, example) => {
    const answer = await t.query(example.query!, variablesOf(example));
    expect(answer.errors).toEqual([]);
    const fields = Object.values(answer.data!);
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) expect(field).not.toBeNull();
  });

  it.each(
    tabs
      .filter((example) => typeOf(example) === 'mutation')
      .map((example) => [nameOf(example), example]),
  )('mutation %s succeeds without userErrors', async (_, example) => {
    const answer = await t.query(example.query!, variablesOf(example));
    expect(answer.errors).toEqual([]);
    const [payload] = Object.values(answer.data!) as Array<Record<string, unknown>>;
    expect(payload!.userErrors).toEqual([]);
    const [object] = Object.entries(payload!).filter(([key]) => key !== 'userErrors');
    expect(object![1], `${nameOf(example)}.${object![0]}`).not.toBeNull();
  });

  it('LiveCalls sees the call the StartCall tab starts', async () => {
    const events = await subscribeSse(
      t.url,
      tab('LiveCalls').query!,
      variablesOf(tab('LiveCalls')),
    );
    try {
      expect(events.status).toBe(200);
      const started = await t.query(tab('StartCall').query!, variablesOf(tab('StartCall')));
      const callId: string = started.data!.startCall.call.id;
      // The StartCall tab's earlier run may still be moving: this call's first event is CREATED.
      let [event] = await events.take(1, 5000);
      while (event!.data?.callEvents.call.id !== callId) [event] = await events.take(1, 5000);
      expect(event!.errors).toBeUndefined();
      expect(event!.data.callEvents).toMatchObject({ type: 'CREATED', call: { id: callId } });
    } finally {
      events.close();
    }
  });

  it('LiveMessages sees the reply to the template the SendWhatsAppTemplate tab sends', async () => {
    const live = tab('LiveMessages');
    const events = await subscribeSse(t.url, live.query!, variablesOf(live));
    try {
      expect(events.status).toBe(200);
      const sent = await t.query(
        tab('SendWhatsAppTemplate').query!,
        variablesOf(tab('SendWhatsAppTemplate')),
      );
      expect(sent.data!.sendWhatsAppTemplate.userErrors).toEqual([]);
      const received: Result[] = await events.take(1, 5000);
      expect(received[0]!.errors).toBeUndefined();
      expect(received[0]!.data.messageEvents.message.contact.id).toBe(variablesOf(live).contactId);
    } finally {
      events.close();
    }
  });
});
