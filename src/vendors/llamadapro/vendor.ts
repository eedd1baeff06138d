import { defineVendor, type BearerConfig } from '../vendor-definition.js';
import { LlamadaProConnector, createLlamadaProConnector } from './connector.js';
import { llamadaProRoutes } from './routes.js';
import { llamadaProWebhook } from './webhooks.js';

export const llamadaProVendor = defineVendor({
  key: 'llamadapro',
  provider: 'LLAMADAPRO',
  description:
    'LlamadaPro: calls with transcripts and recordings, CRM contacts, tasks, WhatsApp messages and custom fields.',
  env: { prefix: 'LLAMADAPRO', credentials: { apiKey: 'LLAMADAPRO_API_KEY' } },
  webhook: llamadaProWebhook,
  routes: llamadaProRoutes,
  create: (config: BearerConfig, options) => createLlamadaProConnector(config, options),
  connect: (_config, http) => new LlamadaProConnector(http),
  probe: (connector) => connector.callPages({}).source,
  calls: { provider: 'LLAMADAPRO', connector: (connector) => connector },
});
