import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials.js';
import { createSandboxData, SANDBOX_TIES } from '../../src/sandbox/data.js';
import type { SandboxVendor } from '../../src/sandbox/faults.js';
import { SANDBOX_NOW } from '../../src/sandbox/people.js';
import { sandboxVendorConfigs, startSandbox, type Sandbox } from '../../src/sandbox/server.js';

let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});
afterEach(() => {
  sandbox.clearFaults();
});

const AUTH: Record<Exclude<SandboxVendor, 'llamadapro'>, string> = {
  freya: `Bearer ${SANDBOX_CREDENTIALS.freya.apiKey}`,
  ovia: `Bearer ${SANDBOX_CREDENTIALS.ovia.apiKey}`,
  cx: `Basic ${Buffer.from(`${SANDBOX_CREDENTIALS.cx.username}:${SANDBOX_CREDENTIALS.cx.password}`).toString('base64')}`,
  happyrobot: `Bearer ${SANDBOX_CREDENTIALS.happyrobot.apiKey}`,
};
const WORKSPACE = SANDBOX_CREDENTIALS.freya.workspaceId;

type Vendor = keyof typeof AUTH;

interface Answer {
  status: number;
  headers: Headers;
  // Test code reads the sandbox's answers freely; the connectors are the ones that parse them.
  body: any;
}

