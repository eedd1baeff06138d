import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { oviaStartCallInput } from '../support/sandbox-inputs.js';

const START_CALL = `mutation Start($input: StartCallInput!, $key: String) {
  startCall(input: $input, idempotencyKey: $key) {
    call { id providerId to }
    userErrors { field message code provider }
  }
}`;

const ADD_NOTE = `mutation AddNote($input: AddCallNoteInput!, $key: String) {
  addCallNote(input: $input, idempotencyKey: $key) {
    note { id content }
    userErrors { field message code provider }
  }
}`;

const oviaCall = oviaStartCallInput;

const posts = (t: TestGateway, vendor: 'ovia' | 'happyrobot') =>
  t.gateway.sandbox!.requests(vendor).filter((request) => request.method === 'POST');

describe('a key whose request never reached the vendor', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ SWITCHBOARD_MAX_UPSTREAM_REQUESTS: '1' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('is released when the vendor’s port refuses the connection, and runs once it is back', async () => {
    const ovia = t.gateway.sandbox!.servers.ovia;
    const port = Number(new URL(t.gateway.sandbox!.urls.ovia).port);
    // Nothing has talked to Ovia yet, so no kept-alive connection outlives the listener.
    await ovia.close();
    const variables = { input: oviaCall('+573100004242'), key: 'dial-when-back' };
    const refused = await t.query(START_CALL, variables);
    expect(refused.data!.startCall).toEqual({
      call: null,
      userErrors: [expect.objectContaining({ code: 'UPSTREAM_UNAVAILABLE', provider: 'OVIA' })],
    });

    await ovia.listen(port);
    const placed = await t.query(START_CALL, variables);
    expect(placed.data!.startCall.userErrors).toEqual([]);
    expect(placed.data!.startCall.call.to).toBe('+573100004242');
    expect(posts(t, 'ovia')).toHaveLength(1);
    expect((await t.query(START_CALL, variables)).data).toEqual(placed.data);
    expect(posts(t, 'ovia')).toHaveLength(1);
  });

  it('is released when the operation’s upstream allowance ran out before it was sent', async () => {
    const callId = Buffer.from(
      `Call:HAPPYROBOT:${t.gateway.sandbox!.data.happyrobot.calls[7]!.id}`,
    ).toString('base64url');
    t.gateway.sandbox!.resetLog();
    const both = await t.query(
      `mutation Two($callId: ID!) {
        first: addCallNote(input: { callId: $callId, content: "Uses the allowance" }) {
          note { id } userErrors { code }
        }
        second: addCallNote(input: { callId: $callId, content: "Left over" }, idempotencyKey: "left-over") {
          note { id } userErrors { code }
        }
      }`,
      { callId },
    );
    expect(both.data!.first.userErrors).toEqual([]);
    expect(both.data!.second).toEqual({ note: null, userErrors: [{ code: 'FAN_OUT_LIMITED' }] });
    expect(posts(t, 'happyrobot')).toHaveLength(1);

    const later = await t.query(ADD_NOTE, {
      input: { callId, content: 'Left over' },
      key: 'left-over',
    });
    expect(later.data!.addCallNote).toMatchObject({
      note: { content: 'Left over' },
      userErrors: [],
    });
    expect(posts(t, 'happyrobot')).toHaveLength(2);
  });
});

describe('a key whose request reached the vendor', () => {
  let t: TestGateway;
  let callId: string;
  beforeAll(async () => {
    t = await startTestGateway();
    callId = Buffer.from(
      `Call:HAPPYROBOT:${t.gateway.sandbox!.data.happyrobot.calls[9]!.id}`,
    ).toString('base64url');
  });
  afterEach(() => t.gateway.sandbox!.clearFaults());
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['a 500', { failure: 'status' as const, status: 500 }, 'UPSTREAM_UNAVAILABLE'],
    ['no answer in time', { failure: 'hang' as const }, 'UPSTREAM_TIMEOUT'],
    ['a connection reset after the request', { failure: 'reset' as const }, 'UPSTREAM_UNAVAILABLE'],
  ])('stays pinned after %s, and says the outcome is unknown', async (_, fault, code) => {
    t.gateway.sandbox!.setFault('happyrobot', fault);
    t.gateway.sandbox!.resetLog();
    const variables = {
      input: { callId, content: `After ${code}` },
      key: `pinned-${fault.failure}`,
    };
    const first = await t.query(ADD_NOTE, variables);
    expect(first.data!.addCallNote).toEqual({
      note: null,
      userErrors: [
        {
          field: null,
          message: expect.stringMatching(
            /outcome is unknown.*idempotencyKey "pinned-\w+" stays pinned .* until it expires/,
          ),
          code,
          provider: 'HAPPYROBOT',
        },
      ],
    });
    expect(posts(t, 'happyrobot')).toHaveLength(1);

    t.gateway.sandbox!.clearFaults();
    const repeat = await t.query(ADD_NOTE, variables);
    expect(repeat.data).toEqual(first.data);
    expect(posts(t, 'happyrobot')).toHaveLength(1);
  });
});
