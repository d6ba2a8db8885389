/**
 * us-east-1 list prices (USD) the cost report uses, each read from the AWS page named next to it on
 * {@link PRICES_AS_OF}; free tiers are ignored (a bill at scale) and, where a price is tiered, the first
 * (dearest) tier is used. Change them here.
 */
export const PRICES_AS_OF = '2026-12-01';

export const PRICES = {
  /**
   * Step Functions Standard: per state transition, $0.025 per 1,000 in US East (N. Virginia); every step
   * executed counts, and each retry is one more (see `billedStandardTransitions`).
   * https://aws.amazon.com/step-functions/pricing/ (read 2026-12-01)
   */
  sfnStandardTransition: 0.025 / 1_000,
  /**
   * Step Functions Express: per request (each execution started), $1.00 per million.
   * https://aws.amazon.com/step-functions/pricing/ (read 2026-12-01)
   */
  sfnExpressRequest: 1 / 1_000_000,
  /**
   * Step Functions Express: duration, $0.06 per GB-hour for the first 1,000 GB-hours a month (then $0.03 for the
   * next 4,000 and $0.01642 beyond), billed per 100 ms rounded up and per 64 MB of memory.
   * https://aws.amazon.com/step-functions/pricing/ (read 2026-12-01)
   */
  sfnExpressGbSecond: 0.06 / 3_600,
  /**
   * Lambda: per request, $0.20 per million (arm64 and x86_64 alike).
   * https://aws.amazon.com/lambda/pricing/ (read 2026-12-01)
   */
  lambdaRequest: 0.2 / 1_000_000,
  /**
   * Lambda arm64: $0.0000133334 per GB-second for the first 7.5 billion GB-seconds a month.
   * https://aws.amazon.com/lambda/pricing/ (read 2026-12-01)
   */
  lambdaArmGbSecond: 0.0000133334,
  /**
   * Lambda x86_64: $0.0000166667 per GB-second for the first 6 billion GB-seconds a month.
   * https://aws.amazon.com/lambda/pricing/ (read 2026-12-01)
   */
  lambdaX86GbSecond: 0.0000166667,
  /**
   * EventBridge: custom events put on a bus, $1.00 per million; each 64 KB chunk of an entry is one event.
   * https://aws.amazon.com/eventbridge/pricing/ (read 2026-12-01)
   */
  eventBridgeEvent: 1 / 1_000_000,
  /**
   * DynamoDB on-demand (Standard table class): $0.625 per million write request units.
   * https://aws.amazon.com/dynamodb/pricing/on-demand/ (read 2026-12-01)
   */
  dynamoDbWru: 0.625 / 1_000_000,
  /**
   * DynamoDB on-demand (Standard table class): $0.125 per million read request units.
   * https://aws.amazon.com/dynamodb/pricing/on-demand/ (read 2026-12-01)
   */
  dynamoDbRru: 0.125 / 1_000_000,
  /**
   * CloudWatch Logs: $0.50 per GB ingested, Standard log class; Lambda and Step Functions logs are vended logs
   * whose first tier (up to 10 TB a month) is the same $0.50.
   * https://aws.amazon.com/cloudwatch/pricing/ (read 2026-12-01)
   */
  logsIngestedGb: 0.5,
  /**
   * X-Ray: $5.00 per million traces recorded (after 100,000 free a month).
   * https://aws.amazon.com/xray/pricing/ (read 2026-12-01)
   */
  xrayTrace: 5 / 1_000_000,
  /**
   * SQS standard queues: $0.40 per million requests (first 100 billion a month); each 64 KB chunk of a request
   * is one request.
   * https://aws.amazon.com/sqs/pricing/ (read 2026-12-01)
   */
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
