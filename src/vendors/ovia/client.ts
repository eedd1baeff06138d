import type { BearerConfig } from '../../config.js';
import { UpstreamClient } from '../../http/upstream-client.js';
import type { Call, CallFilter } from '../../model/call.js';
import type { NativePosition, Page, PagedSource } from '../../paging/paged-source.js';
import type { CallConnector, ConnectorOptions } from '../types.js';
import { oviaCallId } from './ids.js';
import { toCall } from './map.js';
import { oviaRoutes } from './routes.js';
import { oviaCallListSchema, oviaCallSchema, type OviaStartCallBody } from './schemas.js';

const MAX_PAGE_SIZE = 100;

/** Ovia's calls: an offset-paged list, lookups by UUID, and starting a call. */
export class OviaConnector implements CallConnector {
  readonly provider = 'OVIA';

  constructor(readonly http: UpstreamClient) {}

  /**
   * Ovia filters natively by phone, agent and start time. Status is left to the caller because
   * Ovia's raw spellings vary, and the list takes no direction.
   */
  callPages(filter: CallFilter): { source: PagedSource<Call>; exact: boolean } {
    const query = {
      agent_id: filter.agentId,
      phone: filter.phone,
      started_after: filter.startedAfter?.toISOString(),
      started_before: filter.startedBefore?.toISOString(),
    };
    const source: PagedSource<Call> = {
      start: 0,
      maxPageSize: MAX_PAGE_SIZE,
      fetchPage: async (pos: NativePosition, size: number): Promise<Page<Call>> => {
        const offset = toOffset(pos);
        const limit = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        const answer = await this.http.request({
          route: oviaRoutes.listCalls,
          query: { limit, offset, ...query },
          schema: oviaCallListSchema,
        });
        const end = offset + answer.data.length;
        return {
          items: answer.data.map((call) => toCall(call)),
          next: answer.data.length > 0 && end < answer.total ? end : null,
          total: answer.total,
        };
      },
    };
    const exact =
      (filter.status === undefined || filter.status.length === 0) && filter.direction === undefined;
    return { source, exact };
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
  async startCall(body: OviaStartCallBody): Promise<Call> {
    const call = await this.http.request({
      route: oviaRoutes.startCall,
      body,
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

/** Positions come back from cursors; anything but a whole offset is a bug upstream of us. */
function toOffset(pos: NativePosition): number {
  const offset = typeof pos === 'number' ? pos : Number(pos);
  if (!Number.isInteger(offset) || offset < 0)
    throw new Error(`invalid Ovia list offset ${String(pos)}`);
  return offset;
}
