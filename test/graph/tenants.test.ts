import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { postWebhook, subscribeSse, webhookSecret } from '../support/live.js';
import { oviaStartCallInput } from '../support/sandbox-inputs.js';
import { redisTestsEnabled, testPrefix, TEST_REDIS_URL } from '../support/redis.js';

/*
 * README, "Tenants": two tenants, each on a sandbox of its own seeded differently, served by one
 * gateway. Every check is made against what each sandbox received.
 */

const KEYS = { acme: 'acme-key-1', acmeSpare: 'acme-key-2', globex: 'globex-key-1' };
const SECRETS = { acme: webhookSecret(), globex: webhookSecret() };
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** A tenants file whose secrets are all `${NAME}` references, as the README shows it. */
function tenantsFile(
  urls: { acme: Sandbox['urls']; globex: Sandbox['urls'] },
  acmeKeys: string[],
  /** The vendors Acme leaves out (a change of its configuration beyond its keys). */
  acmeWithout: string[] = [],
) {
  const vendors = (name: 'ACME' | 'GLOBEX', sandbox: Sandbox['urls']) => {
    const all: Record<string, unknown> = {
      ovia: { baseUrl: sandbox.ovia, apiKey: `\${${name}_OVIA_KEY}` },
      happyrobot: { baseUrl: sandbox.happyrobot, apiKey: SANDBOX_CREDENTIALS.happyrobot.apiKey },
      llamadapro: { baseUrl: sandbox.llamadapro, apiKey: SANDBOX_CREDENTIALS.llamadapro.apiKey },
      freya: { baseUrl: sandbox.freya, ...SANDBOX_CREDENTIALS.freya },
    };
    if (name === 'ACME') for (const vendor of acmeWithout) delete all[vendor];
    return all;
  };
  return JSON.stringify({
    tenants: [
      {
        id: 'acme',
        apiKeys: acmeKeys,
        vendors: vendors('ACME', urls.acme),
        webhookSecrets: { ovia: '${ACME_OVIA_WEBHOOK_SECRET}' },
      },
      {
        id: 'globex',
        apiKeys: ['${GLOBEX_KEY}'],
        vendors: vendors('GLOBEX', urls.globex),
        webhookSecrets: { ovia: SECRETS.globex },
      },
    ],
  });
}

const CALLS = /* GraphQL */ `
  query Calls {
    calls(first: 50, filter: { providers: [OVIA] }) {
      totalCount
      edges {
        node {
          id
          providerId
        }
      }
    }
  }
`;

const CALL = /* GraphQL */ `
  query Call($id: ID!) {
    call(id: $id) {
      id
    }
  }
`;

