import { Annotations, Duration, Stack } from 'aws-cdk-lib';
import { type EventPattern as CdkEventPattern, type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction, SqsQueue } from 'aws-cdk-lib/aws-events-targets';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Subscription } from '../../lambdas/runtime/subscription.js';
import {
  type EventPattern,
  type SenderContext,
  subscriptionEventPattern,
} from '../../lambdas/runtime/subscription-event-pattern.js';

export interface AgentSubscriptionProps {
  readonly eventBus: IEventBus;
  readonly subscription: Subscription;
  /**
   * The bus account and the configured producers, for a subscription that declares its senders; the rule then
   * carries `detail-type`, `source` and `account`. Defaults to the stack's account and no producer.
   */
  readonly senderContext?: SenderContext;
  /** The agent's function, or the queue in front of it (an agent that takes its events in batches). */
  readonly target: IFunction | IQueue;
  /** Where EventBridge puts events it could not deliver after its retries. */
  readonly deadLetterQueue: IQueue;
  /** EventBridge delivery retries (throttled or failed Invoke calls). Default 8. */
  readonly retryAttempts?: number;
  /** How long EventBridge keeps retrying one event. Default 2 hours. */
  readonly maxEventAge?: Duration;
}

/**
 * CDK's typed `EventPattern` models only the top-level event fields; keys it does not model (`$or`) are
 * rendered verbatim, which is what the compiled pattern needs: `detail-type` inside `$or` must stay as
 * EventBridge spells it, and CDK would not translate it anyway.
 */
const asRulePattern = (pattern: EventPattern): CdkEventPattern => pattern as CdkEventPattern;

/** The id of the synth warning a subscription without senders raises (acknowledge it to accept an open rule). */
export const OPEN_SUBSCRIPTION_WARNING = 'agentbridge:subscriptionWithoutSenders';

/**
 * One AutoGen subscription deployed: an EventBridge rule on the agentbridge bus whose pattern is compiled
 * from the subscription by the same function the local cloud and the tests use, a Lambda target, and a
 * delivery retry policy that ends in an SQS dead-letter queue (the target is the agent's queue instead for an agent
 * that takes its events in batches). There is no rule without a dead-letter queue.
 * A subscription that declares no senders admits whatever reaches the bus with its topic; the synth says so in a
 * warning ({@link OPEN_SUBSCRIPTION_WARNING}), since an event forged by any principal allowed to put events
 * would reach the agent.
 *
 * @example
 * ```ts
 * new AgentSubscription(this, 'InventoryOnOrderRequested', {
 *   eventBus: bus, subscription: new TypeSubscription('order.requested', 'inventory'),
 *   target: inventory.function, deadLetterQueue: inventoryDeliveryDlq,
 * });
 * ```
 */
export class AgentSubscription extends Construct {
  readonly rule: Rule;
  readonly pattern: EventPattern;
  readonly subscription: Subscription;

  constructor(scope: Construct, id: string, props: AgentSubscriptionProps) {
    super(scope, id);
    this.subscription = props.subscription;
    this.pattern = subscriptionEventPattern(
      props.subscription,
      props.senderContext ?? { account: Stack.of(this).account, producers: {} },
    );
    if (props.subscription.senders === undefined) {
      Annotations.of(this).addWarningV2(
        OPEN_SUBSCRIPTION_WARNING,
        `Subscription ${props.subscription.id} declares no senders: any principal that may put events on the bus reaches its agent. Declare them (fromProducer, fromAgentbridge), or opt the agent out of its direct-message rule (skipDirectMessageSubscription).`,
      );
    }
    this.rule = new Rule(this, 'Rule', {
      eventBus: props.eventBus,
      description: `agentbridge subscription ${props.subscription.id}`.slice(0, 512),
      eventPattern: asRulePattern(this.pattern),
    });
    const delivery = {
      deadLetterQueue: props.deadLetterQueue,
      retryAttempts: props.retryAttempts ?? 8,
      maxEventAge: props.maxEventAge ?? Duration.hours(2),
    };
    const { target } = props;
    this.rule.addTarget(
      'queueArn' in target ? new SqsQueue(target, delivery) : new LambdaFunction(target, delivery),
    );
  }
}
