import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const TTL_MS = 400;

const ADD_NOTE = `mutation AddNote($input: AddCallNoteInput!, $key: String) {
  addCallNote(input: $input, idempotencyKey: $key) {
    note { id content flagged userId createdAt }
    call { id notes { id content } }
    userErrors { field message code provider }
  }
}`;

let t: TestGateway;
let callId: string;
let rawId: string;

beforeAll(async () => {
  t = await startTestGateway({ IDEMPOTENCY_TTL_MS: String(TTL_MS) });
  const raw = t.gateway.sandbox!.data.happyrobot.calls[5]!;
  rawId = raw.id;
  callId = Buffer.from(`Call:HAPPYROBOT:${raw.id}`).toString('base64url');
});
afterEach(() => t.gateway.sandbox!.clearFaults());
afterAll(async () => {
  await t.close();
});

const notePosts = () =>
  t.gateway.sandbox!.requests('happyrobot').filter((request) => request.method === 'POST');

describe('addCallNote', () => {
  it('posts the note in HappyRobot’s casing and answers the note and the call', async () => {
    t.gateway.sandbox!.resetLog();
    const answer = await t.query(ADD_NOTE, {
      input: {
        callId,
        content: 'Customer asked for a callback on Friday',
        flagged: true,
        userId: 'user_42',
      },
    });
    expect(answer.errors).toEqual([]);
    const payload = answer.data!.addCallNote;
    expect(payload.userErrors).toEqual([]);
    expect(payload.note).toMatchObject({
      content: 'Customer asked for a callback on Friday',
      flagged: true,
      userId: 'user_42',
    });
    expect(payload.call.id).toBe(callId);
    expect(payload.call.notes.at(-1).id).toBe(payload.note.id);
    const [post] = notePosts();
    expect(post).toMatchObject({
      path: `/api/v1/calls/${rawId}/notes`,
      body: {
        content: 'Customer asked for a callback on Friday',
        flagged: true,
        user_id: 'user_42',
      },
    });
    expect(post!.headers['authorization']).toMatch(/^Bearer /);
    const read = await t.query(`query($id: ID!) { call(id: $id) { notes { id } } }`, {
      id: callId,
    });
    expect(read.data!.call.notes.map((note: { id: string }) => note.id)).toContain(payload.note.id);
  });

  it.each([
    [{ callId: 'garbage', content: 'x' }, ['input', 'callId']],
    [
      {
        callId: Buffer.from('Call:OVIA:3c90c3cc-0d44-4b50-8888-8dd25736052a').toString('base64url'),
        content: 'x',
      },
      ['input', 'callId'],
    ],
    [
      { callId: Buffer.from('Call:HAPPYROBOT:short').toString('base64url'), content: 'x' },
      ['input', 'callId'],
    ],
    [{ callId: 'CALL', content: '   ' }, ['input', 'content']],
  ])('rejects %j with INVALID_INPUT at %j and calls no vendor', async (input, field) => {
    t.gateway.sandbox!.resetLog();
    const answer = await t.query(ADD_NOTE, {
      input: { ...input, callId: input.callId === 'CALL' ? callId : input.callId },
    });
    expect(answer.errors).toEqual([]);
    const { note, userErrors } = answer.data!.addCallNote;
    expect(note).toBeNull();
    expect(userErrors[0]).toMatchObject({ field, code: 'INVALID_INPUT' });
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);
  });

  it('answers a vendor 500 with UPSTREAM_UNAVAILABLE after exactly one attempt', async () => {
    t.gateway.sandbox!.setFault('happyrobot', { failure: 'status', status: 500 });
    t.gateway.sandbox!.resetLog();
    const answer = await t.query(ADD_NOTE, { input: { callId, content: 'never lands' } });
    expect(answer.data!.addCallNote.userErrors).toEqual([
      expect.objectContaining({
        code: 'UPSTREAM_UNAVAILABLE',
        provider: 'HAPPYROBOT',
        field: null,
      }),
    ]);
    expect(notePosts()).toHaveLength(1);
    t.gateway.sandbox!.setFault('happyrobot', { failure: 'status', status: 503 });
    t.gateway.sandbox!.resetLog();
    await t.query(ADD_NOTE, { input: { callId, content: 'never lands either' } });
    expect(notePosts()).toHaveLength(1);
  });
});

