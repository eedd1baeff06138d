import { z } from 'zod';
import { e164, numericId, sendIfGiven, text, uuid } from '../../mutations/inputs.js';
import { CALL_DIRECTIONS, CHANNELS } from '../../model/call.js';
import type { StartCallInput } from '../../model/start-call.js';
import { LLAMADAPRO_LOCALIZATIONS } from '../../vendors/llamadapro/calls/schemas.js';

/** The zod pieces the call mutations share, with messages a client can show as they are. */
export const jsonObject = z.record(z.string(), z.unknown(), { error: 'must be a JSON object' });
export const positive = z.number().positive({ error: 'must be greater than 0' });
export const nonNegative = z.number().min(0, { error: 'must not be negative' });
export const callDirection = z.enum(CALL_DIRECTIONS);
const localization = z.enum(LLAMADAPRO_LOCALIZATIONS, {
  error: `must be one of ${LLAMADAPRO_LOCALIZATIONS.join(', ')}`,
});

/*
 * The Vapi settings' numbers are `number <double>` in LlamadaPro's document with no range
 * (docs/vendors/llamadapro.md, "The start bodies"), so any number GraphQL accepts is sent.
 */
const vapiConfig = z.object({
  model: sendIfGiven(
    z.object({
      maxTokens: sendIfGiven(z.number()),
      temperature: sendIfGiven(z.number()),
      model: sendIfGiven(
        z.object({ provider: sendIfGiven(text(100)), model: sendIfGiven(text(200)) }),
      ),
    }),
  ),
  voice: sendIfGiven(
    z.object({
      provider: sendIfGiven(text(100)),
      voiceId: sendIfGiven(text(200)),
      model: sendIfGiven(text(200)),
      speed: sendIfGiven(z.number()),
      stability: sendIfGiven(z.number()),
      style: sendIfGiven(z.number()),
      optimizeStreamingLatency: sendIfGiven(z.number()),
    }),
  ),
  transcriber: sendIfGiven(
    z.object({
      provider: sendIfGiven(text(100)),
      model: sendIfGiven(text(200)),
      localization: sendIfGiven(localization),
      confidenceThreshold: sendIfGiven(z.number()),
      keywords: sendIfGiven(z.array(text(200))),
    }),
  ),
});

/** `startCall`'s arguments: every form checked as far as its vendor's document allows. */
export const startCallArgs = z.object({
  input: z.object({
    ovia: sendIfGiven(
      z.object({
        userId: uuid,
        agentId: uuid,
        type: text(100),
        direction: callDirection,
        fromNumber: e164,
        toNumber: e164,
        phoneNumberId: uuid,
      }),
    ),
    llamadaproAgent: sendIfGiven(
      z.object({
        toPhoneNumber: e164,
        fromPhoneNumber: sendIfGiven(e164),
        objectives: z.array(text(2_000)).min(1, { error: 'must hold at least one objective' }),
        userId: sendIfGiven(positive.int()),
        personality: sendIfGiven(
          z.object({
            name: sendIfGiven(text(200)),
            communicationStyle: sendIfGiven(text(200)),
            customTraits: sendIfGiven(text(2_000)),
          }),
        ),
        localization: sendIfGiven(localization),
        constraints: sendIfGiven(z.array(text(2_000))),
        contactInfo: sendIfGiven(
          z.object({
            firstName: sendIfGiven(text(200)),
            lastName: sendIfGiven(text(200)),
            company: sendIfGiven(text(200)),
            additionalInfo: sendIfGiven(
              z.record(z.string(), z.string(), { error: 'must be an object of strings' }),
            ),
          }),
        ),
        knowledgeBase: sendIfGiven(text(100_000)),
        taskSteps: sendIfGiven(z.array(text(2_000))),
        maxDurationSeconds: sendIfGiven(positive),
        silenceTimeoutSeconds: sendIfGiven(positive),
        customData: sendIfGiven(jsonObject),
        providerConfig: sendIfGiven(vapiConfig),
      }),
    ),
    llamadaproVoiceAgent: sendIfGiven(
      z.object({
        voiceAgentId: numericId,
        to: e164,
        contextVariables: jsonObject,
        customData: sendIfGiven(jsonObject),
      }),
    ),
    llamadaproBridge: sendIfGiven(
      z.object({
        from: sendIfGiven(e164),
        to: e164,
        callCustomData: sendIfGiven(jsonObject),
      }),
    ),
    cx: sendIfGiven(
      z.object({
        agentId: uuid,
        channel: z.enum(CHANNELS),
        skillId: uuid,
        customerName: text(200),
        customerPhone: e164,
      }),
    ),
  }),
}) satisfies z.ZodType<{ input: StartCallInput }>;
