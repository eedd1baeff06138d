import { defineRoutes } from '../../http/route.js';

/**
 * HappyRobot's routes. Only adding a note is documented
 * (docs/vendors/happyrobot.md, `https://app.happyrobot.ai/api/v1/calls/{id}/notes`);
 * the reads follow its REST conventions until HappyRobot documents them.
 */
export const happyRobotRoutes = defineRoutes({
  addNote: {
    method: 'POST',
    path: '/api/v1/calls/{id}/notes',
    source: 'doc',
    capability: 'notes.add',
    // The call answers its notes, and so do the lists that hold it.
    invalidates: ['call:{id}', 'calls'],
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
