/**
 * Environment variables a Lambda function reads, set by the infrastructure (lib/) and by the local cloud
 * (local/). Table names are in each table definition's `envVar`.
 */
export const ENV = {
  /** Name of the agentbridge EventBridge bus that `publish` writes to. */
  eventBusName: 'AGENTBRIDGE_EVENT_BUS_NAME',
  /** JSON object: agent type → Lambda function name, for `send` (Lambda Invoke). */
  agentFunctions: 'AGENTBRIDGE_AGENT_FUNCTIONS',
  /** The EventBridge `source` this function writes events with. */
  eventSource: 'AGENTBRIDGE_EVENT_SOURCE',
  /** The agent type a function hosts. */
  agentType: 'AGENTBRIDGE_AGENT_TYPE',
  /** Milliseconds a `send` (Lambda invoke) may take before the caller gives up. */
  sendTimeoutMs: 'AGENTBRIDGE_SEND_TIMEOUT_MS',
  /** URL of the SQS queue where bad input is recorded (the function's dead-letter destination). */
  deadLetterQueueUrl: 'AGENTBRIDGE_DEAD_LETTER_QUEUE_URL',
  /**
   * JSON object: detail-type → `{ sources, accounts }` of its external producer, as the deployment configures
   * it; the Lambda adapter rejects an event a subscription admits from none of them.
   */
  producers: 'AGENTBRIDGE_PRODUCERS',
  /** URL of the dead-letter queue of an agent's input queue, where requests that failed for good go with their cause. */
  queueDeadLetterUrl: 'AGENTBRIDGE_QUEUE_DEAD_LETTER_URL',
  /** Receives of a message of an agent's input queue before it is dead-lettered (the redrive policy's). */
  queueMaxReceiveCount: 'AGENTBRIDGE_QUEUE_MAX_RECEIVE_COUNT',
  /**
   * The unrouted-events router's rule patterns: the event patterns of every rule on the bus, as gzipped JSON in
   * base64, a deploy-time value (the bus account, say) standing as `${agentbridge:value:<n>}`.
   */
  routedPatterns: 'AGENTBRIDGE_ROUTED_PATTERNS',
  /** JSON array: the deploy-time values `${agentbridge:value:<n>}` in the routed patterns stand for. */
  routedPatternValues: 'AGENTBRIDGE_ROUTED_PATTERN_VALUES',
  /** URL of the SQS queue the unrouted-events router sends events no rule matches to. */
  unroutedQueueUrl: 'AGENTBRIDGE_UNROUTED_QUEUE_URL',
  /** ARN of the order lifecycle state machine. */
  lifecycleStateMachineArn: 'AGENTBRIDGE_LIFECYCLE_STATE_MACHINE_ARN',
  /** ARN of the order saga state machine. */
  sagaStateMachineArn: 'AGENTBRIDGE_SAGA_STATE_MACHINE_ARN',
} as const;
