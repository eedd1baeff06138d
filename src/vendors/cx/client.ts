import type { VendorBaseConfig } from '../vendor-definition.js';
import { UpstreamClient } from '../../http/upstream-client.js';
import type { AgentRef, Call, CallFilter } from '../../model/call.js';
import type { CxStartInteractionInput } from '../../model/start-call.js';
import type { PagedSource } from '../../paging/paged-source.js';
import { noPages, numberedPages } from '../../paging/vendor-pages.js';
import { agentsOfCalls } from '../agents-from-calls.js';
import { narrowsBy } from '../call-filters.js';
import type { CallConnector, ConnectorOptions } from '../types.js';
import { cxInteractionId } from './ids.js';
import { toCall, toCxStartInteractionBody } from './map.js';
import { cxRoutes } from './routes.js';
import { cxInteractionListSchema, cxInteractionSchema } from './schemas.js';

const MAX_PAGE_SIZE = 100;

/** CX's interactions: a page-numbered list, lookups by UUID, and starting an interaction. */
export class CxConnector implements CallConnector {
  readonly provider = 'CX';

  constructor(readonly http: UpstreamClient) {}

  /**
   * CX filters natively by customer phone only. Every CX interaction is outbound, so a direction
   * filter is settled here: OUTBOUND keeps everything, INBOUND matches nothing (no request); and
   * CX reports no update time, classification, use case or campaign, so a filter on any of them
   * matches nothing either.
   */
  callPages(filter: CallFilter): { source: PagedSource<Call>; exact: boolean } {
    if (
      filter.direction === 'INBOUND' ||
      narrowsBy(filter, ['updatedAfter', 'classificationTag', 'useCaseId', 'campaignId'])
    ) {
      return { source: noPages(MAX_PAGE_SIZE), exact: true };
    }
    const exact = !narrowsBy(filter, ['status', 'startedAfter', 'startedBefore', 'agentId']);
    const source = numberedPages({
      vendor: 'CX',
      maxPageSize: MAX_PAGE_SIZE,
      fetch: async (page, limit) => {
        const answer = await this.http.request({
          route: cxRoutes.listInteractions,
          query: { limit, page, customerPhone: filter.phone },
          schema: cxInteractionListSchema,
        });
        return {
          items: answer.data.map((interaction) => toCall(interaction)),
          total: answer.total,
        };
      },
    });
    return { source, exact };
  }

  /** CX has no agents route: its agents are those its interactions name (without a name). */
  agentPages(): PagedSource<AgentRef> {
    return agentsOfCalls(this.callPages({}).source);
  }

  async getCall(providerId: string): Promise<Call> {
    const interaction = await this.http.request({
      route: cxRoutes.getInteraction,
      params: { id: providerId },
      schema: cxInteractionSchema,
    });
    return toCall(interaction);
  }

  isCallId(id: string): boolean {
    return cxInteractionId.safeParse(id).success;
  }

  /** Never retried; CX's answer lacks the channel, so the requested one fills it in. */
  async startInteraction(input: CxStartInteractionInput): Promise<Call> {
    const interaction = await this.http.request({
      route: cxRoutes.startInteraction,
      body: toCxStartInteractionBody(input),
      schema: cxInteractionSchema,
    });
    return toCall(interaction, input.channel);
  }
}

/** CX takes HTTP Basic credentials (docs/vendors/cx.md). */
export interface CxConfig extends VendorBaseConfig {
  username: string;
  password: string;
}

export function createCxConnector(config: CxConfig, options: ConnectorOptions): CxConnector {
  const credentials = Buffer.from(`${config.username}:${config.password}`, 'utf8').toString(
    'base64',
  );
  return new CxConnector(
    new UpstreamClient({
      provider: 'CX',
      baseUrl: config.baseUrl,
      headers: { Authorization: `Basic ${credentials}` },
      timeoutMs: options.timeoutMs,
      logger: options.logger,
    }),
  );
}
