import { z } from 'zod';

/**
 * docs/vendors/cx.md gives an interaction's `id` as
 * `123e4567-e89b-12d3-a456-426614174000` (a version 1 UUID) and calls every other id of the
 * document a UUID; the sandbox issues random v4 UUIDs. Any version is taken.
 */
export const cxInteractionId = z.guid({ error: 'must be a UUID' });
