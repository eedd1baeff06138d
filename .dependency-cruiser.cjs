/**
 * The import boundaries of src/ (docs/architecture.md): each layer imports only the layers
 * below it. `npm run boundaries` checks them, and CI fails on any violation, naming the import.
 * Type-only imports are told apart from runtime ones with the TypeScript compiler.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make load order matter and layers meaningless.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'schema-not-to-vendors',
      severity: 'error',
      comment:
        'The graph declares types and calls services; vendor knowledge stays in src/vendors/<vendor>/.',
      from: { path: '^src/schema/' },
      to: { path: '^src/(vendors|sandbox)/' },
    },
    {
      name: 'services-not-to-schema',
      severity: 'error',
      comment: 'Services and loaders serve the graph; they do not know its types or builder.',
      from: { path: '^src/(services|loaders|mutations)/' },
      to: {
        path: ['^src/(schema|plugins)/', '^src/builder\\.ts$', '^node_modules/@pothos/'],
      },
    },
    {
      name: 'vendor-not-to-other-vendor',
      severity: 'error',
      comment: 'A vendor folder knows only its own vendor.',
      from: { path: '^src/vendors/([^/]+)/' },
      to: { path: '^src/vendors/([^/]+)/', pathNot: '^src/vendors/$1/' },
    },
    {
      name: 'vendor-not-to-graph',
      severity: 'error',
      comment: 'Vendor folders know nothing of GraphQL or of the layers above them.',
      from: { path: '^src/vendors/' },
      to: {
        path: [
          '^src/(schema|services|loaders|plugins|sandbox|calls)/',
          '^src/(context|yoga|gateway|server|builder|connectors)\\.ts$',
          '^node_modules/(graphql|graphql-yoga|@pothos)/',
        ],
      },
    },
    {
      name: 'stores-below-services',
      severity: 'error',
      comment:
        'stores/ (idempotency, cache, rate limits; in memory or Redis) sits beside mutations/, below services: it knows no graph, no vendor and no request.',
      from: { path: '^src/stores/' },
      to: {
        path: [
          '^src/(schema|services|loaders|plugins|sandbox|calls|vendors|mutations)/',
          '^src/(context|yoga|gateway|server|builder|connectors)\\.ts$',
          '^node_modules/(graphql|graphql-yoga|@pothos)/',
        ],
      },
    },
    {
      name: 'events-beside-services',
      severity: 'error',
      comment:
        'events/ (webhooks in, the event log, pollers) sits beside services/: it may use stores/, model/, http/ and the vendor folders, never the graph (schema/, services/, plugins/, loaders/) or the modules that build it.',
      from: { path: '^src/events/' },
      to: {
        path: [
          '^src/(schema|services|loaders|plugins|mutations)/',
          '^src/(context|yoga|gateway|server|builder|graphql-ws)\\.ts$',
          '^node_modules/(graphql|graphql-yoga|graphql-ws|@pothos)/',
        ],
      },
    },
    {
      name: 'nothing-low-imports-events',
      severity: 'error',
      comment: 'Vendors, stores and the lower layers know nothing of live events.',
      from: { path: '^src/(vendors|stores|paging|http|model|loaders)/' },
      to: { path: '^src/events/' },
    },
    {
      name: 'lower-layers-stay-low',
      severity: 'error',
      comment: 'paging/, http/ and model/ import nothing above them (stores/ included).',
      from: { path: '^src/(paging|http|model)/' },
      to: {
        path: [
          '^src/(schema|services|loaders|plugins|sandbox|calls|vendors|mutations|stores)/',
          '^src/(context|yoga|gateway|server|builder|connectors)\\.ts$',
        ],
      },
    },
    {
      name: 'tenants-at-the-gateway',
      severity: 'error',
      comment:
        "tenants/ (each tenant's connectors, health, events, sandbox; the directory and its reload) is built by the gateway and reached by requests through yoga's TenantLookup: nothing below the gateway imports it (config.ts only reads the file through tenants-file.ts).",
      from: {
        path: [
          '^src/(schema|services|loaders|plugins|mutations|events|stores|vendors|http|paging|model|telemetry)/',
          '^src/(context|yoga|builder|connectors|graphql-ws)\\.ts$',
        ],
      },
      to: { path: '^src/tenants/' },
    },
    {
      name: 'tenants-not-to-graph',
      severity: 'error',
      comment:
        'A tenant holds connectors and stores; it knows nothing of the graph built over them.',
      from: { path: '^src/tenants/' },
      to: { path: ['^src/(schema|loaders)/', '^src/(yoga|gateway|server|builder)\\.ts$'] },
    },
    {
      name: 'telemetry-at-the-bottom',
      comment:
        'telemetry/ (trace spans over the OpenTelemetry SDK) sits below http/, which records its attempts there: it imports nothing else of src/.',
      severity: 'error',
      from: { path: '^src/telemetry/' },
      to: { path: '^src/', pathNot: '^src/telemetry/' },
    },
    {
      name: 'telemetry-sdk-loaded-on-demand',
      comment:
        'The OpenTelemetry SDK loads only when an OTLP endpoint is configured: src/telemetry/sdk.ts is imported dynamically (by startTracing) or for types.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^src/telemetry/sdk\\.ts$', dependencyTypesNot: ['type-only', 'dynamic-import'] },
    },
    {
      name: 'sandbox-not-in-production-path',
      severity: 'error',
      comment:
        'The fake vendors load only in sandbox mode: outside src/sandbox/ they are imported dynamically or for types.',
      from: { path: '^src/', pathNot: '^src/sandbox/' },
      to: { path: '^src/sandbox/', dependencyTypesNot: ['type-only', 'dynamic-import'] },
    },
    {
      name: 'sandbox-imitates-from-outside',
      severity: 'error',
      comment:
        'The sandbox imitates the vendors; from the rest of src/ it takes types only (the wire types it imitates among them).',
      from: { path: '^src/sandbox/' },
      to: { path: '^src/', pathNot: '^src/sandbox/', dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
