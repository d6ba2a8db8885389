/**
 * us-east-1 list prices (USD) the cost report uses, as published on the AWS pricing pages for each service
 * and recorded on {@link PRICES_AS_OF}; free tiers are ignored (a bill at scale). Change them here.
 */
export const PRICES_AS_OF = '2026-12-01';

export const PRICES = {
  /** Step Functions Standard: per state transition ($0.025 per 1,000). */
  sfnStandardTransition: 0.025 / 1_000,
  /** Step Functions Express: per request ($1.00 per million). */
  sfnExpressRequest: 1 / 1_000_000,
  /** Step Functions Express: per GB-second of duration (first 1,000 h a month), billed per 100 ms, 64 MB minimum. */
  sfnExpressGbSecond: 0.00001667,
  /** Lambda: per request ($0.20 per million). */
  lambdaRequest: 0.2 / 1_000_000,
  /** Lambda arm64: per GB-second (first 7.5 billion GB-s a month). */
  lambdaArmGbSecond: 0.0000133334,
  /** Lambda x86_64: per GB-second. */
  lambdaX86GbSecond: 0.0000166667,
  /** EventBridge: per custom event put, each 64 KB chunk of an entry counted as one ($1.00 per million). */
  eventBridgeEvent: 1 / 1_000_000,
  /** DynamoDB on-demand: per write request unit ($0.625 per million). */
  dynamoDbWru: 0.625 / 1_000_000,
  /** DynamoDB on-demand: per read request unit ($0.125 per million). */
  dynamoDbRru: 0.125 / 1_000_000,
  /** CloudWatch Logs: per GB ingested (standard class; vended Step Functions logs are priced alike). */
  logsIngestedGb: 0.5,
  /** X-Ray: per trace recorded ($5.00 per million). */
  xrayTrace: 5 / 1_000_000,
  /** SQS standard: per request ($0.40 per million). */
  sqsRequest: 0.4 / 1_000_000,
} as const;

/**
 * What the scripted run cannot measure, stated: the report prints each of these next to the figures that
 * use it.
 */
export const ASSUMPTIONS = {
  /** Billed duration of one Lambda invocation: a few DynamoDB / EventBridge round trips plus the handler. */
  lambdaDurationMs: 100,
  /** CloudWatch Logs per Lambda invocation: START/END/REPORT lines, one EMF metrics line, one log line. */
  lambdaLogBytes: 1_024,
  /** CloudWatch Logs per state machine history event logged (level ALL, without execution data). */
  machineLogEventBytes: 400,
  /** Extra bytes per logged history event when the machine logs execution data (inputs, outputs). */
  machineLogDataBytes: 800,
  /** X-Ray's default sampling at scale: 5 % of requests (the first one each second is ignored). */
  xraySampledFraction: 0.05,
  /** Step Functions Express: memory billed per execution (the 64 MB minimum; these payloads are small). */
  expressMemoryMb: 64,
  /** How long a delivered order's Standard lifecycle stays open (created → delivered), for open executions. */
  lifecycleOpenDays: 5,
  /** Stream records per consumer invocation: one (a trickle per shard at this volume; ≤ BatchSize at scale). */
  streamRecordsPerInvocation: 1,
} as const;