describe('idempotency keys', () => {
  it('runs a key once and replays the first result', async () => {
    t.gateway.sandbox!.resetLog();
    const variables = { input: { callId, content: 'Replayed note' }, key: 'note-once' };
    const first = await t.query(ADD_NOTE, variables);
    const second = await t.query(ADD_NOTE, variables);
    expect(first.data!.addCallNote.userErrors).toEqual([]);
    expect(second.data).toEqual(first.data);
    expect(notePosts()).toHaveLength(1);
  });

  it('lets 20 concurrent requests with one fresh key make exactly one upstream request', async () => {
    t.gateway.sandbox!.setFault('happyrobot', { latencyMs: 100 });
    t.gateway.sandbox!.resetLog();
    const variables = { input: { callId, content: 'Concurrent note' }, key: 'note-concurrent' };
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => t.query(ADD_NOTE, variables)),
    );
    expect(notePosts()).toHaveLength(1);
    for (const answer of answers) expect(answer.data).toEqual(answers[0]!.data);
    expect(answers[0]!.data!.addCallNote.note.content).toBe('Concurrent note');
  });

  it('refuses the same key with other input', async () => {
    await t.query(ADD_NOTE, { input: { callId, content: 'Original' }, key: 'note-reuse' });
    t.gateway.sandbox!.resetLog();
    const answer = await t.query(ADD_NOTE, {
      input: { callId, content: 'Different' },
      key: 'note-reuse',
    });
    expect(answer.data!.addCallNote.note).toBeNull();
    expect(answer.data!.addCallNote.userErrors).toEqual([
      expect.objectContaining({ field: ['idempotencyKey'], code: 'IDEMPOTENCY_KEY_REUSED' }),
    ]);
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);
  });

  it('runs the key again once it expires', async () => {
    const variables = { input: { callId, content: 'Expiring note' }, key: 'note-expiry' };
    t.gateway.sandbox!.resetLog();
    await t.query(ADD_NOTE, variables);
    await t.query(ADD_NOTE, variables);
    expect(notePosts()).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, TTL_MS + 100));
    await t.query(ADD_NOTE, variables);
    expect(notePosts()).toHaveLength(2);
  });

  it('keeps keys of different mutations apart and does not record invalid input', async () => {
    t.gateway.sandbox!.resetLog();
    const invalid = await t.query(ADD_NOTE, {
      input: { callId, content: '' },
      key: 'note-invalid-first',
    });
    expect(invalid.data!.addCallNote.userErrors[0].code).toBe('INVALID_INPUT');
    const valid = await t.query(ADD_NOTE, {
      input: { callId, content: 'Valid after invalid' },
      key: 'note-invalid-first',
    });
    expect(valid.data!.addCallNote.userErrors).toEqual([]);
    expect(notePosts()).toHaveLength(1);
  });
});

describe('idempotency metrics', () => {
  it('counts replays on /metrics', async () => {
    const base = t.url.replace(/\/graphql$/, '');
    const replays = async () => {
      const text = await (await fetch(`${base}/metrics`)).text();
      const line = text
        .split('\n')
        .find((l) => l.startsWith('switchboard_idempotency_replays_total{mutation="addCallNote"}'));
      return line ? Number(line.split(' ').at(-1)) : 0;
    };
    const before = await replays();
    const variables = { input: { callId, content: 'Counted replay' }, key: 'note-metrics' };
    await t.query(ADD_NOTE, variables);
    await t.query(ADD_NOTE, variables);
    await t.query(ADD_NOTE, variables);
    expect(await replays()).toBe(before + 2);
  });
});
