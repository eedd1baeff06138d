import { defineRoutes } from '../../http/route.js';

/**
 * Freya's routes (CONTRACT §6). Only creating a problem is documented
 * (vendor-docs/freya-problems.txt, `https://app2.freyavoice.ai/api/v2/problems`); the reads follow
 * its conventions (`{success, data}` envelopes, `workspaceId` on lists) until Freya documents them.
 */
export const freyaRoutes = defineRoutes({
  createProblem: {
    method: 'POST',
    path: '/api/v2/problems',
    source: 'doc',
    capability: 'problems.create',
  },
  listProblems: {
    method: 'GET',
    path: '/api/v2/problems',
    source: 'assumed',
    capability: 'problems.list',
  },
  getProblem: {
    method: 'GET',
    path: '/api/v2/problems/{id}',
    source: 'assumed',
    capability: 'problems.get',
  },
});
