import type { Context } from '../../context.js';
import { notFound } from '../../errors.js';
import { expectGlobalId } from '../../ids.js';
import type { AgentRef } from '../../model/call.js';
import { isCallProvider, type Provider } from '../../model/provider.js';
import { readItems } from '../../paging/paged-source.js';
import { matchesCallFilter } from './call-filter.js';

/**
 * No call vendor has an agents route: an agent is known by its calls. Reads the vendor's calls of
 * that agent (natively filtered where the vendor can) until one names it.
 */
export async function findAgent(
  ctx: Context,
  id: { provider: Provider; providerId: string },
): Promise<AgentRef | null> {
  if (!isCallProvider(id.provider)) throw notFound(id.provider, 'Agent');
  const connector = ctx.callConnector(id.provider);
  const filter = { agentId: id.providerId };
  const { source, exact } = connector.callPages(filter);
  const pageSize = exact ? 1 : source.maxPageSize;
  const read = await readItems(
    source,
    null,
    1,
    (call) => matchesCallFilter(call, filter),
    pageSize,
  );
  const agent = read.items[0]?.item.agent;
  if (!agent) throw notFound(id.provider, `Agent ${id.providerId}`);
  return agent;
}

/** `agent(id:)`: one agent by its global id. */
export function getAgent(ctx: Context, globalId: string): Promise<AgentRef | null> {
  return findAgent(ctx, expectGlobalId(ctx, globalId, 'Agent'));
}
