import { SANDBOX_CREDENTIALS } from '../src/sandbox/credentials.js';
import { directShape, gatewayShape, type DashboardShape } from './dashboard-rows.js';
import { fetchDashboardDirect, type DirectOptions, type DirectVendors } from './direct-client.js';
import { postGraphQL } from './post-graphql.js';
import type { Rig } from './rig.js';
import { DASHBOARD, graphQLBody } from './queries.js';
import { median, percentile, round } from './stats.js';

export interface Timing {
  runs: number;
  medianMs: number;
  p95Ms: number;
  shape: DashboardShape;
}

export function directVendors(rig: Rig): DirectVendors {
  const url = (vendor: string): string => {
    const found = rig.sandbox.sandboxUrls[vendor];
    if (!found) throw new Error(`no sandbox url for ${vendor}`);
    return found;
  };
  return {
    ovia: { baseUrl: url('ovia'), apiKey: SANDBOX_CREDENTIALS.ovia.apiKey },
    llamadapro: { baseUrl: url('llamadapro'), apiKey: SANDBOX_CREDENTIALS.llamadapro.apiKey },
    freya: { baseUrl: url('freya'), ...SANDBOX_CREDENTIALS.freya },
  };
}

async function timeRuns(
  warmup: number,
  runs: number,
  once: () => Promise<{ ms: number; shape: DashboardShape }>,
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await once();
  const samples: number[] = [];
  let shape: DashboardShape = { calls: 0, withContact: 0, problems: 0 };
  for (let i = 0; i < runs; i++) {
    const run = await once();
    samples.push(run.ms);
    shape = run.shape;
  }
  return {
    runs,
    medianMs: round(median(samples)),
    p95Ms: round(percentile(samples, 95)),
    shape,
  };
}

/** The dashboard through Switchboard, one query at a time so only latency is measured. */
export function timeGatewayDashboard(rig: Rig, first: number, runs: number): Promise<Timing> {
  const body = graphQLBody(DASHBOARD, { first });
  return timeRuns(5, runs, async () => {
    const answer = await postGraphQL(rig.gateway.url, body);
    return { ms: answer.ms, shape: gatewayShape(answer.data) };
  });
}

/** The same data straight from the sandbox vendors. */
export function timeDirectDashboard(
  rig: Rig,
  first: number,
  runs: number,
  options: DirectOptions,
): Promise<Timing> {
  const vendors = directVendors(rig);
  return timeRuns(3, runs, async () => {
    const started = performance.now();
    const rows = await fetchDashboardDirect(vendors, first, options);
    return { ms: performance.now() - started, shape: directShape(rows) };
  });
}
