import { randomUUID } from 'node:crypto';
import { type Clock, systemClock } from '../../lambdas/contracts/clock.js';
import type { MessageType } from '../../lambdas/contracts/message-type.js';
import type { DeliveryContext } from '../../lambdas/runtime/delivery-context.js';
import { InProcessRuntime, type InProcessRuntimeOptions } from '../../lambdas/runtime/in-process-runtime.js';
import type { PublishOptions } from '../../lambdas/runtime/message-context.js';
import { causationIdOf, correlationIdOf } from '../../lambdas/runtime/message-lineage.js';
import type { TopicId } from '../../lambdas/runtime/topic-id.js';

/** One publish as the bus would carry it: detail-type, topic, ids and payload. */
export interface ObservedEvent {
  /** Position in the run, from 1. */
  readonly seq: number;
  readonly at: Date;
  /** The message type name (the EventBridge detail-type). */
  readonly type: string;
  readonly topic: { readonly type: string; readonly source: string };
  readonly messageId: string;
  /** An AgentId string (`type/key`), or undefined for a publish from outside any agent. */
  readonly sender: string | undefined;
  readonly correlationId: string;
  readonly causationId: string;
  readonly data: unknown;
}

export type ObservedEventListener = (event: ObservedEvent) => void;

/** Work outside the runtime that publishes onto it (the outbox relay): `waitUntilIdle` waits for it too. */
export interface IdleSource {
  readonly busy: boolean;
  idle(): Promise<void>;
}

/**
 * The in-process runtime with a tap on the bus: every publish (by a test or demo, by an agent through its
 * context, by a state machine's `events:putEvents`) is recorded before it is delivered, in order, with the ids
 * it travels with. `npm start` prints its per-order trace from this; tests assert on it. `waitUntilIdle` also
 * covers the sources given to `trackIdle` (the local outbox relay).
 *
 * @example
 * ```ts
 * const runtime = new ObservedRuntime();
 * runtime.onEvent((event) => console.log(event.type, event.topic.source));
 * ```
 */
export class ObservedRuntime extends InProcessRuntime {
  readonly #events: ObservedEvent[] = [];
  readonly #listeners = new Set<ObservedEventListener>();
  readonly #idleSources = new Set<IdleSource>();
  readonly #clock: Clock;

  constructor(options: InProcessRuntimeOptions & { clock?: Clock } = {}) {
    super(options);
    this.#clock = options.clock ?? systemClock;
  }

  /** Every event published so far, oldest first. */
  get events(): readonly ObservedEvent[] {
    return this.#events;
  }

  /** Calls `listener` with every later publish; returns the function that stops it. */
  onEvent(listener: ObservedEventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Makes `waitUntilIdle` wait for `source` as well; returns the function that stops it. */
  trackIdle(source: IdleSource): () => void {
    this.#idleSources.add(source);
    return () => this.#idleSources.delete(source);
  }

  /**
   * Resolves once no delivery is queued or running and no tracked source is busy. A handler's append feeds the
   * relay before the handler settles, and the relay's publish queues its deliveries before the relay settles,
   * so alternating the two waits until both are found idle leaves no cascade behind.
   */
  override async waitUntilIdle(): Promise<void> {
    for (;;) {
      await super.waitUntilIdle();
      const busy = [...this.#idleSources].filter((source) => source.busy);
      if (busy.length === 0) return;
      await Promise.all(busy.map((source) => source.idle()));
    }
  }

  override publishFrom<T>(
    caller: DeliveryContext | undefined,
    type: MessageType<string, T, unknown>,
    message: T,
    topic: TopicId,
    options: PublishOptions | undefined,
  ): Promise<void> {
    // The ids are fixed here (as the runtime would), so the record and the deliveries carry the same ones.
    const messageId = options?.messageId ?? randomUUID();
    const correlationId = correlationIdOf(messageId, options, caller);
    const causationId = causationIdOf(messageId, options, caller);
    const sender = options?.sender ?? caller?.recipient;
    const event: ObservedEvent = {
      seq: this.#events.length + 1,
      at: new Date(this.#clock.now()),
      type: type.name,
      topic: { type: topic.type, source: topic.source },
      messageId,
      sender: sender?.toString(),
      correlationId,
      causationId,
      data: message,
    };
    this.#events.push(event);
    for (const listener of this.#listeners) listener(event);
    return super.publishFrom(caller, type, message, topic, {
      ...options,
      messageId,
      correlationId,
      causationId,
    });
  }
}
