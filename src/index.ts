/**
 * agentbridge: AutoGen-style agents, the message model and the in-process runtime.
 *
 * Everything an agent system is written against, whatever it runs on: identifiers (`AgentId`, `TopicId`),
 * subscriptions, message types with their schemas, agent definitions, and `InProcessRuntime`, which runs a
 * whole system inside one Node.js process (tests, local runs). The AWS runtime lives in `agentbridge/aws`,
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

export type { Envelope, MessageMetadata } from '../lambdas/contracts/envelope.js';
// Messages: a name, a payload schema and, for `send`, a reply schema; the envelope they travel in.
export { EnvelopeSchema, MessageMetadataSchema } from '../lambdas/contracts/envelope.js';
export { MessageRegistry, UnknownMessageTypeError } from '../lambdas/contracts/message-registry.js';
export type { MessageOf, MessageType, ResponseOf } from '../lambdas/contracts/message-type.js';
export { defineMessage } from '../lambdas/contracts/message-type.js';
export { MessageValidationError } from '../lambdas/contracts/message-validation-error.js';
// Who may send: rules per message type, resolved against the bus account and the known producers.
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
// Agents: declared handlers over injected state, a closure (the usual way to collect results), or a class.
export type { Agent, AgentFactory } from '../lambdas/runtime/agent.js';
export type {
  AgentDefinition,
  HandlerBuilders,
  HandlerKind,
  HandlerSpec,
} from '../lambdas/runtime/agent-definition.js';
export { defineAgent } from '../lambdas/runtime/agent-definition.js';
// Identifiers: who receives a message and where it is published.
export { AgentId } from '../lambdas/runtime/agent-id.js';
// Runtimes: the contract every runtime keeps, and the one that runs in this process.
export type { AgentRuntime, RegisterOptions, RuntimeState } from '../lambdas/runtime/agent-runtime.js';
export { AgentType } from '../lambdas/runtime/agent-type.js';
export type { Closure } from '../lambdas/runtime/closure-agent.js';
export { defineClosureAgent, registerClosureAgent } from '../lambdas/runtime/closure-agent.js';
// Subscriptions: which agent type a topic reaches.
export { DefaultSubscription } from '../lambdas/runtime/default-subscription.js';
export { DEFAULT_TOPIC_TYPE, DefaultTopicId } from '../lambdas/runtime/default-topic.js';
export { assertAgentType, assertKey, assertTopicType } from '../lambdas/runtime/identifiers.js';
export type { InProcessRuntimeOptions } from '../lambdas/runtime/in-process-runtime.js';
export { InProcessRuntime } from '../lambdas/runtime/in-process-runtime.js';
export type { MessageContext, PublishOptions, SendOptions } from '../lambdas/runtime/message-context.js';
export { RoutedAgent } from '../lambdas/runtime/routed-agent.js';
// Errors a runtime raises, and the signal that a failure is worth retrying.
export {
  AgentConstructionError,
  AgentTypeExistsError,
  CantHandleError,
  InvalidIdentifierError,
  MessageCancelledError,
  ReplyValidationError,
  RuntimeError,
  SubscriptionExistsError,
  SubscriptionNotFoundError,
  UnknownAgentTypeError,
} from '../lambdas/runtime/runtime-error.js';
export type { RuntimeLogger } from '../lambdas/runtime/runtime-logger.js';
export { consoleRuntimeLogger } from '../lambdas/runtime/runtime-logger.js';
export type { Subscription, SubscriptionOptions } from '../lambdas/runtime/subscription.js';
export { subscriptionOptions } from '../lambdas/runtime/subscription.js';
export { TopicId } from '../lambdas/runtime/topic-id.js';
export { TypePrefixSubscription } from '../lambdas/runtime/type-prefix-subscription.js';
export { TypeSubscription } from '../lambdas/runtime/type-subscription.js';
export { MAX_PAYLOAD_BYTES } from '../lambdas/runtime/wire-copy.js';
