import type { Logger } from '../logger.js';
import type {
  AgentRef,
  Call,
  CallFilter,
  CallRecording,
  CallTranscription,
} from '../model/call.js';
import type { CallProvider } from '../model/provider.js';
import type { PagedSource } from '../paging/paged-source.js';
import type { UpstreamClient } from '../http/upstream-client.js';

/** What the merged `calls` list and the id lookups need from every call vendor. */
export interface CallConnector {
  readonly provider: CallProvider;
  readonly http: UpstreamClient;
  /**
   * The vendor's call list, narrowed natively as far as the vendor allows. `exact` says whether
   * the native narrowing is the whole filter (then the vendor's total is the filtered count);
   * callers still apply the full filter to every item.
   */
  callPages(filter: CallFilter): { source: PagedSource<Call>; exact: boolean };
  /** Throws an UpstreamError with code NOT_FOUND when the vendor has no such call. */
  getCall(providerId: string): Promise<Call>;
  /** Whether a string has the shape of this vendor's call ids (for lookups across vendors). */
  isCallId(id: string): boolean;
  /**
   * Only on vendors whose calls come without their transcript and serve it on a route of its
   * own (LlamadaPro), read when a client asks for it. Throws NOT_FOUND when the call has none.
   */
  getCallTranscription?(providerId: string): Promise<CallTranscription>;
  /** Likewise for the recording. */
  getCallRecording?(providerId: string): Promise<CallRecording>;
  /**
   * The vendor's agents, ordered by their vendor id: from an agents route where the vendor has
   * one, else as its calls name them. Absent on vendors whose calls name no agent (LlamadaPro).
   */
  agentPages?(): PagedSource<AgentRef>;
}

/** What every connector factory needs besides the vendor's own configuration. */
export interface ConnectorOptions {
  /** Budget for one upstream request, retries included. */
  timeoutMs: number;
  logger: Logger;
}
