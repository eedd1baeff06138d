import type { Context } from '../context.js';
import type { ProviderSetup } from '../connectors.js';
import type { Provider } from '../model/provider.js';
import type { VendorStatus } from '../services/health.js';
import { vendorOf } from '../vendors/registry.js';
import { capabilitiesOf } from '../vendors/vendor-definition.js';

/** What the vendor brings to the graph, from its registry entry. */
export function providerDescription(provider: Provider): string {
  return vendorOf(provider).description;
}

/**
 * Every vendor with its mode and base URL, in the Provider enum's order; a tenant's only those
 * it has (README, "Tenants").
 */
export function listProviders(ctx: Context): ProviderSetup[] {
  const all = ctx.connectors.providers;
  return ctx.idScope === null ? all : all.filter((setup) => setup.mode !== 'DISABLED');
}

/** What a vendor supports through the graph; nothing when it is DISABLED. */
export function providerCapabilities(setup: ProviderSetup): string[] {
  return setup.mode === 'DISABLED' ? [] : capabilitiesOf(vendorOf(setup.provider));
}

/** The vendor's last probe (shared with `/status`); null when it is DISABLED. */
export function providerHealth(
  ctx: Context,
  setup: ProviderSetup,
): Promise<VendorStatus | null> | null {
  return setup.mode === 'DISABLED' ? null : ctx.health.vendor(setup.provider);
}
