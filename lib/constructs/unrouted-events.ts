import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Duration, Intrinsic, Lazy, Stack, Token } from 'aws-cdk-lib';
import { CfnRule, type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Construct } from 'constructs';
import { ENV } from '../../lambdas/contracts/env-names.js';
import { encodeRoutedPatterns, patternValuePlaceholder } from '../../lambdas/runtime/aws/routed-patterns.js';
import { unroutedEventPattern } from '../../lambdas/runtime/unrouted-event-pattern.js';
import { AgentFunction } from './agent-function.js';
import type { AgentMonitoring } from './agent-monitoring.js';
import { AgentSubscription } from './agent-subscription.js';
import { DeadLetterQueue } from './dead-letter-queue.js';

export interface UnroutedEventsProps {
  readonly eventBus: IEventBus;
  /** The router function's physical name. */
  readonly functionName: string;
  readonly monitoring: AgentMonitoring;
}

/** Lambda allows 4 KB of environment in all; the router's other variables take well under 1 KB. */
const MAX_ENCODED_PATTERNS = 3_000;

/** The router's handler, as source in the repository and as JavaScript in the installed package. */
const ROUTER_ENTRY = ['.ts', '.js']
  .map((ext) =>
    fileURLToPath(new URL(`../../lambdas/runtime/aws/unrouted-events-handler${ext}`, import.meta.url)),
  )
  .find((path) => existsSync(path));

const isIntrinsic = (value: object): boolean => {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || (keys[0] ?? '').startsWith('Fn::'));
};

/**
 * Whatever event on the bus no rule takes lands in one "unrouted" SQS queue, exactly as it was put, for
 * `agentbridge dlq list | show | redrive`. A catch-all rule ({@link unroutedEventPattern}) leaves out the events
 * that subscriptions without senders take (all it can exclude exactly) and sends the rest to a router function
 * that matches each against every other rule's pattern on the bus with the local cloud's matcher, and queues
 * those none matches. The rule's pattern and the router's patterns are computed when the app is synthesized,
 * from every rule in the stack on this bus — each agent's subscriptions, whenever it was added, and any rule
 * added directly (a state machine's, say); a disabled rule takes nothing and is left out. The queue and the
 * rule's and function's dead-letter queues are alarmed like every other.
 *
 * @example
 * ```ts
 * const bridge = new AgentBridge(stack, 'OpsDesk', { unroutedEvents: true });
 * bridge.unroutedEvents?.queue; // the unrouted queue
 * ```
 */
export class UnroutedEvents extends Construct {
  readonly queue: DeadLetterQueue;
  readonly rule: Rule;
  readonly router: AgentFunction;
  readonly deliveryDeadLetterQueue: DeadLetterQueue;
  readonly #eventBus: IEventBus;

  constructor(scope: Construct, id: string, props: UnroutedEventsProps) {
    super(scope, id);
    if (ROUTER_ENTRY === undefined)
      throw new Error('the unrouted-events router handler is not in the package');
    this.#eventBus = props.eventBus;
    this.queue = new DeadLetterQueue(this, 'Queue', { deadLettersOf: 'events no rule on the bus matches' });
    this.router = new AgentFunction(this, 'Router', {
      entry: ROUTER_ENTRY,
      agentType: 'unrouted-events',
      functionName: props.functionName,
      eventBus: props.eventBus,
      agentFunctions: {},
      tables: [],
      publishes: false,
      environment: {
        [ENV.unroutedQueueUrl]: this.queue.queueUrl,
        [ENV.routedPatterns]: Lazy.string({ produce: () => this.#routedPatterns().encoded }),
        [ENV.routedPatternValues]: Lazy.string({
          produce: () => Stack.of(this).toJsonString(this.#routedPatterns().values),
        }),
      },
    });
    this.queue.grantSendMessages(this.router.function);
    this.deliveryDeadLetterQueue = new DeadLetterQueue(this, 'DeliveryDeadLetterQueue');
    this.rule = new Rule(this, 'Rule', {
      eventBus: props.eventBus,
      description: 'agentbridge unrouted events: what no other rule on the bus matches goes to the router',
      eventPattern: { source: [{ prefix: '' }] as never },
    });
    (this.rule.node.defaultChild as CfnRule).eventPattern = Lazy.any({
      produce: () => unroutedEventPattern(this.#openTopicTypes()),
    });
    this.rule.addTarget(
      new LambdaFunction(this.router.function, {
        deadLetterQueue: this.deliveryDeadLetterQueue,
        retryAttempts: 8,
        maxEventAge: Duration.hours(2),
      }),
    );
    props.monitoring.watchQueue(`${id}Queue`, this.queue);
    props.monitoring.watchQueue(`${id}DeliveryDlq`, this.deliveryDeadLetterQueue);
    props.monitoring.watchQueue(`${id}RouterDlq`, this.router.deadLetterQueue);
    props.monitoring.watchFunction(`${id}Router`, this.router.function);
    this.node.addValidation({
      validate: () => {
        const { length } = this.#routedPatterns().encoded;
        return length <= MAX_ENCODED_PATTERNS
          ? []
          : [
              `the bus's rule patterns take ${length} bytes encoded, more than the router's ${MAX_ENCODED_PATTERNS}`,
            ];
      },
    });
  }

  /** The enabled rules of the stack on this bus, but this one. */
  #rules(): CfnRule[] {
    const stack = Stack.of(this);
    const bus = JSON.stringify(stack.resolve(this.#eventBus.eventBusName));
    return stack.node
      .findAll()
      .filter((node): node is CfnRule => node instanceof CfnRule)
      .filter((rule) => rule !== this.rule.node.defaultChild)
      .filter((rule) => stack.resolve(rule.state) !== 'DISABLED')
      .filter((rule) => JSON.stringify(stack.resolve(rule.eventBusName)) === bus);
  }

  /** Topic types of enabled subscriptions without senders on this bus: the rule leaves their events out. */
  #openTopicTypes(): string[] {
    const rules = new Set<unknown>(this.#rules());
    return Stack.of(this)
      .node.findAll()
      .filter((node): node is AgentSubscription => node instanceof AgentSubscription)
      .filter(({ subscription }) => subscription.kind === 'type' && subscription.senders === undefined)
      .filter((subscription) => rules.has(subscription.rule.node.defaultChild))
      .map(({ subscription }) => subscription.topicType);
  }

  /** Every other rule's pattern, encoded, its deploy-time values (the bus account…) apart. */
  #routedPatterns(): { encoded: string; values: string[] } {
    const stack = Stack.of(this);
    const values: string[] = [];
    const lift = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(lift);
      if (typeof value !== 'object' || value === null) return value;
      if (isIntrinsic(value)) {
        values.push(Token.asString(new Intrinsic(value)));
        return patternValuePlaceholder(values.length - 1);
      }
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, lift(item)]));
    };
    const patterns = this.#rules()
      .map((rule) => stack.resolve(rule.eventPattern) as unknown)
      .filter((pattern) => pattern !== undefined && pattern !== null)
      .map((pattern) => lift(typeof pattern === 'string' ? JSON.parse(pattern) : pattern));
    return { encoded: encodeRoutedPatterns(patterns), values };
  }
}
