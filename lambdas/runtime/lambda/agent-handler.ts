import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy, { type MiddyfiedHandler, type MiddyHandlerObject } from '@middy/core';
import type { Context } from 'aws-lambda';
import { AGENT_METRICS } from '../../contracts/agent-metrics.js';
import { MessageRegistry } from '../../contracts/message-registry.js';
import type { ProducerDirectory } from '../../contracts/senders.js';
import type { AgentDeclaration } from '../agent-declaration.js';
import type { AgentDefinition } from '../agent-definition.js';
import type { AwsRuntime } from '../aws/aws-runtime.js';
import { agentSubscriptions } from '../direct-message-subscription.js';
import type { Subscription } from '../subscription.js';
import { IdempotencyPersistenceMissingError } from './agent-handler-error.js';
import type { ClassifiedInput } from './classified-input.js';
import type { DeadLetterSink } from './dead-letter/dead-letter-sink.js';
import { dispatchAgentInput } from './dispatch-agent-input.js';
import { parseAgentInput } from './parse-agent-input.js';
import { senderGuard } from './sender-guard.js';

/** 256 KB: the most one EventBridge event (or Step Functions payload) may carry. */
export const DEFAULT_MAX_INPUT_BYTES = 256 * 1024;

/** Everything an agent function is wired with, created once at module scope. */
export interface AgentHandlerDeps {
  /** The function's runtime: its clients, config and state store. The agent is hosted on it. */
  readonly runtime: AwsRuntime;
  readonly logger: Logger;
  readonly tracer: Tracer;
  readonly metrics: Metrics;
  /**
   * Powertools idempotency persistence (`DynamoDBPersistenceLayer` on AWS, `InMemoryPersistenceLayer`
   * offline) for a stateless agent, whose side effects live outside the agent-state store. A stateful agent
   * does not use it: its state write is its dedup record.
   */
  readonly idempotency?: BasePersistenceLayer;
  /** Defaults to a one-hour window; leave `eventKeyJmesPath` unset (the key is the classified input's only field). */
  readonly idempotencyConfig?: IdempotencyConfig;
  readonly deadLetters: DeadLetterSink;
  readonly maxInputBytes?: number;
  /**
   * Detail-type → its external producer's sources and accounts, as the deployment configures them
   * (`AGENTBRIDGE_PRODUCERS`): what subscriptions' `producer` sender rules resolve to. Default: none.
   */
  readonly producers?: ProducerDirectory;
}

export interface AgentHandlerOptions<State> {
  readonly agentType: string;
  readonly definition: AgentDefinition<State>;
  /** The subscriptions whose EventBridge rules target this function (the CDK stack deploys the same list). */
  readonly subscriptions?: readonly Subscription[];
  /** Hosts the type without its direct-message prefix `"<type>:"` (see `RegisterOptions`). */
  readonly skipDirectMessageSubscription?: boolean;
  readonly deps: AgentHandlerDeps;
}

/**
 * The Lambda handler of an agent function: the agent definition hosted on the function's {@link AwsRuntime},
 * behind a middy stack in a fixed order:
 *
 * 1. Powertools logger (`injectLambdaContext`, keys reset per invocation),
 * 2. tracer (`captureLambdaHandler`), 3. metrics (`logMetrics`),
 * 4. input parsing: EventBridge event, send (direct invoke) or Step Functions task, validated with the agent's
 *    schemas, and an event's source and account checked against the subscriptions' senders; bad input and
 *    forged events go to the dead-letter sink and are answered without a retry,
 * 5. for a stateless agent only, Powertools idempotency keyed on the message id (`metadata.id`; a bare
 *    event's is its EventBridge id) or the task `id`,
 * 6. dispatch to the hosted agent.
 *
 * A stateful agent (defined with `state`) gets no Powertools idempotency: its state write carries the
 * message id (and an rpc's reply) under the version condition, so "state changed" and "message applied" are
 * one write, and a redelivery, keyed on the same id, is answered from the state item. A separate idempotency
 * record would be a second write that can fail after the first (and two more writes per message).
 *
 * Usually called with the agent's declaration, the deps its `define` takes, and the function's wiring: the
 * type, subscriptions (with their senders) and direct-message opt-out come from the declaration.
 *
 * @example
 * ```ts
 * export const handler = agentHandler(PAYMENT_AGENT, { payments }, wiring.deps);
 * // or, without a declaration:
 * export const handler = agentHandler({
 *   agentType: 'payment',
 *   definition: Payment,
 *   subscriptions: [new TypeSubscription('order.placed', 'payment')],
 *   deps: { runtime, logger, tracer, metrics, idempotency, deadLetters },
 * });
 * ```
 */
export function agentHandler<Deps, State>(
  declaration: AgentDeclaration<Deps, State>,
  agentDeps: NoInfer<Deps>,
  deps: AgentHandlerDeps,
): MiddyfiedHandler<unknown, unknown>;
export function agentHandler<State>(options: AgentHandlerOptions<State>): MiddyfiedHandler<unknown, unknown>;
export function agentHandler<Deps, State>(
  first: AgentDeclaration<Deps, State> | AgentHandlerOptions<State>,
  agentDeps?: Deps,
  deps?: AgentHandlerDeps,
): MiddyfiedHandler<unknown, unknown> {
  if (!('define' in first)) return handlerOf(first);
  return handlerOf({
    agentType: first.agentType,
    definition: first.define(agentDeps as Deps),
    // The direct-message prefix among them, with its senders, as the deployment has a rule for each.
    subscriptions: agentSubscriptions(first),
    skipDirectMessageSubscription: true,
    deps: deps as AgentHandlerDeps,
  });
}

function handlerOf<State>(options: AgentHandlerOptions<State>): MiddyfiedHandler<unknown, unknown> {
  const { agentType, definition, deps } = options;
  const { runtime } = deps;
  runtime.host(agentType, definition, options.subscriptions ?? [], options);
  const dispatch = dispatchAgentInput(runtime, deps.metrics);
  const stateful = definition.initialState !== undefined;
  if (!stateful && deps.idempotency === undefined) throw new IdempotencyPersistenceMissingError(agentType);
  // No JMESPath: the parse middleware hands idempotency a ClassifiedInput whose only hashed field is the key.
  const config =
    deps.idempotencyConfig ??
    new IdempotencyConfig({
      expiresAfterSeconds: 3_600,
      // A repeat returns early, before any metric is added: count it, so Powertools has one to publish.
      responseHook: (response) => {
        deps.metrics.addMetric(AGENT_METRICS.duplicates, MetricUnit.Count, 1);
        return response;
      },
    });
  // The parse middleware has replaced the raw event with its ClassifiedInput by the time this runs.
  const handler = middy<unknown, unknown>(
    (input: unknown, context: Context, { signal }: MiddyHandlerObject) =>
      dispatch(input as ClassifiedInput, context, signal),
  )
    .use(injectLambdaContext(deps.logger, { resetKeys: true }))
    .use(captureLambdaHandler(deps.tracer))
    .use(logMetrics(deps.metrics))
    .use(
      parseAgentInput({
        agentType,
        messages: new MessageRegistry(definition.messageTypes),
        isHosted: (type) => runtime.isHosted(type),
        deadLetters: deps.deadLetters,
        logger: deps.logger,
        metrics: deps.metrics,
        maxInputBytes: deps.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES,
        senderGuard: senderGuard({
          subscriptions: options.subscriptions ?? [],
          producers: deps.producers ?? {},
        }),
      }),
    );
  if (stateful || deps.idempotency === undefined) return handler;
  return handler.use(makeHandlerIdempotent({ persistenceStore: deps.idempotency, config }));
}
