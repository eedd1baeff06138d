export const PROVIDERS = ['FREYA', 'OVIA', 'LLAMADAPRO', 'CX', 'HAPPYROBOT'] as const;
export type Provider = (typeof PROVIDERS)[number];

/** The vendors that serve calls, in the enum's order (the merge tie-breaker). */
export const CALL_PROVIDERS = ['OVIA', 'LLAMADAPRO', 'CX', 'HAPPYROBOT'] as const;
export type CallProvider = (typeof CALL_PROVIDERS)[number];

export function providerRank(provider: Provider): number {
  return PROVIDERS.indexOf(provider);
}

export function isCallProvider(provider: Provider): provider is CallProvider {
  return (CALL_PROVIDERS as readonly Provider[]).includes(provider);
}
