import type { FreyaConfig } from '../../config.js';
import { UpstreamClient } from '../../http/upstream-client.js';
import type { Problem, ProblemFilter } from '../../model/problem.js';
import type { NativePosition, Page, PagedSource } from '../../paging/paged-source.js';
import type { ConnectorOptions } from '../types.js';
import { toProblem } from './map.js';
import { freyaRoutes } from './routes.js';
import {
  freyaCreateProblemAnswerSchema,
  freyaProblemAnswerSchema,
  freyaProblemListSchema,
  type FreyaCreateProblemBody,
  type FreyaCreateProblemInput,
} from './schemas.js';

const MAX_PAGE_SIZE = 200;
/** The most call ids one list request takes in `callIds`. */
export const FREYA_MAX_CALL_IDS = 50;

/** Freya's problems in one workspace: an offset-paged list, lookups by id, and creation. */
export class FreyaConnector {
  readonly provider = 'FREYA';

  constructor(
    readonly http: UpstreamClient,
    readonly workspaceId: string,
  ) {}

  /**
   * Every member of the filter is sent natively. `callIds` (at most 50) is sent comma-separated;
   * an empty `callIds` matches nothing and costs no request.
   */
  problemPages(filter: ProblemFilter): PagedSource<Problem> {
    const callIds = filter.callIds === undefined ? undefined : unique(filter.callIds);
    if (callIds !== undefined && callIds.length > FREYA_MAX_CALL_IDS) {
      throw new Error(
        `Freya takes at most ${FREYA_MAX_CALL_IDS} call ids per request, got ${callIds.length}`,
      );
    }
    if (callIds !== undefined && callIds.length === 0) {
      return {
        start: 0,
        maxPageSize: MAX_PAGE_SIZE,
        fetchPage: async () => ({ items: [], next: null, total: 0 }),
      };
    }
    const query = {
      workspaceId: this.workspaceId,
      callId: filter.callId,
      callIds: callIds?.join(','),
      status: filter.status,
      resolved: filter.resolved,
    };
    return {
      start: 0,
      maxPageSize: MAX_PAGE_SIZE,
      fetchPage: async (pos: NativePosition, size: number): Promise<Page<Problem>> => {
        const offset = toOffset(pos);
        const limit = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        const answer = await this.http.request({
          route: freyaRoutes.listProblems,
          query: { ...query, limit, offset },
          schema: freyaProblemListSchema,
        });
        const { problems, total } = answer.data;
        const end = offset + problems.length;
        return {
          items: problems.map((problem) => toProblem(problem)),
          next: problems.length > 0 && end < total ? end : null,
          total,
        };
      },
    };
  }

  async getProblem(id: string): Promise<Problem> {
    const answer = await this.http.request({
      route: freyaRoutes.getProblem,
      params: { id },
      schema: freyaProblemAnswerSchema,
    });
    return toProblem(answer.data.problem);
  }

  /** Every problem of up to 50 calls, all pages read (for the `Call.problems` loader). */
  async problemsByCallIds(callIds: string[]): Promise<Problem[]> {
    const source = this.problemPages({ callIds });
    const problems: Problem[] = [];
    let position: NativePosition | null = source.start;
    while (position !== null) {
      const page: Page<Problem> = await source.fetchPage(position, source.maxPageSize);
      problems.push(...page.items);
      position = page.next;
    }
    return problems;
  }

  /** Never retried (a second POST would file the problem twice). */
  async createProblem(input: FreyaCreateProblemInput): Promise<Problem> {
    // Ours last, so the configured workspace always wins.
    const body: FreyaCreateProblemBody = { ...input, workspaceId: this.workspaceId };
    const answer = await this.http.request({
      route: freyaRoutes.createProblem,
      body,
      schema: freyaCreateProblemAnswerSchema,
    });
    return toProblem(answer.data.result.problem);
  }
}

export function createFreyaConnector(
  config: FreyaConfig,
  options: ConnectorOptions,
): FreyaConnector {
  return new FreyaConnector(
    new UpstreamClient({
      provider: 'FREYA',
      baseUrl: config.baseUrl,
      headers: { Authorization: `Bearer ${config.apiKey}` },
      timeoutMs: options.timeoutMs,
      logger: options.logger,
    }),
    config.workspaceId,
  );
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function toOffset(pos: NativePosition): number {
  const offset = typeof pos === 'number' ? pos : Number(pos);
  if (!Number.isInteger(offset) || offset < 0)
    throw new Error(`invalid Freya list offset ${String(pos)}`);
  return offset;
}
