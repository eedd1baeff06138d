import type { Context } from '../../context.js';
import { atPath, providerNotConfigured } from '../../errors.js';
import type { Call } from '../../model/call.js';
import type { ConnectionShape } from '../../model/connection.js';
import type { Contact } from '../../model/contact.js';
import { toE164 } from '../../model/phone.js';
import { CALL_PROVIDERS } from '../../model/provider.js';
import type { MergeInput } from '../../paging/merged-list.js';
import { FIRST_DEFAULT, listConnection, validateFirst, type ListArgs } from '../list-connection.js';
import { matchesCallFilter } from './call-filter.js';
import { CALL_ORDER } from './list-calls.js';

/**
 * `Contact.calls`: one source per call vendor and phone number of the contact, merged like
 * `calls`. Each source keeps only calls that no earlier phone of the contact matches, so a call
 * between two of the contact's numbers is listed once.
 */
export function listContactCalls(
  ctx: Context,
  contact: Contact,
  args: ListArgs,
): Promise<ConnectionShape<Call>> {
  const first = validateFirst(args.first, FIRST_DEFAULT);
  const after = args.after ?? null;
  const path = args.path;
  const phones = [
    ...new Set(contact.phones.map((phone) => toE164(phone)).filter((phone) => phone !== null)),
  ];
  const inputs: MergeInput<Call>[] = [];
  for (const provider of CALL_PROVIDERS) {
    const connector = ctx.connectors.callConnector(provider);
    if (!connector) {
      ctx.reportError(atPath(providerNotConfigured(provider), path));
      continue;
    }
    phones.forEach((phone, index) => {
      const { source, exact } = connector.callPages({ phone });
      const earlier = phones.slice(0, index);
      inputs.push({
        key: `${provider}:${phone}`,
        source,
        exact: exact && index === 0,
        keep: (call) =>
          matchesCallFilter(call, { phone }) &&
          !earlier.some((other) => matchesCallFilter(call, { phone: other })),
        idOf: (call) => call.providerId,
      });
    });
  }
  return listConnection(ctx, {
    inputs,
    order: CALL_ORDER,
    first,
    after,
    fingerprint: JSON.stringify(['Contact.calls', contact.providerId, phones]),
    path,
  });
}
