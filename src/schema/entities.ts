import type { ObjectRef } from '@pothos/core';
import { resolveNodes } from '@pothos/plugin-relay';
import { builder, type BuilderTypes } from '../builder.js';
import { expectGlobalId, localId, type NodeType } from '../ids.js';
import { AgentRefType } from './agent.js';
import { CallType } from './call.js';
import { ContactType } from './contact.js';
import { CustomFieldNodeType } from './custom-field.js';
import { MessageType } from './message.js';
import { ProblemNodeType } from './problem.js';
import { TaskType } from './task.js';

/**
 * The Apollo Federation entities of the subgraph schema (README, "Federation"), keyed by the
 * global `id`. A representation resolves exactly as `nodes(ids)` resolves that id: through the
 * type's own node loader, so representations of one type share the per-request batches, and a
 * malformed id, or the id of another type than the representation's `__typename`, is null with
 * an INVALID_INPUT error at its index in `_entities`, as the typed lookups answer it.
 */
function entity(ref: ObjectRef<BuilderTypes, unknown>, typename: NodeType): void {
  builder.asEntity(ref, {
    key: builder.selection<{ id: string }>('id'),
    resolveReference: async ({ id }, ctx, info) => {
      const { type, provider, providerId } = expectGlobalId(ctx, String(id), typename);
      const [node] = await resolveNodes(builder, ctx, info, [
        { typename: type, id: localId(provider, providerId) },
      ]);
      return (await node) ?? null;
    },
  });
}

entity(CallType, 'Call');
entity(AgentRefType, 'Agent');
entity(ContactType, 'Contact');
entity(TaskType, 'Task');
entity(ProblemNodeType, 'Problem');
entity(MessageType, 'Message');
entity(CustomFieldNodeType, 'CustomField');
