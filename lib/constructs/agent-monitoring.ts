import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';

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
