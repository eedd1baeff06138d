import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials.js';
import type { SandboxVendor } from '../../src/sandbox/faults.js';
import { MAX_INBOUND_CALLS } from '../../src/sandbox/happyrobot/dialect.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/server.js';

/*
 * The live sandbox (README, "Live calls"): a started call walks through its vendor's statuses and every
 * step reaches a webhook receiver of this test's own, signed as Standard Webhooks says. The
 * receiver reads the vendor's GET route while it holds each webhook, so the test sees that the
 * vendor's data agrees with what was posted.
 */

const STEP_MS = 40;
const secret = (): string => `whsec_${randomBytes(32).toString('base64')}`;
const SECRETS = {
  ovia: secret(),
  cx: secret(),
  llamadapro: secret(),
  happyrobot: secret(),
} satisfies Partial<Record<SandboxVendor, string>>;

const AUTH: Record<'ovia' | 'cx' | 'llamadapro' | 'happyrobot', string> = {
  ovia: `Bearer ${SANDBOX_CREDENTIALS.ovia.apiKey}`,
  cx: `Basic ${Buffer.from(`${SANDBOX_CREDENTIALS.cx.username}:${SANDBOX_CREDENTIALS.cx.password}`).toString('base64')}`,
  llamadapro: `Bearer ${SANDBOX_CREDENTIALS.llamadapro.apiKey}`,
  happyrobot: `Bearer ${SANDBOX_CREDENTIALS.happyrobot.apiKey}`,
};

interface Received {
  vendor: string;
  type: string;
  data: any;
  /** What the vendor's GET route answered while this webhook was being received. */
  read: any;
  verified: boolean;
}

let sandbox: Sandbox;
let receiver: Server;
let received: Received[] = [];
/** Which GET route shows the object a webhook carries. */
let readBack: (vendor: string, data: any) => string | null = () => null;

async function vendorCall(
  vendor: keyof typeof AUTH,
  method: string,
  path: string,
  body?: unknown,
): Promise<any> {
  const answer = await fetch(`${sandbox.urls[vendor]}${path}`, {
    method,
    headers: { authorization: AUTH[vendor], 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(answer.status).toBe(method === 'POST' && path === '/sandbox/inbound-calls' ? 201 : 200);
  return answer.json();
}

/** Rings a HappyRobot inbound call on `target` through its own route (Sandbox.inboundCalls). */
function ring(
  target: Sandbox,
  body: unknown = {},
  authorization: string | null = target.inboundCalls.authorization,
): Promise<Response> {
  return fetch(target.inboundCalls.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(authorization === null ? {} : { authorization }),
    },
    body: JSON.stringify(body),
  });
}

async function waitFor(count: number, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (received.length < count && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const vendor = (req.url ?? '').replace(/^\/webhooks\//, '') as keyof typeof SECRETS;
        const body = Buffer.concat(chunks).toString('utf8');
        let verified = false;
        try {
          new Webhook(SECRETS[vendor]).verify(body, {
            'webhook-id': String(req.headers['webhook-id']),
            'webhook-timestamp': String(req.headers['webhook-timestamp']),
            'webhook-signature': String(req.headers['webhook-signature']),
          });
          verified = true;
        } catch {
          verified = false;
        }
        const { type, data } = JSON.parse(body);
        const path = readBack(vendor, data);
        const read = path === null ? null : await vendorCall(vendor, 'GET', path);
        received.push({ vendor, type, data, read, verified });
        res.writeHead(204).end();
      })();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  sandbox = await startSandbox({ live: { stepDelayMs: STEP_MS } });
  const { port } = receiver.address() as AddressInfo;
  sandbox.sendWebhooks({ webhooksUrl: `http://127.0.0.1:${port}/webhooks`, secrets: SECRETS });
});

