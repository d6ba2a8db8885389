import { AGENT_METRICS } from '../../contracts/agent-metrics.js';
import type { MetricUnit } from '../../contracts/pattern-metrics.js';
import { InvalidMetricsDeclarationError } from './metrics-error.js';

/** How CloudWatch reduces a period's samples to its datapoint; `pNN` (`p99`, `p99.9`) is a percentile. */
export type AlarmStatistic = 'Average' | 'Sum' | 'Minimum' | 'Maximum' | 'SampleCount' | `p${number}`;

export type AlarmComparison =
  | 'GreaterThanThreshold'
  | 'GreaterThanOrEqualToThreshold'
  | 'LessThanThreshold'
  | 'LessThanOrEqualToThreshold';

/** CloudWatch's treatments of a period without datapoints (`missing` by default, as in CloudWatch). */
export type TreatMissingData = 'breaching' | 'notBreaching' | 'ignore' | 'missing';

export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/** One metric a collector emits: its CloudWatch name and unit, and what it measures. */
export interface MetricDeclaration {
  readonly name: string;
  readonly unit: MetricUnit;
  readonly description: string;
}

/**
 * An alert rule, in CloudWatch alarm terms: the `statistic` of `metric` over each `periodSeconds` compared
 * with `threshold`; the rule is in ALARM when `datapointsToAlarm` of the last `evaluationPeriods` datapoints
 * breach ("M of N"), missing periods counted as `treatMissingData` says.
 */
export interface AlertRule {
  readonly name: string;
  readonly metric: string;
  readonly statistic: AlarmStatistic;
  readonly comparison: AlarmComparison;
  readonly threshold: number;
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  /** M of the N evaluation periods; all N by default. */
  readonly datapointsToAlarm?: number;
  readonly treatMissingData?: TreatMissingData;
  readonly description?: string;
}

/** An alert rule with CloudWatch's defaults filled in. */
export type ResolvedAlertRule = AlertRule & {
  readonly datapointsToAlarm: number;
  readonly treatMissingData: TreatMissingData;
};

/** A collector's metrics, alert rules and interval, as `declareMetrics` checked them. */
export interface MetricsDeclaration {
  /** The collector's name: its `service` dimension (Powertools' service name) and, deployed, its agent type. */
  readonly collector: string;
  readonly namespace: string;
  /** The dimensions every metric of the collector carries: `{ service: collector }`. */
  readonly dimensions: Readonly<Record<string, string>>;
  /** How often the collector runs (on AWS, the schedule's rate). */
  readonly everySeconds: number;
  readonly metrics: readonly MetricDeclaration[];
  readonly alerts: readonly ResolvedAlertRule[];
}

export interface MetricsDeclarationInput {
  readonly collector: string;
  /** Default `agentbridge`, the namespace of every agentbridge metric. */
  readonly namespace?: string;
  /** Default 60 s, a whole number of minutes (EventBridge schedules run at most once a minute). */
  readonly everySeconds?: number;
  readonly metrics: readonly MetricDeclaration[];
  readonly alerts?: readonly AlertRule[];
}

const PERCENTILE = /^p(\d{1,2}(\.\d+)?|100)$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,254}$/;

const ruleProblems = (rule: AlertRule, metrics: ReadonlySet<string>): string[] => {
  const problems: string[] = [];
  const where = `alert ${rule.name}`;
  if (!NAME.test(rule.name)) problems.push(`${where}: the name is letters, digits, _ . -`);
  if (!metrics.has(rule.metric)) problems.push(`${where}: metric ${rule.metric} is not declared`);
  const statistic: string = rule.statistic;
  const basic = ['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount'].includes(statistic);
  if (!basic && !PERCENTILE.test(statistic)) problems.push(`${where}: unknown statistic ${statistic}`);
  if (!Number.isFinite(rule.threshold)) problems.push(`${where}: the threshold is a finite number`);
  if (!Number.isInteger(rule.periodSeconds) || rule.periodSeconds < 60 || rule.periodSeconds % 60 !== 0) {
    problems.push(`${where}: periodSeconds is a whole number of minutes`);
  }
  const n = rule.evaluationPeriods;
  if (!Number.isInteger(n) || n < 1) problems.push(`${where}: evaluationPeriods is a whole number ≥ 1`);
  else if (n * rule.periodSeconds > 86_400) problems.push(`${where}: N periods span at most one day`);
  const m = rule.datapointsToAlarm ?? n;
  if (!Number.isInteger(m) || m < 1 || m > n) {
    problems.push(`${where}: datapointsToAlarm is a whole number from 1 to evaluationPeriods`);
  }
  return problems;
};

/**
 * Declares a collector's metrics and the alert rules on them, next to the agents they watch: the same
 * declaration drives the in-process collector (which evaluates the rules as CloudWatch would) and, deployed,
 * the collector's schedule, one CloudWatch alarm per rule and the dashboard's widgets. Every problem is
 * reported at once as an {@link InvalidMetricsDeclarationError}.
 *
 * @example
 * ```ts
 * const health = declareMetrics({
 *   collector: 'desk-health',
 *   metrics: [{ name: 'IncidentBacklog', unit: 'Count', description: 'Incidents open' }],
 *   alerts: [{ name: 'BacklogHigh', metric: 'IncidentBacklog', statistic: 'Maximum',
 *     comparison: 'GreaterThanThreshold', threshold: 20, periodSeconds: 60, evaluationPeriods: 5,
 *     datapointsToAlarm: 3 }],
 * });
 * ```
 */
export function declareMetrics(input: MetricsDeclarationInput): MetricsDeclaration {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const metric of input.metrics) {
    if (!NAME.test(metric.name)) problems.push(`metric ${metric.name}: the name is letters, digits, _ . -`);
    if (names.has(metric.name)) problems.push(`metric ${metric.name} is declared twice`);
    names.add(metric.name);
  }
  const everySeconds = input.everySeconds ?? 60;
  if (!Number.isInteger(everySeconds) || everySeconds < 60 || everySeconds % 60 !== 0) {
    problems.push('everySeconds is a whole number of minutes');
  }
  const rules = new Set<string>();
  for (const rule of input.alerts ?? []) {
    if (rules.has(rule.name)) problems.push(`alert ${rule.name} is declared twice`);
    rules.add(rule.name);
    problems.push(...ruleProblems(rule, names));
  }
  if (problems.length > 0) throw new InvalidMetricsDeclarationError(input.collector, problems);
  return {
    collector: input.collector,
    namespace: input.namespace ?? AGENT_METRICS.namespace,
    dimensions: { service: input.collector },
    everySeconds,
    metrics: input.metrics,
    alerts: (input.alerts ?? []).map((rule) => ({
      ...rule,
      datapointsToAlarm: rule.datapointsToAlarm ?? rule.evaluationPeriods,
      treatMissingData: rule.treatMissingData ?? 'missing',
    })),
  };
}
