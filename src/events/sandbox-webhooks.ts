import { randomBytes } from 'node:crypto';
import type { ConnectorSet } from '../connectors.js';
import { VENDORS, type VendorKey } from '../vendors/registry.js';

/**
 * The webhook secrets of the sandboxed vendors (README, "Live calls"): the one
 * configured for the vendor (`<VENDOR>_WEBHOOK_SECRET`) or else a random `whsec_` secret made for
 * this process, which the gateway hands to the sandbox in-process and nowhere else.
 */
export function sandboxWebhookSecrets(
  connectors: ConnectorSet,
  configured: Partial<Record<VendorKey, string>>,
): Partial<Record<VendorKey, string>> {
  const secrets: Partial<Record<VendorKey, string>> = {};
  for (const vendor of VENDORS) {
    const setup = connectors.providers.find((entry) => entry.provider === vendor.provider);
    if (setup?.mode !== 'SANDBOX') continue;
    secrets[vendor.key] = configured[vendor.key] ?? newWebhookSecret();
  }
  return secrets;
}

/** A random Standard Webhooks secret: `whsec_` and the base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** Where a process listening on `host:port` is reached from the same machine. */
export function loopbackOrigin(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}