function describeTenants(label: string, extraEnv: () => Record<string, string>) {
  describe(label, () => {
    let acme: Sandbox;
    let globex: Sandbox;
    let gateway: TestGateway;
    let folder: string;
    let file: string;

    beforeAll(async () => {
      [acme, globex] = await Promise.all([startSandbox({ seed: 1 }), startSandbox({ seed: 2 })]);
      folder = mkdtempSync(join(tmpdir(), 'switchboard-tenants-'));
      file = join(folder, 'tenants.json');
      writeFileSync(
        file,
        tenantsFile({ acme: acme.urls, globex: globex.urls }, [KEYS.acme, KEYS.acmeSpare]),
      );
      gateway = await startTestGateway({
        SWITCHBOARD_SANDBOX: '0',
        SWITCHBOARD_TENANTS_FILE: file,
        ACME_OVIA_KEY: SANDBOX_CREDENTIALS.ovia.apiKey,
        GLOBEX_OVIA_KEY: SANDBOX_CREDENTIALS.ovia.apiKey,
        GLOBEX_KEY: KEYS.globex,
        ACME_OVIA_WEBHOOK_SECRET: SECRETS.acme,
        ...extraEnv(),
      });
    });
    afterEach(() => {
      acme.resetLog();
      globex.resetLog();
    });
    afterAll(async () => {
      await gateway?.close();
      await Promise.all([acme?.close(), globex?.close()]);
      rmSync(folder, { recursive: true, force: true });
    });

    it("answers each tenant with its own vendors' data, asking nothing of the other's", async () => {
      const answer = await gateway.query(CALLS, {}, { headers: bearer(KEYS.acme) });
      expect(answer.errors).toEqual([]);
      const ids = answer.data!.calls.edges.map((edge: any) => edge.node.providerId);
      expect(answer.data!.calls.totalCount).toBe(acme.data.ovia.calls.length);
      expect(ids).toHaveLength(50);
      const acmeIds = new Set(acme.data.ovia.calls.map((call) => call.id));
      const globexIds = new Set(globex.data.ovia.calls.map((call) => call.id));
      expect(ids.every((id: string) => acmeIds.has(id) && !globexIds.has(id))).toBe(true);
      expect(acme.requests('ovia').length).toBeGreaterThan(0);
      expect(globex.requests()).toEqual([]);

      const other = await gateway.query(CALLS, {}, { headers: bearer(KEYS.globex) });
      const otherIds = other.data!.calls.edges.map((edge: any) => edge.node.providerId);
      expect(otherIds.every((id: string) => globexIds.has(id) && !acmeIds.has(id))).toBe(true);
    });

    it("treats another tenant's id as unknown, without asking any vendor", async () => {
      const answer = await gateway.query(CALLS, {}, { headers: bearer(KEYS.acme) });
      const id = answer.data!.calls.edges[0].node.id;
      acme.resetLog();
      const own = await gateway.query(CALL, { id }, { headers: bearer(KEYS.acme) });
      expect(own.data).toEqual({ call: { id } });
      acme.resetLog();

      const foreign = await gateway.query(CALL, { id }, { headers: bearer(KEYS.globex) });
      expect(foreign.data).toEqual({ call: null });
      expect(foreign.errors.map((error) => error.extensions?.['code'])).toEqual(['NOT_FOUND']);
      expect(acme.requests()).toEqual([]);
      expect(globex.requests()).toEqual([]);
    });

    it("refuses another tenant's id in a mutation as invalid input, sending nothing", async () => {
      const calls = await gateway.query(
        `{ calls(first: 1, filter: { providers: [HAPPYROBOT] }) { edges { node { id } } } }`,
        {},
        { headers: bearer(KEYS.acme) },
      );
      const callId = calls.data!.calls.edges[0].node.id;
      acme.resetLog();
      const answer = await gateway.query(
        `mutation Note($input: AddCallNoteInput!) {
          addCallNote(input: $input) { userErrors { code field message } }
        }`,
        { input: { callId, content: 'not yours' } },
        { headers: bearer(KEYS.globex) },
      );
      expect(answer.data!.addCallNote.userErrors).toEqual([
        expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'callId'] }),
      ]);
      expect(acme.requests()).toEqual([]);
      expect(globex.requests()).toEqual([]);
    });

    it('runs the same idempotency key once for each tenant', async () => {
      const key = `tenant-${randomUUID()}`;
      const start = /* GraphQL */ `
        mutation Start($input: StartCallInput!, $key: String) {
          startCall(input: $input, idempotencyKey: $key) {
            call {
              providerId
            }
            userErrors {
              code
              message
            }
          }
        }
      `;
      const input = oviaStartCallInput('+14155550123');
      const posts = (sandbox: Sandbox) =>
        sandbox.requests('ovia').filter((request) => request.method === 'POST').length;
      for (let round = 0; round < 2; round += 1) {
        const a = await gateway.query(start, { input, key }, { headers: bearer(KEYS.acme) });
        const b = await gateway.query(start, { input, key }, { headers: bearer(KEYS.globex) });
        expect(a.data!.startCall.userErrors).toEqual([]);
        expect(b.data!.startCall.userErrors).toEqual([]);
      }
      expect(posts(acme)).toBe(1);
      expect(posts(globex)).toBe(1);
    });

    it("never answers one tenant from another's cached read", async () => {
      await gateway.query(CALLS, {}, { headers: bearer(KEYS.acme) });
      await gateway.query(CALLS, {}, { headers: bearer(KEYS.acme) });
      // The second read of the tenant's own came from the cache.
      expect(acme.requests('ovia')).toHaveLength(1);
      const other = await gateway.query(CALLS, {}, { headers: bearer(KEYS.globex) });
      expect(globex.requests('ovia')).toHaveLength(1);
      const globexIds = new Set(globex.data.ovia.calls.map((call) => call.id));
      expect(
        other.data!.calls.edges.every((edge: any) => globexIds.has(edge.node.providerId)),
      ).toBe(true);
    });

    it('shows each tenant only its vendors in providers and /status', async () => {
      const answer = await gateway.query(
        `{ providers { provider mode } }`,
        {},
        {
          headers: bearer(KEYS.acme),
        },
      );
      expect(answer.data!.providers).toEqual([
        { provider: 'FREYA', mode: 'LIVE' },
        { provider: 'OVIA', mode: 'LIVE' },
        { provider: 'LLAMADAPRO', mode: 'LIVE' },
        { provider: 'HAPPYROBOT', mode: 'LIVE' },
      ]);
      // A calls list without providers reads the tenant's call vendors: CX, which it lacks, is
      // absent rather than an error, and no sandbox's CX is asked.
      const calls = await gateway.query(
        `{ calls(first: 1) { totalCount } }`,
        {},
        {
          headers: bearer(KEYS.acme),
        },
      );
      expect(calls.errors).toEqual([]);
      expect(calls.data!.calls.totalCount).toBe(
        acme.data.ovia.calls.length +
          acme.data.llamadapro.calls.length +
          acme.data.happyrobot.calls.length,
      );
      expect([...acme.requests('cx'), ...globex.requests('cx')]).toEqual([]);
      acme.resetLog();
      const origin = new URL(gateway.url).origin;
      expect((await fetch(`${origin}/status`)).status).toBe(401);
      const status = await (
        await fetch(`${origin}/status`, { headers: bearer(KEYS.globex) })
      ).json();
      expect(Object.keys(status.vendors)).toEqual(['FREYA', 'OVIA', 'LLAMADAPRO', 'HAPPYROBOT']);
      expect(acme.requests()).toEqual([]);
      expect(globex.requests().length).toBeGreaterThan(0);
    });

    it("delivers a tenant's webhook to that tenant's subscribers only", async () => {
      const query = `subscription { callEvents { type call { providerId } } }`;
      const onAcme = await subscribeSse(gateway.url, query, {}, bearer(KEYS.acme));
      const onGlobex = await subscribeSse(gateway.url, query, {}, bearer(KEYS.globex));
      const call = (id: string) => ({
        id,
        direction: 'inbound',
        from_number: '+14155550142',
        to_number: '+14155550100',
        status: 'ringing',
      });
      const forAcme = `call_${randomUUID()}`;
      const forGlobex = `call_${randomUUID()}`;
      // A tenant's secret opens only its own URL.
      const wrong = await postWebhook(gateway.url, 'globex/ovia', SECRETS.acme, {
        type: 'call.updated',
        data: call(forAcme),
      });
      expect(wrong.status).toBe(401);
      const sent = await postWebhook(gateway.url, 'acme/ovia', SECRETS.acme, {
        type: 'call.updated',
        data: call(forAcme),
      });
      expect(sent.status).toBe(204);
      const unknown = await postWebhook(gateway.url, 'ovia', SECRETS.acme, {
        type: 'call.updated',
        data: call(forAcme),
      });
      expect(unknown.status).toBe(404);
      await postWebhook(gateway.url, 'globex/ovia', SECRETS.globex, {
        type: 'call.updated',
        data: call(forGlobex),
      });
      const [first] = await onAcme.take(1);
      expect(first!.data.callEvents.call.providerId).toBe(forAcme);
      // Globex's first event is its own: Acme's never reached it.
      const [theirs] = await onGlobex.take(1);
      expect(theirs!.data.callEvents.call.providerId).toBe(forGlobex);
      onAcme.close();
      onGlobex.close();
    });

    it('names the tenant in its log lines and metrics, never a key', async () => {
      gateway.logs.length = 0;
      await gateway.query(`{ providers { provider } }`, {}, { headers: bearer(KEYS.acme) });
      // An upstream request of the other tenant's own, so this test stands alone.
      await gateway.query(
        `{ problems(first: 1) { edges { node { id } } } }`,
        {},
        {
          headers: bearer(KEYS.globex),
        },
      );
      const line = gateway.logs
        .map((text) => JSON.parse(text))
        .find((entry) => entry.msg === 'graphql request');
      expect(line).toMatchObject({ tenant: 'acme' });
      const origin = new URL(gateway.url).origin;
      const metrics = await (
        await fetch(`${origin}/metrics`, { headers: bearer(KEYS.acme) })
      ).text();
      expect(metrics).toMatch(
        /switchboard_graphql_request_duration_seconds_count\{tenant="acme",operation="anonymous"\} \d+/,
      );
      expect(metrics).toMatch(
        /switchboard_upstream_requests_total\{tenant="globex",vendor="FREYA"/,
      );
      for (const key of Object.values(KEYS)) {
        expect(gateway.logs.join('\n')).not.toContain(key);
        expect(metrics).not.toContain(key);
      }
    });

    it('reloads the file: a removed key is refused, a new one works, an invalid file changes nothing', async () => {
      const headers = bearer(KEYS.acmeSpare);
      expect((await gateway.query(`{ providers { provider } }`, {}, { headers })).status).toBe(200);
      // Subscriptions of the unchanged tenant, and of the changed one, go on through the reload.
      const query = `subscription { callEvents { call { providerId } } }`;
      const onGlobex = await subscribeSse(gateway.url, query, {}, bearer(KEYS.globex));
      const onAcme = await subscribeSse(gateway.url, query, {}, bearer(KEYS.acme));
      // A request still running when the file changes finishes with its data.
      acme.setFault('ovia', { latencyMs: 400 });
      const running = gateway.query(CALLS, {}, { headers: bearer(KEYS.acme) });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const added = 'acme-key-3';
      writeFileSync(
        file,
        tenantsFile({ acme: acme.urls, globex: globex.urls }, [KEYS.acme, added], ['freya']),
      );
      const outcome = await gateway.gateway.reloadTenants();
      expect(outcome).toEqual({ added: [], changed: ['acme'], removed: [], unchanged: ['globex'] });
      const finished = await running;
      acme.setFault('ovia', null);
      expect(finished.errors).toEqual([]);
      expect(finished.data!.calls.edges).toHaveLength(50);
      const ringing = (id: string) => ({
        type: 'call.updated',
        data: { id, direction: 'inbound', from_number: '+14155550142', status: 'ringing' },
      });
      const [globexCall, acmeCall] = [`call_${randomUUID()}`, `call_${randomUUID()}`];
      expect(
        (await postWebhook(gateway.url, 'globex/ovia', SECRETS.globex, ringing(globexCall))).status,
      ).toBe(204);
      expect(
        (await postWebhook(gateway.url, 'acme/ovia', SECRETS.acme, ringing(acmeCall))).status,
      ).toBe(204);
      expect((await onGlobex.take(1))[0]!.data.callEvents.call.providerId).toBe(globexCall);
      expect((await onAcme.take(1))[0]!.data.callEvents.call.providerId).toBe(acmeCall);
      onGlobex.close();
      onAcme.close();

      expect((await gateway.query(`{ providers { provider } }`, {}, { headers })).status).toBe(401);
      const fresh = await gateway.query(
        `{ providers { provider } }`,
        {},
        { headers: bearer(added) },
      );
      expect(fresh.status).toBe(200);

      // A new key alone changes who reaches the tenant, not the tenant: nothing is rebuilt.
      const rotated = 'acme-key-4';
      const before = gateway.gateway.tenants.get('acme');
      writeFileSync(
        file,
        tenantsFile({ acme: acme.urls, globex: globex.urls }, [rotated, added], ['freya']),
      );
      expect(await gateway.gateway.reloadTenants()).toEqual({
        added: [],
        changed: [],
        removed: [],
        unchanged: ['acme', 'globex'],
      });
      expect(gateway.gateway.tenants.get('acme')).toBe(before);
      const viaRotated = await gateway.query(
        `{ providers { provider } }`,
        {},
        {
          headers: bearer(rotated),
        },
      );
      expect(viaRotated.status).toBe(200);
      expect(
        (await gateway.query(`{ providers { provider } }`, {}, { headers: bearer(KEYS.acme) }))
          .status,
      ).toBe(401);

      gateway.logs.length = 0;
      writeFileSync(file, '{ "tenants": [ { "id": "Not A Tenant" } ] }');
      expect(await gateway.gateway.reloadTenants()).toBeNull();
      const problems = gateway.logs.filter((text) => text.includes('tenants not reloaded'));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/tenants\[0\] id/);
      const still = await gateway.query(
        `{ providers { provider } }`,
        {},
        { headers: bearer(added) },
      );
      expect(still.status).toBe(200);
    });
  });
}

