import { SwitchboardError } from '@switchboard/client';
import { expect } from 'vitest';

/** The `SwitchboardError` a client call rejects with; fails the test if it resolves or throws another. */
export async function rejection(promise: Promise<unknown>): Promise<SwitchboardError> {
  const caught: unknown = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(caught).toBeInstanceOf(SwitchboardError);
  return caught as SwitchboardError;
}
