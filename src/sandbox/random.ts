/** A small seeded PRNG (mulberry32) so the sandbox data set is the same on every run. */
export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  hex(length: number): string;
  uuid(): string;
}

/**
 * The PRNG seed of one generator of the sandbox: its own `constant` as is for the sandbox seed 0
 * (the data set the tests and the README describe), else the constant mixed with `seed`. The
 * multiplier is odd, so distinct 32-bit seeds give distinct generator seeds.
 */
export function mixSeed(constant: number, seed: number): number {
  if (seed === 0) return constant;
  return (Math.imul(seed >>> 0, 0x9e3779b1) ^ constant) >>> 0;
}

/** The sandbox seed must be an integer from 0 to 2^32 - 1 (0: the default data set). */
export function checkSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`sandbox seed must be an integer from 0 to 4294967295, got ${seed}`);
  }
  return seed;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const hex = (length: number): string =>
    Array.from({ length }, () => int(0, 15).toString(16)).join('');
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    chance: (probability: number) => next() < probability,
    hex,
    uuid: () =>
      `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + int(0, 3)).toString(16)}${hex(3)}-${hex(12)}`,
  };
}
