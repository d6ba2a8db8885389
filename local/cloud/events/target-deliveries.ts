import { messageOf } from '../../../lambdas/contracts/agentbridge-error.js';
import type { LocalCloudContext, QueueMessageAttribute } from '../local-cloud-ports.js';
import type { LocalRule, LocalRuleTarget } from '../local-deployment.js';
import { classifyFailure, type DeliveryFailure, sendToTarget } from './send-to-target.js';
import { type BusEvent, targetInput } from './target-input.js';

/** One event on its way to one target of one rule. */
export interface DeliveryJob {
  readonly rule: LocalRule;
  readonly target: LocalRuleTarget;
  readonly event: BusEvent;
  /** The event as JSON text: what the journal records and a dead-letter message carries. */
  readonly eventJson: string;
  /** When the bus received the event (virtual epoch ms): a retry policy's event age counts from here. */
  readonly ingestedAt: number;
}

/** The backoff between retries: exponential from `baseMs`, capped at `maxMs`, with jitter from `random`. */
export interface BackoffOptions {
  readonly baseMs?: number;
  readonly maxMs?: number;
  /** In [0, 1); `Math.random` by default, fixed in tests. */
  readonly random?: () => number;
}

type ExhaustedCondition = 'MaximumRetryAttempts' | 'MaximumEventAgeInSeconds';

const stringAttribute = (value: string): QueueMessageAttribute => ({
  DataType: 'String',
  StringValue: value,
});

/**
 * Delivers events to rule targets with EventBridge's delivery semantics: a failed delivery that can succeed
 * later (throttled, unavailable) is retried with exponential backoff and jitter on the cloud's clock until the
 * target's retry policy runs out (attempts or event age); one that cannot (no resource, no permission) is not
 * retried; either way the event then goes to the target's dead-letter queue with the attributes AWS adds, or
 * is dropped when it has none. Every attempt and outcome is journaled.
 */
export class TargetDeliveries {
  readonly #context: LocalCloudContext;
  readonly #baseMs: number;
  readonly #maxMs: number;
  readonly #random: () => number;
  readonly #inflight = new Set<Promise<void>>();
  readonly #armed = new Set<() => void>();

  constructor(context: LocalCloudContext, backoff: BackoffOptions = {}) {
    this.#context = context;
    this.#baseMs = backoff.baseMs ?? 1_000;
    this.#maxMs = backoff.maxMs ?? 300_000;
    this.#random = backoff.random ?? Math.random;
  }

  /** Starts the first attempt now; it runs after the caller's PutEvents has answered. */
  start(job: DeliveryJob): void {
    this.#track(Promise.resolve().then(() => this.#attempt(job, 0)));
  }

  /** Retries armed on the clock and not yet fired. */
  get pendingRetries(): number {
    return this.#armed.size;
  }

  /** Settles once no attempt is running (armed retries wait for the clock). */
  async drain(): Promise<void> {
    while (this.#inflight.size > 0) await Promise.all([...this.#inflight]);
  }

  /** Cancels armed retries and waits for running attempts. */
  async close(): Promise<void> {
    for (const cancel of this.#armed) cancel();
    this.#armed.clear();
    await this.drain();
  }

  #track(attempt: Promise<void>): void {
    this.#inflight.add(attempt);
    void attempt.finally(() => this.#inflight.delete(attempt));
  }

  #record(job: DeliveryJob, action: string, detail: string): void {
    const { target } = job;
    this.#context.journal.record({
      service: 'events',
      action,
      resource: job.rule.name,
      payload: job.eventJson,
      detail: `target ${target.id} (${target.destination.kind} ${target.destination.name}): ${detail}`,
    });
  }

  async #attempt(job: DeliveryJob, retries: number): Promise<void> {
    const attempt = retries + 1;
    try {
      const input = targetInput(job.target, job.event, {
        rule: job.rule,
        ingestionTime: new Date(job.ingestedAt).toISOString(),
      });
      await sendToTarget(this.#context, job.target, job.event, input);
      this.#record(job, 'Delivered', `attempt ${attempt}`);
    } catch (error) {
      const failure = classifyFailure(error);
      this.#record(job, 'DeliveryFailed', `attempt ${attempt}: ${failure.errorCode} ${failure.errorMessage}`);
      await this.#afterFailure(job, retries, failure);
    }
  }

  async #afterFailure(job: DeliveryJob, retries: number, failure: DeliveryFailure): Promise<void> {
    const policy = job.target.retryPolicy;
    if (!failure.retriable) return this.#deadLetter(job, failure, retries, undefined);
    if (retries >= policy.maximumRetryAttempts) {
      return this.#deadLetter(job, failure, retries, 'MaximumRetryAttempts');
    }
    const delay = this.#backoff(retries);
    const clock = this.#context.clock;
    if (clock.now() + delay - job.ingestedAt > policy.maximumEventAgeSeconds * 1000) {
      return this.#deadLetter(job, failure, retries, 'MaximumEventAgeInSeconds');
    }
    this.#record(job, 'RetryScheduled', `retry ${retries + 1} in ${delay} ms`);
    const cancel = clock.schedule(() => {
      this.#armed.delete(cancel);
      this.#track(this.#attempt(job, retries + 1));
    }, delay);
    this.#armed.add(cancel);
  }

  #backoff(retries: number): number {
    const ceiling = Math.min(this.#maxMs, this.#baseMs * 2 ** retries);
    return Math.round(ceiling / 2 + (this.#random() * ceiling) / 2);
  }

  async #deadLetter(
    job: DeliveryJob,
    failure: DeliveryFailure,
    retries: number,
    exhausted: ExhaustedCondition | undefined,
  ): Promise<void> {
    const queue = job.target.deadLetterQueue;
    const why = exhausted === undefined ? `${failure.errorCode} is not retried` : `${exhausted} exhausted`;
    if (queue === undefined) {
      this.#record(job, 'Dropped', `${why}; the target has no dead-letter queue`);
      return;
    }
    const attributes: Record<string, QueueMessageAttribute> = {
      RULE_ARN: stringAttribute(job.rule.arn),
      TARGET_ARN: stringAttribute(job.target.destination.arn),
      ERROR_CODE: stringAttribute(failure.errorCode),
      ERROR_MESSAGE: stringAttribute(failure.errorMessage),
      RETRY_ATTEMPTS: stringAttribute(String(retries)),
      ...(exhausted === undefined ? {} : { EXHAUSTED_RETRY_CONDITION: stringAttribute(exhausted) }),
    };
    try {
      await this.#context.queues().sendMessage({ queue: queue.arn, body: job.eventJson, attributes });
      this.#record(job, 'SentToDeadLetterQueue', `${why}; sent to ${queue.name}`);
    } catch (error) {
      const reason = messageOf(error);
      this.#record(job, 'DeadLetterFailed', `${why}; ${queue.name} refused it: ${reason}`);
    }
  }
}
