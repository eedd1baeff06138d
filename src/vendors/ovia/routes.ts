import { defineRoutes } from '../../http/route.js';

/**
 * Ovia's routes. Only the start-call route is documented
 * (docs/vendors/ovia.md, `https://api.useovia.com/api/v1/calls`); the reads follow its
 * REST conventions until Ovia documents them.
 */
export const oviaRoutes = defineRoutes({
  startCall: {
    method: 'POST',
    path: '/api/v1/calls',
    source: 'doc',
    capability: 'calls.start',
    invalidates: ['calls'],
  },
  getCall: {
    method: 'GET',
    path: '/api/v1/calls/{id}',
    source: 'assumed',
    capability: 'calls.get',
    cache: ['call:{id}'],
  },
  listCalls: {
    method: 'GET',
    path: '/api/v1/calls',
    source: 'assumed',
    capability: 'calls.list',
    cache: ['calls'],
  },
});
