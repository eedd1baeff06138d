import type { AgentRef, Call } from '../model/call.js';
import type { PagedSource } from '../paging/paged-source.js';
import { derivedPages } from '../paging/derived-pages.js';

/**
 * The agents a vendor's calls name, for vendors without an agents route: every call is read, each
 * agent is kept once (with the name its newest call naming it gives), ordered by the vendor's agent id.
 */
export function agentsOfCalls(calls: PagedSource<Call>): PagedSource<AgentRef> {
  return derivedPages(calls, (items) => {
    const agents = new Map<string, AgentRef>();
    for (const call of items) {
      if (!call.agent) continue;
      const known = agents.get(call.agent.providerId);
      if (!known || (known.name === null && call.agent.name !== null)) {
        agents.set(call.agent.providerId, call.agent);
      }
    }
    return [...agents.values()].sort((a, b) =>
      a.providerId < b.providerId ? -1 : a.providerId > b.providerId ? 1 : 0,
    );
  });
}
