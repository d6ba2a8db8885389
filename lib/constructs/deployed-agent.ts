import { Duration } from 'aws-cdk-lib';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { Subscription } from '../../lambdas/runtime/subscription.js';
import type { SenderContext } from '../../lambdas/runtime/subscription-event-pattern.js';
import { AgentFunction, type TableBinding } from './agent-function.js';
import type { AgentMonitoring } from './agent-monitoring.js';
import { AgentQueue, type AgentQueueOptions } from './agent-queue.js';
import { AgentSubscription } from './agent-subscription.js';
import { distinctConstructIdOf } from './construct-id.js';
import { DeadLetterQueue } from './dead-letter-queue.js';
import type { TraceCapture } from './trace-capture-environment.js';

export interface DeployedAgentProps {
  readonly entry: string;
  readonly agentType: string;
  readonly functionName: string;
  readonly eventBus: IEventBus;
  readonly agentFunctions: Readonly<Record<string, string>>;
  readonly subscriptions: readonly Subscription[];
  /** What the subscriptions' sender rules resolve against: the bus account and the configured producers. */
  readonly senderContext?: SenderContext;
  readonly tables: readonly TableBinding[];
  readonly policyStatements: readonly PolicyStatement[];
  readonly publishes: boolean;
  readonly environment: Readonly<Record<string, string>>;
  readonly monitoring: AgentMonitoring;
  readonly timeout?: Duration;
  readonly memorySize?: number;
  readonly sendTimeout?: Duration;
  readonly wildcardResourceReason?: string;
  readonly traceCapture?: TraceCapture;
  /** Feeds the function from a queue in batches; the subscriptions' rules deliver to the queue. */
  readonly queue?: AgentQueueOptions;
}

/**
 * One agent type as deployed: its {@link AgentFunction}, one {@link AgentSubscription} per subscription
 * (all sharing one delivery dead-letter queue, kept apart from the function's own dead-letter queue because
 * the two hold different records: undeliverable events versus failed invocations and bad input), and the
 * alarms on all of it. With `queue`, the rules deliver to an {@link AgentQueue} that feeds the function in
 * batches.
 *
 * @example
 * ```ts
 * new DeployedAgent(this, 'Lifecycle', { entry, agentType: 'lifecycle', subscriptions, ... });
 * ```
 */
export class DeployedAgent extends Construct {
  readonly agentFunction: AgentFunction;
  readonly deliveryDeadLetterQueue: DeadLetterQueue | undefined;
  readonly subscriptions: AgentSubscription[];
  /** Present for an agent fed by a queue. */
  readonly queue: AgentQueue | undefined;

  constructor(scope: Construct, id: string, props: DeployedAgentProps) {
    super(scope, id);
    this.agentFunction = new AgentFunction(this, 'Agent', {
      entry: props.entry,
      agentType: props.agentType,
      functionName: props.functionName,
      eventBus: props.eventBus,
      agentFunctions: props.agentFunctions,
      tables: props.tables,
      policyStatements: props.policyStatements,
      publishes: props.publishes,
      environment: props.environment,
      ...(props.timeout ? { timeout: props.timeout } : {}),
      ...(props.memorySize ? { memorySize: props.memorySize } : {}),
      ...(props.sendTimeout ? { sendTimeout: props.sendTimeout } : {}),
      ...(props.wildcardResourceReason ? { wildcardResourceReason: props.wildcardResourceReason } : {}),
      ...(props.traceCapture ? { traceCapture: props.traceCapture } : {}),
    });
    props.monitoring.watchFunction(id, this.agentFunction.function);
    props.monitoring.watchQueue(`${id}Dlq`, this.agentFunction.deadLetterQueue);
    this.queue =
      props.queue === undefined
        ? undefined
        : new AgentQueue(this, 'Queue', {
            ...props.queue,
            consumer: this.agentFunction.function,
            functionTimeout: props.timeout ?? Duration.seconds(30),
          });
    if (this.queue !== undefined) props.monitoring.watchQueue(`${id}QueueDlq`, this.queue.deadLetterQueue);

    if (props.subscriptions.length === 0) {
      this.deliveryDeadLetterQueue = undefined;
      this.subscriptions = [];
      return;
    }
    const deliveryDlq = new DeadLetterQueue(this, 'DeliveryDeadLetterQueue');
    this.deliveryDeadLetterQueue = deliveryDlq;
    props.monitoring.watchQueue(`${id}DeliveryDlq`, deliveryDlq);
    this.subscriptions = props.subscriptions.map(
      (subscription) =>
        new AgentSubscription(this, distinctConstructIdOf(subscription.id), {
          eventBus: props.eventBus,
          subscription,
          ...(props.senderContext ? { senderContext: props.senderContext } : {}),
          target: this.queue?.queue ?? this.agentFunction.function,
          deadLetterQueue: deliveryDlq,
        }),
    );
  }
}
