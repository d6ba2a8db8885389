/**
 * CloudWatch metrics every agent function emits (Powertools Metrics, EMF), named once for the handler adapter
 * and for the alarms and dashboard in `lib/`.
 */
export const AGENT_METRICS = {
  namespace: 'agentbridge',
  /** One per input dispatched to the hosted agents (count). */
  deliveries: 'Deliveries',
  /** One per input rejected as bad and recorded to the dead-letter queue (count). */
  rejectedInputs: 'RejectedInputs',
  /** One per send whose handler threw a non-transient error, answered as `{ ok: false }` (count). */
  handlerErrors: 'HandlerErrors',
  /** One per repeated input answered from its idempotency record without running the handler (count). */
  duplicates: 'DuplicateDeliveries',
  /** Outbox publisher: stream records received per batch (count). */
  outboxRecords: 'OutboxRecords',
  /** Outbox publisher: records reported as batch item failures, to be redelivered by the stream (count). */
  outboxFailedRecords: 'OutboxFailedRecords',
  /** Pipeline: a stage that returned its output, per `Pipeline` and `Stage` dimension (count). */
  pipelineStageSucceeded: 'PipelineStageSucceeded',
  /** Pipeline: a stage that returned an error or threw, recovered or not (count). */
  pipelineStageFailed: 'PipelineStageFailed',
  /** Pipeline: how long a stage ran (milliseconds). */
  pipelineStageDuration: 'PipelineStageDuration',
  /** Tool chain: a step whose tool returned a valid output, per `ToolChain` and `Step` dimension (count). */
  toolChainStepSucceeded: 'ToolChainStepSucceeded',
  /** Tool chain: a step that failed after its attempts (count). */
  toolChainStepFailed: 'ToolChainStepFailed',
  /** Tool chain: how long a step ran, its retries and their backoff included (milliseconds). */
  toolChainStepDuration: 'ToolChainStepDuration',
  /** Batch aggregator: requests answered by one aggregator call, per `BatchAggregator` and `RequestType` (count). */
  batchSize: 'BatchSize',
} as const;
