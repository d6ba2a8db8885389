import { Duration } from 'aws-cdk-lib';
import type { Alarm } from 'aws-cdk-lib/aws-cloudwatch';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { MetricsDeclaration } from '../../lambdas/patterns/metrics/metrics-declaration.js';
import type { AgentSpec } from '../../lambdas/runtime/agent-spec.js';
import type { AgentBridge } from './agent-bridge.js';
import type { AddAgentOptions } from './agent-bridge-props.js';
import { constructIdOf } from './construct-id.js';
import { DeadLetterQueue } from './dead-letter-queue.js';
import type { DeployedAgent } from './deployed-agent.js';
import { InfraError } from './infra-error.js';

/** A metrics collector as deployed: its function, the schedule invoking it, and one alarm per alert rule. */
export interface MetricsCollectorDeployment {
  readonly agent: DeployedAgent;
  readonly schedule: Rule;
  readonly scheduleDeadLetterQueue: DeadLetterQueue;
  /** By alert rule name. */
  readonly alarms: ReadonlyMap<string, Alarm>;
}

/**
 * The collector of a metrics declaration on AWS, for `AgentBridge.addMetricsCollector`: the collector's agent
 * (its function and table grants), an EventBridge schedule at the declaration's rate invoking it (a tick
 * that cannot be delivered within one interval is dead-lettered, not delivered late: its samples would land
 * in the wrong period), and the declaration's alarms and dashboard widgets. Gauges of the whole system (a
 * backlog, agents running) are polled this way because no single agent invocation sees them; what agents
 * measure per invocation they emit as EMF themselves.
 */
export function addMetricsCollector(
  bridge: AgentBridge,
  declaration: MetricsDeclaration,
  collector: AgentSpec,
  options: AddAgentOptions,
): MetricsCollectorDeployment {
  if (collector.agentType !== declaration.collector) {
    throw new InfraError(
      'COLLECTOR_MISMATCH',
      `the metrics of ${declaration.collector} are collected by agent ${declaration.collector}, not ${collector.agentType}`,
    );
  }
  const agent = bridge.addAgent(collector, options);
  const id = options.id ?? constructIdOf(collector.agentType);
  const scheduleDeadLetterQueue = new DeadLetterQueue(bridge, `${id}ScheduleDlq`);
  bridge.monitoring.watchQueue(`${id}ScheduleDlq`, scheduleDeadLetterQueue);
  const interval = Duration.seconds(declaration.everySeconds);
  const schedule = new Rule(bridge, `${id}Schedule`, {
    description: `Collects the metrics of ${declaration.collector} every ${declaration.everySeconds} s`,
    schedule: Schedule.rate(interval),
    targets: [
      new LambdaFunction(agent.agentFunction.function, {
        deadLetterQueue: scheduleDeadLetterQueue,
        retryAttempts: 2,
        maxEventAge: interval,
      }),
    ],
  });
  const alarms = bridge.monitoring.watchMetrics(id, declaration);
  return {
    agent,
    schedule,
    scheduleDeadLetterQueue,
    alarms: new Map(declaration.alerts.map((rule, index) => [rule.name, alarms[index] as Alarm])),
  };
}
