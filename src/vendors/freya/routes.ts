import { defineRoutes } from '../../http/route.js';

/**
 * Freya's routes. Only creating a problem is documented
 * (docs/vendors/freya.md, `https://app2.freyavoice.ai/api/v2/problems`); the reads follow
 * its conventions (`{success, data}` envelopes, `workspaceId` on lists) until Freya documents them.
 */
export const freyaRoutes = defineRoutes({
  createProblem: {
    method: 'POST',
    path: '/api/v2/problems',
    source: 'doc',
    capability: 'problems.create',
    invalidates: ['problems'],
  },
  listProblems: {
    method: 'GET',
    path: '/api/v2/problems',
    source: 'assumed',
    capability: 'problems.list',
    cache: ['problems'],
  },
  getProblem: {
    method: 'GET',
    path: '/api/v2/problems/{id}',
    source: 'assumed',
    capability: 'problems.get',
    cache: ['problem:{id}'],
  },
});
