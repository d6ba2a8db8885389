import type { Duration } from 'aws-cdk-lib';
import type { EventBusProps, IEventBus } from 'aws-cdk-lib/aws-events';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { StateMachineContract } from '../../lambdas/contracts/state-machine-contract.js';
import type { AgentQueueOptions } from './agent-queue.js';
import type { TraceCapture } from './trace-capture-environment.js';

/**
 * How an `AgentBridge` is set up. Every prop has a default: a new bus, the stack name as prefix, no external
 * producers, alarms without a topic.
 *
 * @example
 * ```ts
 * new AgentBridge(stack, 'Tickets', { namePrefix: 'tickets', producerSources: { TicketOpened: 'support.desk' } });
 * ```
 */
export interface AgentBridgeProps {
  /**
   * An existing bus to subscribe to and publish on; its owner manages its policy (producer accounts included).
   * Giving both this and `eventBusProps` is an error. Default: a new bus.
   */
  readonly existingEventBusInterface?: IEventBus;
  /** Props of the new bus, over the defaults. */
  readonly eventBusProps?: EventBusProps;
  /** Prefix of every function and state machine name (`<prefix>-<agent type>`); the stack name by default. */
  readonly namePrefix?: string;
  /** External detail-type → the source its producer writes by default (`producers` may rename it). */
  readonly producerSources?: Readonly<Record<string, string>>;
  /** Per external detail-type, its producer's `source` and `accounts` (the shape of the `producers` context). */
  readonly producers?: unknown;
  /** Accounts that may put each external detail-type whose producer names none of its own. */
  readonly producerAccounts?: readonly string[];
  /** An existing SNS topic every alarm notifies; without it alarms only change state. */
  readonly alarmTopicArn?: string;
  /**
   * Sends whatever event on the bus no rule matches to an "unrouted" SQS queue (see `UnroutedEvents`): a
   * catch-all rule and a small router function, computed at synth from every rule on the bus. Off by default:
   * the router runs for most events on the bus, which a system that never receives strays need not pay for.
   */
  readonly unroutedEvents?: boolean;
}

/** How one agent's function differs from the defaults of `AgentFunction`. */
export interface AgentFunctionOptions {
  readonly timeout?: Duration;
  readonly memorySize?: number;
  /** How long a `send` waits for its reply. Default 20 s. */
  readonly sendTimeout?: Duration;
  readonly traceCapture?: TraceCapture;
  readonly environment?: Readonly<Record<string, string>>;
}

export interface AddAgentOptions {
  /** Absolute path of the handler entry file. */
  readonly entry: string;
  /** Construct id; the agent type in PascalCase by default (`saga-starter` → `SagaStarter`). */
  readonly id?: string;
  readonly functionProps?: AgentFunctionOptions;
  /** Set for stream consumers: their acknowledgement names the stream's wildcard action. */
  readonly consumesStream?: boolean;
  /**
   * Feeds the agent from an SQS queue in batches instead of one invocation per event: its rules deliver to
   * the queue, and the function takes up to `batchSize` records at a time with partial batch responses
   * (see `AgentQueue`; its handler is a `queuedBatchHandler`).
   */
  readonly queue?: AgentQueueOptions;
}

export interface AddStateMachineOptions extends Omit<StateMachineContract, 'name' | 'definitionFile'> {
  /** Absolute path of the `*.asl.json` file. */
  readonly definitionFile: string;
  /** The queues its `queueUrl` placeholders name. */
  readonly queues?: Readonly<Record<string, IQueue>>;
}
