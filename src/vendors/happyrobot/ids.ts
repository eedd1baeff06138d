import { z } from 'zod';

/**
 * docs/vendors/happyrobot.md: the call id path parameter has "Required string length:
 * 24". The sandbox's ids are 24 hex digits (MongoDB ObjectIds); the document names no alphabet,
 * so letters of either case are taken too.
 */
export const happyRobotCallId = z
  .string()
  .regex(/^[0-9A-Za-z]{24}$/, { error: 'must be 24 letters and digits' });
