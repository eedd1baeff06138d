/**
 * A partner's first call with the typed client (packages/client, imported by its package name):
 * list the newest calls, then start an Ovia call, against a running Switchboard.
 * `npx tsx examples/partner-client/list-and-start.ts`
 *
 *   SWITCHBOARD_URL        the graph (default http://127.0.0.1:4000/graphql, what `npm start` serves)
 *   SWITCHBOARD_API_KEY    a client key, when the server sets SWITCHBOARD_API_KEYS
 *   SWITCHBOARD_PERSISTED  1: send operations by hash (a server with SWITCHBOARD_PERSISTED_OPERATIONS)
 */
import { createSwitchboardClient } from '@switchboard/client';

const client = createSwitchboardClient({
  url: process.env.SWITCHBOARD_URL ?? 'http://127.0.0.1:4000/graphql',
  ...(process.env.SWITCHBOARD_API_KEY ? { apiKey: process.env.SWITCHBOARD_API_KEY } : {}),
  persisted: process.env.SWITCHBOARD_PERSISTED === '1',
});

const { calls } = await client.listCalls({ first: 5 });
console.log(`${calls.totalCount ?? '?'} calls; the newest ${calls.edges.length}:`);
for (const { node } of calls.edges) {
  console.log(
    `  ${node.provider.padEnd(10)} ${node.status.padEnd(11)} ${node.startedAt ?? 'scheduled'}  ${node.customerPhone ?? ''}  ${node.id}`,
  );
}

// Ovia's identifiers of a user, an agent and a phone line (the sandbox's, src/sandbox/ovia/data.ts).
const { startCall } = await client.startCall({
  input: {
    ovia: {
      userId: '8f6e5d4c-3b2a-4190-9e8d-7c6b5a493827',
      agentId: '0b8e6a52-3c1d-4f7e-9a2b-5d6c7e8f9a01',
      type: 'phone_call',
      direction: 'OUTBOUND',
      fromNumber: '+576013005500',
      toNumber: '+14155550123',
      phoneNumberId: '8e7f6a5b-4c3d-4ecf-9ab1-ac9d8e7f6a54',
    },
  },
  // Never retried by the client; a repeat with the same key returns the first result instead
  // of dialling twice.
  idempotencyKey: `partner-example-${Date.now()}`,
});
if (startCall.userErrors.length > 0 || !startCall.call) {
  for (const error of startCall.userErrors) {
    console.error(`  ${error.code} ${error.field?.join('.') ?? ''}: ${error.message}`);
  }
  process.exit(1);
}
const call = startCall.call;
console.log(`started ${call.provider} call ${call.id} to ${call.to ?? '?'}: ${call.status}`);
