import type { MessageType } from '../contracts/message-type.js';
import { type AgentDefinition, defineAgent } from './agent-definition.js';
import type { AgentRuntime, RegisterOptions } from './agent-runtime.js';
import type { AgentType } from './agent-type.js';
import type { MessageContext } from './message-context.js';
import type { Subscription } from './subscription.js';

/** A closure's function: gets every message of its types, sent or published, with the usual context. */
export type Closure<T> = (message: T, ctx: MessageContext) => unknown;

/**
 * An agent that is one function plus the message types it takes (AutoGen's `ClosureAgent`): the usual way to
 * collect results out of a running system. Sends and publishes both reach the function; what it returns is a
 * send's reply.
 *
 * @example
 * ```ts
 * const results: Verdict[] = [];
 * const collector = defineClosureAgent([Verdict], (verdict) => void results.push(verdict));
 * await registerClosureAgent(runtime, 'collector', collector, [new TypeSubscription('verdicts', 'collector')]);
 * ```
 */
export function defineClosureAgent<T>(
  messageTypes: readonly MessageType<string, T, unknown>[],
  closure: Closure<T>,
  options: { description?: string } = {},
): AgentDefinition<undefined> {
  return defineAgent({
    description: options.description ?? 'closure agent',
    handlers: (on) => messageTypes.map((type) => on.message(type, (message, ctx) => closure(message, ctx))),
  });
}

/**
 * Registers a closure agent and its subscriptions (AutoGen's `ClosureAgent.register_closure`); its
 * direct-message prefix is subscribed too unless `skipDirectMessageSubscription`.
 */
export async function registerClosureAgent(
  runtime: AgentRuntime,
  type: string,
  agent: AgentDefinition<undefined>,
  subscriptions: readonly Subscription[] = [],
  options?: RegisterOptions,
): Promise<AgentType> {
  const registered = await runtime.register(type, agent, options);
  for (const subscription of subscriptions) await runtime.addSubscription(subscription);
  return registered;
}
