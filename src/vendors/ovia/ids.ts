import { z } from 'zod';

/**
 * docs/vendors/ovia.md types a call's `id` as `string<uuid>` (example
 * `3c90c3cc-0d44-4b50-8888-8dd25736052a`); the sandbox issues random v4 UUIDs. Any version is
 * taken, since the document does not name one.
 */
export const oviaCallId = z.guid({ error: 'must be a UUID' });
