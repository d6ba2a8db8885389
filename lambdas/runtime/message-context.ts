import type { MessageType } from '../contracts/message-type.js';
import type { AgentId } from './agent-id.js';
import type { TopicId } from './topic-id.js';

/** Options a caller may set on `send`. */
export interface SendOptions {
  /** The sending agent; set automatically when a handler sends through its context. */
  sender?: AgentId;
  /** Cancels the call: the caller's promise rejects and the handler sees `ctx.signal` abort. */
  signal?: AbortSignal;
  messageId?: string;
  correlationId?: string;
  causationId?: string;
}

/** Options a caller may set on `publish`. */
export interface PublishOptions {
  sender?: AgentId;
  /** An already aborted signal delivers nothing; a later abort reaches the handlers' `ctx.signal`. */
  signal?: AbortSignal;
  messageId?: string;
  correlationId?: string;
  causationId?: string;
}

/**
 * What a handler knows about the message it is handling (AutoGen's `MessageContext`), plus the agent's
 * state and `send`/`publish` that carry the sender, correlation id and cancellation on automatically.
 *
 * @example
 * ```ts
 * rpc(Greet, async (msg, ctx) => {
 *   ctx.state.greeted += 1;
 *   await ctx.publish(Greeted, { name: msg.name }, new TopicId('greetings', ctx.recipient.key));
 *   return { text: `Hello ${msg.name}` };
 * });
 * ```
 */
export interface MessageContext<State = unknown> {
  /** The agent handling the message. */
  readonly recipient: AgentId;
  readonly sender: AgentId | undefined;
  /** The topic for a published message; undefined for `send`. */
  readonly topic: TopicId | undefined;
  /** True for `send` (request/response), false for `publish`. */
  readonly isRpc: boolean;
  /** The message's type name (the EventBridge detail-type). */
  readonly messageType: string;
  readonly messageId: string;
  /** Shared by every message caused, directly or not, by the same first message. */
  readonly correlationId: string;
  /** The id of the message whose handling caused this one. */
  readonly causationId: string;
  /** Aborts when the caller cancels (or, on Lambda, when the invocation runs out of time). */
  readonly signal: AbortSignal;
  /** The recipient agent's state (routed agents); mutate it in place. */
  readonly state: State;
  send<T, R>(
    type: MessageType<string, T, R>,
    message: NoInfer<T>,
    recipient: AgentId,
    options?: SendOptions,
  ): Promise<R>;
  publish<T>(
    type: MessageType<string, T, unknown>,
    message: NoInfer<T>,
    topic: TopicId,
    options?: PublishOptions,
  ): Promise<void>;
}
