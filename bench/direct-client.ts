import { z } from 'zod';
import { RequestPools } from './pool.js';

/**
 * The dashboard fetched the way a frontend without Switchboard would: the Ovia call list (and
 * LlamadaPro's custom field definitions, which need nothing first, beside it), then for every
 * call one LlamadaPro contact search by the caller's number and one Freya problem list by call
 * id, at most `connections` requests in flight.
 */
export interface DirectVendors {
  ovia: { baseUrl: string; apiKey: string };
  llamadapro: { baseUrl: string; apiKey: string };
  freya: { baseUrl: string; apiKey: string; workspaceId: string };
}

export interface DirectOptions {
  /** @default 6, as a browser */
  connections?: number;
  /** `shared`: one budget for every vendor; `per-origin`: each vendor host gets its own. @default 'shared' */
  budget?: 'shared' | 'per-origin';
}

export interface DirectRow {
  callId: string;
  status: string | null;
  customerPhone: string | null;
  agentName: string | null;
  contact: {
    displayName: string;
    emails: string[];
    customFields: Array<{ key: string; value: unknown; label: string | null }>;
  } | null;
  problems: Array<{ title: string; severity: number | null; resolved: boolean }>;
}

const oviaCallList = z.looseObject({
  data: z.array(
    z.looseObject({
      id: z.string(),
      status: z.string().nullish(),
      direction: z.string().nullish(),
      from_number: z.string().nullish(),
      to_number: z.string().nullish(),
      agent: z.looseObject({ name: z.string().nullish() }).nullish(),
    }),
  ),
});

const contactSearch = z.looseObject({
  items: z.array(
    z.looseObject({
      firstName: z.string().nullish(),
      lastName: z.string().nullish(),
      customFields: z.record(z.string(), z.unknown()).nullish(),
      addresses: z
        .array(z.looseObject({ channelType: z.string().nullish(), address: z.string().nullish() }))
        .nullish(),
    }),
  ),
});

const problemList = z.looseObject({
  data: z.looseObject({
    problems: z.array(
      z.looseObject({
        problem: z.string().nullish(),
        severity: z.number().nullish(),
        resolved: z.boolean().nullish(),
      }),
    ),
  }),
});

const definitionList = z.looseObject({
  items: z.array(z.looseObject({ fieldKey: z.string(), fieldLabel: z.string().nullish() })),
});

export async function fetchDashboardDirect(
  vendors: DirectVendors,
  first: number,
  options: DirectOptions = {},
): Promise<DirectRow[]> {
  const pools = new RequestPools(options.connections ?? 6);
  const slot = (baseUrl: string): string =>
    options.budget === 'per-origin' ? new URL(baseUrl).origin : 'all';
  const getJson = (
    baseUrl: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ) =>
    pools.run(slot(baseUrl), async () => {
      const response = await fetch(`${baseUrl}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (!response.ok) throw new Error(`${baseUrl}${path} answered ${response.status}`);
      const json: unknown = await response.json();
      return json;
    });
  const { ovia, llamadapro, freya } = vendors;
  const llamadaproAuth = { authorization: `Bearer ${llamadapro.apiKey}` };

  const [calls, definitions] = await Promise.all([
    getJson(ovia.baseUrl, `/api/v1/calls?limit=${first}&offset=0`, {
      authorization: `Bearer ${ovia.apiKey}`,
    }).then((json) => oviaCallList.parse(json).data),
    getJson(llamadapro.baseUrl, '/api/v1/custom-fields?pageSize=100', llamadaproAuth).then(
      (json) => new Map(definitionList.parse(json).items.map((d) => [d.fieldKey, d.fieldLabel])),
    ),
  ]);

  return Promise.all(
    calls.map(async (call): Promise<DirectRow> => {
      const customerPhone =
        (call.direction === 'inbound' ? call.from_number : call.to_number) ?? null;
      const [contacts, problems] = await Promise.all([
        customerPhone === null
          ? Promise.resolve([])
          : getJson(llamadapro.baseUrl, '/api/v1/contacts/search', llamadaproAuth, {
              size: 1,
              filters: [{ field: 'addresses.address', operator: 'eq', value: customerPhone }],
            }).then((json) => contactSearch.parse(json).items),
        getJson(
          freya.baseUrl,
          `/api/v2/problems?workspaceId=${encodeURIComponent(freya.workspaceId)}&callId=${encodeURIComponent(call.id)}`,
          { authorization: `Bearer ${freya.apiKey}` },
        ).then((json) => problemList.parse(json).data.problems),
      ]);
      const contact = contacts[0];
      return {
        callId: call.id,
        status: call.status ?? null,
        customerPhone,
        agentName: call.agent?.name ?? null,
        contact: contact
          ? {
              displayName: [contact.firstName, contact.lastName].filter(Boolean).join(' '),
              emails: (contact.addresses ?? [])
                .filter((address) => address.channelType === 'EMAIL')
                .flatMap((address) => (address.address ? [address.address] : [])),
              customFields: Object.entries(contact.customFields ?? {}).map(([key, value]) => ({
                key,
                value,
                label: definitions.get(key) ?? null,
              })),
            }
          : null,
        problems: problems.map((problem) => ({
          title: problem.problem ?? '',
          severity: problem.severity ?? null,
          resolved: problem.resolved ?? false,
        })),
      };
    }),
  );
}
