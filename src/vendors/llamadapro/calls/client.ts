import type { Route } from '../../../http/route.js';
import type { UpstreamClient } from '../../../http/upstream-client.js';
import type { Call, CallFilter, CallRecording, CallTranscription } from '../../../model/call.js';
import type { LoadRecordingInput, RecordCallInput } from '../../../model/record-call.js';
import type {
  LlamadaProAgentCallInput,
  LlamadaProBridgeCallInput,
  LlamadaProVoiceAgentCallInput,
} from '../../../model/start-call.js';
import type { PagedSource } from '../../../paging/paged-source.js';
import { noPages } from '../../../paging/vendor-pages.js';
import { nativeStatus, narrowsBy } from '../../call-filters.js';
import { llamadaProCallId } from '../ids.js';
import { mappedRequest } from '../mapped-request.js';
import { tokenPages } from '../token-pages.js';
import {
  toCall,
  toLlamadaProAgentCallBody,
  toLlamadaProBridgeCallBody,
  toLlamadaProCreateCallBody,
  toLlamadaProLoadRecordingBody,
  toLlamadaProStatusFilter,
  toLlamadaProVoiceAgentCallBody,
  toRecording,
  toTranscription,
} from './map.js';
import { llamadaProCallRoutes as routes } from './routes.js';
import {
  llamadaProCallListSchema,
  llamadaProCallSchema,
  llamadaProRecordingSchema,
  llamadaProTranscriptionSchema,
} from './schemas.js';

/** The page size an empty list announces: that of the token-paged lists. */
const MAX_PAGE_SIZE = 100;

const requestCall = mappedRequest(llamadaProCallSchema, toCall);
const requestTranscription = mappedRequest(llamadaProTranscriptionSchema, toTranscription);
const requestRecording = mappedRequest(llamadaProRecordingSchema, toRecording);

/** LlamadaPro's calls: the list and reads, their transcription and recording, and the starts. */
export class LlamadaProCallClient {
  constructor(readonly http: UpstreamClient) {}

  /**
   * Phone, start window and one status in LlamadaPro's spelling are sent natively; direction,
   * update time and category are checked by the caller on every item. LlamadaPro calls carry no
   * agent, use case or campaign, so a filter on those matches nothing.
   */
  callPages(filter: CallFilter): { source: PagedSource<Call>; exact: boolean } {
    if (narrowsBy(filter, ['agentId', 'useCaseId', 'campaignId'])) {
      return { source: noPages(MAX_PAGE_SIZE), exact: true };
    }
    const status = nativeStatus(filter, toLlamadaProStatusFilter);
    const exact =
      (status !== undefined || !narrowsBy(filter, ['status'])) &&
      !narrowsBy(filter, ['direction', 'updatedAfter', 'classificationTag']);
    const source = tokenPages(this.http, {
      route: routes.listCalls,
      schema: llamadaProCallListSchema,
      map: toCall,
      query: {
        phone: filter.phone,
        status,
        startedAfter: filter.startedAfter?.toISOString(),
        startedBefore: filter.startedBefore?.toISOString(),
      },
    });
    return { source, exact };
  }

  async getCall(providerId: string): Promise<Call> {
    return requestCall(this.http, { route: routes.getCall, params: { callId: providerId } });
  }

  /** LlamadaPro call ids are numbers. */
  isCallId(id: string): boolean {
    return llamadaProCallId.safeParse(id).success;
  }

  async getCallTranscription(callId: string): Promise<CallTranscription> {
    return requestTranscription(this.http, {
      route: routes.getCallTranscription,
      params: { callId },
    });
  }

  async getCallRecording(callId: string): Promise<CallRecording> {
    return requestRecording(this.http, { route: routes.getCallRecording, params: { callId } });
  }

  // Writes. None is retried (the UpstreamClient retries GETs only).

  async startAgentCall(input: LlamadaProAgentCallInput): Promise<Call> {
    return this.postCall(routes.startAgentCall, toLlamadaProAgentCallBody(input));
  }

  async startVoiceAgentCall(input: LlamadaProVoiceAgentCallInput): Promise<Call> {
    return this.postCall(routes.startVoiceAgentCall, toLlamadaProVoiceAgentCallBody(input));
  }

  async startBridgeCall(input: LlamadaProBridgeCallInput): Promise<Call> {
    return this.postCall(routes.startBridgeCall, toLlamadaProBridgeCallBody(input));
  }

  /** CreateCall: records in LlamadaPro a call made elsewhere. */
  async createCall(input: RecordCallInput): Promise<Call> {
    return this.postCall(routes.createCall, toLlamadaProCreateCallBody(input));
  }

  /** The document shows no success body for LoadRecording: a recording when there is one. */
  async loadRecording(input: LoadRecordingInput): Promise<CallRecording | null> {
    const answer = await this.http.request({
      route: routes.loadRecording,
      body: toLlamadaProLoadRecordingBody(input),
      schema: llamadaProRecordingSchema.nullish(),
    });
    return answer === null || answer === undefined ? null : toRecording(answer);
  }

  private async postCall(route: Route, body: unknown): Promise<Call> {
    return requestCall(this.http, { route, body });
  }
}
