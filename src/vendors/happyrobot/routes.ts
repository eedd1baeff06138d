import { defineRoutes } from '../../http/route.js';

/**
 * HappyRobot's routes (CONTRACT §6). Only adding a note is documented
 * (vendor-docs/happyrobot-call-notes.txt, `https://app.happyrobot.ai/api/v1/calls/{id}/notes`);
 * the reads follow its REST conventions until HappyRobot documents them.
 */
export const happyRobotRoutes = defineRoutes({
  addNote: {
    method: 'POST',
    path: '/api/v1/calls/{id}/notes',
    source: 'doc',
    capability: 'notes.add',
  },
  getCall: {
    method: 'GET',
    path: '/api/v1/calls/{id}',
    source: 'assumed',
    capability: 'calls.get',
  },
  listCalls: { method: 'GET', path: '/api/v1/calls', source: 'assumed', capability: 'calls.list' },
});