async function request(
  vendor: Vendor,
  path: string,
  init: { method?: string; body?: unknown; auth?: string | null } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const auth = init.auth === undefined ? AUTH[vendor] : init.auth;
  if (auth !== null) headers.authorization = auth;
  const response = await fetch(`${sandbox.urls[vendor]}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text === '' ? undefined : JSON.parse(text),
  };
}

/** Reads a list to its end with small pages and returns every item in the order served. */
async function readAll(
  vendor: Vendor,
  path: (position: number) => string,
  items: (body: any) => any[],
  firstPosition: number,
  step: (position: number, size: number) => number,
  size: number,
): Promise<any[]> {
  const all: any[] = [];
  let position = firstPosition;
  for (let guard = 0; guard < 100; guard += 1) {
    const answer = await request(vendor, path(position));
    expect(answer.status).toBe(200);
    const page = items(answer.body);
    all.push(...page);
    if (page.length < size) return all;
    position = step(position, size);
  }
  throw new Error('paging never ended');
}

function expectNewestFirst(
  items: any[],
  time: (item: any) => string,
  id: (item: any) => string,
): void {
  for (let i = 1; i < items.length; i += 1) {
    const a = Date.parse(time(items[i - 1]));
    const b = Date.parse(time(items[i]));
    expect(a).toBeGreaterThanOrEqual(b);
    if (a === b) expect(id(items[i - 1]) < id(items[i])).toBe(true);
  }
}

describe('credentials', () => {
  it.each([
    ['ovia', '/api/v1/calls', { detail: 'unauthorized' }],
    ['cx', '/api/v1/calls', { statusCode: 401, message: 'unauthorized' }],
    ['happyrobot', '/api/v1/calls', { error: { message: 'unauthorized' } }],
    [
      'freya',
      `/api/v2/problems?workspaceId=${WORKSPACE}`,
      { success: false, error: { message: 'unauthorized' } },
    ],
  ] as const)(
    '%s answers 401 without or with a wrong credential, in its own error shape',
    async (vendor, path, shape) => {
      const missing = await request(vendor, path, { auth: null });
      expect(missing.status).toBe(401);
      expect(missing.body).toEqual(shape);
      const wrong = await request(vendor, path, {
        auth:
          vendor === 'cx'
            ? `Basic ${Buffer.from('sbx_cx_operator:nope').toString('base64')}`
            : 'Bearer nope',
      });
      expect(wrong.status).toBe(401);
      const right = await request(vendor, path);
      expect(right.status).toBe(200);
    },
  );

  it('points every vendor config at the sandbox', () => {
    const configs = sandboxVendorConfigs(sandbox);
    expect(configs.cx).toEqual({
      baseUrl: sandbox.urls.cx,
      username: 'sbx_cx_operator',
      password: SANDBOX_CREDENTIALS.cx.password,
    });
    expect(configs.freya.workspaceId).toBe(WORKSPACE);
    expect(configs.llamadapro.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('the seeded data set', () => {
  it('is the same on every run, as a fresh copy each time', () => {
    const a = createSandboxData();
    const b = createSandboxData();
    expect(a).toEqual(b);
    expect(a.ovia.calls).not.toBe(b.ovia.calls);
    a.ovia.calls.length = 0;
    expect(b.ovia.calls).toHaveLength(60);
  });

  it('holds over 200 calls before the sandbox clock and problems on real calls', () => {
    const { ovia, cx, happyrobot, llamadapro, freya } = sandbox.data;
    expect(
      ovia.calls.length +
        cx.interactions.length +
        happyrobot.calls.length +
        llamadapro.calls.length,
    ).toBeGreaterThanOrEqual(200);
    expect(ovia.calls.every((call) => Date.parse(call.started_at) < SANDBOX_NOW)).toBe(true);
    expect(
      happyrobot.calls
        .filter((call) => call.created === null)
        .every(
          (call) =>
            call.status === 'Scheduled' && Date.parse(call.scheduled_for ?? '') > SANDBOX_NOW,
        ),
    ).toBe(true);
    const callIds = new Set([
      ...ovia.calls.map((call) => call.id),
      ...cx.interactions.map((interaction) => interaction.id),
      ...happyrobot.calls.map((call) => call.id),
      ...llamadapro.calls.map((call) => String(call.id)),
    ]);
    const withCall = freya.problems.filter((problem) => problem.callId !== null);
    expect(withCall.length).toBeGreaterThan(60);
    expect(withCall.every((problem) => callIds.has(problem.callId ?? ''))).toBe(true);
    expect(new Set(ovia.calls.map((call) => call.status))).toContain('voicemail');
    expect(new Set(cx.interactions.map((interaction) => interaction.status))).toContain(
      'transferred',
    );
    expect(
      ovia.calls.filter((call) => Date.parse(call.started_at) === SANDBOX_TIES.acrossVendors),
    ).toHaveLength(1);
    expect(
      cx.interactions.filter(
        (interaction) => Date.parse(interaction.createdAt) === SANDBOX_TIES.acrossVendors,
      ),
    ).toHaveLength(1);
  });
});

describe('Ovia', () => {
  it('lists newest first and pages by offset to the end, each call once', async () => {
    const first = await request('ovia', '/api/v1/calls');
    expect(first.body.data).toHaveLength(20);
    expect(first.body.total).toBe(sandbox.data.ovia.calls.length);
    const all = await readAll(
      'ovia',
      (offset) => `/api/v1/calls?limit=7&offset=${offset}`,
      (body) => body.data,
      0,
      (offset, size) => offset + size,
      7,
    );
    expect(all).toHaveLength(sandbox.data.ovia.calls.length);
    expect(new Set(all.map((call) => call.id)).size).toBe(all.length);
    expectNewestFirst(
      all,
      (call) => call.started_at,
      (call) => call.id,
    );
    const tied = all.filter((call) => Date.parse(call.started_at) === SANDBOX_TIES.ovia);
    expect(tied).toHaveLength(2);
  });

  it('filters by agent, phone, status and start window', async () => {
    const sample = sandbox.data.ovia.calls[4];
    if (!sample) throw new Error('no seeded call');
    const byAgent = await request('ovia', `/api/v1/calls?limit=100&agent_id=${sample.agent_id}`);
    expect(byAgent.body.total).toBe(
      sandbox.data.ovia.calls.filter((call) => call.agent_id === sample.agent_id).length,
    );
    expect(byAgent.body.data.every((call: any) => call.agent_id === sample.agent_id)).toBe(true);

    const phone = sample.direction === 'outbound' ? sample.to_number : sample.from_number;
    const byPhone = await request('ovia', `/api/v1/calls?phone=${encodeURIComponent(phone)}`);
    expect(byPhone.body.data.map((call: any) => call.id)).toContain(sample.id);
    expect(
      byPhone.body.data.every(
        (call: any) => call.from_number === phone || call.to_number === phone,
      ),
    ).toBe(true);

    const byStatus = await request('ovia', '/api/v1/calls?status=VOICEMAIL&limit=100');
    expect(byStatus.body.total).toBeGreaterThan(0);
    expect(byStatus.body.data.every((call: any) => call.status === 'voicemail')).toBe(true);

    const at = new Date(SANDBOX_TIES.ovia).toISOString();
    const inclusive = await request(
      'ovia',
      `/api/v1/calls?limit=100&started_after=${at}&started_before=${new Date(SANDBOX_TIES.ovia + 1000).toISOString()}`,
    );
    expect(inclusive.body.total).toBe(2);
    const exclusive = await request(
      'ovia',
      `/api/v1/calls?limit=100&started_before=${at}&started_after=${new Date(SANDBOX_TIES.ovia - 1000).toISOString()}`,
    );
    expect(exclusive.body.total).toBe(0);
  });

  it('gets a call by id and answers 404 for an unknown one', async () => {
    const sample = sandbox.data.ovia.calls[0];
    const found = await request('ovia', `/api/v1/calls/${sample?.id ?? ''}`);
    expect(found.status).toBe(200);
    expect(found.body).toEqual(sample);
    const missing = await request('ovia', '/api/v1/calls/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toMatch(/not found/);
  });

  it('rejects bad query values and bodies with 400', async () => {
    for (const query of [
      'limit=101',
      'limit=abc',
      'limit=0',
      'offset=-1',
      'started_after=yesterday',
    ]) {
      const answer = await request('ovia', `/api/v1/calls?${query}`);
      expect(answer.status, query).toBe(400);
      expect(typeof answer.body.detail).toBe('string');
    }
    const base = {
      user_id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
      agent_id: '0b8e6a52-3c1d-4f7e-9a2b-5d6c7e8f9a01',
      type: 'phone_call',
      direction: 'outbound',
      from_number: '+56229400100',
      to_number: '+56911112222',
      phone_number_id: '4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c10',
    };
    const { user_id: _dropped, ...missingUser } = base;
    for (const body of [
      missingUser,
      { ...base, agent_id: 'agent-7' },
      { ...base, direction: 'sideways' },
      { ...base, to_number: '' },
    ]) {
      const answer = await request('ovia', '/api/v1/calls', { body });
      expect(answer.status).toBe(400);
    }
  });

  it('creates a queued call that later reads return first', async () => {
    const body = {
      user_id: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
      agent_id: '0b8e6a52-3c1d-4f7e-9a2b-5d6c7e8f9a01',
      type: 'phone_call',
      direction: 'outbound',
      from_number: '+56229400100',
      to_number: '+56911112222',
      phone_number_id: '4a3b2c1d-0e9f-4a8b-9c7d-6e5f4a3b2c10',
    };
    const created = await request('ovia', '/api/v1/calls', { body });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      ...body,
      status: 'queued',
      agent: { name: 'Sofía · Deliveries' },
    });
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    const list = await request('ovia', '/api/v1/calls?limit=1');
    expect(list.body.data[0].id).toBe(created.body.id);
    const read = await request('ovia', `/api/v1/calls/${created.body.id}`);
    expect(read.body.status).toBe('queued');
  });
});

describe('CX', () => {
  it('lists newest first by page from 1, each interaction once', async () => {
    const first = await request('cx', '/api/v1/calls');
    expect(first.body).toMatchObject({ total: sandbox.data.cx.interactions.length, page: 1 });
    expect(first.body.data).toHaveLength(20);
    const all = await readAll(
      'cx',
      (page) => `/api/v1/calls?limit=8&page=${page}`,
      (body) => body.data,
      1,
      (page) => page + 1,
      8,
    );
    expect(all).toHaveLength(sandbox.data.cx.interactions.length);
    expect(new Set(all.map((interaction) => interaction.id)).size).toBe(all.length);
    expectNewestFirst(
      all,
      (interaction) => interaction.createdAt,
      (interaction) => interaction.id,
    );
    expect(
      all.every((interaction) =>
        ['call', 'sms', 'whatsapp', 'webchat'].includes(interaction.channel),
      ),
    ).toBe(true);
    const beyond = await request('cx', '/api/v1/calls?limit=8&page=99');
    expect(beyond.body).toMatchObject({ data: [], page: 99 });
  });

  it('filters by customer phone and gets by id', async () => {
    const sample = sandbox.data.cx.interactions[3];
    if (!sample) throw new Error('no seeded interaction');
    const byPhone = await request(
      'cx',
      `/api/v1/calls?customerPhone=${encodeURIComponent(sample.customerPhone)}`,
    );
    expect(byPhone.body.data.map((interaction: any) => interaction.id)).toContain(sample.id);
    expect(
      byPhone.body.data.every(
        (interaction: any) => interaction.customerPhone === sample.customerPhone,
      ),
    ).toBe(true);
    const found = await request('cx', `/api/v1/calls/${sample.id}`);
    expect(found.body).toEqual(sample);
    const missing = await request('cx', '/api/v1/calls/123e4567-e89b-12d3-a456-426614174000');
    expect(missing.status).toBe(404);
    expect(missing.body.statusCode).toBe(404);
  });

  it('rejects bad paging and bodies with 400', async () => {
    for (const query of ['page=0', 'page=x', 'limit=500']) {
      const answer = await request('cx', `/api/v1/calls?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.statusCode).toBe(400);
    }
    const base = {
      agentId: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c51',
      channel: 'sms',
      skillId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e61',
      customerName: 'Ana',
      customerPhone: '+56911113333',
    };
    expect(
      (await request('cx', '/api/v1/calls', { body: { ...base, channel: 'fax' } })).status,
    ).toBe(400);
    expect(
      (await request('cx', '/api/v1/calls', { body: { ...base, customerName: undefined } })).status,
    ).toBe(400);
  });

  it('creates an interaction answered as documented and read back with channel and createdAt', async () => {
    const body = {
      agentId: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c51',
      channel: 'whatsapp',
      skillId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e61',
      customerName: 'Ana Soto',
      customerPhone: '+56911113333',
    };
    const created = await request('cx', '/api/v1/calls', { body });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      status: 'in-progress',
      customerPhone: '+56911113333',
      customerName: 'Ana Soto',
      agentId: body.agentId,
    });
    expect(created.body.channel).toBeUndefined();
    const read = await request('cx', `/api/v1/calls/${created.body.id}`);
    expect(read.body.channel).toBe('whatsapp');
    expect(Date.parse(read.body.createdAt)).toBeGreaterThan(SANDBOX_NOW);
    const list = await request('cx', '/api/v1/calls?customerPhone=%2B56911113333');
    expect(list.body.data.map((interaction: any) => interaction.id)).toEqual([created.body.id]);
  });
});

