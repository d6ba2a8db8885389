/**
 * agentbridge/lambda: one agent type as a Lambda function.
 *
 * `agentHandler` turns an agent declaration (or a bare definition) into the handler of its function: it
 * reads EventBridge deliveries, `send` requests and Step Functions tasks, checks who sent them, runs the agent
 * once per message (idempotency), and records bad input on the function's dead-letter queue instead of
 * retrying it. `agentFunctionWiring` builds what it runs on (clients, the AWS runtime, idempotency, the
 * dead-letter sink) from the environment (`ENV`) the `agentbridge/cdk` constructs set on the function.
 *
 * @example
 * ```ts
 * import { agentFunctionWiring, agentHandler } from 'agentbridge/lambda';
 * import { TRIAGE_AGENT } from '../agents.js';
 *
 * export const handler = agentHandler(TRIAGE_AGENT, {}, agentFunctionWiring(TRIAGE_AGENT.agentType).deps);
 * ```
 *
 * @packageDocumentation
 */

export type {
  DeadLetterReason,
  DeadLetterRecord,
  InputKind,
} from '../lambdas/contracts/dead-letter-record.js';
export {
  DEAD_LETTER_ATTRIBUTES,
  DEAD_LETTER_REASONS,
  DeadLetterRecordSchema,
  INPUT_KINDS,
} from '../lambdas/contracts/dead-letter-record.js';
export { ENV } from '../lambdas/contracts/env-names.js';
export type {
  AgentFunctionWiring,
  AgentFunctionWiringOptions,
} from '../lambdas/runtime/lambda/agent-function-wiring.js';
export { agentFunctionWiring } from '../lambdas/runtime/lambda/agent-function-wiring.js';
export type { AgentHandlerDeps, AgentHandlerOptions } from '../lambdas/runtime/lambda/agent-handler.js';
export { agentHandler, DEFAULT_MAX_INPUT_BYTES } from '../lambdas/runtime/lambda/agent-handler.js';
export {
  ForbiddenSenderError,
  IdempotencyPersistenceMissingError,
  InputTooDeepError,
  InvalidEnvelopeError,
  InvalidJsonError,
  OversizedInputError,
  UnrecognisedInputError,
} from '../lambdas/runtime/lambda/agent-handler-error.js';
export type { DeadLetterSink } from '../lambdas/runtime/lambda/dead-letter/dead-letter-sink.js';
export { InMemoryDeadLetterSink } from '../lambdas/runtime/lambda/dead-letter/in-memory-dead-letter-sink.js';
export { SqsDeadLetterSink } from '../lambdas/runtime/lambda/dead-letter/sqs-dead-letter-sink.js';

export { InMemoryPersistenceLayer } from '../lambdas/runtime/lambda/in-memory-persistence-layer.js';
export { isTransientError } from '../lambdas/runtime/lambda/is-transient-error.js';
export type {
  CollectionSummary,
  MetricsCollectorWiring,
} from '../lambdas/runtime/lambda/metrics-collector-handler.js';
export {
  metricsCollectorHandler,
  metricsCollectorWiring,
} from '../lambdas/runtime/lambda/metrics-collector-handler.js';
export { MAX_INPUT_DEPTH } from '../lambdas/runtime/lambda/nesting-depth.js';
export { powertoolsLogger } from '../lambdas/runtime/lambda/powertools-logger.js';
export type {
  QueuedBatchHandlerDeps,
  QueuedBatchOptions,
  QueuedBatchWiring,
  QueueSettings,
} from '../lambdas/runtime/lambda/queued-batch-handler.js';
export {
  queuedBatchHandler,
  queuedBatchWiring,
  queueSettingsFromEnv,
} from '../lambdas/runtime/lambda/queued-batch-handler.js';
