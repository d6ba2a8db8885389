import { randomUUID } from 'node:crypto';
import type { Logger } from '../../../lambdas/contracts/logger.js';
import { AwsServiceError } from '../endpoint/aws-service.js';
import type { LocalCloudContext } from '../local-cloud-ports.js';
import type { LocalFunction, LocalLink } from '../local-deployment.js';
import type { FunctionHost } from './function-host.js';
import {
  deadLetterAttributes,
  type InvocationCondition,
  invocationRecord,
  type LastResponse,
} from './invocation-record.js';

interface QueuedEvent {
  readonly fn: LocalFunction;
  readonly payload: string;
  readonly requestId: string;
  readonly acceptedAt: number;
  attempts: number;
  throttles: number;
  response: LastResponse | undefined;
}

/** AWS waits about a minute before the second attempt and two before the third. */
const retryDelayMs = (attempts: number): number => (attempts <= 1 ? 60_000 : 120_000);
/** Throttled events go back to the queue, retried from 1 s, doubling, at most every 5 minutes. */
const throttleDelayMs = (throttles: number): number => Math.min(1_000 * 2 ** (throttles - 1), 300_000);

/**
 * Lambda's queue of asynchronous invocations (InvocationType `Event`): each accepted event runs at most
 * 1 + MaximumRetryAttempts times (default 2 retries) while younger than MaximumEventAgeInSeconds (default
 * 6 h); a throttled attempt is retried until the age runs out. Success goes to the on-success destination;
 * an exhausted event to the on-failure destination as an invocation record, else to the function's
 * dead-letter queue with its original payload. Every delay runs on the local cloud's clock.
 */
export class AsyncInvocations {
  readonly #context: LocalCloudContext;
  readonly #host: FunctionHost;
  readonly #logger: Logger;
  readonly #armed = new Set<() => void>();
  readonly #inFlight = new Set<Promise<void>>();
  #closed = false;

  constructor(context: LocalCloudContext, host: FunctionHost, logger: Logger) {
    this.#context = context;
    this.#host = host;
    this.#logger = logger;
  }

