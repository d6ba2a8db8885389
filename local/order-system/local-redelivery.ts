import { isTransientTaskError } from '../../lambdas/contracts/transient-error.js';
import type { AgentDefinition, HandlerSpec } from '../../lambdas/runtime/agent-definition.js';
import type { MessageContext } from '../../lambdas/runtime/message-context.js';
import { consoleRuntimeLogger, type RuntimeLogger } from '../../lambdas/runtime/runtime-logger.js';
import type { IdleSource } from './observed-runtime.js';

export interface LocalRedeliveryOptions {
  /** Deliveries of one event in all, the first included. Default 8. */
  readonly attempts?: number;
  /** Delay before the first redelivery; each later one doubles it. Default 10 ms. */
  readonly intervalMs?: number;
  /** Cap of the doubling delay. Default 1 000 ms. */
  readonly maxIntervalMs?: number;
  /** Receives the events given up on (the dead-letter queue on AWS). Default: stderr. */
  readonly logger?: RuntimeLogger;
}

/**
 * The local stand-in for the retry policy of the bus rules (EventBridge's async invoke retries a target whose
 * handler threw): an event handler that throws a `TransientError` gets the same event again, with the same
 * message id and context, after a doubling delay, up to a bounded number of deliveries; then it is logged as
 * dead-lettered. The in-process runtime reports a publish's handler error and drops it, so without this a
 * trigger that arrived between two lifecycle waits would be lost offline.
 *
 * A redelivery runs outside the agent's mailbox, as a separate Lambda invocation would: the lifecycle's own
 * "await trigger" rpc to the same agent must not queue behind a handler that is waiting to retry. Register the
 * instance with `runtime.trackIdle` so `waitUntilIdle` covers pending redeliveries.
 *
 * @example
 * ```ts
 * const redelivery = new LocalRedelivery({ intervalMs: 5 });
 * runtime.trackIdle(redelivery);
 * await runtime.register('lifecycle', redelivery.wrap(lifecycleAgent(tasks)));
 * ```
 */
export class LocalRedelivery implements IdleSource {
  readonly #attempts: number;
  readonly #intervalMs: number;
  readonly #maxIntervalMs: number;
  readonly #logger: RuntimeLogger;
  #pending = 0;
  #waiters: (() => void)[] = [];

  constructor(options: LocalRedeliveryOptions = {}) {
    this.#attempts = options.attempts ?? 8;
    this.#intervalMs = options.intervalMs ?? 10;
    this.#maxIntervalMs = options.maxIntervalMs ?? 1_000;
    this.#logger = options.logger ?? consoleRuntimeLogger;
  }

  /** Whether a redelivery is scheduled or running. */
  get busy(): boolean {
    return this.#pending > 0;
  }

  /** Resolves once no redelivery is scheduled or running. */
  idle(): Promise<void> {
    if (this.#pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** The definition with every event handler redelivered on a transient error; rpc handlers unchanged. */
  wrap<State>(definition: AgentDefinition<State>): AgentDefinition<State> {
    const routes = new Map<string, readonly HandlerSpec<State>[]>();
    for (const [name, specs] of definition.routes) {
      routes.set(
        name,
        specs.map((spec) => (spec.kind === 'event' ? this.#redelivered(spec) : spec)),
      );
    }
    return { ...definition, routes };
  }

  #redelivered<State>(spec: HandlerSpec<State>): HandlerSpec<State> {
    return {
      kind: spec.kind,
      type: spec.type,
      accepts: (message, ctx) => spec.accepts(message, ctx),
      handle: async (message, ctx) => {
        try {
          await spec.handle(message, ctx);
        } catch (error) {
          if (!isTransientTaskError(error) || this.#attempts <= 1) throw error;
          this.#schedule(spec, message, ctx, 2);
        }
      },
    };
  }

  #schedule<State>(spec: HandlerSpec<State>, message: unknown, ctx: MessageContext<State>, attempt: number) {
    this.#pending += 1;
    const delay = Math.min(this.#intervalMs * 2 ** (attempt - 2), this.#maxIntervalMs);
    setTimeout(() => {
      void this.#redeliver(spec, message, ctx, attempt).finally(() => this.#settled());
    }, delay);
  }

  async #redeliver<State>(
    spec: HandlerSpec<State>,
    message: unknown,
    ctx: MessageContext<State>,
    attempt: number,
  ): Promise<void> {
    try {
      await spec.handle(message, ctx);
    } catch (error) {
      if (isTransientTaskError(error) && attempt < this.#attempts) {
        this.#schedule(spec, message, ctx, attempt + 1);
        return;
      }
      this.#logger.error('Gave up redelivering an event (dead-lettered on AWS)', {
        messageType: spec.type.name,
        messageId: ctx.messageId,
        attempts: attempt,
        error,
      });
    }
  }

  #settled(): void {
    this.#pending -= 1;
    if (this.#pending > 0) return;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
  }
}
