import { SANDBOX_NOW, type SandboxPerson } from './people.js';
import { createRandom, mixSeed, type Random } from './random.js';

/*
 * The clock, lines and customers every vendor's seeded data shares, so that calls of different
 * vendors meet on the same people, numbers and instants, as joins and merged lists need.
 */

export const SANDBOX_COUNTS = { ovia: 60, cx: 45, happyrobot: 50, problems: 80 } as const;

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const TODAY = SANDBOX_NOW - (SANDBOX_NOW % DAY);

/**
 * Start times shared on purpose so that tie-breaks are exercised: one instant shared by a call
 * of Ovia, CX and HappyRobot, and one instant shared by two calls of each of those vendors.
 */
export const SANDBOX_TIES = {
  acrossVendors: Date.parse('2026-10-27T15:30:00.000Z'),
  ovia: Date.parse('2026-10-20T18:05:12.000Z'),
  cx: Date.parse('2026-10-14T16:42:30.000Z'),
  happyrobot: Date.parse('2026-10-09T14:11:05.000Z'),
} as const;

/** Ovia and HappyRobot write seconds precision (`2023-11-07T05:31:56Z`), as their docs show. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function isoMillis(ms: number): string {
  return new Date(ms).toISOString();
}

/** A working-hours moment (12:00–23:59 UTC, daytime in the Americas) 1 to 45 days ago. */
export function pastStart(random: Random): number {
  return (
    TODAY -
    random.int(1, 45) * DAY +
    random.int(12, 23) * HOUR +
    random.int(0, 59) * MINUTE +
    random.int(0, 59) * SECOND
  );
}

/** A call still under way: it began minutes before the sandbox's now. */
export function recentStart(random: Random): number {
  return SANDBOX_NOW - random.int(1, 25) * MINUTE - random.int(0, 59) * SECOND;
}

/**
 * When the `index`-th seeded call of a vendor began: the first at the instant shared across
 * vendors, the next two at the vendor's own tie, the rest recently if still under way, else earlier.
 */
export function seededStart(
  random: Random,
  index: number,
  vendor: Exclude<keyof typeof SANDBOX_TIES, 'acrossVendors'>,
  active: boolean,
): number {
  if (index === 0) return SANDBOX_TIES.acrossVendors;
  if (index <= 2) return SANDBOX_TIES[vendor];
  return active ? recentStart(random) : pastStart(random);
}

export function round(value: number, digits = 4): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Our own lines, one per country the customers live in. */
const COMPANY_NUMBERS: Record<string, string> = {
  '+56': '+56229400100',
  '+52': '+525511700200',
  '+1': '+16505550100',
  '+33': '+33185001122',
  '+57': '+576013005500',
};

export function companyNumberFor(customer: string): string {
  for (const [prefix, number] of Object.entries(COMPANY_NUMBERS)) {
    if (customer.startsWith(prefix)) return number;
  }
  return '+56229400100';
}

export interface Customer {
  phone: string;
  person: SandboxPerson | null;
}

/** 20 numbers no person has, drawn from the sandbox `seed` (0: the default data set). */
export function strangerNumbers(people: SandboxPerson[], seed = 0): string[] {
  const known = new Set(people.flatMap((person) => [person.phone, person.secondPhone ?? '']));
  const random = createRandom(mixSeed(991, seed));
  const numbers: string[] = [];
  const plans = [
    { prefix: '+5622', digits: 7 },
    { prefix: '+1646', digits: 7 },
    { prefix: '+525533', digits: 6 },
  ];
  while (numbers.length < 20) {
    const plan = random.pick(plans);
    let candidate = plan.prefix;
    for (let i = 0; i < plan.digits; i += 1) candidate += String(random.int(0, 9));
    if (!known.has(candidate) && !numbers.includes(candidate)) numbers.push(candidate);
  }
  return numbers;
}

/** About 85% of calls are with a known person (mostly their main number), the rest with strangers. */
export function pickCustomer(
  random: Random,
  people: SandboxPerson[],
  strangers: string[],
): Customer {
  if (random.chance(0.85)) {
    const person = random.pick(people);
    const phone =
      person.secondPhone !== null && random.chance(0.3) ? person.secondPhone : person.phone;
    return { phone, person };
  }
  return { phone: random.pick(strangers), person: null };
}

/**
 * The first `forced` records take the most common status (they hold the tied start times), the
 * next ones take every other status once so that each is present, and the rest are drawn by weight.
 */
export function statusPlan<T extends string>(
  random: Random,
  index: number,
  forced: number,
  every: readonly T[],
  weighted: readonly (readonly [T, number])[],
): T {
  if (index < forced) return weighted[0]?.[0] ?? (every[0] as T);
  const listed = every[index - forced];
  if (listed !== undefined) return listed;
  let roll = random.next() * weighted.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [status, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return status;
  }
  return weighted[0]?.[0] ?? (every[0] as T);
}
