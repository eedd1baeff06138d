import { SANDBOX_NOW } from '../people.js';
import type { LiveSandbox } from '../live.js';
import type { Dialect } from '../vendor-server.js';
import { llamadaProCallRoutes } from './calls.js';
import { llamadaProContactSearchRoutes } from './contact-search.js';
import { llamadaProContactRoutes } from './contacts.js';
import { llamadaProConversationRoutes } from './conversations.js';
import { llamadaProCustomFieldOptionRoutes } from './custom-field-options.js';
import { llamadaProCustomFieldRoutes } from './custom-fields.js';
import { llamadaProMessageRoutes } from './messages.js';
import type { LlamadaProData } from './records.js';
import { llamadaProError } from './requests.js';
import { llamadaProTaskRoutes } from './tasks.js';

/*
 * LlamadaPro's REST dialect (docs/vendors/llamadapro.md): bearer auth, camelCase, lists
 * answering `{items, nextPageToken, totalCount}` with opaque page tokens, and the vendor's error
 * shape `{code, error, message, details}`. Each resource's routes live in their own module beside
 * this one; this file holds the auth and assembles them over one data set and clock.
 */

export interface LlamadaProDialectOptions {
  /**
   * The server's clock for records it creates. Never earlier than the seeded data, so that new
   * records are always the newest.
   * @default () => Math.max(Date.now(), SANDBOX_NOW + 60_000)
   */
  now?: () => number;
  /** Walks started calls and answers sent templates (./live.ts); without it nothing moves. */
  live?: LiveSandbox;
}

/** The LlamadaPro sandbox: every route over `data`, which writes change in place. */
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
      ...llamadaProCallRoutes(data, now, options.live),
      ...llamadaProTaskRoutes(data, now),
      ...llamadaProContactRoutes(data, now),
      ...llamadaProContactSearchRoutes(data),
      ...llamadaProMessageRoutes(data, now, options.live),
      ...llamadaProCustomFieldRoutes(data, now),
      ...llamadaProCustomFieldOptionRoutes(data, now),
      ...llamadaProConversationRoutes(data, now),
    ],
  };
}
