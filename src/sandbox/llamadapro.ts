import type { LlamadaProData } from './data-llamadapro.js';
import { llamadaProCallRoutes } from './llamadapro-calls.js';
import { llamadaProContactSearchRoutes } from './llamadapro-contact-search.js';
import { llamadaProContactRoutes } from './llamadapro-contacts.js';
import { llamadaProConversationRoutes } from './llamadapro-conversations.js';
import { llamadaProCustomFieldOptionRoutes } from './llamadapro-custom-field-options.js';
import { llamadaProCustomFieldRoutes } from './llamadapro-custom-fields.js';
import { llamadaProMessageRoutes } from './llamadapro-messages.js';
import { llamadaProError } from './llamadapro-requests.js';
import { llamadaProTaskRoutes } from './llamadapro-tasks.js';
import { SANDBOX_NOW } from './people.js';
import type { Dialect } from './vendor-server.js';

/*
 * LlamadaPro's REST dialect (CONTRACT §6, vendor-docs/llamadapro-api.txt): bearer auth, camelCase,
 * lists answering `{items, nextPageToken, totalCount}` with opaque page tokens, and the vendor's
 * error shape `{code, error, message, details}`. Each resource's routes live in their own
 * llamadapro-*.ts module; this file holds the auth and assembles them over one data set and clock.
 */

export interface LlamadaProDialectOptions {
  /**
   * The server's clock for records it creates. Never earlier than the seeded data, so that new
   * records are always the newest.
   * @default () => Math.max(Date.now(), SANDBOX_NOW + 60_000)
   */
  now?: () => number;
}

/** The LlamadaPro sandbox: every route of CONTRACT §6 over `data`, which writes change in place. */
export function createLlamadaProDialect(
  data: LlamadaProData,
  credentials: { apiKey: string },
  options: LlamadaProDialectOptions = {},
): Dialect {
  const clock = options.now ?? (() => Math.max(Date.now(), SANDBOX_NOW + 60_000));
  const now = (): string => new Date(clock()).toISOString();

  return {
    vendor: 'llamadapro',
    isAuthorized(headers) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(headers['authorization'] ?? '');
      return match !== null && match[1] === credentials.apiKey;
    },
    errorBody: (status, message) => llamadaProError(status, message),
    routes: [
      ...llamadaProCallRoutes(data, now),
      ...llamadaProTaskRoutes(data, now),
      ...llamadaProContactRoutes(data, now),
      ...llamadaProContactSearchRoutes(data),
      ...llamadaProMessageRoutes(data, now),
      ...llamadaProCustomFieldRoutes(data, now),
      ...llamadaProCustomFieldOptionRoutes(data, now),
      ...llamadaProConversationRoutes(data, now),
    ],
  };
}
