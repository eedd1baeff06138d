import { builder } from '../builder.js';
import type { CallDirection, CallStatus, Channel } from '../model/call.js';
import { PROVIDERS, type Provider } from '../model/provider.js';
import { providerDescription } from '../services/providers.js';

/** Each value with the text GraphiQL's docs pane shows; `satisfies` keeps them in step with the model. */
type Described<T extends string> = Record<T, { description: string }>;

export const ProviderEnum = builder.enumType('Provider', {
  description: 'A voice-agent platform behind the graph.',
  // Each value described by its vendor's registry entry (src/vendors/<vendor>/vendor.ts).
  values: Object.fromEntries(
    PROVIDERS.map((provider) => [provider, { description: providerDescription(provider) }]),
  ) as Described<Provider>,
});

export const CallStatusEnum = builder.enumType('CallStatus', {
  description:
    'Normalized call status. Vendor statuses compare case-insensitively with `-`, `_` and space equivalent; one the mapping does not know is UNKNOWN (see `Call.providerStatus`).',
  values: {
    SCHEDULED: { description: 'Planned for later; has no start time yet.' },
    QUEUED: { description: 'Accepted by the vendor, waiting to be dialled.' },
    RINGING: { description: 'Dialling; nobody has answered yet.' },
    IN_PROGRESS: { description: 'Answered and still going on.' },
    COMPLETED: { description: 'Answered and ended normally.' },
    FAILED: { description: 'Could not be placed or broke off with an error.' },
    NO_ANSWER: { description: 'Rang out without being answered.' },
    BUSY: { description: 'The line was busy.' },
    CANCELED: { description: 'Called off before it was placed.' },
    UNKNOWN: {
      description: 'A vendor status the mapping does not know; see `Call.providerStatus`.',
    },
  } satisfies Described<CallStatus>,
});

export const CallDirectionEnum = builder.enumType('CallDirection', {
  description: 'Whether the customer called in (INBOUND) or was called (OUTBOUND).',
  values: {
    INBOUND: { description: 'The customer called in.' },
    OUTBOUND: { description: 'The agent called the customer.' },
  } satisfies Described<CallDirection>,
});

export const ChannelEnum = builder.enumType('Channel', {
  description: 'The medium of an interaction.',
  values: {
    CALL: { description: 'A phone call.' },
    SMS: { description: 'Text messages (CX).' },
    WHATSAPP: { description: 'WhatsApp messages (CX).' },
    WEBCHAT: { description: 'A web chat (CX).' },
  } satisfies Described<Channel>,
});
