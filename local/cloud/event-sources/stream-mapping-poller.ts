import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../../lambdas/contracts/logger.js';
import type { LocalCloudContext } from '../local-cloud-ports.js';
import type { LocalEventSourceMapping } from '../local-deployment.js';
import type { DynamoDbStreamsApi, StreamRecord, StreamShard } from './dynamodb-streams-api.js';
import type { InFlight } from './in-flight.js';
import { passesFilters } from './record-filters.js';
import { StreamBatchProcessor } from './stream-batch-processor.js';

/*
 * How long an idle shard waits before reading again (wall time: this is how often DynamoDB Local is asked,
 * not a delay of the semantics). It doubles from 1 ms while nothing comes and drops to 0 once records flow,
 * so a write reaches its function within a few milliseconds; `nudge` cuts a wait short.
 */
const FIRST_IDLE_MS = 1;
const MAX_IDLE_MS = 10;
const MAX_FIRST_SEEN = 100_000;

/**
 * A DynamoDB stream → function mapping: finds the table's stream, reads each shard after its parent (so a
 * key's changes stay in order), batches what passes the filters up to the batch size within the batching
 * window, and hands each batch to a {@link StreamBatchProcessor}, which holds the shard until it is done.
 */
export class StreamMappingPoller {
  readonly #abort = new AbortController();
  readonly #finished = new Set<string>();
  readonly #reading = new Map<string, Promise<void>>();
  readonly #firstSeen = new Map<string, number>();
  readonly #wakers = new Set<() => void>();
  #streamArn = '';

  constructor(
    readonly mapping: LocalEventSourceMapping,
    readonly api: DynamoDbStreamsApi,
    readonly context: LocalCloudContext,
    readonly logger: Logger,
    readonly inFlight: InFlight,
  ) {}

  /** Finds the stream and starts reading its shards; rejects when the table has no stream. */
  async start(): Promise<void> {
    const arn = await this.api.latestStreamArn(this.mapping.source.name);
    if (arn === undefined)
      throw new Error(`table ${this.mapping.source.name} has no stream for ${this.mapping.functionName}`);
    this.#streamArn = arn;
    const shards = await this.api.shards(arn);
    if (this.mapping.startingPosition === 'LATEST') {
      // Closed shards hold only what happened before the mapping began.
      for (const shard of shards)
        if (shard.SequenceNumberRange?.EndingSequenceNumber !== undefined) this.#finished.add(shard.ShardId);
    }
    await this.#schedule(shards, this.mapping.startingPosition === 'LATEST' ? 'LATEST' : 'TRIM_HORIZON');
  }

