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
import { llamadaProCallId } from '../ids.js';
import { tokenPages } from '../token-pages.js';
import {
  toCall,
  toLlamadaProAgentCallBody,
  toLlamadaProBridgeCallBody,
  toLlamadaProCreateCallBody,
  toLlamadaProLoadRecordingBody,
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

/** LlamadaPro's calls: the list and reads, their transcription and recording, and the starts. */
export class LlamadaProCallClient {
  constructor(readonly http: UpstreamClient) {}

  /**
   * Phone and start window are sent natively. Status is not (LlamadaPro's spellings vary, so
   * the caller's normalized comparison is the reliable one), nor direction; and LlamadaPro calls
   * carry no agent, so an agentId filter is left to the caller too.
   */
  callPages(filter: CallFilter): { source: PagedSource<Call>; exact: boolean } {
    const exact =
      (filter.status === undefined || filter.status.length === 0) &&
      filter.direction === undefined &&
      filter.agentId === undefined;
    const source = tokenPages(this.http, {
      route: routes.listCalls,
      schema: llamadaProCallListSchema,
      map: toCall,
      query: {
        phone: filter.phone,
        startedAfter: filter.startedAfter?.toISOString(),
        startedBefore: filter.startedBefore?.toISOString(),
      },
    });
    return { source, exact };
  }

  async getCall(providerId: string): Promise<Call> {
    return toCall(
      await this.http.request({
        route: routes.getCall,
        params: { callId: providerId },
        schema: llamadaProCallSchema,
      }),
    );
  }

  /** LlamadaPro call ids are numbers. */
  isCallId(id: string): boolean {
    return llamadaProCallId.safeParse(id).success;
  }

  async getCallTranscription(callId: string): Promise<CallTranscription> {
    return toTranscription(
      await this.http.request({
        route: routes.getCallTranscription,
        params: { callId },
        schema: llamadaProTranscriptionSchema,
      }),
    );
  }

  async getCallRecording(callId: string): Promise<CallRecording> {
    return toRecording(
      await this.http.request({
        route: routes.getCallRecording,
        params: { callId },
        schema: llamadaProRecordingSchema,
      }),
    );
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
    return toCall(await this.http.request({ route, body, schema: llamadaProCallSchema }));
  }
}
