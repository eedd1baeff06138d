import { z } from 'zod';
import { e164, numericId, sendIfGiven, text } from '../../mutations/inputs.js';
import { CALL_STATUSES } from '../../model/call.js';
import type { LoadRecordingInput, RecordCallInput } from '../../model/record-call.js';
import { callDirection, nonNegative, positive } from './start-call-inputs.js';

/** `recordCall`'s arguments. */
export const recordCallArgs = z.object({
  input: z.object({
    status: z
      .enum(CALL_STATUSES)
      .refine((status) => status !== 'UNKNOWN', { error: 'must be a known status' }),
    direction: callDirection,
    from: e164,
    to: e164,
    startedAt: z.date(),
    durationSeconds: nonNegative.nullish(),
    userId: positive.int().nullish(),
    teamId: sendIfGiven(numericId),
    redirectedTo: sendIfGiven(e164),
    providerId: sendIfGiven(text(200)),
    providerName: sendIfGiven(text(100)),
    funnelConversationId: sendIfGiven(numericId),
    sessionId: sendIfGiven(numericId),
    metadata: z.unknown().optional(),
    customData: sendIfGiven(z.unknown()),
  }),
}) satisfies z.ZodType<{ input: RecordCallInput }>;

/** `loadRecording`'s arguments. */
export const loadRecordingArgs = z.object({
  input: z.object({
    userId: positive.int(),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    callTo: sendIfGiven(e164),
    callFrom: sendIfGiven(e164),
    callDirection: sendIfGiven(callDirection),
    callStartTime: sendIfGiven(z.date()),
  }),
}) satisfies z.ZodType<{ input: LoadRecordingInput }>;
