import { readAll } from '../../paging/read-all.js';
import type { VendorBaseConfig } from '../vendor-definition.js';
import { UpstreamClient } from '../../http/upstream-client.js';
import type { CreateProblemInput, Problem, ProblemFilter } from '../../model/problem.js';
import type { PagedSource } from '../../paging/paged-source.js';
import { noPages, offsetPages } from '../../paging/vendor-pages.js';
import type { ConnectorOptions } from '../types.js';
import { toFreyaCreateProblemBody, toProblem } from './map.js';
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
      return noPages(MAX_PAGE_SIZE);
    }
    const query = {
      workspaceId: this.workspaceId,
      callId: filter.callId,
      callIds: callIds?.join(','),
      status: filter.status,
      resolved: filter.resolved,
    };
    return offsetPages({
      vendor: 'Freya',
      maxPageSize: MAX_PAGE_SIZE,
      fetch: async (offset, limit) => {
        const answer = await this.http.request({
          route: freyaRoutes.listProblems,
          query: { ...query, limit, offset },
          schema: freyaProblemListSchema,
        });
        const { problems, total } = answer.data;
        return { items: problems.map((problem) => toProblem(problem)), total };
      },
    });
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
    return readAll(this.problemPages({ callIds }));
  }

  /** Files a problem given in the unified model's terms. */
  fileProblem(input: CreateProblemInput): Promise<Problem> {
    return this.createProblem(toFreyaCreateProblemBody(input));
  }

  /** The body as Freya documents it. Never retried (a second POST would file the problem twice). */
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

/** Every Freya list and create is scoped to one workspace (docs/vendors/freya.md). */
export interface FreyaConfig extends VendorBaseConfig {
  apiKey: string;
  workspaceId: string;
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
