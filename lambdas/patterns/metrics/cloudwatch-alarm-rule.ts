import type {
  AlarmComparison,
  AlarmStatistic,
  MetricsDeclaration,
  ResolvedAlertRule,
  TreatMissingData,
} from './metrics-declaration.js';

/** The properties of the `AWS::CloudWatch::Alarm` an alert rule deploys as (what the template holds). */
export interface CloudWatchAlarmProperties {
  readonly Namespace: string;
  readonly MetricName: string;
  readonly Dimensions: readonly { readonly Name: string; readonly Value: string }[];
  readonly Statistic?: string;
  readonly ExtendedStatistic?: string;
  readonly Period: number;
  readonly Threshold: number;
  readonly ComparisonOperator: AlarmComparison;
  readonly EvaluationPeriods: number;
  readonly DatapointsToAlarm: number;
  readonly TreatMissingData: TreatMissingData;
}

const isPercentile = (statistic: string): boolean => statistic.startsWith('p');

/** The alarm an alert rule of `declaration` is deployed as: on its EMF metric, with every rule setting. */
export function cloudWatchAlarmOf(
  declaration: MetricsDeclaration,
  rule: ResolvedAlertRule,
): CloudWatchAlarmProperties {
  return {
    Namespace: declaration.namespace,
    MetricName: rule.metric,
    Dimensions: Object.entries(declaration.dimensions).map(([Name, Value]) => ({ Name, Value })),
    ...(isPercentile(rule.statistic) ? { ExtendedStatistic: rule.statistic } : { Statistic: rule.statistic }),
    Period: rule.periodSeconds,
    Threshold: rule.threshold,
    ComparisonOperator: rule.comparison,
    EvaluationPeriods: rule.evaluationPeriods,
    DatapointsToAlarm: rule.datapointsToAlarm,
    TreatMissingData: rule.treatMissingData,
  };
}

/**
 * The alert rule a deployed alarm evaluates, read from its template properties (CloudWatch's defaults where
 * a property is absent): lets the in-process evaluator judge datapoints exactly as that alarm would.
 *
 * @example
 * ```ts
 * const rule = alertRuleOfAlarm('BacklogHigh', template.Resources.BacklogHighAlarm.Properties);
 * evaluateAlarm(rule, datapointsOf(rule, samples, now), 'OK').state;
 * ```
 */
export function alertRuleOfAlarm(
  name: string,
  properties: Readonly<Record<string, unknown>>,
): ResolvedAlertRule {
  const evaluationPeriods = Number(properties.EvaluationPeriods);
  const statistic = String(properties.ExtendedStatistic ?? properties.Statistic) as AlarmStatistic;
  return {
    name,
    metric: String(properties.MetricName),
    statistic,
    comparison: String(properties.ComparisonOperator) as AlarmComparison,
    threshold: Number(properties.Threshold),
    periodSeconds: Number(properties.Period),
    evaluationPeriods,
    datapointsToAlarm: Number(properties.DatapointsToAlarm ?? evaluationPeriods),
    treatMissingData: String(properties.TreatMissingData ?? 'missing') as TreatMissingData,
  };
}
