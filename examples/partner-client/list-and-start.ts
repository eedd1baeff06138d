/**
 * A partner's first call: list the newest calls, then start an Ovia call, against a running
 * Switchboard. `npx tsx examples/partner-client/list-and-start.ts`
 *
 *   SWITCHBOARD_URL        the graph (default http://127.0.0.1:4000/graphql, what `npm start` serves)
 *   SWITCHBOARD_API_KEY    a client key, when the server sets SWITCHBOARD_API_KEYS
 *   SWITCHBOARD_PERSISTED  1: send operations by hash (a server with SWITCHBOARD_PERSISTED_OPERATIONS)
 */
import { createSwitchboardClient } from './client.js';

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

// Ovia's identifiers of a user, an agent and a phone line; the sandbox accepts any UUIDs.
const { startCall } = await client.startCall({
  input: {
    ovia: {
      userId: '3c90c3cc-0d44-4b50-8888-8dd25736052a',
      agentId: '7d0f1a52-9b3e-4c21-8f6a-2e5b9c4d7a10',
      type: 'phone_call',
      direction: 'OUTBOUND',
      fromNumber: '+14155550100',
      toNumber: '+14155550123',
      phoneNumberId: '0b6a3c1e-2f4d-4e8a-9c7b-5d1e3f2a4b6c',
    },
  },
  // A retry with the same key returns the first result instead of dialling twice.
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
