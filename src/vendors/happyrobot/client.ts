import type { BearerConfig } from '../vendor-definition.js';
import { UpstreamClient } from '../../http/upstream-client.js';
import type { Call, CallFilter } from '../../model/call.js';
import type { AddedCallNote, CallNoteInput } from '../../model/call-note.js';
import type { PagedSource } from '../../paging/paged-source.js';
import { numberedPages } from '../../paging/vendor-pages.js';
import type { CallConnector, ConnectorOptions } from '../types.js';
import { happyRobotCallId } from './ids.js';
import { toAddedNote, toCall, toHappyRobotAddNoteBody } from './map.js';
import { happyRobotRoutes } from './routes.js';
import { happyRobotCallListSchema, happyRobotCallSchema } from './schemas.js';

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
    const source = numberedPages({
      vendor: 'HappyRobot',
      maxPageSize: MAX_PAGE_SIZE,
      fetch: async (page, limit) => {
        const answer = await this.http.request({
          route: happyRobotRoutes.listCalls,
          query: { limit, page, phone: filter.phone },
          schema: happyRobotCallListSchema,
        });
        return { items: answer.data.map((call) => toCall(call)), total: answer.total };
      },
    });
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

  /** Never retried (a second POST would add the note twice); answers the note and the call. */
  async addNote(callId: string, input: CallNoteInput): Promise<AddedCallNote> {
    const call = await this.http.request({
      route: happyRobotRoutes.addNote,
      params: { id: callId },
      body: toHappyRobotAddNoteBody(input),
      schema: happyRobotCallSchema,
    });
    return toAddedNote(call, input.content);
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
