import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { ContactRead } from '../services/contacts.js';

/**
 * Whether the field being resolved selects `path` below it (through fragments too), so a resolver
 * can start a lookup a deeper field will need in parallel with its own, instead of after it.
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const visit = (selectionSet: SelectionSetNode | undefined, depth: number): boolean => {
    if (!selectionSet) return false;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== path[depth]) continue;
        if (depth === path.length - 1 || visit(selection.selectionSet, depth + 1)) return true;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (visit(selection.selectionSet, depth)) return true;
      } else if (visit(info.fragments[selection.name.value]?.selectionSet, depth)) {
        return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((node) => visit(node.selectionSet, 0));
}

/** What the field being resolved reads of the contacts it returns, for the contacts service. */
export function contactRead(info: GraphQLResolveInfo): ContactRead {
  return { definitions: selectsPath(info, ['customFields', 'definition']) };
}
