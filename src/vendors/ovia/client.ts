import type { BearerConfig } from '../vendor-definition.js';
import { UpstreamClient } from '../../http/upstream-client.js';
import type { AgentRef, Call, CallFilter } from '../../model/call.js';
import type { OviaStartCallInput } from '../../model/start-call.js';
import type { PagedSource } from '../../paging/paged-source.js';
import { noPages, offsetPages } from '../../paging/vendor-pages.js';
import { agentsOfCalls } from '../agents-from-calls.js';
import { nativeStatus, narrowsBy } from '../call-filters.js';
import type { CallConnector, ConnectorOptions } from '../types.js';
import { oviaCallId } from './ids.js';
import { toCall, toOviaStartCallBody, toOviaStatus } from './map.js';
import { oviaRoutes } from './routes.js';
import { oviaCallListSchema, oviaCallSchema } from './schemas.js';

const MAX_PAGE_SIZE = 100;

/** Ovia's calls: an offset-paged list, lookups by UUID, and starting a call. */
export class OviaConnector implements CallConnector {
  readonly provider = 'OVIA';

  constructor(readonly http: UpstreamClient) {}

  /**
   * Ovia filters natively by phone, agent, start time and one status in its own spelling. The list
   * takes no direction, update time or classification, which the caller checks on every item;
   * Ovia calls have no use case or campaign, so a filter on those matches nothing.
   */
  callPages(filter: CallFilter): { source: PagedSource<Call>; exact: boolean } {
    if (narrowsBy(filter, ['useCaseId', 'campaignId'])) {
      return { source: noPages(MAX_PAGE_SIZE), exact: true };
    }
    const status = nativeStatus(filter, toOviaStatus);
    const query = {
      agent_id: filter.agentId,
      phone: filter.phone,
      status,
      started_after: filter.startedAfter?.toISOString(),
      started_before: filter.startedBefore?.toISOString(),
    };
    const source = offsetPages({
      vendor: 'Ovia',
      maxPageSize: MAX_PAGE_SIZE,
      fetch: async (offset, limit) => {
        const answer = await this.http.request({
          route: oviaRoutes.listCalls,
          query: { limit, offset, ...query },
          schema: oviaCallListSchema,
        });
        return { items: answer.data.map((call) => toCall(call)), total: answer.total };
      },
    });
    const exact =
      (status !== undefined || !narrowsBy(filter, ['status'])) &&
      !narrowsBy(filter, ['direction', 'updatedAfter', 'classificationTag']);
    return { source, exact };
  }

  /** Ovia has no agents route: its agents are those its calls name. */
  agentPages(): PagedSource<AgentRef> {
    return agentsOfCalls(this.callPages({}).source);
  }

  async getCall(providerId: string): Promise<Call> {
    const call = await this.http.request({
      route: oviaRoutes.getCall,
      params: { id: providerId },
      schema: oviaCallSchema,
    });
    return toCall(call);
  }

  isCallId(id: string): boolean {
    return oviaCallId.safeParse(id).success;
  }

  /** Never retried (a POST dials a phone); the answer is the created call. */
  async startCall(input: OviaStartCallInput): Promise<Call> {
    const call = await this.http.request({
      route: oviaRoutes.startCall,
      body: toOviaStartCallBody(input),
      schema: oviaCallSchema,
    });
    return toCall(call);
  }
}

export function createOviaConnector(
  config: BearerConfig,
  options: ConnectorOptions,
): OviaConnector {
  return new OviaConnector(
    new UpstreamClient({
      provider: 'OVIA',
      baseUrl: config.baseUrl,
      headers: { Authorization: `Bearer ${config.apiKey}` },
      timeoutMs: options.timeoutMs,
      logger: options.logger,
    }),
  );
}
