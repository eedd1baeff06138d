import { describe, expect, it } from 'vitest';
import type { CallCosts } from '../../src/model/call.js';
import { groupCalls } from '../../src/services/calls/call-stats.js';
import { call } from '../support/calls.js';

/** Costs with only a total and a currency (the rest unknown). */
function costs(total: number, currency: string | null): CallCosts {
  return {
    total,
    llm: null,
    llmInput: null,
    llmOutput: null,
    stt: null,
    tts: null,
    telephony: null,
    telephonyCall: null,
    answeringMachineDetection: null,
    currency,
    usage: null,
  };
}

describe('callStats groups (README, "Call analytics")', () => {
  it('adds the costs of one stated currency, however it is spelled', () => {
    const groups = groupCalls(
      [
        call('a', 'COMPLETED', { costs: costs(0.25, 'usd'), durationSeconds: 60 }),
        call('b', 'COMPLETED', { costs: costs(0.5, ' USD '), durationSeconds: 30 }),
        call('c', 'COMPLETED', { costs: null, durationSeconds: 10 }),
      ],
      ['PROVIDER'],
      null,
    );
    expect(groups).toEqual([
      { key: ['OVIA'], count: 3, durationSeconds: 100, cost: 0.75, currency: 'USD' },
    ]);
  });

  it('never adds two currencies, nor a stated one to an unstated one', () => {
    const mixed = groupCalls(
      [
        call('a', 'COMPLETED', { costs: costs(1, 'USD') }),
        call('b', 'COMPLETED', { costs: costs(1, 'EUR') }),
      ],
      ['STATUS'],
      null,
    );
    expect(mixed[0]).toMatchObject({ count: 2, cost: null, currency: null });
    const unstated = groupCalls(
      [
        call('a', 'COMPLETED', { costs: costs(1, 'USD') }),
        call('b', 'COMPLETED', { costs: costs(1, null) }),
      ],
      ['STATUS'],
      null,
    );
    expect(unstated[0]).toMatchObject({ cost: null, currency: null });
  });

  it("counts an unstated currency as its vendor's own: summed within a vendor, not across two", () => {
    const ovia = groupCalls(
      [
        call('a', 'COMPLETED', { costs: costs(1, null) }),
        call('b', 'FAILED', { costs: costs(2, null) }),
      ],
      ['PROVIDER'],
      null,
    );
    expect(ovia).toEqual([
      { key: ['OVIA'], count: 2, durationSeconds: 0, cost: 3, currency: null },
    ]);
    const across = groupCalls(
      [
        call('a', 'COMPLETED', { costs: costs(1, null) }),
        call('b', 'COMPLETED', { provider: 'HAPPYROBOT', costs: costs(2, null) }),
      ],
      ['STATUS'],
      null,
    );
    expect(across).toEqual([
      { key: ['COMPLETED'], count: 2, durationSeconds: 0, cost: null, currency: null },
    ]);
  });
});
