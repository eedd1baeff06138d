import { z } from 'zod';
import { globalIdOf, text } from '../../mutations/inputs.js';
import { happyRobotCallId } from '../../vendors/happyrobot/ids.js';

/** `addCallNote`'s arguments: the call must be HappyRobot's, with an id of HappyRobot's format. */
export const addCallNoteArgs = z.object({
  input: z.object({
    callId: globalIdOf('Call', 'HAPPYROBOT').pipe(happyRobotCallId),
    content: text(),
    flagged: z.boolean().nullish(),
    userId: text(200).nullish(),
  }),
});
