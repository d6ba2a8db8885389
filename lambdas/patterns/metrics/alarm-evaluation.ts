import type {
  AlarmComparison,
  AlarmState,
  AlarmStatistic,
  ResolvedAlertRule,
} from './metrics-declaration.js';

/** One measured value of a metric at a time (epoch ms). */
export interface MetricSample {
  readonly metric: string;
  readonly value: number;
  readonly timestamp: number;
}

/** A rule's state after an evaluation, and why, in CloudWatch's words. */
export interface AlarmEvaluation {
  readonly state: AlarmState;
  readonly reason: string;
}

/** One period's datapoint, or `undefined` for a period without samples (missing data). */
export type Datapoint = number | undefined;

/**
 * How many periods back an evaluation looks: CloudWatch fetches more datapoints than the evaluation periods
 * (its "evaluation range") so that missing periods can be filled from older real ones; it does not publish
 * the exact number, so this takes N + max(⌊N/3⌋, 2), which reproduces every case its documentation tabulates.
 */
export const evaluationRangeOf = (evaluationPeriods: number): number =>
  evaluationPeriods + Math.max(Math.floor(evaluationPeriods / 3), 2);

/**
 * A period's statistic over its samples, as CloudWatch computes it; a percentile is taken by nearest rank on
 * the raw samples (CloudWatch's exact for the few samples a collector emits per period).
 */
export function statisticOf(statistic: AlarmStatistic, values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('a statistic of no samples');
  switch (statistic) {
    case 'Sum':
      return values.reduce((sum, value) => sum + value, 0);
    case 'Average':
      return values.reduce((sum, value) => sum + value, 0) / values.length;
    case 'Minimum':
      return Math.min(...values);
    case 'Maximum':
      return Math.max(...values);
    case 'SampleCount':
      return values.length;
    default: {
      const sorted = [...values].sort((a, b) => a - b);
      const rank = Math.ceil((Number(statistic.slice(1)) / 100) * sorted.length);
      return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
    }
  }
}

/**
 * The rule's datapoints over its evaluation range ending with the period that holds `now`, oldest first:
 * periods are aligned on the epoch as CloudWatch aligns them (a 60 s period starts on the minute).
 */
export function datapointsOf(
  rule: ResolvedAlertRule,
  samples: readonly MetricSample[],
  now: number,
): Datapoint[] {
  const periodMs = rule.periodSeconds * 1_000;
  const range = evaluationRangeOf(rule.evaluationPeriods);
  const newest = Math.floor(now / periodMs) * periodMs;
  const oldest = newest - (range - 1) * periodMs;
  const buckets: number[][] = Array.from({ length: range }, () => []);
  for (const sample of samples) {
    if (sample.metric !== rule.metric || sample.timestamp < oldest || sample.timestamp >= newest + periodMs)
      continue;
    buckets[Math.floor((sample.timestamp - oldest) / periodMs)]?.push(sample.value);
  }
  return buckets.map((values) => (values.length === 0 ? undefined : statisticOf(rule.statistic, values)));
}

const COMPARE: Readonly<Record<AlarmComparison, (value: number, threshold: number) => boolean>> = {
  GreaterThanThreshold: (value, threshold) => value > threshold,
  GreaterThanOrEqualToThreshold: (value, threshold) => value >= threshold,
  LessThanThreshold: (value, threshold) => value < threshold,
  LessThanOrEqualToThreshold: (value, threshold) => value <= threshold,
};

/** Whether a datapoint breaches the rule's threshold. */
export const breaches = (rule: ResolvedAlertRule, value: number): boolean =>
  COMPARE[rule.comparison](value, rule.threshold);

/**
 * Evaluates a rule on its datapoints (oldest first, over the evaluation range) with CloudWatch's alarm
 * semantics:
 * - no real datapoint in the range: `missing` → INSUFFICIENT_DATA, `ignore` → the current state kept,
 *   `breaching` → ALARM, `notBreaching` → OK;
 * - at least N real datapoints: the newest N real ones decide (missing periods skipped, the treatment unused);
 * - fewer: every real datapoint counts, and for `breaching`/`notBreaching` the missing ones up to N are
 *   filled as breaching/not; for `missing`/`ignore` they are not, but to avoid a premature transition the rule
 *   goes to ALARM (`missing`) or stays as it is (`ignore`) when, within the last N periods, the oldest real
 *   datapoint that breaches is at least M periods old and every newer real one breaches too.
 * ALARM when M (datapoints to alarm) of the counted datapoints breach, else OK.
 *
 * @example
 * ```ts
 * evaluateAlarm(backlogRule, [25, 30, undefined, 22, 8, 24, 26], 'OK'); // { state: 'ALARM', … }
 * ```
 */
export function evaluateAlarm(
  rule: ResolvedAlertRule,
  datapoints: readonly Datapoint[],
  current: AlarmState,
): AlarmEvaluation {
  const n = rule.evaluationPeriods;
  const m = rule.datapointsToAlarm;
  const treatment = rule.treatMissingData;
  const real = datapoints.filter((value): value is number => value !== undefined);
  if (real.length === 0) {
    const reason = `no datapoints were received for ${datapoints.length} periods (treated as ${treatment})`;
    if (treatment === 'missing') return { state: 'INSUFFICIENT_DATA', reason };
    if (treatment === 'ignore') return { state: current, reason };
    return { state: treatment === 'breaching' ? 'ALARM' : 'OK', reason };
  }
  const counted = real.length >= n ? real.slice(-n) : real;
  const filled = real.length >= n || treatment === 'missing' || treatment === 'ignore' ? 0 : n - real.length;
  const breaching =
    counted.filter((value) => breaches(rule, value)).length + (treatment === 'breaching' ? filled : 0);
  const described = `${breaching} of ${counted.length + filled} datapoints breached ${rule.comparison} ${rule.threshold}`;
  if (breaching >= m) return { state: 'ALARM', reason: `Threshold Crossed: ${described}` };
  if (real.length < n && (treatment === 'missing' || treatment === 'ignore') && premature(rule, datapoints)) {
    const reason = `Threshold Crossed: the oldest breaching datapoint is at least ${m} periods old, none since within`;
    return treatment === 'missing' ? { state: 'ALARM', reason } : { state: current, reason };
  }
  return { state: 'OK', reason: `Threshold Crossed: ${described}` };
}

/** CloudWatch's rule against a premature transition (see {@link evaluateAlarm}) on the last N periods. */
function premature(rule: ResolvedAlertRule, datapoints: readonly Datapoint[]): boolean {
  const window = datapoints.slice(-rule.evaluationPeriods);
  const oldestBreaching = window.findIndex((value) => value !== undefined && breaches(rule, value));
  if (oldestBreaching < 0 || window.length - oldestBreaching < rule.datapointsToAlarm) return false;
  return window.slice(oldestBreaching).every((value) => value === undefined || breaches(rule, value));
}
