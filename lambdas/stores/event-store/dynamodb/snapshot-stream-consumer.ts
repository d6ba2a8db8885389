import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { Logger } from '../../../contracts/logger.js';
import {
  EVENT_STORE_ATTRIBUTES as A,
  EVENT_STORE_ITEM_KINDS,
} from '../../../contracts/tables/event-store-table.js';
import { StoreUnavailableError } from '../../store-errors.js';
import type { EventStore } from '../event-store.js';
import { type SnapshotPolicy, snapshotInterval } from '../snapshot-policy.js';

export interface SnapshotStreamConsumerOptions {
  readonly store: Pick<EventStore, 'snapshot'>;
  readonly policy: SnapshotPolicy;
  readonly logger: Logger;
}

/**
 * Snapshots driven from the event store table's DynamoDB stream — the way to snapshot on Lambda, where a
 * promise left running after the handler returns is frozen with the container and may never finish.
 * Every inserted event whose version is a multiple of `every` triggers `store.snapshot(stream, reducer,
 * version)`, which starts from the previous snapshot, so each costs at most `every` event reads. Snapshot
 * writes are deterministic, so a redelivered record rewrites the same item. A transient store failure is
 * a batch item failure (retried); a state that can never be stored is logged and skipped, because a
 * snapshot is an optimisation and must not block the shard. IAM: stream read, dynamodb:Query, PutItem.
 *
 * @example
 * ```ts
 * const consumer = new SnapshotStreamConsumer({ store, policy: { every: 100, reducerFor }, logger });
 * export const handler = (event: DynamoDBStreamEvent, context: Context) => consumer.processBatch(event, context);
 * ```
 */
export class SnapshotStreamConsumer {
  readonly #store: Pick<EventStore, 'snapshot'>;
  readonly #policy: SnapshotPolicy;
  readonly #every: number;
  readonly #logger: Logger;

  constructor(options: SnapshotStreamConsumerOptions) {
    this.#store = options.store;
    this.#policy = options.policy;
    this.#every = snapshotInterval(options.policy);
    this.#logger = options.logger;
  }

  async processBatch(event: DynamoDBStreamEvent, context?: Context): Promise<DynamoDBBatchResponse> {
    const processor = new BatchProcessor(EventType.DynamoDBStreams);
    return processPartialResponse(event, (record: DynamoDBRecord) => this.#snapshotIfDue(record), processor, {
      context,
      throwOnFullBatchFailure: false,
    });
  }

  async #snapshotIfDue(record: DynamoDBRecord): Promise<void> {
    const image = record.eventName === 'INSERT' ? record.dynamodb?.NewImage : undefined;
    if (image?.[A.kind]?.S !== EVENT_STORE_ITEM_KINDS.event) return;
    const streamId = image[A.pk]?.S;
    const version = Number(image[A.sk]?.N);
    if (streamId === undefined || !Number.isSafeInteger(version) || version % this.#every !== 0) return;
    const reducer = this.#policy.reducerFor(streamId);
    if (reducer === undefined) return;
    try {
      await this.#store.snapshot(streamId, reducer, version);
    } catch (error) {
      if (error instanceof StoreUnavailableError) throw error;
      this.#logger.error('Snapshot skipped: the state cannot be stored; the stream still loads by replay', {
        streamId,
        version,
        error,
      });
    }
  }
}
