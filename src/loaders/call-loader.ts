import DataLoader from 'dataloader';
import { parseLocalId } from '../ids.js';
import type { Call } from '../model/call.js';
import { isCallProvider, type CallProvider } from '../model/provider.js';
import { invalidInput } from '../errors.js';
import type { CallConnector } from '../vendors/types.js';
import { mapLimited, PER_VENDOR_CONCURRENCY, toError } from './limit.js';

/** Calls by `PROVIDER:vendorId`; repeated keys are fetched once per request. */
export function createCallLoader(
  callConnector: (provider: CallProvider) => CallConnector,
): DataLoader<string, Call> {
  return new DataLoader<string, Call>(async (keys) => {
    const byProvider = new Map<CallProvider, Array<{ index: number; providerId: string }>>();
    const results: Array<Call | Error> = new Array(keys.length);
    keys.forEach((key, index) => {
      const { provider, providerId } = parseLocalId(key);
      if (!isCallProvider(provider)) {
        results[index] = invalidInput(`${provider} does not serve calls`);
        return;
      }
      const list = byProvider.get(provider) ?? [];
      list.push({ index, providerId });
      byProvider.set(provider, list);
    });
    await Promise.all(
      [...byProvider].map(async ([provider, wanted]) => {
        let connector: CallConnector;
        try {
          connector = callConnector(provider);
        } catch (error) {
          for (const { index } of wanted) results[index] = toError(error);
          return;
        }
        const settled = await mapLimited(wanted, PER_VENDOR_CONCURRENCY, async ({ providerId }) => {
          // Every call lookup by global id (call, node, nodes) comes through here.
          if (!connector.isCallId(providerId)) {
            throw invalidInput(`id: not a ${provider} call id`, { field: ['id'] });
          }
          return connector.getCall(providerId);
        });
        settled.forEach((outcome, i) => {
          const target = wanted[i];
          if (!target) return;
          results[target.index] =
            outcome.status === 'fulfilled' ? outcome.value : toError(outcome.reason);
        });
      }),
    );
    return results;
  });
}
