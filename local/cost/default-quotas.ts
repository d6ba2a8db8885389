/**
 * us-east-1 default quotas the capacity report measures against, each from the AWS page named next to it
 * (read 2026-12-01). Where a quota is a token bucket, the sustained refill rate is used, not the burst size:
 * the report asks what rate an order system can keep up.
 */
export const DEFAULT_QUOTAS = {
  /**
   * EventBridge PutEvents: 10,000 requests per second (soft) in us-east-1; a request carries up to 10 entries.
   * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html (read 2026-12-01)
   */
  putEvents: 10_000,
  /**
   * EventBridge invocations (an event matching a rule, sent to a target): 18,750 per second (soft) in us-east-1.
   * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html (read 2026-12-01)
   */
  ruleInvocations: 18_750,
  /**
   * Step Functions Standard StartExecution: bucket 1,300, refill 300 per second (soft) in us-east-1.
   * https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html (read 2026-12-01, from its
   * source github.com/awsdocs/aws-step-functions-developer-guide doc_source/limits-overview.md)
   */
  standardStartExecution: 300,
  /**
   * Step Functions Standard state transitions: bucket 5,000, refill 1,500 per second (soft) in us-east-1; new
   * accounts start lower and are raised with use.
   * https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html (read 2026-12-01, as above)
   */
  standardTransitions: 1_500,
  /**
   * Step Functions open Standard executions: 1,000,000 per account and Region (soft; ExecutionLimitExceeded past it).
   * https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html (read 2026-12-01, as above)
   */
  openExecutions: 1_000_000,
  /**
   * Step Functions Express StartExecution: bucket 6,000, refill 6,000 per second (soft) in us-east-1.
   * https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html (read 2026-12-01, as above)
   */
  expressStartExecution: 6_000,
  /**
   * Lambda concurrent executions: 1,000 per Region (soft; new accounts start lower).
   * https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html (read 2026-12-01)
   */
  lambdaConcurrency: 1_000,
  /**
   * DynamoDB: one partition serves at most 1,000 write units and 3,000 read units a second (not adjustable;
   * adaptive capacity can isolate a hot item on its own partition, still capped there).
   * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/burst-adaptive-capacity.html (read 2026-12-01)
   */
  partitionWcu: 1_000,
  partitionRcu: 3_000,
} as const;
