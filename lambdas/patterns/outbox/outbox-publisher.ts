import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { EVENT_STORE_ATTRIBUTES } from '../../contracts/tables/event-store-table.js';
import { eventFromStreamRecord } from '../../stores/event-store/dynamodb/event-stream-record.js';
import { OutboxOrderHoldError } from './outbox-error.js';
import { outboxEventMetadata } from './outbox-event-metadata.js';
import type { OutboxIdempotency } from './outbox-idempotency.js';
import type { OutboxPublishPort } from './outbox-publish-port.js';

/** The slice of a logger the publisher needs; a Powertools `Logger` satisfies it. */
export interface OutboxLogger {
  warn(message: string, extra: Record<string, unknown>): void;
}

export interface OutboxPublisherOptions {
  readonly port: OutboxPublishPort;
  readonly idempotency: OutboxIdempotency;
  readonly logger?: OutboxLogger;
}

/** Per record: the outcome of the same stream's previous event in this batch, and how to report its own. */
interface OrderGate {
  readonly previous: Promise<boolean> | undefined;
  readonly settle: (published: boolean) => void;
}

/**
 * The transactional outbox's publishing half: reads the event store table's DynamoDB stream and publishes
 * every newly inserted event (snapshots, MODIFY and REMOVE are skipped) through the port, with the event id
 * as message id. Failures are reported per record in the Powertools batch shape, so only the failed part
 * is redelivered; the idempotency port stops redelivered records from publishing twice. Events of one
 * stream are published in version order: after a failure, later events of that stream in the batch are
 * held back rather than overtaking it. Different streams publish in parallel.
 *
 * @example
 * ```ts
 * const publisher = new OutboxPublisher({ port, idempotency, logger });
 * export const handler = (event: DynamoDBStreamEvent, context: Context) => publisher.publishBatch(event, context);
 * ```
 */
export class OutboxPublisher {
  readonly #port: OutboxPublishPort;
  readonly #idempotency: OutboxIdempotency;
  readonly #logger: OutboxLogger | undefined;

  constructor(options: OutboxPublisherOptions) {
    this.#port = options.port;
    this.#idempotency = options.idempotency;
    this.#logger = options.logger;
  }

  /** Publishes a batch; resolves `{ batchItemFailures: [{ itemIdentifier: <sequence number> }] }`. */
  async publishBatch(event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> {
    const gates = orderGates(event.Records);
    // A processor per batch: it holds the batch's records and failures, so it is never shared.
    const processor = new BatchProcessor(EventType.DynamoDBStreams);
    return processPartialResponse(
      event,
      (record: DynamoDBRecord) =>
        this.#publishRecord(record, gates.get(record.dynamodb?.SequenceNumber ?? ''), context),
      processor,
      // A batch where every record failed is reported like any other, so the caller always gets the shape.
      { context, throwOnFullBatchFailure: false },
    );
  }

  async #publishRecord(
    record: DynamoDBRecord,
    gate: OrderGate | undefined,
    context?: Context,
  ): Promise<void> {
    try {
      const event = eventFromStreamRecord(record);
      if (event !== undefined) {
        if (gate?.previous !== undefined && !(await gate.previous)) {
          throw new OutboxOrderHoldError(event.streamId, event.version);
        }
        await this.#idempotency.once(
          event.id,
          () => this.#port.publish(event.type, event.data, outboxEventMetadata(event)),
          context,
        );
      }
      gate?.settle(true);
    } catch (error) {
      gate?.settle(false);
      this.#logger?.warn('Outbox record not published; the stream will redeliver it', {
        sequenceNumber: record.dynamodb?.SequenceNumber,
        error,
      });
      throw error;
    }
  }
}

/**
 * Chains each event record to the previous record of the same stream in this batch. Planned up front, in
 * record order, so the chain does not depend on the order the batch processor starts handlers in.
 */
const orderGates = (records: readonly DynamoDBRecord[]): Map<string, OrderGate> => {
  const gates = new Map<string, OrderGate>();
  const lastOfStream = new Map<string, Promise<boolean>>();
  for (const record of records) {
    const sequenceNumber = record.dynamodb?.SequenceNumber;
    const streamId =
      record.eventName === 'INSERT' ? record.dynamodb?.NewImage?.[EVENT_STORE_ATTRIBUTES.pk]?.S : undefined;
    if (sequenceNumber === undefined || streamId === undefined) continue;
    let settle: (published: boolean) => void = () => undefined;
    const outcome = new Promise<boolean>((resolve) => {
      settle = resolve;
    });
    gates.set(sequenceNumber, { previous: lastOfStream.get(streamId), settle });
    lastOfStream.set(streamId, outcome);
  }
  return gates;
};
