import type { MessageType } from '../contracts/message-type.js';
import type { AgentId } from './agent-id.js';
import type { MessageContext, PublishOptions, SendOptions } from './message-context.js';
import type { TopicId } from './topic-id.js';

/** What a delivery context needs from the runtime that created it. */
export interface ContextHost {
  sendFrom<T, R>(
    caller: DeliveryContext,
    type: MessageType<string, T, R>,
    message: T,
    recipient: AgentId,
    options: SendOptions | undefined,
  ): Promise<R>;
  publishFrom<T>(
    caller: DeliveryContext,
    type: MessageType<string, T, unknown>,
    message: T,
    topic: TopicId,
    options: PublishOptions | undefined,
  ): Promise<void>;
}

/** The holder of an agent's state, read lazily so a context costs one allocation. */
export interface StateHolder {
  readonly state?: unknown;
}

/**
 * The {@link MessageContext} a runtime hands to a handler. `caller` links a `send` to the context that is
 * awaiting it, which is how the in-process runtime recognises a call chain coming back to a busy agent.
 */
export class DeliveryContext implements MessageContext {
  constructor(
    readonly host: ContextHost,
    readonly holder: StateHolder,
    readonly recipient: AgentId,
    readonly sender: AgentId | undefined,
    readonly topic: TopicId | undefined,
    readonly isRpc: boolean,
    readonly messageType: string,
    readonly messageId: string,
    readonly correlationId: string,
    readonly causationId: string,
    readonly signal: AbortSignal,
    readonly caller: DeliveryContext | undefined,
  ) {}

  get state(): unknown {
    return this.holder.state;
  }

  send<T, R>(
    type: MessageType<string, T, R>,
    message: T,
    recipient: AgentId,
    options?: SendOptions,
  ): Promise<R> {
    return this.host.sendFrom(this, type, message, recipient, options);
  }

  publish<T>(
    type: MessageType<string, T, unknown>,
    message: T,
    topic: TopicId,
    options?: PublishOptions,
  ): Promise<void> {
    return this.host.publishFrom(this, type, message, topic, options);
  }
}
