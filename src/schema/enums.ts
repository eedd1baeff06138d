import { builder } from '../builder.js';
import { CALL_DIRECTIONS, CALL_STATUSES, CHANNELS } from '../model/call.js';
import { PROVIDERS } from '../model/provider.js';

export const ProviderEnum = builder.enumType('Provider', {
  description: 'A voice-agent platform behind the graph.',
  values: PROVIDERS,
});

export const CallStatusEnum = builder.enumType('CallStatus', {
  description:
    'Normalized call status. Vendor statuses compare case-insensitively with `-`, `_` and space equivalent; one the mapping does not know is UNKNOWN (see `Call.providerStatus`).',
  values: CALL_STATUSES,
});

export const CallDirectionEnum = builder.enumType('CallDirection', {
  description: 'Whether the customer called in (INBOUND) or was called (OUTBOUND).',
  values: CALL_DIRECTIONS,
});

export const ChannelEnum = builder.enumType('Channel', {
  description: 'The medium of an interaction.',
  values: CHANNELS,
});
