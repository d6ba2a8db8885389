import { consoleLogger, type Logger } from '../../lambdas/contracts/logger.js';
import { isTransientTaskError } from '../../lambdas/contracts/transient-error.js';
import type { AgentDefinition, HandlerSpec } from '../../lambdas/runtime/agent-definition.js';
import type { MessageContext } from '../../lambdas/runtime/message-context.js';
import type { IdleSource } from './observed-runtime.js';

export interface LocalRedeliveryOptions {
  /** Lambda's `MaximumRetryAttempts` for async invocations (0–2). Default 2, as on AWS. */
  readonly retryAttempts?: 0 | 1 | 2;
  /** Multiplies the retry delays (1e-4 turns AWS's ~1 and ~2 minutes into 6 and 12 ms). Default 1. */
  readonly timeScale?: number;
  /** Receives the events given up on (the function's on-failure destination on AWS). Default: stderr. */
  readonly logger?: Logger;
}

/** Lambda retries a failed async invocation about 1 minute, then about 2 minutes, after the failure. */
export const LAMBDA_ASYNC_RETRY_DELAYS_MS = [60_000, 120_000] as const;

/**
 * What AWS does with an event whose function failed, offline. An EventBridge rule's retry policy covers only
 * failed deliveries (a throttled or unreachable target); once Lambda has accepted the async event, a function
 * error gets Lambda's async retries — two by default, about 1 and 2 minutes later — and then goes to the
 * function's on-failure destination. So here an event handler that throws a `TransientError` runs again with
 * the same message id and context after ~1 minute and ~2 minutes (times `timeScale`), then the event is
 * logged as sent to the on-failure destination. Other errors are not retried: the Lambda adapter turns bad
 * input into a dead-letter record and answers success, so Lambda never sees them as failures. Nothing in the
 * order system relies on these retries for correctness (an early lifecycle trigger is recorded, not
 * retried); they only carry events over outages.
 *
 * A retry runs outside the agent's mailbox, as a separate Lambda invocation would: the lifecycle's own
 * "await trigger" rpc to the same agent must not queue behind a handler that is waiting to retry. Register the
 * instance with `runtime.trackIdle` so `waitUntilIdle` covers pending retries.
 *
 * @example
 * ```ts
 * const redelivery = new LocalRedelivery({ timeScale: 1e-4 });
 * runtime.trackIdle(redelivery);
 * await runtime.register('lifecycle', redelivery.wrap(lifecycleAgent(tasks)));
 * ```
 */
export class LocalRedelivery implements IdleSource {
  readonly #attempts: number;
  readonly #timeScale: number;
  readonly #logger: Logger;
  #pending = 0;
  #waiters: (() => void)[] = [];

  constructor(options: LocalRedeliveryOptions = {}) {
    this.#attempts = 1 + (options.retryAttempts ?? 2);
    this.#timeScale = options.timeScale ?? 1;
    this.#logger = options.logger ?? consoleLogger;
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

  /** The definition with every event handler retried on a transient error; rpc handlers unchanged. */
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
    const delay = (LAMBDA_ASYNC_RETRY_DELAYS_MS[attempt - 2] ?? 0) * this.#timeScale;
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
      this.#logger.error('Retries exhausted: the event goes to the on-failure destination', {
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
