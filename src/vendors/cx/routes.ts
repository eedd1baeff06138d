import { defineRoutes } from '../../http/route.js';

/**
 * CX's routes. Only creating an interaction is documented
 * (docs/vendors/cx.md, `https://cx-staging-three.fly.dev/api/v1/calls`); the reads
 * follow its REST conventions until CX documents them.
 */
export const cxRoutes = defineRoutes({
  startInteraction: {
    method: 'POST',
    path: '/api/v1/calls',
    source: 'doc',
    capability: 'calls.start',
    invalidates: ['calls'],
  },
  getInteraction: {
    method: 'GET',
    path: '/api/v1/calls/{id}',
    source: 'assumed',
    capability: 'calls.get',
    cache: ['call:{id}'],
  },
  listInteractions: {
    method: 'GET',
    path: '/api/v1/calls',
    source: 'assumed',
    capability: 'calls.list',
    cache: ['calls'],
  },
});
