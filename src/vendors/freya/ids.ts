import { opaqueVendorId } from '../../ids.js';

/**
 * docs/vendors/freya.md shows a problem's `id` as `"<string>"`, while the members it
 * types as UUIDs (`solutionId`, `workspaceId`) show a UUID. The sandbox's are UUIDs, but nothing
 * promises that, so only what every id in a URL must be is checked.
 */
export const freyaProblemId = opaqueVendorId;
