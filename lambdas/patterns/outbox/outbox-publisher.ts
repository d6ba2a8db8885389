import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { type Logger, silentLogger } from '../../contracts/logger.js';
import { EVENT_STORE_ATTRIBUTES } from '../../contracts/tables/event-store-table.js';
import { eventFromStreamRecord } from '../../stores/event-store/dynamodb/event-stream-record.js';
import type { StoredEvent } from '../../stores/event-store/stored-event.js';
import { OutboxOrderHoldError } from './outbox-error.js';
import type { OutboxPublishPort } from './outbox-publish-port.js';
import { publishInStreamOrder } from './publish-in-stream-order.js';

export interface OutboxPublisherOptions {
  readonly port: OutboxPublishPort;
  /** Records not published (warn). Default: none; `batchItemFailures` reports them either way. */
  readonly logger?: Logger;
}

/** A record of the batch: the event it announces (none for a snapshot, MODIFY, REMOVE) or why it is unreadable. */
type Decoded =
  | { readonly record: DynamoDBRecord; readonly event: StoredEvent | undefined }
  | { readonly record: DynamoDBRecord; readonly error: unknown; readonly streamId: string | undefined };

/**
 * The transactional outbox's publishing half: reads a batch of the event store table's DynamoDB stream and
 * publishes every newly inserted event (snapshots, MODIFY and REMOVE are skipped) with the rules of
 * {@link publishInStreamOrder}: message id from stream and version, a stream's events in version order, a
 * failure holding back that stream's later events only, up to 10 events per PutEvents call. Each record not
 * published is reported in `batchItemFailures`, so Lambda retries from the first of them; an unreadable event
 * record holds back the later records of its stream too.
 *
 * Publication is at least once and keeps no lock or marker: a redelivered record (a retried batch, a container
 * that died mid-call) is published again at once under the same message id, and consumers deduplicate on it.
 *
 * @example
 * ```ts
 * const publisher = new OutboxPublisher({ port, logger });
 * export const handler = (event: DynamoDBStreamEvent) => publisher.publishBatch(event);
 * ```
 */
export class OutboxPublisher {
  readonly #port: OutboxPublishPort;
  readonly #logger: Logger;

  constructor(options: OutboxPublisherOptions) {
    this.#port = options.port;
    this.#logger = options.logger ?? silentLogger;
  }

  /** Publishes a batch; resolves `{ batchItemFailures: [{ itemIdentifier: <sequence number> }] }`. */
  async publishBatch(batch: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
    const decoded = batch.Records.map(decode);
    const failures = new Map<number, unknown>();
    const unreadable = new Set<string>();
    const events: StoredEvent[] = [];
    const positions: number[] = [];
    decoded.forEach((entry, index) => {
      if ('error' in entry) {
        failures.set(index, entry.error);
        if (entry.streamId !== undefined) unreadable.add(entry.streamId);
      } else if (entry.event !== undefined) {
        // Behind an unreadable record of its stream: publishing it would skip a version.
        if (unreadable.has(entry.event.streamId)) {
          failures.set(index, new OutboxOrderHoldError(entry.event.streamId, entry.event.version));
        } else {
          events.push(entry.event);
          positions.push(index);
        }
      }
    });
    for (const [index, error] of await publishInStreamOrder(this.#port, events)) {
      failures.set(positions[index] ?? index, error);
    }
    const failed = [...failures.keys()].sort((a, b) => a - b);
    for (const index of failed) this.#warn(decoded[index]?.record, failures.get(index));
    // An empty identifier makes Lambda retry the whole batch: never report a failure it could not place.
    return {
      batchItemFailures: failed.map((index) => ({
        itemIdentifier: batch.Records[index]?.dynamodb?.SequenceNumber ?? '',
      })),
    };
  }

  #warn(record: DynamoDBRecord | undefined, error: unknown): void {
    const image = record?.dynamodb?.NewImage;
    this.#logger.warn('Outbox record not published; the stream will redeliver it', {
      sequenceNumber: record?.dynamodb?.SequenceNumber,
      streamId: image?.[EVENT_STORE_ATTRIBUTES.pk]?.S,
      version: image?.[EVENT_STORE_ATTRIBUTES.sk]?.N,
      error,
    });
  }
}

const decode = (record: DynamoDBRecord): Decoded => {
  try {
    return { record, event: eventFromStreamRecord(record) };
  } catch (error) {
    return { record, error, streamId: record.dynamodb?.NewImage?.[EVENT_STORE_ATTRIBUTES.pk]?.S };
  }
};
