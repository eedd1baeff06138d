import { Kind, parse } from 'graphql';

/** Distinct operation names a process labels metrics with when no manifest lists them. */
export const MAX_SEEN_OPERATION_NAMES = 100;

/**
 * Turns a client-chosen operation name into a metric label from a bounded set, so that clients
 * sending a new name with every request cannot grow the metrics without end: names in the
 * persisted-operations manifest (or, without one, the first MAX_SEEN_OPERATION_NAMES the
 * process sees) keep their name; any other is `other`; an unnamed operation is `anonymous`.
 */
export class OperationLabels {
  private readonly known: Set<string>;

  constructor(private readonly manifestNames: Set<string> | null) {
    this.known = new Set(manifestNames ?? []);
  }

  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (this.known.has(name)) return name;
    if (this.manifestNames === null && this.known.size < MAX_SEEN_OPERATION_NAMES) {
      this.known.add(name);
      return name;
    }
    return 'other';
  }
}

/** The operation names a set of documents define. */
export function operationNames(documents: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const document of documents) {
    for (const definition of parse(document).definitions) {
      if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) {
        names.add(definition.name.value);
      }
    }
  }
  return names;
}
