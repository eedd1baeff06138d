import { defineRoutes } from '../../http/route.js';

/**
 * Ovia's routes (CONTRACT §6). Only the start-call route is documented
 * (vendor-docs/ovia-calls.txt, `https://api.useovia.com/api/v1/calls`); the reads follow its
 * REST conventions until Ovia documents them.
 */
export const oviaRoutes = defineRoutes({
  startCall: { method: 'POST', path: '/api/v1/calls', source: 'doc', capability: 'calls.start' },
  getCall: {
    method: 'GET',
    path: '/api/v1/calls/{id}',
    source: 'assumed',
    capability: 'calls.get',
  },
  listCalls: { method: 'GET', path: '/api/v1/calls', source: 'assumed', capability: 'calls.list' },
});
