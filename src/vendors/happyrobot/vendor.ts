import { defineVendor, type BearerConfig } from '../vendor-definition.js';
import { HappyRobotConnector, createHappyRobotConnector } from './client.js';
import { happyRobotRoutes } from './routes.js';
import { happyRobotWebhook } from './webhooks.js';

export const happyRobotVendor = defineVendor({
  key: 'happyrobot',
  provider: 'HAPPYROBOT',
  description: 'HappyRobot: calls with notes, classifications and costs.',
  env: { prefix: 'HAPPYROBOT', credentials: { apiKey: 'HAPPYROBOT_API_KEY' } },
  webhook: happyRobotWebhook,
  routes: happyRobotRoutes,
  // Agents are read from the calls that name them (src/services/calls/find-agent.ts).
  derivedCapabilities: ['agents.get'],
  create: (config: BearerConfig, options) => createHappyRobotConnector(config, options),
  connect: (_config, http) => new HappyRobotConnector(http),
  probe: (connector) => connector.callPages({}).source,
  calls: { provider: 'HAPPYROBOT', connector: (connector) => connector },
});
