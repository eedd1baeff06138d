/**
 * The sandbox vendors' credentials. They are fake on purpose and public in the source: the
 * sandbox only checks that a client sends them the way each vendor expects.
 */
export const SANDBOX_CREDENTIALS = {
  freya: {
    apiKey: 'sbx_freya_7d21c4a9e0b34f5d8a6c1e2f9b0d3a47',
    workspaceId: '5a1f0c2e-8d3b-4c7a-9e61-2b4d6f8a0c13',
  },
  ovia: { apiKey: 'sbx_ovia_3f9c1e7a5b2d4e8f9a0c6b1d2e3f4a5b' },
  llamadapro: { apiKey: 'sbx_llamadapro_c4e8a2f6b0d94e1a8c7f3b5d2e6a9c01' },
  cx: { username: 'sbx_cx_operator', password: 'sbx_cx_pass_9e4b2a7c1d6f' },
  happyrobot: { apiKey: 'sbx_happyrobot_8b3e1f9a6c2d4b7e0a5f3c1d9e2b6a48' },
} as const;

export type SandboxCredentials = typeof SANDBOX_CREDENTIALS;
