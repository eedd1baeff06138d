import { defineVendor } from '../vendor-definition.js';
import { CxConnector, createCxConnector, type CxConfig } from './client.js';
import { cxRoutes } from './routes.js';
import { cxWebhook } from './webhooks.js';

export const cxVendor = defineVendor({
  key: 'cx',
  provider: 'CX',
  description: 'CX: interactions on every channel (calls, SMS, WhatsApp, web chat).',
  env: { prefix: 'CX', credentials: { username: 'CX_USERNAME', password: 'CX_PASSWORD' } },
  webhook: cxWebhook,
  routes: cxRoutes,
  // Agents are read from the interactions that name them (src/services/calls/find-agent.ts).
  derivedCapabilities: ['agents.get'],
  create: (config: CxConfig, options) => createCxConnector(config, options),
  connect: (_config, http) => new CxConnector(http),
  probe: (connector) => connector.callPages({}).source,
  calls: { provider: 'CX', connector: (connector) => connector },
});
