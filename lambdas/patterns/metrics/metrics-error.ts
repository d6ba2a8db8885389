import { AgentbridgeError } from '../../contracts/agentbridge-error.js';

/**
 * A metrics declaration CloudWatch would refuse or that cannot be evaluated (an alert rule on an undeclared
 * metric, more datapoints to alarm than evaluation periods, a period that is not a whole minute), named at the
 * declaration so it fails where it is written, before any deployment.
 */
export class InvalidMetricsDeclarationError extends AgentbridgeError {
  override readonly name = 'InvalidMetricsDeclarationError';
  readonly collector: string;
  /** Every problem found, each naming its metric or rule. */
  readonly problems: readonly string[];

  constructor(collector: string, problems: readonly string[]) {
    super('INVALID_METRICS_DECLARATION', `metrics of ${collector}: ${problems.join('; ')}`);
    this.collector = collector;
    this.problems = problems;
  }
}

/**
 * A collection whose sources or sinks still failed after the collector's retries: transient, since the next
 * scheduled collection reads them again. The samples that were read went to the sinks all the same.
 */
export class MetricCollectionError extends AgentbridgeError {
  override readonly name = 'MetricCollectionError';
  readonly collector: string;
  /** What failed on the last attempt: `source <metric>` or `sink <index>`, with its error. */
  readonly failures: readonly { readonly what: string; readonly cause: unknown }[];
  readonly attempts: number;

  constructor(collector: string, attempts: number, failures: MetricCollectionError['failures']) {
    const named = failures.map((failure) => `${failure.what}: ${messageOf(failure.cause)}`);
    super('METRIC_COLLECTION_FAILED', `${collector}: after ${attempts} attempts, ${named.join('; ')}`, {
      transient: true,
      cause: failures[0]?.cause,
    });
    this.collector = collector;
    this.failures = failures;
    this.attempts = attempts;
  }
}

const messageOf = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));
