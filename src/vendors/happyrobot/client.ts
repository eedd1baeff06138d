import type { BearerConfig } from '../vendor-definition.js';
import { UpstreamClient } from '../../http/upstream-client.js';
import type { AgentRef, Call, CallFilter } from '../../model/call.js';
import type { AddedCallNote, CallNoteInput } from '../../model/call-note.js';
import type { PagedSource } from '../../paging/paged-source.js';
import { noPages, numberedPages } from '../../paging/vendor-pages.js';
import { agentsOfCalls } from '../agents-from-calls.js';
import { nativeStatus, narrowsBy } from '../call-filters.js';
import type { CallConnector, ConnectorOptions } from '../types.js';
import { happyRobotCallId } from './ids.js';
import { toAddedNote, toCall, toHappyRobotAddNoteBody, toHappyRobotStatus } from './map.js';
import { happyRobotRoutes } from './routes.js';
import { happyRobotCallListSchema, happyRobotCallSchema } from './schemas.js';

const MAX_PAGE_SIZE = 100;

/** HappyRobot's calls: a page-numbered list, lookups by 24-character id, and call notes. */
export class HappyRobotConnector implements CallConnector {
  readonly provider = 'HAPPYROBOT';

  constructor(readonly http: UpstreamClient) {}

  /**
   * HappyRobot filters natively by phone, use case and one status in its own spelling ("In
   * Progress"); the caller checks the rest on every item. HappyRobot calls carry no update time,
   * so a filter on it matches nothing.
   */
  callPages(filter: CallFilter): { source: PagedSource<Call>; exact: boolean } {
    if (narrowsBy(filter, ['updatedAfter'])) {
      return { source: noPages(MAX_PAGE_SIZE), exact: true };
    }
    const status = nativeStatus(filter, toHappyRobotStatus);
    const source = numberedPages({
      vendor: 'HappyRobot',
      maxPageSize: MAX_PAGE_SIZE,
      fetch: async (page, limit) => {
        const answer = await this.http.request({
          route: happyRobotRoutes.listCalls,
          query: { limit, page, phone: filter.phone, status, use_case_id: filter.useCaseId },
          schema: happyRobotCallListSchema,
        });
        return { items: answer.data.map((call) => toCall(call)), total: answer.total };
      },
    });
    const exact =
      (status !== undefined || !narrowsBy(filter, ['status'])) &&
      !narrowsBy(filter, [
        'direction',
        'startedAfter',
        'startedBefore',
        'agentId',
        'classificationTag',
        'campaignId',
      ]);
    return { source, exact };
  }

  /** HappyRobot has no agents route: its agents are those its calls name. */
  agentPages(): PagedSource<AgentRef> {
    return agentsOfCalls(this.callPages({}).source);
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
