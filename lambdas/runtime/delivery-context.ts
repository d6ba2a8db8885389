import type { MessageType } from '../contracts/message-type.js';
import type { AgentId } from './agent-id.js';
import type { MessageContext, PublishOptions, SendOptions } from './message-context.js';
import type { TopicId } from './topic-id.js';

/**
 * What a delivery context needs from the runtime that created it: `sendFrom` and `publishFrom`, which take
 * the context a call comes from (`undefined` outside any handler). A runtime extends it, and its own `send`
 * and `publish` are those calls from no context, so both runtimes forward the same way.
 */
export abstract class ContextHost {
  abstract sendFrom<T, R>(
    caller: DeliveryContext | undefined,
    type: MessageType<string, T, R>,
    message: T,
    recipient: AgentId,
    options: SendOptions | undefined,
  ): Promise<R>;

  abstract publishFrom<T>(
    caller: DeliveryContext | undefined,
    type: MessageType<string, T, unknown>,
    message: T,
    topic: TopicId,
    options: PublishOptions | undefined,
  ): Promise<void>;

  send<T, R>(
    type: MessageType<string, T, R>,
    message: T,
    recipient: AgentId,
    options?: SendOptions,
  ): Promise<R> {
    return this.sendFrom(undefined, type, message, recipient, options);
  }

  publish<T>(
    type: MessageType<string, T, unknown>,
    message: T,
    topic: TopicId,
    options?: PublishOptions,
  ): Promise<void> {
    return this.publishFrom(undefined, type, message, topic, options);
  }
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