describe('HappyRobot', () => {
  it('lists scheduled calls first, then newest first, each call once', async () => {
    const all = await readAll(
      'happyrobot',
      (page) => `/api/v1/calls?limit=6&page=${page}`,
      (body) => body.data,
      1,
      (page) => page + 1,
      6,
    );
    expect(all).toHaveLength(sandbox.data.happyrobot.calls.length);
    expect(new Set(all.map((call) => call.id)).size).toBe(all.length);
    const scheduled = all.filter((call) => call.created === null);
    expect(scheduled.length).toBeGreaterThan(0);
    expect(all.slice(0, scheduled.length)).toEqual(scheduled);
    expect(scheduled.map((call) => call.id)).toEqual([...scheduled.map((call) => call.id)].sort());
    expectNewestFirst(
      all.slice(scheduled.length),
      (call) => call.created,
      (call) => call.id,
    );
    const first = await request('happyrobot', '/api/v1/calls?limit=3');
    expect(first.body).toMatchObject({ total: sandbox.data.happyrobot.calls.length, page: 1 });
  });

  it('filters by phone, status and use case', async () => {
    const sample = sandbox.data.happyrobot.calls.find((call) => call.status === 'Completed');
    if (!sample) throw new Error('no completed call');
    const byPhone = await request(
      'happyrobot',
      `/api/v1/calls?limit=100&phone=${encodeURIComponent(sample.metadata.to)}`,
    );
    expect(byPhone.body.data.map((call: any) => call.id)).toContain(sample.id);
    expect(
      byPhone.body.data.every(
        (call: any) =>
          call.metadata.from === sample.metadata.to || call.metadata.to === sample.metadata.to,
      ),
    ).toBe(true);
    const byStatus = await request('happyrobot', '/api/v1/calls?limit=100&status=No%20Answer');
    expect(byStatus.body.total).toBe(
      sandbox.data.happyrobot.calls.filter((call) => call.status === 'No Answer').length,
    );
    expect(byStatus.body.total).toBeGreaterThan(0);
    const byUseCase = await request(
      'happyrobot',
      `/api/v1/calls?limit=100&use_case_id=${sample.use_case.id}`,
    );
    expect(byUseCase.body.data.every((call: any) => call.use_case.id === sample.use_case.id)).toBe(
      true,
    );
    expect(byUseCase.body.total).toBeLessThan(sandbox.data.happyrobot.calls.length);
  });

  it('checks the id length and answers 404 for an unknown call', async () => {
    const sample = sandbox.data.happyrobot.calls[2];
    const found = await request('happyrobot', `/api/v1/calls/${sample?.id ?? ''}`);
    expect(found.body.id).toBe(sample?.id);
    expect(found.body.id).toMatch(/^[0-9a-f]{24}$/);
    const short = await request('happyrobot', '/api/v1/calls/abc123');
    expect(short.status).toBe(400);
    expect(short.body.error.message).toMatch(/24/);
    const missing = await request('happyrobot', '/api/v1/calls/ffffffffffffffffffffffff');
    expect(missing.status).toBe(404);
  });

  it('adds a note that later reads show', async () => {
    const sample = sandbox.data.happyrobot.calls[5];
    if (!sample) throw new Error('no seeded call');
    const before = sample.notes.length;
    const added = await request('happyrobot', `/api/v1/calls/${sample.id}/notes`, {
      body: { content: 'Call back on Monday', flagged: true, user_id: 'user_test' },
    });
    expect(added.status).toBe(200);
    expect(added.body.id).toBe(sample.id);
    expect(added.body.notes).toHaveLength(before + 1);
    expect(added.body.notes.at(-1)).toMatchObject({
      content: 'Call back on Monday',
      flagged: true,
      user_id: 'user_test',
    });
    expect(added.body.notes.at(-1).id).toMatch(/^[0-9a-f]{24}$/);
    const read = await request('happyrobot', `/api/v1/calls/${sample.id}`);
    expect(read.body.notes.at(-1).content).toBe('Call back on Monday');
    expect(
      (await request('happyrobot', `/api/v1/calls/${sample.id}/notes`, { body: { flagged: true } }))
        .status,
    ).toBe(400);
    expect(
      (
        await request('happyrobot', `/api/v1/calls/${sample.id}/notes`, {
          body: { content: 'x', flagged: 'yes' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await request('happyrobot', '/api/v1/calls/short/notes', {
          body: { content: 'x', flagged: false },
        })
      ).status,
    ).toBe(400);
    expect((await request('happyrobot', '/api/v1/calls?page=0')).status).toBe(400);
  });
});

describe('Freya', () => {
  const problems = (query = '') => `/api/v2/problems?workspaceId=${WORKSPACE}${query}`;

  it('requires the sandbox workspace', async () => {
    const missing = await request('freya', '/api/v2/problems');
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ success: false, error: { message: 'workspaceId is required' } });
    const other = await request(
      'freya',
      '/api/v2/problems?workspaceId=3c90c3cc-0d44-4b50-8888-8dd25736052a',
    );
    expect(other.status).toBe(403);
  });

  it('lists newest first with offset paging, each problem once', async () => {
    const first = await request('freya', problems());
    expect(first.body.success).toBe(true);
    expect(first.body.data.problems).toHaveLength(50);
    expect(first.body.data.total).toBe(sandbox.data.freya.problems.length);
    const all = await readAll(
      'freya',
      (offset) => problems(`&limit=9&offset=${offset}`),
      (body) => body.data.problems,
      0,
      (offset, size) => offset + size,
      9,
    );
    expect(all).toHaveLength(sandbox.data.freya.problems.length);
    expect(new Set(all.map((problem) => problem.id)).size).toBe(all.length);
    expectNewestFirst(
      all,
      (problem) => problem.createdAt,
      (problem) => problem.id,
    );
  });

  it('filters by callId, callIds, status and resolved', async () => {
    const sample = sandbox.data.freya.problems.find(
      (problem) => problem.callId !== null && /^\d+$/.test(problem.callId),
    );
    const other = sandbox.data.freya.problems.find(
      (problem) => problem.callId !== null && problem.callId.length === 24,
    );
    if (!sample?.callId || !other?.callId)
      throw new Error('no problems on LlamadaPro and HappyRobot calls');
    const byCall = await request('freya', problems(`&callId=${sample.callId}`));
    expect(byCall.body.data.problems.map((problem: any) => problem.id)).toContain(sample.id);
    expect(
      byCall.body.data.problems.every((problem: any) => problem.callId === sample.callId),
    ).toBe(true);
    const byCalls = await request(
      'freya',
      problems(`&limit=200&callIds=${sample.callId},${other.callId}`),
    );
    const expected = sandbox.data.freya.problems.filter(
      (problem) => problem.callId === sample.callId || problem.callId === other.callId,
    );
    expect(byCalls.body.data.total).toBe(expected.length);
    const resolved = await request('freya', problems('&limit=200&resolved=true'));
    expect(resolved.body.data.total).toBe(
      sandbox.data.freya.problems.filter((problem) => problem.resolved).length,
    );
    expect(
      resolved.body.data.problems.every(
        (problem: any) => problem.resolved === true && problem.resolvedAt !== null,
      ),
    ).toBe(true);
    const open = await request('freya', problems('&limit=200&status=open&resolved=false'));
    expect(open.body.data.total).toBeGreaterThan(0);
    expect(
      open.body.data.problems.every(
        (problem: any) => problem.status === 'open' && !problem.resolved,
      ),
    ).toBe(true);
  });

  it('rejects too many callIds and bad values with 400', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => String(i + 1)).join(',');
    expect((await request('freya', problems(`&callIds=${ids}`))).status).toBe(400);
    const fifty = Array.from({ length: 50 }, (_, i) => String(i + 1)).join(',');
    expect((await request('freya', problems(`&callIds=${fifty}`))).status).toBe(200);
    expect((await request('freya', problems('&limit=201'))).status).toBe(400);
    expect((await request('freya', problems('&resolved=maybe'))).status).toBe(400);
  });

  it('gets a problem by id and answers 404 in its envelope', async () => {
    const sample = sandbox.data.freya.problems[10];
    const found = await request('freya', `/api/v2/problems/${sample?.id ?? ''}`);
    expect(found.body).toEqual({ success: true, data: { problem: sample } });
    const missing = await request('freya', '/api/v2/problems/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.success).toBe(false);
    expect(missing.body.error.message).toMatch(/not found/);
  });

  it('creates a problem in the documented envelope and validates the body', async () => {
    const callId = sandbox.data.happyrobot.calls[0]?.id ?? '';
    const created = await request('freya', '/api/v2/problems', {
      body: {
        workspaceId: WORKSPACE,
        problem: 'Agent skipped the greeting',
        callId,
        type: 'decision',
        severity: 0.8,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      success: true,
      data: {
        message: 'Problem created',
        result: {
          success: true,
          problem: {
            problem: 'Agent skipped the greeting',
            callId,
            type: 'decision',
            severity: 0.8,
            status: 'open',
            resolved: false,
          },
        },
      },
    });
    const id = created.body.data.result.problem.id;
    expect((await request('freya', `/api/v2/problems/${id}`)).body.data.problem.callId).toBe(
      callId,
    );
    const newest = await request('freya', problems('&limit=1'));
    expect(newest.body.data.problems[0].id).toBe(id);

    const base = { workspaceId: WORKSPACE, problem: 'x' };
    for (const body of [
      { ...base, severity: 1.5 },
      { ...base, type: 'bogus' },
      { ...base, problem: '' },
      { ...base, workspaceId: 'ws-1' },
    ]) {
      const answer = await request('freya', '/api/v2/problems', { body });
      expect(answer.status).toBe(400);
      expect(answer.body.success).toBe(false);
    }
    expect(
      (
        await request('freya', '/api/v2/problems', {
          body: { ...base, workspaceId: '3c90c3cc-0d44-4b50-8888-8dd25736052a' },
        })
      ).status,
    ).toBe(403);
  });
});

describe('faults', () => {
  it('answers an injected status in the vendor shape', async () => {
    sandbox.setFault('cx', { failure: 'status', status: 503 });
    const answer = await request('cx', '/api/v1/calls');
    expect(answer.status).toBe(503);
    expect(answer.body).toEqual({ statusCode: 503, message: 'injected failure' });
  });

  it('rate-limits with a retry-after header', async () => {
    sandbox.setFault('happyrobot', { failure: 'rate-limit', retryAfterSeconds: 3 });
    const answer = await request('happyrobot', '/api/v1/calls');
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('3');
  });

  it('serves a malformed body that JSON.parse rejects', async () => {
    sandbox.setFault('ovia', { failure: 'malformed' });
    const response = await fetch(`${sandbox.urls.ovia}/api/v1/calls`, {
      headers: { authorization: AUTH.ovia },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it('resets the connection so that fetch rejects', async () => {
    sandbox.setFault('freya', { failure: 'reset' });
    await expect(
      fetch(`${sandbox.urls.freya}${'/api/v2/problems?workspaceId=' + WORKSPACE}`, {
        headers: { authorization: AUTH.freya },
      }),
    ).rejects.toThrow();
  });

  it('hangs until the client gives up', async () => {
    sandbox.setFault('ovia', { failure: 'hang' });
    const started = Date.now();
    await expect(
      fetch(`${sandbox.urls.ovia}/api/v1/calls`, {
        headers: { authorization: AUTH.ovia },
        signal: AbortSignal.timeout(200),
      }),
    ).rejects.toThrow(/abort|timeout/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('delays answers by the configured latency', async () => {
    sandbox.setFault('happyrobot', { latencyMs: 150 });
    const started = performance.now();
    const answer = await request('happyrobot', '/api/v1/calls?limit=1');
    expect(performance.now() - started).toBeGreaterThanOrEqual(148);
    expect(answer.status).toBe(200);
    sandbox.clearFaults();
    const quick = performance.now();
    await request('happyrobot', '/api/v1/calls?limit=1');
    expect(performance.now() - quick).toBeLessThan(150);
  });

  it('answers 401 whatever the credentials when told to', async () => {
    sandbox.setFault('freya', { failure: 'unauthorized' });
    expect((await request('freya', `/api/v2/problems?workspaceId=${WORKSPACE}`)).status).toBe(401);
  });
});

describe('request log', () => {
  it('records method, path, query, headers and body in arrival order', async () => {
    sandbox.resetLog();
    await request('ovia', '/api/v1/calls?limit=2&status=completed');
    await request('happyrobot', '/api/v1/calls/ffffffffffffffffffffffff/notes', {
      body: { content: 'logged', flagged: false },
    });
    const ovia = sandbox.requests('ovia');
    expect(ovia).toHaveLength(1);
    expect(ovia[0]).toMatchObject({
      vendor: 'ovia',
      method: 'GET',
      path: '/api/v1/calls',
      query: { limit: '2', status: 'completed' },
      body: undefined,
    });
    expect(ovia[0]?.headers.authorization).toBe(AUTH.ovia);
    const all = sandbox.requests();
    expect(all.map((entry) => entry.vendor)).toEqual(['ovia', 'happyrobot']);
    expect(all[1]).toMatchObject({
      method: 'POST',
      path: '/api/v1/calls/ffffffffffffffffffffffff/notes',
      body: { content: 'logged', flagged: false },
    });
    sandbox.resetLog();
    expect(sandbox.requests()).toHaveLength(0);
  });
});
