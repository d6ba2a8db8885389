/**
 * agentbridge/aws: the runtime an agent's Lambda function runs on.
 *
 * `AwsRuntime` keeps the `AgentRuntime` contract on AWS: `publish` puts events on EventBridge (batched,
 * retried, with ids derived from the delivery so a retry republishes under the same ids), `send` invokes
 * the recipient's function and awaits its reply. `awsRuntimeConfigFromEnv` reads the environment the
 * `agentbridge/cdk` constructs set. `redriveDeadLetters` puts the events of a dead-letter queue back on their bus.
 *
 * @example
 * ```ts
 * import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
 * import { LambdaClient } from '@aws-sdk/client-lambda';
 * import { AwsRuntime, awsRuntimeConfigFromEnv } from 'agentbridge/aws';
 *
 * const runtime = new AwsRuntime({
 *   eventBridge: new EventBridgeClient({}),
 *   lambda: new LambdaClient({}),
 *   config: awsRuntimeConfigFromEnv(),
 * });
 * ```
 *
 * @packageDocumentation
 */

export type { AwsRuntimeOptions } from '../lambdas/runtime/aws/aws-runtime.js';
export { AwsRuntime } from '../lambdas/runtime/aws/aws-runtime.js';
export type { AwsRuntimeConfig } from '../lambdas/runtime/aws/aws-runtime-config.js';
export {
  awsRuntimeConfigFromEnv,
  DEFAULT_SEND_TIMEOUT_MS,
  parseAgentFunctions,
} from '../lambdas/runtime/aws/aws-runtime-config.js';
export {
  AwsRuntimeConfigError,
  DeliveryConflictError,
  InvalidOutgoingEnvelopeError,
  RecordedReplyUnavailableError,
  StateStoreMissingError,
} from '../lambdas/runtime/aws/aws-runtime-error.js';
export type { ClientSource } from '../lambdas/runtime/aws/client-source.js';
export type { EventPublisherOptions, OutgoingEvent } from '../lambdas/runtime/aws/event-publisher.js';
export { EVENT_TOO_LARGE_CODE, EventPublisher } from '../lambdas/runtime/aws/event-publisher.js';
export type { FailedEvent } from '../lambdas/runtime/aws/publish-failed-error.js';
export { EventTooLargeError, PublishFailedError } from '../lambdas/runtime/aws/publish-failed-error.js';
export { PUT_EVENTS_LIMITS, splitIntoBatches } from '../lambdas/runtime/aws/put-events-batches.js';
export type {
  DeadLetteredEvent,
  RedriveDeadLettersOptions,
  RedriveDeadLettersReport,
  UnreadableDeadLetter,
} from '../lambdas/runtime/aws/redrive-dead-letters.js';
export {
  makeVisibleAgain,
  originalEventOf,
  redriveDeadLetters,
} from '../lambdas/runtime/aws/redrive-dead-letters.js';
export type { WireError } from '../lambdas/runtime/aws/remote-agent-error.js';
export {
  InvalidRemoteResponseError,
  RemoteAgentError,
  RemoteFunctionError,
} from '../lambdas/runtime/aws/remote-agent-error.js';
export { requiredEnv } from '../lambdas/runtime/aws/required-env.js';
export type { RetryPolicy } from '../lambdas/runtime/aws/retry-policy.js';
export { backoffDelayMs, DEFAULT_PUBLISH_RETRY } from '../lambdas/runtime/aws/retry-policy.js';
export type { SendRequest } from '../lambdas/runtime/aws/send-request.js';
export { SendRequestSchema } from '../lambdas/runtime/aws/send-request.js';
export type { SendResponse } from '../lambdas/runtime/aws/send-response.js';
export { SendResponseSchema } from '../lambdas/runtime/aws/send-response.js';
export { SendTimeoutError } from '../lambdas/runtime/aws/send-timeout-error.js';
export type { TaskRequest } from '../lambdas/runtime/aws/task-request.js';
export { TaskRequestSchema } from '../lambdas/runtime/aws/task-request.js';
