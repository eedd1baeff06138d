export {
  createSwitchboardClient,
  SwitchboardClient,
  type RequestOptions,
  type SubscriptionVariablesArgument,
  type SwitchboardClientOptions,
  type VariablesArgument,
} from './client.js';
export {
  SwitchboardError,
  type ClientErrorCode,
  type SwitchboardErrorDetail,
  type SwitchboardErrorInit,
} from './errors.js';
export type { RetryOptions } from './retry.js';
export type { SwitchboardSubscription } from './subscribe.js';
// The example operations' typed documents and their types (examples/operations/*.graphql).
export * from './generated/graphql.js';
