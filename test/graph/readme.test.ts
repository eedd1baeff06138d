import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSandboxData } from '../../src/sandbox/data.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

/** Every GraphQL example in the README runs without an error against the sandbox. */
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]!);

let t: TestGateway;
beforeAll(async () => {
  t = await startTestGateway();
});
afterAll(async () => {
  await t.close();
});

it('has examples', () => {
  expect(examples.length).toBeGreaterThanOrEqual(3);
});

it.each(examples.map((example) => [example.match(/query (\w+)/)?.[1] ?? 'anonymous', example]))(
  'runs the README example %s',
  async (_, example) => {
    const phone = t.gateway.sandbox!.data.llamadapro.contacts[0]!.addresses[0]!.address;
    const answer = await t.query(example, { phone });
    expect(answer.errors).toEqual([]);
    expect(JSON.stringify(answer.data)).not.toBe('{}');
    const firstField = Object.values(answer.data!)[0];
    expect(firstField).not.toBeNull();
    // Mutation examples must succeed, not only answer.
    if (typeof firstField === 'object' && firstField !== null && 'userErrors' in firstField) {
      expect(firstField.userErrors).toEqual([]);
    }
  },
);

it('states the upstream requests of the dashboard query as written', async () => {
  const dashboard = examples.find((example) => /query Dashboard\b/.test(example))!;
  const stated = /answers it, as written, with \*\*(\d+) upstream requests\*\*/.exec(
    readme.replace(/\s+/g, ' '),
  );
  expect(stated).not.toBeNull();
  t.gateway.sandbox!.resetLog();
  const answer = await t.query(dashboard);
  expect(answer.errors).toEqual([]);
  expect(answer.data!.calls.edges).toHaveLength(50);
  expect(t.gateway.sandbox!.requests()).toHaveLength(Number(stated![1]));
  // One vendor's calls only: a call list, a contact search, a problem list, the definitions.
  t.gateway.sandbox!.resetLog();
  const one = await t.query(dashboard.replace('filter: {', 'filter: { providers: [OVIA],'));
  expect(one.errors).toEqual([]);
  expect(t.gateway.sandbox!.requests()).toHaveLength(4);
});

it('describes the seeded sandbox data set as it is', () => {
  // A fresh copy: the examples above write to the running sandbox.
  const data = createSandboxData();
  const prose = readme.replace(/\s+/g, ' ');
  const calls =
    data.ovia.calls.length +
    data.llamadapro.calls.length +
    data.cx.interactions.length +
    data.happyrobot.calls.length;
  expect(prose).toContain(`(${calls} calls over four vendors`);
  expect(prose).toContain(
    `${data.llamadapro.contacts.length} contacts whose numbers match the calls`,
  );
  expect(prose).toContain(`${data.freya.problems.length} QA problems`);
  expect(prose).toContain(`${data.llamadapro.tasks.length} tasks`);
  expect(prose).toContain(`${data.llamadapro.messages.length} WhatsApp`);
});
