import { randomUUID } from 'node:crypto';
import { messageOf } from '../../../lambdas/contracts/agentbridge-error.js';
import type { LocalCloudContext } from '../local-cloud-ports.js';
import type { LocalEventSourceMapping } from '../local-deployment.js';
import { type BatchOutcome, invokeBatch } from './batch-outcome.js';
import type { StreamRecord } from './dynamodb-streams-api.js';
import type { InFlight } from './in-flight.js';

/** A stream keeps records 24 hours: a mapping without a maximum record age retries that long at most. */
const STREAM_RETENTION_S = 86_400;
const RETRY_BACKOFF_MS = 100;
const MAX_RETRY_BACKOFF_MS = 5_000;

type Condition = 'RetryAttemptsExhausted' | 'RecordAgeExceeded';

interface Pending {
  readonly records: readonly StreamRecord[];
  attempts: number;
}

/**
 * Delivers one shard's batch to the function as Lambda does for streams, holding the shard until the
 * batch is done: a function error retries the batch (with backoff on the clock), split in two first when
 * `BisectBatchOnFunctionError` is on (splitting does not count towards the retries); a partial batch
 * response retries from the lowest failed sequence number; once retries or the record age run out, the
 * batch is described to the on-failure queue in AWS's `DDBStreamBatchInfo` shape and skipped.
 */
export class StreamBatchProcessor {
  constructor(
    readonly mapping: LocalEventSourceMapping,
    readonly streamArn: string,
    readonly context: LocalCloudContext,
    /** When the mapping first read each record (by sequence number), on the clock: a record's age. */
    readonly firstSeen: (record: StreamRecord) => number,
    /** Counts each invocation (not the backoff between retries) as under way. */
    readonly inFlight: InFlight,
  ) {}

  async process(shardId: string, records: readonly StreamRecord[], closed: () => boolean): Promise<void> {
    const pending: Pending[] = [{ records, attempts: 0 }];
    while (pending.length > 0 && !closed()) {
      const batch = pending[0] as Pending;
      const condition = this.#expired(batch);
      if (condition !== undefined) {
        pending.shift();
        await this.#onFailure(shardId, batch, condition);
        continue;
      }
      const outcome = await this.inFlight.track(this.#invoke(batch.records));
      if (outcome.kind === 'success') {
        pending.shift();
        continue;
      }
      batch.attempts += 1;
      const retry = this.#retryOf(batch, outcome);
      const maximum = this.mapping.maximumRetryAttempts;
      if (retry.length > 1 && this.mapping.bisectBatchOnFunctionError) {
        const half = Math.ceil(retry.length / 2);
        pending.splice(
          0,
          1,
          { records: retry.slice(0, half), attempts: 0 },
          { records: retry.slice(half), attempts: 0 },
        );
        continue;
      }
      if (maximum !== undefined && batch.attempts > maximum) {
        pending.shift();
        await this.#onFailure(
          shardId,
          { records: retry, attempts: batch.attempts },
          'RetryAttemptsExhausted',
        );
        continue;
      }
      pending.splice(0, 1, { records: retry, attempts: batch.attempts });
      await this.context.clock.sleep(
        Math.min(RETRY_BACKOFF_MS * 2 ** (batch.attempts - 1), MAX_RETRY_BACKOFF_MS),
      );
    }
  }

  #retryOf(batch: Pending, outcome: Exclude<BatchOutcome, { kind: 'success' }>): readonly StreamRecord[] {
    if (outcome.kind === 'error') return batch.records;
    const failed = new Set(outcome.failed);
    const from = batch.records.findIndex((record) => failed.has(record.dynamodb.SequenceNumber));
    return batch.records.slice(Math.max(from, 0));
  }

  #expired(batch: Pending): Condition | undefined {
    const maximumAgeS = this.mapping.maximumRecordAgeSeconds ?? STREAM_RETENTION_S;
    const oldest = batch.records[0];
    if (oldest === undefined) return undefined;
    return this.context.clock.now() - this.firstSeen(oldest) >= maximumAgeS * 1000
      ? 'RecordAgeExceeded'
      : undefined;
  }

  async #invoke(records: readonly StreamRecord[]): Promise<BatchOutcome> {
    const { mapping, context } = this;
    const payload = JSON.stringify({
      Records: records.map((record) => ({ ...record, eventSourceARN: this.streamArn })),
    });
    const ids = new Set(records.map((record) => record.dynamodb.SequenceNumber));
    const outcome = await invokeBatch(
      () => context.functions().invoke(mapping.functionName, payload),
      mapping.reportBatchItemFailures,
      ids,
    );
    context.journal.record({
      service: 'streams',
      action: outcome.kind === 'success' ? 'BatchProcessed' : 'BatchFailed',
      resource: mapping.functionName,
      payload,
      detail:
        outcome.kind === 'error'
          ? outcome.error
          : outcome.kind === 'partial'
            ? `failed: ${outcome.failed.join(', ')}`
            : `from ${mapping.source.name}`,
    });
    return outcome;
  }

  async #onFailure(shardId: string, batch: Pending, condition: Condition): Promise<void> {
    const { mapping, context } = this;
    const first = batch.records[0];
    const last = batch.records.at(-1);
    const arrival = (record: StreamRecord | undefined) =>
      new Date((record?.dynamodb.ApproximateCreationDateTime ?? 0) * 1000)
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z');
    const functionArn =
      context.deployment.functions.find((fn) => fn.name === mapping.functionName)?.arn ??
      mapping.functionName;
    const failure = {
      requestContext: {
        requestId: randomUUID(),
        functionArn,
        condition,
        approximateInvokeCount: batch.attempts,
      },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: new Date(context.clock.now()).toISOString(),
      DDBStreamBatchInfo: {
        shardId,
        startSequenceNumber: first?.dynamodb.SequenceNumber,
        endSequenceNumber: last?.dynamodb.SequenceNumber,
        approximateArrivalOfFirstRecord: arrival(first),
        approximateArrivalOfLastRecord: arrival(last),
        batchSize: batch.records.length,
        streamArn: this.streamArn,
      },
    };
    const body = JSON.stringify(failure);
    context.journal.record({
      service: 'streams',
      action: 'BatchDiscarded',
      resource: mapping.functionName,
      payload: body,
      detail: condition,
    });
    if (mapping.onFailure?.kind !== 'queue') return;
    try {
      await context.queues().sendMessage({ queue: mapping.onFailure.arn, body });
    } catch (error) {
      // The batch is skipped either way, as Lambda does when its destination refuses the record.
      context.journal.record({
        service: 'streams',
        action: 'OnFailureNotDelivered',
        resource: mapping.onFailure.name,
        payload: body,
        detail: messageOf(error),
      });
    }
  }
}
