import { defineRoutes } from '../../http/route.js';

/**
 * CX's routes (CONTRACT §6). Only creating an interaction is documented
 * (vendor-docs/cx-interactions.txt, `https://cx-staging-three.fly.dev/api/v1/calls`); the reads
 * follow its REST conventions until CX documents them.
 */
export const cxRoutes = defineRoutes({
  startInteraction: {
    method: 'POST',
    path: '/api/v1/calls',
    source: 'doc',
    capability: 'calls.start',
  },
  getInteraction: {
    method: 'GET',
    path: '/api/v1/calls/{id}',
    source: 'assumed',
    capability: 'calls.get',
  },
  listInteractions: {
    method: 'GET',
    path: '/api/v1/calls',
    source: 'assumed',
    capability: 'calls.list',
  },
});
