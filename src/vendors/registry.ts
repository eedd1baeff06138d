import type { Provider } from '../model/provider.js';
import { cxVendor } from './cx/vendor.js';
import { freyaVendor } from './freya/vendor.js';
import { happyRobotVendor } from './happyrobot/vendor.js';
import { llamadaProVendor } from './llamadapro/vendor.js';
import { oviaVendor } from './ovia/vendor.js';
import type { VendorDefinition } from './vendor-definition.js';

/**
 * Every vendor Switchboard speaks to, in the Provider enum's order. A new vendor is its folder
 * (with its `vendor.ts`), one line here and its value in src/model/provider.ts.
 */
export const VENDORS = [
  freyaVendor,
  oviaVendor,
  llamadaProVendor,
  cxVendor,
  happyRobotVendor,
] as const;

export type Vendor = (typeof VENDORS)[number];
export type VendorKey = Vendor['key'];

/** Each vendor's configuration, by key; a vendor that is not configured is absent. */
export type VendorConfigs = {
  [V in Vendor as V['key']]?: Parameters<V['create']>[0];
};

/** Each vendor's connector, by key; a vendor that is neither configured nor sandboxed is absent. */
export type Connectors = {
  [V in Vendor as V['key']]?: ReturnType<V['create']>;
};

export function vendorOf(provider: Provider): VendorDefinition {
  const vendor = VENDORS.find((candidate) => candidate.provider === provider);
  if (!vendor) throw new Error(`no vendor is registered for ${provider}`);
  return vendor;
}
