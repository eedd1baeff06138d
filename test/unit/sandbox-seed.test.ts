import { describe, expect, it } from 'vitest';
import { createSandboxData, SANDBOX_COUNTS, type SandboxData } from '../../src/sandbox/data.js';

function counts(data: SandboxData): Record<string, number> {
  return {
    people: data.people.length,
    freya: data.freya.problems.length,
    ovia: data.ovia.calls.length,
    cx: data.cx.interactions.length,
    happyrobot: data.happyrobot.calls.length,
    llamadaproCalls: data.llamadapro.calls.length,
    llamadaproContacts: data.llamadapro.contacts.length,
    llamadaproTasks: data.llamadapro.tasks.length,
    llamadaproMessages: data.llamadapro.messages.length,
    llamadaproConversations: data.llamadapro.conversations.length,
  };
}

/** How many of `a` are also in `b`. */
function shared(a: readonly string[], b: readonly string[]): number {
  const other = new Set(b);
  return a.filter((value) => other.has(value)).length;
}

describe('createSandboxData(seed)', () => {
  const zero = createSandboxData(0);
  const one = createSandboxData(1);

  it('seed 0 is the default data set, the same on every call', () => {
    expect(zero).toEqual(createSandboxData());
    expect(createSandboxData(0)).toEqual(zero);
  });

  it('another seed is deterministic too', () => {
    expect(createSandboxData(1)).toEqual(one);
    expect(createSandboxData(1_000_000)).toEqual(createSandboxData(1_000_000));
  });

  it('another seed draws other ids and numbers', () => {
    const oviaIds = (data: SandboxData) => data.ovia.calls.map((call) => call.id);
    const cxIds = (data: SandboxData) => data.cx.interactions.map((interaction) => interaction.id);
    const happyRobotIds = (data: SandboxData) => data.happyrobot.calls.map((call) => call.id);
    const phones = (data: SandboxData) => data.people.map((person) => person.phone);
    expect(shared(oviaIds(one), oviaIds(zero))).toBe(0);
    expect(shared(cxIds(one), cxIds(zero))).toBe(0);
    expect(shared(happyRobotIds(one), happyRobotIds(zero))).toBe(0);
    expect(shared(phones(one), phones(zero))).toBeLessThan(5);
    expect(one.people.map((person) => person.firstName + ' ' + person.lastName)).not.toEqual(
      zero.people.map((person) => person.firstName + ' ' + person.lastName),
    );
    expect(one.llamadapro.contacts).not.toEqual(zero.llamadapro.contacts);
    expect(one.freya.problems).not.toEqual(zero.freya.problems);
    expect(createSandboxData(2).ovia.calls.map((call) => call.id)).not.toEqual(oviaIds(one));
  });

  it('keeps the counts', () => {
    expect(counts(one)).toEqual(counts(zero));
    expect(counts(createSandboxData(123_456))).toEqual(counts(zero));
    expect(one.ovia.calls).toHaveLength(SANDBOX_COUNTS.ovia);
    expect(one.cx.interactions).toHaveLength(SANDBOX_COUNTS.cx);
    expect(one.happyrobot.calls).toHaveLength(SANDBOX_COUNTS.happyrobot);
    expect(one.freya.problems).toHaveLength(SANDBOX_COUNTS.problems);
  });

  it('rejects a seed that is not a 32-bit unsigned integer', () => {
    expect(() => createSandboxData(1.5)).toThrow(RangeError);
    expect(() => createSandboxData(-1)).toThrow(RangeError);
    expect(() => createSandboxData(2 ** 32)).toThrow(RangeError);
  });
});
