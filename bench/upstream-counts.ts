import { directVendors } from './critical-path.js';
import { gatewayShape } from './dashboard-rows.js';
import { fetchDashboardDirect } from './direct-client.js';
import { postGraphQL } from './post-graphql.js';
import { DASHBOARD, graphQLBody } from './queries.js';
import type { Rig } from './rig.js';

export interface UpstreamCount {
  n: number;
  /** Calls actually returned (the sandbox is padded so that N = 100 has 100). */
  calls: number;
  switchboard: number;
  direct: number;
  /** Switchboard's requests by `vendor METHOD path`, to see what a growing N adds. */
  switchboardDetail: Record<string, number>;
}

function tally(requests: ReadonlyArray<{ vendor: string; method: string; path: string }>) {
  const detail: Record<string, number> = {};
  for (const { vendor, method, path } of requests) {
    const key = `${vendor} ${method} ${path}`;
    detail[key] = (detail[key] ?? 0) + 1;
  }
  return detail;
}

/** Upstream requests of one dashboard query, counted at the sandbox's request log. */
export async function countUpstream(rig: Rig, ns: readonly number[]): Promise<UpstreamCount[]> {
  const rows: UpstreamCount[] = [];
  for (const n of ns) {
    await rig.sandbox.send({ kind: 'reset-log' });
    const answer = await postGraphQL(rig.gateway.url, graphQLBody(DASHBOARD, { first: n }));
    const gatewayRequests = await rig.sandbox.requests();
    const { calls } = gatewayShape(answer.data);

    await rig.sandbox.send({ kind: 'reset-log' });
    await fetchDashboardDirect(directVendors(rig), n);
    const directRequests = await rig.sandbox.requests();
    rows.push({
      n,
      calls,
      switchboard: gatewayRequests.length,
      direct: directRequests.length,
      switchboardDetail: tally(gatewayRequests),
    });
  }
  return rows;
}