  /** Reads again at once (a write just went to the table). */
  nudge(): void {
    for (const wake of [...this.#wakers]) wake();
  }

  async close(): Promise<void> {
    this.#abort.abort();
    this.nudge();
    await Promise.all([...this.#reading.values()]);
  }

  /** Starts reading each shard whose parent is done, once its iterator is in hand (LATEST is now). */
  async #schedule(shards: readonly StreamShard[], position: 'TRIM_HORIZON' | 'LATEST'): Promise<void> {
    const known = new Set(shards.map((shard) => shard.ShardId));
    for (const shard of shards) {
      if (this.#finished.has(shard.ShardId) || this.#reading.has(shard.ShardId)) continue;
      const parent = shard.ParentShardId;
      if (parent !== undefined && known.has(parent) && !this.#finished.has(parent)) continue;
      const iterator = await this.api.shardIterator(this.#streamArn, shard.ShardId, { type: position });
      this.#reading.set(shard.ShardId, this.#read(shard.ShardId, iterator, position));
    }
  }

  async #read(
    shardId: string,
    first: string | undefined,
    position: 'TRIM_HORIZON' | 'LATEST',
  ): Promise<void> {
    const processor = new StreamBatchProcessor(
      this.mapping,
      this.#streamArn,
      this.context,
      (record) => this.#seen(record),
      this.inFlight,
    );
    const closed = () => this.#abort.signal.aborted;
    let iterator = first;
    let idleMs = 0;
    let buffer: StreamRecord[] = [];
    let windowEnds: number | undefined;
    let last: StreamRecord | undefined;
    try {
      while (iterator !== undefined && !closed()) {
        const read = await this.#records(shardId, iterator, last, position);
        iterator = read.next;
        last = read.records.at(-1) ?? last;
        for (const record of read.records) this.#seen(record);
        buffer.push(...read.records.filter((record) => passesFilters(this.mapping.filters, record)));
        if (buffer.length > 0)
          windowEnds ??= this.context.clock.now() + this.mapping.maximumBatchingWindowSeconds * 1000;
        const full = buffer.length >= this.mapping.batchSize;
        const due = windowEnds !== undefined && this.context.clock.now() >= windowEnds;
        if (buffer.length > 0 && (full || due || iterator === undefined)) {
          while (buffer.length > 0 && !closed()) {
            await this.inFlight.track(
              processor.process(shardId, buffer.slice(0, this.mapping.batchSize), closed),
            );
            buffer = buffer.slice(this.mapping.batchSize);
          }
          windowEnds = undefined;
        }
        idleMs = read.records.length > 0 ? 0 : Math.min(Math.max(idleMs * 2, FIRST_IDLE_MS), MAX_IDLE_MS);
        if (idleMs > 0 && iterator !== undefined) await this.#idle(idleMs);
      }
    } catch (error) {
      if (!closed())
        this.logger.error('a stream mapping stopped reading a shard', {
          function: this.mapping.functionName,
          shardId,
          error: String(error),
        });
      return;
    }
    if (closed()) return;
    this.#finished.add(shardId);
    this.#reading.delete(shardId);
    await this.#schedule(await this.api.shards(this.#streamArn), 'TRIM_HORIZON').catch((error: unknown) =>
      this.logger.error('a stream mapping found no shard after a closed one', {
        function: this.mapping.functionName,
        error: String(error),
      }),
    );
  }

  /**
   * The next records of a shard; after a failed read (DynamoDB Local restarting, an iterator expired while a
   * batch was retried) nothing, and a fresh iterator after the last record read.
   */
  async #records(
    shardId: string,
    iterator: string,
    last: StreamRecord | undefined,
    position: 'TRIM_HORIZON' | 'LATEST',
  ): Promise<{ readonly records: StreamRecord[]; readonly next: string | undefined }> {
    try {
      return await this.api.records(iterator);
    } catch (error) {
      if (this.#abort.signal.aborted) return { records: [], next: undefined };
      this.logger.warn('a stream mapping reads a shard again after a failed read', {
        function: this.mapping.functionName,
        shardId,
        error: String(error),
      });
      await this.#idle(100);
      const after =
        last === undefined
          ? { type: position }
          : { type: 'AFTER_SEQUENCE_NUMBER' as const, sequenceNumber: last.dynamodb.SequenceNumber };
      const fresh = await this.api.shardIterator(this.#streamArn, shardId, after).catch(() => iterator);
      return { records: [], next: fresh };
    }
  }

  #seen(record: StreamRecord): number {
    const key = record.dynamodb.SequenceNumber;
    const seen = this.#firstSeen.get(key);
    if (seen !== undefined) return seen;
    if (this.#firstSeen.size >= MAX_FIRST_SEEN)
      this.#firstSeen.delete(this.#firstSeen.keys().next().value ?? '');
    const now = this.context.clock.now();
    this.#firstSeen.set(key, now);
    return now;
  }

  async #idle(ms: number): Promise<void> {
    let wake = (): void => undefined;
    const woken = new Promise<void>((resolve) => {
      wake = resolve;
    });
    this.#wakers.add(wake);
    await Promise.race([sleep(ms, undefined, { ref: false }), woken]);
    this.#wakers.delete(wake);
  }
}
