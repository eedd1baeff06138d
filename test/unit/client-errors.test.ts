import { describe, expect, it } from 'vitest';
import { SwitchboardError } from '../../packages/client/src/errors.js';

describe("the partner client's error message", () => {
  it('leaves out the value graphql-js names for a rejected variable', () => {
    const cases: Array<[string, string]> = [
      [
        'Variable "$phone" got invalid value "+56 9 1234; 5678"; Expected type "String".',
        'Variable "$phone" got invalid value; Expected type "String".',
      ],
      [
        'Variable "$input" got invalid value { ovia: { secret: "x" } } at "input.ovia"; Field "secret" is not defined.',
        'Variable "$input" got invalid value at "input.ovia"; Field "secret" is not defined.',
      ],
      ['Variable "$n" got invalid value 12', 'Variable "$n" got invalid value'],
      ['Cannot query field "x" on type "Query".', 'Cannot query field "x" on type "Query".'],
    ];
    for (const [sent, kept] of cases) {
      const error = new SwitchboardError({
        code: 'BAD_USER_INPUT',
        message: sent,
        operationName: 'Q',
      });
      expect(error.message).toBe(`Q: ${kept} (BAD_USER_INPUT)`);
    }
  });
});
