import type { CxConfig } from '../../config.js';
import { UpstreamClient } from '../../http/upstream-client.js';
import type { Call, CallFilter } from '../../model/call.js';
import type { NativePosition, Page, PagedSource } from '../../paging/paged-source.js';
import { toChannel } from '../normalize.js';
import type { CallConnector, ConnectorOptions } from '../types.js';
import { cxInteractionId } from './ids.js';
import { toCall } from './map.js';
import { cxRoutes } from './routes.js';
import {
  cxInteractionListSchema,
  cxInteractionSchema,
  type CxStartInteractionBody,
} from './schemas.js';

const MAX_PAGE_SIZE = 100;

/** CX's interactions: a page-numbered list, lookups by UUID, and starting an interaction. */
export class CxConnector implements CallConnector {
  readonly provider = 'CX';

  constructor(readonly http: UpstreamClient) {}

  /**
   * CX filters natively by customer phone only. Every CX interaction is outbound, so a direction
   * filter is settled here: OUTBOUND keeps everything, INBOUND matches nothing (no request).
   */
  callPages(filter: CallFilter): { source: PagedSource<Call>; exact: boolean } {
    const exact =
      (filter.status === undefined || filter.status.length === 0) &&
      filter.startedAfter === undefined &&
      filter.startedBefore === undefined &&
      filter.agentId === undefined;
    if (filter.direction === 'INBOUND') {
      return {
        source: {
          start: 1,
          maxPageSize: MAX_PAGE_SIZE,
          fetchPage: async () => ({ items: [], next: null, total: 0 }),
        },
        exact: true,
      };
    }
    const source: PagedSource<Call> = {
      start: 1,
      maxPageSize: MAX_PAGE_SIZE,
      fetchPage: async (pos: NativePosition, size: number): Promise<Page<Call>> => {
        const page = toPageNumber(pos);
        const limit = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        const answer = await this.http.request({
          route: cxRoutes.listInteractions,
          query: { limit, page, customerPhone: filter.phone },
          schema: cxInteractionListSchema,
        });
        return {
          items: answer.data.map((interaction) => toCall(interaction)),
          next: answer.data.length > 0 && page * limit < answer.total ? page + 1 : null,
          total: answer.total,
        };
      },
    };
    return { source, exact };
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
  async startInteraction(body: CxStartInteractionBody): Promise<Call> {
    const interaction = await this.http.request({
      route: cxRoutes.startInteraction,
      body,
      schema: cxInteractionSchema,
    });
    return toCall(interaction, toChannel(body.channel) ?? undefined);
  }
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

function toPageNumber(pos: NativePosition): number {
  const page = typeof pos === 'number' ? pos : Number(pos);
  if (!Number.isInteger(page) || page < 1) throw new Error(`invalid CX page ${String(pos)}`);
  return page;
}
