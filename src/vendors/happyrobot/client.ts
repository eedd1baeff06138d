import type { BearerConfig } from '../../config.js';
import { UpstreamClient } from '../../http/upstream-client.js';
import type { Call, CallFilter } from '../../model/call.js';
import type { NativePosition, Page, PagedSource } from '../../paging/paged-source.js';
import type { CallConnector, ConnectorOptions } from '../types.js';
import { happyRobotCallId } from './ids.js';
import { toCall } from './map.js';
import { happyRobotRoutes } from './routes.js';
import {
  happyRobotCallListSchema,
  happyRobotCallSchema,
  type HappyRobotAddNoteBody,
} from './schemas.js';

const MAX_PAGE_SIZE = 100;

/** HappyRobot's calls: a page-numbered list, lookups by 24-character id, and call notes. */
export class HappyRobotConnector implements CallConnector {
  readonly provider = 'HAPPYROBOT';

  constructor(readonly http: UpstreamClient) {}

  /**
   * HappyRobot filters natively by phone only; its `status` takes HappyRobot's own spellings
   * ("In Progress"), which the caller's filter on every item covers.
   */
  callPages(filter: CallFilter): { source: PagedSource<Call>; exact: boolean } {
    const source: PagedSource<Call> = {
      start: 1,
      maxPageSize: MAX_PAGE_SIZE,
      fetchPage: async (pos: NativePosition, size: number): Promise<Page<Call>> => {
        const page = toPageNumber(pos);
        const limit = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        const answer = await this.http.request({
          route: happyRobotRoutes.listCalls,
          query: { limit, page, phone: filter.phone },
          schema: happyRobotCallListSchema,
        });
        return {
          items: answer.data.map((call) => toCall(call)),
          next: answer.data.length > 0 && page * limit < answer.total ? page + 1 : null,
          total: answer.total,
        };
      },
    };
    const exact =
      (filter.status === undefined || filter.status.length === 0) &&
      filter.direction === undefined &&
      filter.startedAfter === undefined &&
      filter.startedBefore === undefined &&
      filter.agentId === undefined;
    return { source, exact };
  }

  async getCall(providerId: string): Promise<Call> {
    const call = await this.http.request({
      route: happyRobotRoutes.getCall,
      params: { id: providerId },
      schema: happyRobotCallSchema,
    });
    return toCall(call);
  }

  isCallId(id: string): boolean {
    return happyRobotCallId.safeParse(id).success;
  }

  /** Never retried (a second POST would add the note twice); answers the call with its notes. */
  async addNote(callId: string, body: HappyRobotAddNoteBody): Promise<Call> {
    const call = await this.http.request({
      route: happyRobotRoutes.addNote,
      params: { id: callId },
      body,
      schema: happyRobotCallSchema,
    });
    return toCall(call);
  }
}

export function createHappyRobotConnector(
  config: BearerConfig,
  options: ConnectorOptions,
): HappyRobotConnector {
  return new HappyRobotConnector(
    new UpstreamClient({
      provider: 'HAPPYROBOT',
      baseUrl: config.baseUrl,
      // The document spells the header in lower case; HTTP headers are case-insensitive anyway.
      headers: { authorization: `Bearer ${config.apiKey}` },
      timeoutMs: options.timeoutMs,
      logger: options.logger,
    }),
  );
}

function toPageNumber(pos: NativePosition): number {
  const page = typeof pos === 'number' ? pos : Number(pos);
  if (!Number.isInteger(page) || page < 1)
    throw new Error(`invalid HappyRobot page ${String(pos)}`);
  return page;
}
