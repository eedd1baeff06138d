import type { Context } from '../../context.js';
import { localId } from '../../ids.js';
import type { Call, CallRecording, CallTranscription } from '../../model/call.js';

/*
 * The parts of a call some vendors leave out of the call and serve on routes of their own: read
 * only when a client asks for them, through the request's loaders, and only from a vendor whose
 * connector has such a route.
 */

/** `Call.transcript`. */
export async function callTranscript(ctx: Context, call: Call): Promise<string | null> {
  if (call.transcript !== null) return call.transcript;
  if (!ctx.connectors.callConnector(call.provider)?.getCallTranscription) return null;
  const transcription = await ctx.loaders.transcription.load(
    localId(call.provider, call.providerId),
  );
  return transcription?.text ?? null;
}

/** `Call.recordingUrl`. */
export async function callRecordingUrl(ctx: Context, call: Call): Promise<string | null> {
  if (call.recordingUrl !== null) return call.recordingUrl;
  if (!ctx.connectors.callConnector(call.provider)?.getCallRecording) return null;
  const recording = await ctx.loaders.recording.load(localId(call.provider, call.providerId));
  return recording?.url ?? null;
}

/** `Call.transcription`: null where the vendor serves no transcription route, or has none. */
export async function callTranscription(
  ctx: Context,
  call: Call,
): Promise<CallTranscription | null> {
  if (!ctx.connectors.callConnector(call.provider)?.getCallTranscription) return null;
  return ctx.loaders.transcription.load(localId(call.provider, call.providerId));
}

/** `Call.recording`: null where the vendor serves no recording route, or has none. */
export async function callRecording(ctx: Context, call: Call): Promise<CallRecording | null> {
  if (!ctx.connectors.callConnector(call.provider)?.getCallRecording) return null;
  return ctx.loaders.recording.load(localId(call.provider, call.providerId));
}

/** `CallRecording.call`: recordings are LlamadaPro's, and name its call by LlamadaPro's id. */
export function callOfRecording(ctx: Context, recording: CallRecording): Promise<Call> | null {
  if (recording.callId === null) return null;
  return ctx.loaders.call.load(localId('LLAMADAPRO', recording.callId));
}