describeTenants('tenants, in memory', () => ({ SWITCHBOARD_CACHE_TTL_MS: '60000' }));

const redisOn = await redisTestsEnabled('test/graph/tenants.test.ts');
const keys = testPrefix();
afterAll(async () => {
  if (redisOn) await keys.cleanup();
});
if (redisOn) {
  describeTenants('tenants, on Redis', () => ({
    SWITCHBOARD_CACHE_TTL_MS: '60000',
    REDIS_URL: TEST_REDIS_URL,
    SWITCHBOARD_REDIS_PREFIX: keys.prefix,
  }));
}

describe('tenants served by sandboxes of their own', () => {
  let gateway: TestGateway;
  let folder: string;
  let file: string;
  const write = (tenants: unknown[]) => writeFileSync(file, JSON.stringify({ tenants }));

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'switchboard-tenants-'));
    file = join(folder, 'tenants.json');
    write([
      { id: 'one', apiKeys: ['key-one'], sandbox: { seed: 1 } },
      { id: 'two', apiKeys: ['key-two'], sandbox: { seed: 2 } },
    ]);
    gateway = await startTestGateway({
      SWITCHBOARD_SANDBOX: '0',
      SWITCHBOARD_TENANTS_FILE: file,
      SWITCHBOARD_RATE_LIMIT: '4',
    });
  });
  afterAll(async () => {
    await gateway?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('gives each tenant the data of its seed, and counts rate limits per tenant', async () => {
    const one = gateway.gateway.tenants.get('one')!.sandbox!;
    const two = gateway.gateway.tenants.get('two')!.sandbox!;
    const first = await gateway.query(CALLS, {}, { headers: bearer('key-one') });
    const ids = first.data!.calls.edges.map((edge: any) => edge.node.providerId);
    expect(ids).toEqual(
      expect.arrayContaining(one.data.ovia.calls.slice(0, 1).map((call) => call.id)),
    );
    expect(ids.some((id: string) => two.data.ovia.calls.some((call) => call.id === id))).toBe(
      false,
    );
    expect(two.requests()).toEqual([]);
    for (let request = 0; request < 3; request += 1) {
      await gateway.query(`{ providers { provider } }`, {}, { headers: bearer('key-one') });
    }
    const limited = await gateway.query(
      `{ providers { provider } }`,
      {},
      {
        headers: bearer('key-one'),
      },
    );
    expect(limited.status).toBe(429);
    const other = await gateway.query(
      `{ providers { provider } }`,
      {},
      {
        headers: bearer('key-two'),
      },
    );
    expect(other.status).toBe(200);
  });

  it("ends a removed tenant's subscriptions with an error, and refuses its key", async () => {
    const events = await subscribeSse(
      gateway.url,
      `subscription { callEvents { type } }`,
      {},
      bearer('key-two'),
    );
    // The subscription is open once its first keep-alive or event can arrive.
    await new Promise((resolve) => setTimeout(resolve, 100));
    write([{ id: 'one', apiKeys: ['key-one'], sandbox: { seed: 1 } }]);
    const outcome = await gateway.gateway.reloadTenants();
    expect(outcome).toEqual({ added: [], changed: [], removed: ['two'], unchanged: ['one'] });
    const [ended] = await events.take(1);
    expect(ended!.errors?.[0]?.message).toMatch(/removed/);
    const refused = await gateway.query(
      `{ providers { provider } }`,
      {},
      {
        headers: bearer('key-two'),
      },
    );
    expect(refused.status).toBe(401);
    events.close();
  });
});

describe('the tenants file beside the environment', () => {
  it('is a configuration error naming both when a vendor variable is set too', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'switchboard-tenants-'));
    const file = join(folder, 'tenants.json');
    writeFileSync(file, JSON.stringify({ tenants: [{ id: 'one', apiKeys: ['k'] }] }));
    try {
      await expect(
        startTestGateway({ SWITCHBOARD_TENANTS_FILE: file, OVIA_BASE_URL: 'https://ovia.example' }),
      ).rejects.toThrow(/SWITCHBOARD_TENANTS_FILE and OVIA_BASE_URL are both set/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
