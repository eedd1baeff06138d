import { defineRoutes } from '../../http/route.js';
import { llamadaProCallRoutes } from './calls/routes.js';
import { llamadaProContactRoutes } from './contacts/routes.js';
import { llamadaProConversationRoutes } from './conversations/routes.js';
import { llamadaProCustomFieldRoutes } from './custom-fields/routes.js';
import { llamadaProMessageRoutes } from './messages/routes.js';
import { llamadaProTaskRoutes } from './tasks/routes.js';

/**
 * Every LlamadaPro route, each area's table in one. `doc` routes are in LlamadaPro's API
 * document; `assumed` routes follow its conventions (`/api/v1/<plural>`, camelCase) with the
 * document's body schemas (docs/vendors/llamadapro.md), so a wrong guess is a one-line fix in its
 * area's `routes.ts` (hence one line per route there, kept by prettier-ignore).
 */
export const llamadaProRoutes = defineRoutes({
  ...llamadaProTaskRoutes,
  ...llamadaProContactRoutes,
  ...llamadaProCallRoutes,
  ...llamadaProMessageRoutes,
  ...llamadaProCustomFieldRoutes,
  ...llamadaProConversationRoutes,
});
