import { defineVendor } from '../vendor-definition.js';
import { FreyaConnector, createFreyaConnector, type FreyaConfig } from './client.js';
import { freyaRoutes } from './routes.js';
import { freyaWebhook } from './webhooks.js';

export const freyaVendor = defineVendor({
  key: 'freya',
  provider: 'FREYA',
  description: 'Freya: QA problems found on calls.',
  env: {
    prefix: 'FREYA',
    credentials: { apiKey: 'FREYA_API_KEY', workspaceId: 'FREYA_WORKSPACE_ID' },
  },
  webhook: freyaWebhook,
  routes: freyaRoutes,
  create: (config: FreyaConfig, options) => createFreyaConnector(config, options),
  connect: (config, http) => new FreyaConnector(http, config.workspaceId),
  probe: (connector) => connector.problemPages({}),
});
