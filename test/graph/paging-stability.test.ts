import { randomBytes, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxData } from '../../src/sandbox/data.js';
import { startTestGateway, type GraphQLAnswer, type TestGateway } from '../support/gateway.js';

/*
 * Vendors page by offset (or page number) over newest-first lists, so anything added at the top
 * while a client pages pushes every later item down. These tests add items between pages and
 * check that the client still sees each item that was there at the start exactly once.
 */

interface Node {
  provider: string;
  providerId: string;
}

interface Connection {
  edges: Array<{ cursor: string; node: Node }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

let t: TestGateway;

// Every test changes the sandbox's data, so each gets a sandbox of its own.
beforeEach(async () => {
  t = await startTestGateway();
});
afterEach(async () => {
  await t.close();
});

const data = (): SandboxData => t.gateway.sandbox!.data;
const keyOf = (node: Node) => `${node.provider}:${node.providerId}`;

/**
 * Pages `field` to its end. `sizes` gives `first` page by page (the last size repeats), and
 * `between` runs after each page with the page's number, counted from 1.
 */
async function pageToEnd(
  field: string,
  options: {
    args?: string;
    variables?: Record<string, unknown>;
    declarations?: string;
    sizes: number[];
    between: (page: number) => void;
  },
): Promise<string[]> {
  const keys: string[] = [];
  let after: string | null = null;
  for (let page = 1; page <= 200; page += 1) {
    const first = options.sizes[Math.min(page, options.sizes.length) - 1]!;
    const answer: GraphQLAnswer<{ page: Connection }> = await t.query<{ page: Connection }>(
      `query($first: Int, $after: String${options.declarations ?? ''}) {
        page: ${field}(${options.args ? `${options.args}, ` : ''}first: $first, after: $after) {
          edges { cursor node { provider providerId } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { ...options.variables, first, after },
    );
    expect(answer.errors).toEqual([]);
    const connection = answer.data!.page;
    keys.push(...connection.edges.map((edge) => keyOf(edge.node)));
    if (!connection.pageInfo.hasNextPage) return keys;
    after = connection.pageInfo.endCursor;
    options.between(page);
  }
  throw new Error('paging did not end');
}

function expectEachOnce(seen: string[], original: string[]): void {
  const counts = new Map<string, number>();
  for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  const twice = [...counts].filter(([, count]) => count > 1).map(([key]) => key);
  expect(twice).toEqual([]);
  const missing = original.filter((key) => !counts.has(key));
  expect(missing).toEqual([]);
}

/** Times after everything in the data set (and after the clock), so new items list first. */
function newerThan(times: Array<string | null>): () => string {
  let latest = Math.max(Date.now(), ...times.map((time) => (time ? Date.parse(time) : 0)));
  return () => {
    latest += 60_000;
    return new Date(latest).toISOString().replace(/\.\d{3}Z$/, 'Z');
  };
}

function addOviaCalls(count: number): void {
  const calls = data().ovia.calls;
  const next = newerThan(calls.map((call) => call.started_at));
  for (let index = 0; index < count; index += 1) {
    const at = next();
    calls.unshift({
      ...structuredClone(calls[calls.length - 1]!),
      id: randomUUID(),
      started_at: at,
      created_at: at,
      updated_at: at,
    });
  }
}

function addCxInteractions(count: number): void {
  const interactions = data().cx.interactions;
  const next = newerThan(interactions.map((interaction) => interaction.createdAt));
  for (let index = 0; index < count; index += 1) {
    interactions.unshift({
      ...structuredClone(interactions[interactions.length - 1]!),
      id: randomUUID(),
      createdAt: next(),
    });
  }
}

function addHappyRobotCalls(count: number): void {
  const calls = data().happyrobot.calls;
  const next = newerThan(calls.map((call) => call.created));
  const finished = calls.find((call) => call.created !== null)!;
  for (let index = 0; index < count; index += 1) {
    calls.unshift({
      ...structuredClone(finished),
      id: randomBytes(12).toString('hex'),
      created: next(),
    });
  }
}

function addLlamadaProCalls(count: number): void {
  const llamadapro = data().llamadapro;
  const next = newerThan(llamadapro.calls.map((call) => call.startTime));
  for (let index = 0; index < count; index += 1) {
    const at = next();
    llamadapro.calls.push({
      ...structuredClone(llamadapro.calls[0]!),
      id: llamadapro.nextIds.call++,
      startTime: at,
      createdAt: at,
      updatedAt: at,
    });
  }
}

function addTasks(count: number): void {
  const tasks = data().llamadapro.tasks;
  const next = newerThan(tasks.map((task) => task.createdAt));
  for (let index = 0; index < count; index += 1) {
    const at = next();
    tasks.push({
      ...structuredClone(tasks[0]!),
      id: `task_${randomBytes(8).toString('hex')}`,
      createdAt: at,
      updatedAt: at,
    });
  }
}

function addProblems(count: number): void {
  const problems = data().freya.problems;
  const next = newerThan(problems.map((problem) => problem.createdAt));
  for (let index = 0; index < count; index += 1) {
    const at = next();
    problems.push({ ...structuredClone(problems[0]!), id: randomUUID(), createdAt: at });
  }
}

function originalCalls(): string[] {
  const sandbox = data();
  return [
    ...sandbox.ovia.calls.map((call) => `OVIA:${call.id}`),
    ...sandbox.llamadapro.calls.map((call) => `LLAMADAPRO:${call.id}`),
    ...sandbox.cx.interactions.map((interaction) => `CX:${interaction.id}`),
    ...sandbox.happyrobot.calls.map((call) => `HAPPYROBOT:${call.id}`),
  ];
}

const OVIA_ONLY = {
  args: 'filter: $filter',
  declarations: ', $filter: CallFilter',
  variables: { filter: { providers: ['OVIA'] } },
};

describe('calls while vendors get new calls', () => {
  it('one vendor: three calls added after the first page', async () => {
    const original = originalCalls().filter((key) => key.startsWith('OVIA:'));
    const seen = await pageToEnd('calls', {
      ...OVIA_ONLY,
      sizes: [17],
      between: (page) => page === 1 && addOviaCalls(3),
    });
    expectEachOnce(seen, original);
  });

  it('one vendor: more new calls than a page holds', async () => {
    const original = originalCalls().filter((key) => key.startsWith('OVIA:'));
    const seen = await pageToEnd('calls', {
      ...OVIA_ONLY,
      sizes: [17],
      between: (page) => page === 1 && addOviaCalls(40),
    });
    expectEachOnce(seen, original);
  });

  it('one vendor filtered locally, so pages are read part by part', async () => {
    // Ovia cannot filter by status, so the gateway reads large pages and resumes inside them.
    const filter = { providers: ['OVIA'], status: ['COMPLETED', 'FAILED', 'NO_ANSWER', 'BUSY'] };
    const before = await pageToEnd('calls', {
      ...OVIA_ONLY,
      variables: { filter },
      sizes: [100],
      between: () => undefined,
    });
    expect(before.length).toBeGreaterThan(20);
    const seen = await pageToEnd('calls', {
      ...OVIA_ONLY,
      variables: { filter },
      sizes: [7],
      between: (page) => page === 1 && addOviaCalls(3),
    });
    expectEachOnce(seen, before);
  });

  it('every vendor: three calls added to each, twice while paging', async () => {
    const original = originalCalls();
    const addEverywhere = () => {
      addOviaCalls(3);
      addCxInteractions(3);
      addHappyRobotCalls(3);
      addLlamadaProCalls(3);
    };
    const seen = await pageToEnd('calls', {
      sizes: [17],
      between: (page) => (page === 1 || page === 6) && addEverywhere(),
    });
    expectEachOnce(seen, original);
  });
});

describe('single-vendor lists while the vendor gets new items', () => {
  it('tasks (LlamadaPro page tokens): three tasks added after the first page', async () => {
    const original = data().llamadapro.tasks.map((task) => `LLAMADAPRO:${task.id}`);
    const seen = await pageToEnd('tasks', {
      sizes: [17],
      between: (page) => page === 1 && addTasks(3),
    });
    expectEachOnce(seen, original);
  });

  it('problems (Freya offsets): three problems added after the first two pages', async () => {
    const original = data().freya.problems.map((problem) => `FREYA:${problem.id}`);
    // A smaller second page leaves the cursor inside a vendor page, close to its end.
    const seen = await pageToEnd('problems', {
      sizes: [17, 15, 17],
      between: (page) => page === 2 && addProblems(3),
    });
    expectEachOnce(seen, original);
  });
});

describe('what cursors remember', () => {
  const oviaPage = (after: string | null) =>
    t.query<{ page: Connection }>(
      `query($after: String) {
        page: calls(filter: { providers: [OVIA] }, first: 5, after: $after) {
          edges { cursor node { provider providerId } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { after },
    );
  const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it('the last call taken from a vendor, within bounds that the gateway enforces', async () => {
    const first = await oviaPage(null);
    const cursor = first.data!.page.pageInfo.endCursor!;
    const position = decode(cursor).p.OVIA;
    expect(position.last).toBe(first.data!.page.edges.at(-1)!.node.providerId);

    const tampered = decode(cursor);
    tampered.p.OVIA.last = 'x'.repeat(201);
    const refused = await oviaPage(encode(tampered));
    expect(refused.errors.map((error) => error.extensions?.code)).toEqual(['INVALID_INPUT']);

    tampered.p.OVIA.last = position.last;
    tampered.p.OVIA.key = Array.from({ length: 9 }, () => 0);
    const alsoRefused = await oviaPage(encode(tampered));
    expect(alsoRefused.errors.map((error) => error.extensions?.code)).toEqual(['INVALID_INPUT']);
  });
});
