import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

const ADD_NOTE = `mutation AddNote($input: AddCallNoteInput!, $key: String) {
  addCallNote(input: $input, idempotencyKey: $key) {
    note { id content }
    userErrors { field message code provider }
  }
}`;

const happyRobotCallId = (t: TestGateway) =>
  Buffer.from(`Call:HAPPYROBOT:${t.gateway.sandbox!.data.happyrobot.calls[3]!.id}`).toString(
    'base64url',
  );

const notePosts = (t: TestGateway) =>
  t.gateway.sandbox!.requests('happyrobot').filter((request) => request.method === 'POST');

describe('a full idempotency store', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ SWITCHBOARD_IDEMPOTENCY_MAX_KEYS: '5' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps replaying the keys it holds and refuses new ones without calling the vendor', async () => {
    const callId = happyRobotCallId(t);
    const note = (n: number) => ({ input: { callId, content: `Note ${n}` }, key: `full-${n}` });
    const first = await t.query(ADD_NOTE, note(1));
    expect(first.data!.addCallNote.userErrors).toEqual([]);
    for (const n of [2, 3, 4, 5]) {
      expect((await t.query(ADD_NOTE, note(n))).data!.addCallNote.userErrors).toEqual([]);
    }
    t.gateway.sandbox!.resetLog();

    const refused = await t.query(ADD_NOTE, note(6));
    expect(refused.data!.addCallNote).toEqual({
      note: null,
      userErrors: [
        {
          field: ['idempotencyKey'],
          message: expect.stringMatching(/cannot hold another idempotency key.*nothing was sent/),
          code: 'IDEMPOTENCY_UNAVAILABLE',
          provider: null,
        },
      ],
    });
    const repeat = await t.query(ADD_NOTE, note(1));
    expect(repeat.data).toEqual(first.data);
    expect(t.gateway.sandbox!.requests()).toHaveLength(0);

    // A mutation without a key needs no room in the store.
    const unkeyed = await t.query(ADD_NOTE, { input: { callId, content: 'No key' } });
    expect(unkeyed.data!.addCallNote.userErrors).toEqual([]);
    expect(notePosts(t)).toHaveLength(1);
  });
});

describe('idempotency keys of two clients', () => {
  let t: TestGateway;
  const as = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });
  beforeAll(async () => {
    t = await startTestGateway({
      SWITCHBOARD_API_KEYS: 'key-a,key-b',
      SWITCHBOARD_IDEMPOTENCY_MAX_KEYS_PER_CLIENT: '3',
    });
  });
  afterEach(() => t.gateway.sandbox!.resetLog());
  afterAll(async () => {
    await t.close();
  });

  it('run once for each client, and neither sees the other’s result', async () => {
    const callId = happyRobotCallId(t);
    const variables = { input: { callId, content: 'Same key, same note' }, key: 'shared' };
    const a = await t.query(ADD_NOTE, variables, as('key-a'));
    const b = await t.query(ADD_NOTE, variables, as('key-b'));
    expect(a.data!.addCallNote.userErrors).toEqual([]);
    expect(b.data!.addCallNote.userErrors).toEqual([]);
    expect(b.data!.addCallNote.note.id).not.toBe(a.data!.addCallNote.note.id);
    expect(notePosts(t)).toHaveLength(2);

    expect((await t.query(ADD_NOTE, variables, as('key-a'))).data).toEqual(a.data);
    expect((await t.query(ADD_NOTE, variables, as('key-b'))).data).toEqual(b.data);
    // The scheme is case-insensitive, and the scope is the key, not how the header spells it.
    const lowerCase = { headers: { authorization: 'bearer key-a' } };
    expect((await t.query(ADD_NOTE, variables, lowerCase)).data).toEqual(a.data);
    expect(notePosts(t)).toHaveLength(2);
  });

  it('do not conflict when the clients send different input', async () => {
    const callId = happyRobotCallId(t);
    const a = await t.query(
      ADD_NOTE,
      { input: { callId, content: 'From A' }, key: 'own' },
      as('key-a'),
    );
    const b = await t.query(
      ADD_NOTE,
      { input: { callId, content: 'From B' }, key: 'own' },
      as('key-b'),
    );
    expect(a.data!.addCallNote).toMatchObject({ note: { content: 'From A' }, userErrors: [] });
    expect(b.data!.addCallNote).toMatchObject({ note: { content: 'From B' }, userErrors: [] });
    expect(notePosts(t)).toHaveLength(2);
  });

  it('are capped per client, so one client cannot take the others’ room', async () => {
    const callId = happyRobotCallId(t);
    const note = (key: string) => ({ input: { callId, content: `Note ${key}` }, key });
    // Each client holds two keys now ("shared" and "own"); the allowance is three.
    const third = await t.query(ADD_NOTE, note('third'), as('key-a'));
    expect(third.data!.addCallNote.userErrors).toEqual([]);
    t.gateway.sandbox!.resetLog();
    const refused = await t.query(ADD_NOTE, note('fourth'), as('key-a'));
    expect(refused.data!.addCallNote).toEqual({
      note: null,
      userErrors: [
        {
          field: ['idempotencyKey'],
          message: expect.stringMatching(/holds 3 idempotency keys.*nothing was sent/),
          code: 'IDEMPOTENCY_UNAVAILABLE',
          provider: null,
        },
      ],
    });
    expect(notePosts(t)).toHaveLength(0);
    expect((await t.query(ADD_NOTE, note('third'), as('key-a'))).data).toEqual(third.data);
    expect(
      (await t.query(ADD_NOTE, note('fourth'), as('key-b'))).data!.addCallNote.userErrors,
    ).toEqual([]);
    expect(notePosts(t)).toHaveLength(1);
  });
});
