import { builder } from '../builder.js';
import './scalars.js';
import './enums.js';
import './mutation.js';
import './provider.js';
import './node.js';
import './agent.js';
import './call.js';
import './call-note.js';
import './start-call.js';
import './call-recording.js';
import './call-transcription.js';
import './contact.js';
import './task.js';
import './problem.js';
import './message.js';
import './message-mutations.js';
import './custom-field.js';
import './conversation.js';
import './conversation-mutations.js';
import './joins.js';

builder.queryType({ description: 'Everything Switchboard can read, across every vendor.' });

export const schema = builder.toSchema({ sortSchema: false });
