import type { LocalCloudContext } from '../local-cloud-ports.js';
import type { LocalEventSourceMapping } from '../local-deployment.js';
import type { LocalQueueState } from '../sqs/local-queue.js';
import type { ReceivedMessage } from '../sqs/queue-message.js';
import { invokeBatch } from './batch-outcome.js';
import type { InFlight } from './in-flight.js';
import { passesFilters, sqsRecordForFilters } from './record-filters.js';
import { sqsRecordOf } from './sqs-record.js';

/** Lambda polls a queue with five long-polling connections to begin with; SQS caps one receive at ten. */
const POLLERS = 5;

/**
 * An SQS → function mapping: long polls the queue in process, gathers up to the batch size within the
 * batching window (on the clock), deletes messages the filters reject, invokes the function with Lambda's
 * SQS event, and deletes what succeeded. A function error leaves the batch to come back after the
 * visibility timeout (and to the dead-letter queue once past `maxReceiveCount`); with
 * `ReportBatchItemFailures` only the messages listed come back.
 */
export class SqsMappingPoller {
  readonly #abort = new AbortController();
  readonly #loops: Promise<void>[] = [];

  constructor(
    readonly mapping: LocalEventSourceMapping,
    readonly queue: LocalQueueState,
    readonly context: LocalCloudContext,
    readonly inFlight: InFlight,
  ) {}

  start(): void {
    const pollers = Math.min(this.mapping.maximumConcurrency ?? POLLERS, POLLERS);
    for (let index = 0; index < pollers; index += 1) this.#loops.push(this.#loop());
  }

  async close(): Promise<void> {
    this.#abort.abort();
    await Promise.all(this.#loops);
  }

  async #loop(): Promise<void> {
    const { signal } = this.#abort;
    while (!signal.aborted) {
      const batch = await this.#gather();
      if (batch.length > 0 && !signal.aborted) await this.inFlight.track(this.#deliver(batch));
    }
  }

  async #gather(): Promise<ReceivedMessage[]> {
    const { signal } = this.#abort;
    const { clock } = this.context;
    const visibilityMs = this.queue.queue.visibilityTimeoutSeconds * 1000;
    const size = this.mapping.batchSize;
    const batch = [
      ...(await this.queue.receive({
        max: Math.min(size, 10),
        visibilityMs,
        waitMs: Number.POSITIVE_INFINITY,
        signal,
      })),
    ];
    const windowEnds = clock.now() + this.mapping.maximumBatchingWindowSeconds * 1000;
    while (batch.length > 0 && batch.length < size && clock.now() < windowEnds && !signal.aborted) {
      const more = await this.queue.receive({
        max: Math.min(size - batch.length, 10),
        visibilityMs,
        waitMs: windowEnds - clock.now(),
        signal,
      });
      batch.push(...more);
    }
    return batch;
  }

  async #deliver(batch: readonly ReceivedMessage[]): Promise<void> {
    const { mapping, queue, context } = this;
    const region = queue.queue.arn.split(':')[3] ?? 'us-east-1';
    const records = batch.map((received) => ({
      received,
      record: sqsRecordOf(received, queue.queue, region),
    }));
    const passing = records.filter(({ record }) =>
      passesFilters(mapping.filters, sqsRecordForFilters(record)),
    );
    for (const rejected of records.filter((entry) => !passing.includes(entry)))
      queue.delete(rejected.received.receiptHandle);
    if (passing.length === 0) return;
    const payload = JSON.stringify({ Records: passing.map(({ record }) => record) });
    const ids = new Set(passing.map(({ received }) => received.message.messageId));
    const outcome = await invokeBatch(
      () => context.functions().invoke(mapping.functionName, payload),
      mapping.reportBatchItemFailures,
      ids,
    );
    const retried = new Set(
      outcome.kind === 'partial' ? outcome.failed : outcome.kind === 'error' ? ids : [],
    );
    for (const { received } of passing) {
      if (!retried.has(received.message.messageId)) queue.delete(received.receiptHandle);
    }
    context.journal.record({
      service: 'sqs',
      action: outcome.kind === 'success' ? 'BatchProcessed' : 'BatchFailed',
      resource: mapping.functionName,
      payload,
      detail:
        outcome.kind === 'error'
          ? outcome.error
          : outcome.kind === 'partial'
            ? `retried: ${outcome.failed.join(', ')}`
            : `from ${queue.queue.name}`,
    });
  }
}
