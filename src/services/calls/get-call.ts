import type { Context } from '../../context.js';
import { invalidInput } from '../../errors.js';
import { expectGlobalId, localId } from '../../ids.js';
import type { Call } from '../../model/call.js';
import { isCallProvider } from '../../model/provider.js';

/** `call(id:)`: one call by its global id, through the request's call loader. */
export function getCall(ctx: Context, globalId: string): Promise<Call> {
  const id = expectGlobalId(ctx, globalId, 'Call');
  if (!isCallProvider(id.provider)) throw invalidInput(`${id.provider} has no calls`);
  return ctx.loaders.call.load(localId(id.provider, id.providerId));
}

/** Remembers a call this request already holds, so a later lookup of it costs no request. */
export function primeCall(ctx: Context, call: Call): Call {
  ctx.loaders.call.prime(localId(call.provider, call.providerId), call);
  return call;
}
