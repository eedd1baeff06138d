import type { Context } from '../../context.js';
import { atPath, invalidInput, providerNotConfigured } from '../../errors.js';
import type { AgentRef } from '../../model/call.js';
import type { ConnectionShape } from '../../model/connection.js';
import {
  CALL_PROVIDERS,
  isCallProvider,
  providerRank,
  type CallProvider,
  type Provider,
} from '../../model/provider.js';
import type { MergeInput } from '../../paging/merged-list.js';
import type { KeyOrder, SortKey } from '../../paging/paged-source.js';
import { FIRST_DEFAULT, listConnection, validateFirst, type ListArgs } from '../list-connection.js';

function compareAgentKeys(a: SortKey, b: SortKey): number {
  // Keys come back from clients' cursors too; a part of the wrong type compares as missing.
  const rank = (key: SortKey) => (typeof key[0] === 'number' ? key[0] : -1);
  const id = (key: SortKey) => (typeof key[1] === 'string' ? key[1] : '');
  const byRank = rank(a) - rank(b);
  if (byRank !== 0) return byRank;
  return id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0;
}

/** Agents by provider in the enum's order, then by the vendor's agent id. */
const AGENT_ORDER: KeyOrder<AgentRef> = {
  keyOf: (agent) => [providerRank(agent.provider), agent.providerId],
  compare: compareAgentKeys,
};

/**
 * `agents(provider:)`: the agents of one call vendor, or of every call vendor, merged by vendor
 * and then agent id. No call vendor has an agents route today, so each vendor's agents are read
 * from its whole call list (src/vendors/agents-from-calls.ts); vendors whose calls name no agent
 * (LlamadaPro) have none.
 */
export function listAgents(
  ctx: Context,
  args: ListArgs & { provider?: Provider | null },
): Promise<ConnectionShape<AgentRef>> {
  const first = validateFirst(args.first, FIRST_DEFAULT);
  let providers: readonly CallProvider[] = CALL_PROVIDERS;
  if (args.provider !== undefined && args.provider !== null) {
    const provider = args.provider;
    if (!isCallProvider(provider)) {
      throw invalidInput(`provider: ${provider} has no calls, so no agents`, {
        field: ['provider'],
      });
    }
    providers = [provider];
  }
  const inputs: MergeInput<AgentRef>[] = [];
  for (const provider of providers) {
    const connector = ctx.connectors.callConnector(provider);
    if (!connector) {
      ctx.reportError(atPath(providerNotConfigured(provider), args.path));
      continue;
    }
    if (!connector.agentPages) continue;
    inputs.push({
      key: provider,
      source: connector.agentPages(),
      exact: true,
      keep: () => true,
      idOf: (agent) => agent.providerId,
    });
  }
  return listConnection(ctx, {
    inputs,
    order: AGENT_ORDER,
    first,
    after: args.after ?? null,
    fingerprint: JSON.stringify(['agents', providers]),
    path: args.path,
  });
}
