import { SANDBOX_CREDENTIALS } from '../src/sandbox/credentials.js';

/** The environment that points the gateway at the sandbox process as if it were the vendors. */
export function vendorEnv(urls: Record<string, string>): Record<string, string> {
  const url = (vendor: string): string => {
    const found = urls[vendor];
    if (!found) throw new Error(`no sandbox url for ${vendor}`);
    return found;
  };
  const { freya, ovia, llamadapro, cx, happyrobot } = SANDBOX_CREDENTIALS;
  return {
    FREYA_BASE_URL: url('freya'),
    FREYA_API_KEY: freya.apiKey,
    FREYA_WORKSPACE_ID: freya.workspaceId,
    OVIA_BASE_URL: url('ovia'),
    OVIA_API_KEY: ovia.apiKey,
    LLAMADAPRO_BASE_URL: url('llamadapro'),
    LLAMADAPRO_API_KEY: llamadapro.apiKey,
    CX_BASE_URL: url('cx'),
    CX_USERNAME: cx.username,
    CX_PASSWORD: cx.password,
    HAPPYROBOT_BASE_URL: url('happyrobot'),
    HAPPYROBOT_API_KEY: happyrobot.apiKey,
    UPSTREAM_TIMEOUT_MS: '10000',
  };
}
