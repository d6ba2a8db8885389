/** The CloudWatch units agentbridge's metrics are measured in (a subset of what EMF and Powertools accept). */
export type MetricUnit =
  | 'Count'
  | 'Milliseconds'
  | 'Seconds'
  | 'Percent'
  | 'Bytes'
  | 'Megabytes'
  | 'Count/Second'
  | 'None';

/** One metric with its own dimensions, shaped like what Powertools `Metrics.singleMetric()` returns. */
export interface DimensionedMetric {
  addDimension(name: string, value: string): void;
  addMetric(name: string, unit: MetricUnit, value: number): void;
}

/**
 * The metrics port of the patterns (pipeline stages, tool-chain steps): each measurement is one metric with
 * its own dimensions (which pipeline, which stage), so one invocation can meter many stages without their
 * dimensions mixing. Powertools `Metrics` satisfies it as is (EMF, flushed per metric).
 *
 * @example
 * ```ts
 * const metrics: PatternMetrics = new Metrics({ namespace: AGENT_METRICS.namespace, serviceName: 'intake' });
 * emitMetric(metrics, AGENT_METRICS.pipelineStageDuration, 'Milliseconds', 12, { Pipeline: 'intake', Stage: 'validate' });
 * ```
 */
export interface PatternMetrics {
  singleMetric(): DimensionedMetric;
}

/** Emits one metric with its dimensions through the port. */
export function emitMetric(
  metrics: PatternMetrics,
  name: string,
  unit: MetricUnit,
  value: number,
  dimensions: Readonly<Record<string, string>>,
): void {
  const metric = metrics.singleMetric();
  for (const [dimension, dimensionValue] of Object.entries(dimensions)) {
    metric.addDimension(dimension, dimensionValue);
  }
  metric.addMetric(name, unit, value);
}

/** Meters nothing: the default where no metrics client is injected (in-process runs, examples). */
export const noMetrics: PatternMetrics = {
  singleMetric: () => ({ addDimension: () => undefined, addMetric: () => undefined }),
};
