import { builder } from '../builder.js';
import type { ProviderSetup } from '../connectors.js';
import type { VendorStatus } from '../services/health.js';
import { listProviders, providerCapabilities, providerHealth } from '../services/providers.js';
import { ProviderEnum } from './enums.js';

const ProviderModeEnum = builder.enumType('ProviderMode', {
  description: 'How the gateway reaches a vendor.',
  values: {
    LIVE: { description: 'The real vendor, configured through its environment variables.' },
    SANDBOX: { description: 'The embedded sandbox vendor on loopback.' },
    DISABLED: {
      description: 'Neither configured nor sandboxed; its fields answer PROVIDER_NOT_CONFIGURED.',
    },
  },
});

const ProviderHealthType = builder.objectRef<VendorStatus>('ProviderHealth').implement({
  description:
    'The last probe of a vendor (a one-item read), shared with `GET /status` and reused for up to 5 s.',
  fields: (t) => ({
    ok: t.exposeBoolean('ok', { description: 'Whether the vendor answered the probe.' }),
    code: t.exposeString('code', {
      nullable: true,
      description: 'Why the probe failed, e.g. `UPSTREAM_TIMEOUT`; null when it succeeded.',
    }),
    checkedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: "When the vendor's answer (or its failure) arrived.",
      resolve: (status) => status.checkedAt.toISOString(),
    }),
  }),
});

const ProviderInfoType = builder.objectRef<ProviderSetup>('ProviderInfo').implement({
  description: 'A vendor behind the graph, how it is reached and what it supports.',
  fields: (t) => ({
    provider: t.field({
      type: ProviderEnum,
      description: 'The vendor.',
      resolve: (info) => info.provider,
    }),
    mode: t.field({
      type: ProviderModeEnum,
      description: 'LIVE, SANDBOX or DISABLED.',
      resolve: (info) => info.mode,
    }),
    baseUrl: t.exposeString('baseUrl', {
      nullable: true,
      description: 'The base URL requests go to.',
    }),
    capabilities: t.stringList({
      description:
        'What this vendor supports through the graph, e.g. `calls.list`, `calls.start`, `notes.add`.',
      resolve: (info) => providerCapabilities(info),
    }),
    health: t.field({
      type: ProviderHealthType,
      nullable: true,
      description:
        'The last probe of this vendor, taken when asked and reused for up to 5 s; null when DISABLED.',
      resolve: (info, _, ctx) => providerHealth(ctx, info),
    }),
  }),
});

builder.queryField('providers', (t) =>
  t.field({
    type: [ProviderInfoType],
    description: 'Every vendor, with its mode and capabilities.',
    resolve: (_, __, ctx) => listProviders(ctx),
  }),
);
