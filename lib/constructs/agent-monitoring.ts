import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type {
  MetricsDeclaration,
  ResolvedAlertRule,
} from '../../lambdas/patterns/metrics/metrics-declaration.js';

export interface AgentMonitoringProps {
  /** An existing SNS topic every alarm notifies (context `alarmTopicArn`); without it alarms only change state. */
  readonly alarmTopicArn?: string;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * Alarms and one CloudWatch dashboard for the whole system. Every alarm fires on the first occurrence
 * (threshold "> 0"): a message in a dead-letter queue, a function error or throttle, a failed or timed-out
 * execution is never normal in agentbridge, because expected business failures (a declined payment) are
 * handled inside the saga and end in OrderFailed, not in an error.
 *
 * @example
 * ```ts
 * const monitoring = new AgentMonitoring(this, 'Monitoring', {});
 * monitoring.watchFunction('Payment', payment.function);
 * monitoring.watchQueue('PaymentDlq', payment.deadLetterQueue);
 * ```
 */
export class AgentMonitoring extends Construct {
  readonly dashboard: Dashboard;
  readonly alarms: Alarm[] = [];
  readonly #queueDepths: IMetric[] = [];
  readonly #alarmAction: SnsAction | undefined;

  constructor(scope: Construct, id: string, props: AgentMonitoringProps) {
    super(scope, id);
    this.#alarmAction =
      props.alarmTopicArn === undefined
        ? undefined
        : new SnsAction(Topic.fromTopicArn(this, 'AlarmTopic', props.alarmTopicArn));
    this.dashboard = new Dashboard(this, 'Dashboard');
  }

  /** Alarms when anything lands in a dead-letter queue. */
  watchQueue(id: string, queue: IQueue): Alarm {
    const depth = queue.metricApproximateNumberOfMessagesVisible({
      period: Duration.minutes(1),
      statistic: 'Maximum',
    });
    this.#queueDepths.push(depth.with({ label: id }));
    return this.#alarm(`${id}Depth`, depth, `${id}: messages waiting in a dead-letter queue`);
  }

  /** Alarms on errors and throttles of a function and draws its traffic. */
  watchFunction(id: string, fn: IFunction): void {
    const errors = fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' });
    const throttles = fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' });
    this.#alarm(`${id}Errors`, errors, `${id}: function errors`);
    this.#alarm(`${id}Throttles`, throttles, `${id}: function throttles`);
    this.dashboard.addWidgets(
      new GraphWidget({
        title: `${id} function`,
        left: [fn.metricInvocations({ period: FIVE_MINUTES }), errors, throttles],
        right: [fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p99' })],
        width: 8,
      }),
    );
  }

  /** Alarms on failed and timed-out executions and draws the machine's throughput. */
  watchStateMachine(id: string, stateMachine: IStateMachine): void {
    const failed = stateMachine.metricFailed({ period: FIVE_MINUTES, statistic: 'Sum' });
    const timedOut = stateMachine.metricTimedOut({ period: FIVE_MINUTES, statistic: 'Sum' });
    this.#alarm(`${id}ExecutionsFailed`, failed, `${id}: failed executions`);
    this.#alarm(`${id}ExecutionsTimedOut`, timedOut, `${id}: timed-out executions`);
    this.dashboard.addWidgets(
      new GraphWidget({
        title: `${id} executions`,
        left: [
          stateMachine.metricStarted({ period: FIVE_MINUTES }),
          stateMachine.metricSucceeded({ period: FIVE_MINUTES }),
          failed,
          timedOut,
        ],
        width: 8,
      }),
    );
  }

  /** Alarms when a stream consumer falls a minute behind (the outbox is not publishing). */
  watchStreamConsumer(id: string, fn: IFunction): void {
    const iteratorAge = fn.metric('IteratorAge', { period: Duration.minutes(1), statistic: 'Maximum' });
    this.#alarm(`${id}IteratorAge`, iteratorAge, `${id}: stream records waiting more than a minute`, 60_000);
    this.dashboard.addWidgets(
      new GraphWidget({ title: `${id} iterator age (ms)`, left: [iteratorAge], width: 8 }),
    );
  }

  /**
   * One alarm per alert rule of a metrics declaration, on the metric its collector emits as EMF (namespace,
   * name, `service` dimension), with the rule's statistic, period, threshold, comparison, evaluation periods,
   * datapoints to alarm and missing-data treatment; and one graph per declared metric, the thresholds of its
   * rules drawn on it.
   */
  watchMetrics(id: string, declaration: MetricsDeclaration): Alarm[] {
    const metricOf = (name: string, statistic: string, periodSeconds: number) =>
      new Metric({
        namespace: declaration.namespace,
        metricName: name,
        dimensionsMap: { ...declaration.dimensions },
        statistic,
        period: Duration.seconds(periodSeconds),
      });
    const alarms = declaration.alerts.map((rule) => this.#ruleAlarm(id, declaration, rule, metricOf));
    for (const metric of declaration.metrics) {
      const rules = declaration.alerts.filter((rule) => rule.metric === metric.name);
      const first = rules[0];
      this.dashboard.addWidgets(
        new GraphWidget({
          title: `${declaration.collector}: ${metric.description} (${metric.name}, ${metric.unit})`,
          left: [
            metricOf(
              metric.name,
              first?.statistic ?? 'Average',
              first?.periodSeconds ?? declaration.everySeconds,
            ),
          ],
          leftAnnotations: rules.map((rule) => ({ value: rule.threshold, label: rule.name })),
          width: 8,
        }),
      );
    }
    return alarms;
  }

  #ruleAlarm(
    id: string,
    declaration: MetricsDeclaration,
    rule: ResolvedAlertRule,
    metricOf: (name: string, statistic: string, periodSeconds: number) => Metric,
  ): Alarm {
    const alarm = new Alarm(this, `${id}${rule.name}`, {
      metric: metricOf(rule.metric, rule.statistic, rule.periodSeconds),
      threshold: rule.threshold,
      evaluationPeriods: rule.evaluationPeriods,
      datapointsToAlarm: rule.datapointsToAlarm,
      comparisonOperator: rule.comparison as ComparisonOperator,
      treatMissingData: rule.treatMissingData as TreatMissingData,
      alarmDescription: `${declaration.collector}: ${rule.description ?? rule.name}`,
    });
    if (this.#alarmAction !== undefined) alarm.addAlarmAction(this.#alarmAction);
    this.alarms.push(alarm);
    return alarm;
  }

  /** Adds the summary row (dead-letter depth, every alarm's state); call once after everything is watched. */
  addSummary(): void {
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Dead-letter queue depth', left: this.#queueDepths, width: 12 }),
      new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 12 }),
    );
  }

  #alarm(id: string, metric: IMetric, description: string, threshold = 0): Alarm {
    const alarm = new Alarm(this, id, {
      metric,
      threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    if (this.#alarmAction !== undefined) alarm.addAlarmAction(this.#alarmAction);
    this.alarms.push(alarm);
    return alarm;
  }
}