  /** Queues `payload` for `reference` (unknown: `ResourceNotFoundException`); returns the request id. */
  accept(reference: string, payload: string): string {
    const fn = this.#host.find(reference);
    const requestId = randomUUID();
    this.#context.journal.record({
      service: 'lambda',
      action: 'InvokeAccepted',
      resource: fn.name,
      payload,
      detail: requestId,
    });
    const event: QueuedEvent = {
      fn,
      payload,
      requestId,
      acceptedAt: this.#context.clock.now(),
      attempts: 0,
      throttles: 0,
      response: undefined,
    };
    // The first attempt is not a delay: it runs as soon as the caller's turn ends.
    this.#track(new Promise<void>((resolve) => setImmediate(() => resolve(this.#run(event)))));
    return requestId;
  }

  #config(fn: LocalFunction) {
    const config = this.#context.deployment.eventInvokeConfigs.find(
      (entry) => entry.functionName === fn.name && entry.qualifier === '$LATEST',
    );
    return {
      maximumRetryAttempts: config?.maximumRetryAttempts ?? 2,
      maximumEventAgeMs: (config?.maximumEventAgeSeconds ?? 21_600) * 1_000,
      onSuccess: config?.onSuccess,
      onFailure: config?.onFailure,
    };
  }

  #track(work: Promise<void>): void {
    this.#inFlight.add(work);
    void work.finally(() => this.#inFlight.delete(work));
  }

  /** Settles when no attempt is running (retries armed on the clock are not running until it reaches them). */
  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  #run(event: QueuedEvent): Promise<void> {
    if (this.#closed) return Promise.resolve();
    const attempt = this.#attempt(event).catch((error: unknown) =>
      this.#logger.error(`[${event.fn.name}] asynchronous invocation ${event.requestId} failed`, {
        error: String(error),
      }),
    );
    this.#track(attempt);
    return attempt;
  }

  #later(event: QueuedEvent, delayMs: number): void {
    const cancel = this.#context.clock.schedule(() => {
      this.#armed.delete(cancel);
      void this.#run(event);
    }, delayMs);
    this.#armed.add(cancel);
  }

  async #attempt(event: QueuedEvent): Promise<void> {
    const config = this.#config(event.fn);
    if (this.#context.clock.now() - event.acceptedAt > config.maximumEventAgeMs) {
      return this.#exhausted(event, 'EventAgeExceeded', config.onFailure);
    }
    let result: Awaited<ReturnType<FunctionHost['invoke']>>;
    try {
      result = await this.#host.invoke(event.fn.name, event.payload, event.requestId);
    } catch (error) {
      if (!(error instanceof AwsServiceError && error.transient)) throw error;
      event.throttles += 1;
      return this.#later(event, throttleDelayMs(event.throttles));
    }
    if (this.#closed) return;
    event.attempts += 1;
    event.response = { statusCode: 200, functionError: result.functionError, payload: result.payload };
    if (result.functionError === undefined) {
      if (config.onSuccess !== undefined) await this.#deliver(event, 'Success', config.onSuccess);
      return;
    }
    if (event.attempts > config.maximumRetryAttempts) {
      return this.#exhausted(event, 'RetriesExhausted', config.onFailure);
    }
    const delay = retryDelayMs(event.attempts);
    this.#context.journal.record({
      service: 'lambda',
      action: 'RetryScheduled',
      resource: event.fn.name,
      payload: event.payload,
      detail: `attempt ${event.attempts + 1} in ${delay / 1_000} s (${event.requestId})`,
    });
    this.#later(event, delay);
  }

  async #exhausted(event: QueuedEvent, condition: InvocationCondition, onFailure: LocalLink | undefined) {
    if (onFailure !== undefined) return this.#deliver(event, condition, onFailure);
    const { fn } = event;
    const detail = `${condition} after ${event.attempts} attempt(s) (${event.requestId})`;
    if (fn.deadLetterTarget?.kind !== 'queue') {
      this.#context.journal.record({
        service: 'lambda',
        action: 'Discarded',
        resource: fn.name,
        payload: event.payload,
        detail,
      });
      return;
    }
    await this.#context.queues().sendMessage({
      queue: fn.deadLetterTarget.arn,
      body: event.payload,
      attributes: deadLetterAttributes(event.requestId, event.response, condition),
    });
    this.#context.journal.record({
      service: 'lambda',
      action: 'DeadLettered',
      resource: fn.name,
      payload: event.payload,
      detail,
    });
  }

  /** Sends the invocation record to a destination: a queue, a bus or another function (asynchronously). */
  async #deliver(event: QueuedEvent, condition: InvocationCondition, destination: LocalLink): Promise<void> {
    const { fn } = event;
    const record = invocationRecord({ ...event, condition, at: this.#context.clock.now() });
    const outcome = condition === 'Success' ? 'Success' : 'Failure';
    if (destination.kind === 'queue') {
      await this.#context.queues().sendMessage({ queue: destination.arn, body: record });
    } else if (destination.kind === 'eventBus') {
      const result = await this.#context.events().putEvents([
        {
          Source: 'lambda',
          DetailType: `Lambda Function Invocation Result - ${outcome}`,
          Detail: record,
          EventBusName: destination.arn,
          Resources: [`${fn.arn}:$LATEST`],
        },
      ]);
      if (result.FailedEntryCount > 0)
        throw new Error(`the bus refused the record: ${JSON.stringify(result.Entries)}`);
    } else if (destination.kind === 'function') {
      await this.#context.functions().invokeAsync(destination.name, record);
    } else {
      throw new Error(`${destination.arn} is not a destination the local cloud can deliver to`);
    }
    this.#context.journal.record({
      service: 'lambda',
      action: condition === 'Success' ? 'SuccessDelivered' : 'FailureDelivered',
      resource: fn.name,
      payload: record,
      detail: `${condition} → ${destination.name}`,
    });
  }

  /** Cancels every retry still waiting. */
  close(): void {
    this.#closed = true;
    for (const cancel of this.#armed) cancel();
    this.#armed.clear();
  }
}
