/**
 * agentbridge: AutoGen-style agents, the message model and the in-process runtime.
 *
 * Everything an agent system is written against, whatever it runs on: identifiers (`AgentId`, `TopicId`),
 * subscriptions, message types with their schemas, agent definitions, agent declarations (`declareAgent`: one
 * object per agent read by its handler, the construct and `registerAgent`), and `InProcessRuntime`, which runs
 * a whole system inside one Node.js process (tests, local runs). The AWS runtime lives in `agentbridge/aws`,
 * the Lambda handler in `agentbridge/lambda`, the infrastructure in `agentbridge/cdk`.
 *
 * @example
 * ```ts
 * import * as z from 'zod';
 * import { AgentId, defineAgent, defineMessage, InProcessRuntime } from 'agentbridge';
 *
 * const Greet = defineMessage('Greet', z.object({ name: z.string() }), { response: z.string() });
 * const runtime = new InProcessRuntime();
 * await runtime.register('greeter', defineAgent({ handlers: (on) => [on.rpc(Greet, (m) => `Hi ${m.name}`)] }));
 * await runtime.send(Greet, { name: 'Ada' }, new AgentId('greeter', 'default')); // 'Hi Ada'
 * ```
 *
 * @packageDocumentation
 */

export type { AgentbridgeErrorOptions } from '../lambdas/contracts/agentbridge-error.js';
export { AgentbridgeError, isAgentbridgeError } from '../lambdas/contracts/agentbridge-error.js';
export type { Clock } from '../lambdas/contracts/clock.js';
export { systemClock } from '../lambdas/contracts/clock.js';
export type { Envelope, MessageMetadata } from '../lambdas/contracts/envelope.js';
export { EnvelopeSchema, MessageMetadataSchema } from '../lambdas/contracts/envelope.js';
export type { Logger } from '../lambdas/contracts/logger.js';
export { consoleLogger, silentLogger } from '../lambdas/contracts/logger.js';
export { MessageRegistry, UnknownMessageTypeError } from '../lambdas/contracts/message-registry.js';
export type { MessageOf, MessageType, ResponseOf } from '../lambdas/contracts/message-type.js';
export { defineMessage } from '../lambdas/contracts/message-type.js';
export { MessageValidationError } from '../lambdas/contracts/message-validation-error.js';
export type {
  Producer,
  ProducerDirectory,
  ResolvedSenders,
  SenderRule,
  SenderRules,
} from '../lambdas/contracts/senders.js';
export {
  fromAgentbridge,
  fromProducer,
  ProducerDirectorySchema,
  ProducerSchema,
  resolveSenders,
  UnknownProducerError,
} from '../lambdas/contracts/senders.js';
export { sourceFor } from '../lambdas/contracts/sources.js';
export { TransientError } from '../lambdas/contracts/transient-error.js';
export type { Agent, AgentFactory } from '../lambdas/runtime/agent.js';
export type { AgentDeclaration } from '../lambdas/runtime/agent-declaration.js';
export {
  AgentDeclarationError,
  declareAgent,
  registerAgent,
} from '../lambdas/runtime/agent-declaration.js';
export type {
  AgentDefinition,
  HandlerBuilders,
  HandlerKind,
  HandlerSpec,
} from '../lambdas/runtime/agent-definition.js';
export { defineAgent } from '../lambdas/runtime/agent-definition.js';
export { AgentId } from '../lambdas/runtime/agent-id.js';
export type { AgentRuntime, RegisterOptions, RuntimeState } from '../lambdas/runtime/agent-runtime.js';
export type { AgentSpec, StateMachineAccess, StateMachineUse } from '../lambdas/runtime/agent-spec.js';
export { AgentType } from '../lambdas/runtime/agent-type.js';
export type { Closure } from '../lambdas/runtime/closure-agent.js';
export { defineClosureAgent, registerClosureAgent } from '../lambdas/runtime/closure-agent.js';
export { DefaultSubscription } from '../lambdas/runtime/default-subscription.js';
export { DEFAULT_TOPIC_TYPE, DefaultTopicId } from '../lambdas/runtime/default-topic.js';
export { assertAgentType, assertKey, assertTopicType } from '../lambdas/runtime/identifiers.js';
export type { InProcessRuntimeOptions } from '../lambdas/runtime/in-process-runtime.js';
export { InProcessRuntime } from '../lambdas/runtime/in-process-runtime.js';
export type { InterventionContext, InterventionHandler } from '../lambdas/runtime/intervention.js';
export { DropMessage, MessageDroppedError } from '../lambdas/runtime/intervention.js';
export type { MessageContext, PublishOptions, SendOptions } from '../lambdas/runtime/message-context.js';
export { RoutedAgent } from '../lambdas/runtime/routed-agent.js';
export {
  AgentConstructionError,
  AgentTypeExistsError,
  CantHandleError,
  InvalidIdentifierError,
  MessageCancelledError,
  ReplyValidationError,
  SubscriptionExistsError,
  SubscriptionNotFoundError,
  UnknownAgentTypeError,
} from '../lambdas/runtime/runtime-error.js';
export type { Subscription, SubscriptionOptions } from '../lambdas/runtime/subscription.js';
export { subscriptionOptions } from '../lambdas/runtime/subscription.js';
export { TopicId } from '../lambdas/runtime/topic-id.js';
export { TypePrefixSubscription } from '../lambdas/runtime/type-prefix-subscription.js';
export { TypeSubscription } from '../lambdas/runtime/type-subscription.js';
export { MAX_PAYLOAD_BYTES } from '../lambdas/runtime/wire-copy.js';
