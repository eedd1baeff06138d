import { defineVendor, type BearerConfig } from '../vendor-definition.js';
import { OviaConnector, createOviaConnector } from './client.js';
import { oviaRoutes } from './routes.js';
import { oviaWebhook } from './webhooks.js';

export const oviaVendor = defineVendor({
  key: 'ovia',
  provider: 'OVIA',
  description: 'Ovia: voice-agent calls.',
  env: { prefix: 'OVIA', credentials: { apiKey: 'OVIA_API_KEY' } },
  webhook: oviaWebhook,
  routes: oviaRoutes,
  // Agents are read from the calls that name them (src/services/calls/find-agent.ts).
  derivedCapabilities: ['agents.get'],
  create: (config: BearerConfig, options) => createOviaConnector(config, options),
  connect: (_config, http) => new OviaConnector(http),
  probe: (connector) => connector.callPages({}).source,
  calls: { provider: 'OVIA', connector: (connector) => connector },
});
