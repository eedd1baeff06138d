import { describe, expect, it } from 'vitest';
import { toE164, toPhone } from '../../src/model/phone.js';
import { toCallDirection, toCallStatus, toIsoDate } from '../../src/vendors/normalize.js';

describe('toIsoDate', () => {
  it.each([
    ['2026-10-27T15:30:00.123Z', '2026-10-27T15:30:00.123Z'],
    ['2026-10-27T15:30:00Z', '2026-10-27T15:30:00.000Z'],
    ['2026-10-27T17:30:00+02:00', '2026-10-27T15:30:00.000Z'],
    ['2026-10-27 15:30:00Z', '2026-10-27T15:30:00.000Z'],
    ['not a date', null],
    ['', null],
    [null, null],
  ])('%s → %s', (raw, expected) => {
    expect(toIsoDate(raw)).toBe(expected);
  });
});

describe('status, direction and phone normalization', () => {
  it('reads every spelling the contract lists', () => {
    expect(
      ['completed', 'In Progress', 'in-progress', 'no_answer', 'Cancelled', 'canceled'].map(
        toCallStatus,
      ),
    ).toEqual(['COMPLETED', 'IN_PROGRESS', 'IN_PROGRESS', 'NO_ANSWER', 'CANCELED', 'CANCELED']);
    expect(toCallStatus('voicemail')).toBe('UNKNOWN');
    expect(
      ['Inbound', 'incoming', 'OUTBOUND', 'outgoing', 'sideways'].map(toCallDirection),
    ).toEqual(['INBOUND', 'INBOUND', 'OUTBOUND', 'OUTBOUND', null]);
    expect(toE164('+56 9 1234 5678')).toBe('+56912345678');
    expect(toE164('0056912345678')).toBe('+56912345678');
    expect(toE164('555-0100')).toBeNull();
  });
});

describe('toPhone', () => {
  it('gives E.164 where it can, keeps anything else as sent, and null for nothing', () => {
    expect(toPhone(' +56 9 1234-5678 ')).toBe('+56912345678');
    expect(toPhone('ext. 42')).toBe('ext. 42');
    expect(toPhone('   ')).toBeNull();
    expect(toPhone(null)).toBeNull();
    expect(toPhone(undefined)).toBeNull();
  });
});
