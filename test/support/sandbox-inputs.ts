/**
 * `startCall` input for an Ovia call on the sandbox's own user, agent and line
 * (src/sandbox/ovia/data.ts), to the number given.
 */
export function oviaStartCallInput(toNumber: string) {
  return {
    ovia: {
      userId: '8f6e5d4c-3b2a-4190-9e8d-7c6b5a493827',
      agentId: '0b8e6a52-3c1d-4f7e-9a2b-5d6c7e8f9a01',
      type: 'phone_call',
      direction: 'OUTBOUND',
      fromNumber: '+576013005500',
      toNumber,
      phoneNumberId: '8e7f6a5b-4c3d-4ecf-9ab1-ac9d8e7f6a54',
    },
  };
}