afterAll(async () => {
  await sandbox.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

beforeEach(() => {
  received = [];
});

describe('a call started on the sandbox', () => {
  it("walks an Ovia call queued → ringing → in_progress → completed, with Ovia's event names", async () => {
    readBack = (_vendor, data) => `/api/v1/calls/${data.id}`;
    const started = await vendorCall('ovia', 'POST', '/api/v1/calls', {
      user_id: '7e5d4c3b-2a19-4f8e-8d7c-6b5a49382716',
      agent_id: '0b8e6a52-3c1d-4f7e-9a2b-5d6c7e8f9a01',
      type: 'phone',
      direction: 'outbound',
      from_number: '+56229400100',
      to_number: '+56912345678',
      phone_number_id: '3a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
    });
    await waitFor(4);
    expect(received.map((hook) => [hook.type, hook.data.status])).toEqual([
      ['call.created', 'queued'],
      ['call.updated', 'ringing'],
      ['call.updated', 'in_progress'],
      ['call.ended', 'completed'],
    ]);
    expect(received.every((hook) => hook.verified)).toBe(true);
    expect(received.every((hook) => hook.data.id === started.id)).toBe(true);
    for (const hook of received) expect(hook.read).toEqual(hook.data);
    const last = received[3]?.data;
    expect(last.transcript).toMatch(/^Agent: /);
    expect(last.transcript_objects.length).toBeGreaterThan(0);
    expect(last.ended_at).not.toBeNull();
    expect(last.duration).toBeGreaterThanOrEqual(1);
    // Nothing moves after the end.
    await new Promise((resolve) => setTimeout(resolve, STEP_MS * 3));
    expect(received).toHaveLength(4);
  });

  it('walks a CX interaction in-progress → completed with its transcription', async () => {
    readBack = (_vendor, data) => `/api/v1/calls/${data.id}`;
    const started = await vendorCall('cx', 'POST', '/api/v1/calls', {
      agentId: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c51',
      channel: 'call',
      skillId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e61',
      customerName: 'Ana Pérez',
      customerPhone: '+56912345678',
    });
    await waitFor(3);
    expect(received.map((hook) => [hook.type, hook.data.status])).toEqual([
      ['interaction.created', 'in-progress'],
      ['interaction.updated', 'in-progress'],
      ['interaction.updated', 'completed'],
    ]);
    expect(received.every((hook) => hook.verified && hook.data.id === started.id)).toBe(true);
    for (const hook of received) expect(hook.read).toEqual(hook.data);
    expect(received[2]?.data.transcription).toMatch(/^Agent: /);
  });

  it('rings a HappyRobot inbound call that walks Queued → Ringing → In Progress → Completed', async () => {
    readBack = (_vendor, data) => `/api/v1/calls/${data.id}`;
    const started = await vendorCall('happyrobot', 'POST', '/sandbox/inbound-calls', {
      from: '+56987654321',
    });
    expect(started).toMatchObject({ type: 'Inbound', status: 'Queued' });
    expect(started.metadata).toMatchObject({ from: '+56987654321', to: '+56229400100' });
    await waitFor(4);
    expect(received.map((hook) => [hook.type, hook.data.status])).toEqual([
      ['call.created', 'Queued'],
      ['call.updated', 'Ringing'],
      ['call.updated', 'In Progress'],
      ['call.completed', 'Completed'],
    ]);
    expect(received.every((hook) => hook.verified && hook.data.id === started.id)).toBe(true);
    for (const hook of received) expect(hook.read).toEqual(hook.data);
    const last = received[3]?.data;
    expect(last.duration).toBeGreaterThanOrEqual(1);
    expect(last.costs.total_costs).toBeGreaterThan(0);
    expect(last.classification.tag).toBe('confirmed');
    // The rung call leads HappyRobot's list after the scheduled calls (which have no start yet).
    const list = await vendorCall('happyrobot', 'GET', '/api/v1/calls?limit=100');
    expect(list.data.find((call: any) => call.created !== null).id).toBe(started.id);
  });

  it('refuses an inbound call from a number that is not E.164, adding nothing', async () => {
    const before = sandbox.data.happyrobot.calls.length;
    const answer = await ring(sandbox, { from: '12345' });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({
      error: { message: 'from: from must be an E.164 phone number' },
    });
    const unauthorized = await ring(sandbox, {}, null);
    expect(unauthorized.status).toBe(401);
    expect(sandbox.data.happyrobot.calls).toHaveLength(before);
  });

  it(`takes at most ${MAX_INBOUND_CALLS} inbound calls, then answers 429`, async () => {
    const bounded = await startSandbox({ live: { stepDelayMs: 60_000, maxWalks: 2000 } });
    try {
      const rung = () => ring(bounded).then((answer) => answer.status);
      const before = bounded.data.happyrobot.calls.length;
      const statuses: number[] = [];
      for (let i = 0; i < MAX_INBOUND_CALLS / 10; i++) {
        statuses.push(...(await Promise.all(Array.from({ length: 10 }, rung))));
      }
      expect(statuses.every((status) => status === 201)).toBe(true);
      expect(await rung()).toBe(429);
      expect(bounded.data.happyrobot.calls).toHaveLength(before + MAX_INBOUND_CALLS);
    } finally {
      await bounded.close();
    }
  });

  it('refuses an inbound call with 429 while the sandbox walks as many calls as it can', async () => {
    const busy = await startSandbox({ live: { stepDelayMs: 60_000, maxWalks: 1 } });
    try {
      const rung = () => ring(busy).then((answer) => answer.status);
      const before = busy.data.happyrobot.calls.length;
      expect(await rung()).toBe(201);
      expect(await rung()).toBe(429);
      expect(busy.data.happyrobot.calls).toHaveLength(before + 1);
    } finally {
      await busy.close();
    }
  });

  it.each([
    ['agent', { toPhoneNumber: '+56912345678', objectives: ['Confirm the delivery'] }],
    ['voice-agent', { voiceAgentId: 7, to: '+56912345678', contextVariables: {} }],
    ['bridge', { to: '+56912345678' }],
  ])(
    'walks a LlamadaPro %s call queued → ringing → in-progress → completed',
    async (route, body) => {
      readBack = (_vendor, data) => `/api/v1/calls/${data.id}`;
      const started = await vendorCall('llamadapro', 'POST', `/api/v1/calls/${route}`, body);
      await waitFor(4);
      expect(received.map((hook) => [hook.type, hook.data.status])).toEqual([
        ['call.created', 'queued'],
        ['call.updated', 'ringing'],
        ['call.updated', 'in-progress'],
        ['call.updated', 'completed'],
      ]);
      expect(received.every((hook) => hook.verified && hook.data.id === started.id)).toBe(true);
      for (const hook of received) expect(hook.read).toEqual(hook.data);
      expect(received.map((hook) => hook.data.lastUpdateSequence)).toEqual([1, 2, 3, 4]);
      const transcription = await vendorCall(
        'llamadapro',
        'GET',
        `/api/v1/calls/${started.id}/transcription`,
      );
      expect(transcription.text).toMatch(/^Agent: /);
    },
  );

  it('answers a sent WhatsApp template with an inbound reply, posted as message.created', async () => {
    readBack = (_vendor, data) => `/api/v1/messages/${data.id}`;
    const sent = await vendorCall('llamadapro', 'POST', '/api/v1/messages/whatsapp/template', {
      fromPhoneNumber: '+56228401000',
      toPhoneNumber: '+56912345678',
      templateName: 'delivery_update',
      languageCode: 'es',
      variables: [{ value: 'mañana' }],
    });
    await waitFor(2);
    expect(received.map((hook) => [hook.type, hook.data.direction])).toEqual([
      ['message.created', 'outbound'],
      ['message.created', 'inbound'],
    ]);
    expect(received[0]?.data.id).toBe(sent.id);
    const reply = received[1]?.data;
    expect(reply.conversationId).toBe(sent.conversationId);
    expect(reply.sender.address).toBe('+56912345678');
    expect(reply.recipient.address).toBe('+56228401000');
    for (const hook of received) expect(hook.read).toEqual(hook.data);
  });

  it('walks at most maxWalks calls at once; calls past it stay where they started', async () => {
    const small = await startSandbox({ live: { stepDelayMs: 5000, maxWalks: 1 } });
    const { port } = receiver.address() as AddressInfo;
    small.sendWebhooks({ webhooksUrl: `http://127.0.0.1:${port}/webhooks`, secrets: SECRETS });
    readBack = () => null;
    try {
      const place = async () => {
        const answer = await fetch(`${small.urls.llamadapro}/api/v1/calls/bridge`, {
          method: 'POST',
          headers: { authorization: AUTH.llamadapro, 'content-type': 'application/json' },
          body: JSON.stringify({ to: '+56912345678' }),
        });
        return ((await answer.json()) as { id: number }).id;
      };
      const first = await place();
      const second = await place();
      await waitFor(2, 300);
      expect(received.map((hook) => [hook.type, hook.data.id])).toEqual([['call.created', first]]);
      expect(small.data.llamadapro.calls.find((call) => call.id === second)?.status).toBe('queued');
    } finally {
      await small.close();
    }
  });

  it('stops walking when the sandbox closes, posting nothing afterwards', async () => {
    const slow = await startSandbox({ live: { stepDelayMs: 200 } });
    const { port } = receiver.address() as AddressInfo;
    slow.sendWebhooks({ webhooksUrl: `http://127.0.0.1:${port}/webhooks`, secrets: SECRETS });
    readBack = () => null;
    const answer = await fetch(`${slow.urls.llamadapro}/api/v1/calls/bridge`, {
      method: 'POST',
      headers: { authorization: AUTH.llamadapro, 'content-type': 'application/json' },
      body: JSON.stringify({ to: '+56912345678' }),
    });
    expect(answer.status).toBe(200);
    await waitFor(1);
    await slow.close();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received.map((hook) => hook.type)).toEqual(['call.created']);
  });
});
