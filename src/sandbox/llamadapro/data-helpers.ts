import type { Random } from '../random.js';
import type { LlamadaProContactRecord } from './records.js';

export function displayName(contact: LlamadaProContactRecord): string {
  return [contact.firstName, contact.lastName]
    .filter((part) => part !== null && part !== '')
    .join(' ');
}

export function weighted<T>(random: Random, entries: ReadonlyArray<readonly [T, number]>): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [value, weight] of entries) {
    roll -= weight;
    if (roll < 0) return value;
  }
  const last = entries[entries.length - 1];
  if (last === undefined) throw new Error('weighted pick from an empty list');
  return last[0];
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
