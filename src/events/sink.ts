import type { Call } from '../model/call.js';
import type { Message } from '../model/message.js';
import type { CallProvider } from '../model/provider.js';

/** A call as a vendor reported it (a webhook or a poll), with when that was seen. */
export interface CallObservation {
  provider: CallProvider;
  call: Call;
  occurredAt: Date;
}

/** A message as a vendor reported it (LlamadaPro's `message.created` webhook). */
export interface MessageObservation {
  message: Message;
  occurredAt: Date;
}

/** Where webhooks and the poller hand what they saw; the event log derives event types and cursors. */
export interface EventSink {
  observeCall(o: CallObservation): Promise<void>;
  observeMessage(o: MessageObservation): Promise<void>;
}
