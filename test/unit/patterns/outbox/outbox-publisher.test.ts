import { readFileSync } from 'node:fs';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../../lambdas/contracts/logger.js';
import { OutboxOrderHoldError } from '../../../../lambdas/patterns/outbox/outbox-error.js';
import { outboxMessageId } from '../../../../lambdas/patterns/outbox/outbox-message-id.js';
import { OutboxPublisher } from '../../../../lambdas/patterns/outbox/outbox-publisher.js';
import { CorruptItemError } from '../../../../lambdas/stores/store-errors.js';
import { at, recordingOutboxPort } from '../../../support/recording-outbox-port.js';

const fixture = (name: string): DynamoDBStreamEvent =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/dynamodb-stream/${name}`, import.meta.url), 'utf8'));

const USER_1_V1 = '0b6c1c39-7f6e-4a0e-9a51-3c8f4c2f2a01';

describe('OutboxPublisher', () => {
  it('publishes every inserted event with its type, data and metadata, the message id of stream and version', async () => {
    const { port, published } = recordingOutboxPort();
    const response = await new OutboxPublisher({ port }).publishBatch(fixture('event-inserts.json'));
    expect(response).toEqual({ batchItemFailures: [] });
    expect(published).toHaveLength(3);
    expect(published.find((entry) => at(entry) === 'user-1@1')).toEqual({
      eventType: 'UserCreated',
      data: { name: 'Ada', email: 'ada@example.com' },
      metadata: {
        id: outboxMessageId('user-1', 1),
        eventId: USER_1_V1,
        streamId: 'user-1',
        version: 1,
        correlationId: 'req-1',
        causationId: 'cmd-1',
        time: '2026-01-02T03:04:05.678Z',
        actor: 'ada',
      },
    });
  });

  it('skips snapshot inserts, modifications and removals', async () => {
    const { port, published } = recordingOutboxPort();
    const response = await new OutboxPublisher({ port }).publishBatch(fixture('mixed-records.json'));
    expect(response.batchItemFailures).toEqual([]);
    expect(published.map(at)).toEqual(['user-2@1']);
  });

  it('publishes different streams in one call and a stream only after its previous version', async () => {
    const { port, calls } = recordingOutboxPort();
    await new OutboxPublisher({ port }).publishBatch(fixture('event-inserts.json'));
    expect(calls.map((call) => call.map(at))).toEqual([['user-1@1', 'order-7@1'], ['user-1@2']]);
  });

  it('reports a failed publish by sequence number and holds back later events of that stream only', async () => {
    const { port, published, calls } = recordingOutboxPort({ failing: new Set(['user-1@1']) });
    const warn = vi.fn();
    const response = await new OutboxPublisher({ port, logger: { ...silentLogger, warn } }).publishBatch(
      fixture('event-inserts.json'),
    );
    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: '100000000000000000001' },
      { itemIdentifier: '100000000000000000002' },
    ]);
    expect(published.map(at)).toEqual(['order-7@1']);
    expect(calls.flat().map(at)).not.toContain('user-1@2');
    expect(warn.mock.calls.map(([, extra]) => extra)).toEqual([
      expect.objectContaining({ streamId: 'user-1', version: '1', error: expect.any(Error) }),
      expect.objectContaining({ streamId: 'user-1', version: '2', error: expect.any(OutboxOrderHoldError) }),
    ]);
  });

  it('republishes a redelivered batch under the same message ids, with no record of the first try', async () => {
    const { port, published, failing } = recordingOutboxPort({ failing: new Set(['user-1@1']) });
    const publisher = new OutboxPublisher({ port });
    await publisher.publishBatch(fixture('event-inserts.json'));
    failing.clear();
    const retry = await publisher.publishBatch(fixture('event-inserts.json'));
    expect(retry.batchItemFailures).toEqual([]);
    expect(published.map(at)).toEqual(['order-7@1', 'user-1@1', 'order-7@1', 'user-1@2']);
    const ids = published.filter((entry) => at(entry) === 'order-7@1').map((entry) => entry.metadata.id);
    expect(new Set(ids)).toEqual(new Set([outboxMessageId('order-7', 1)]));
  });

  it('reports unreadable event inserts as failures instead of dropping them', async () => {
    const { port, published } = recordingOutboxPort();
    const warn = vi.fn();
    const response = await new OutboxPublisher({ port, logger: { ...silentLogger, warn } }).publishBatch(
      fixture('malformed-inserts.json'),
    );
    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: '300000000000000000001' },
      { itemIdentifier: '300000000000000000002' },
    ]);
    expect(warn.mock.calls.map(([, extra]) => extra.error)).toEqual([
      expect.any(CorruptItemError),
      expect.any(CorruptItemError),
    ]);
    expect(published.map(at)).toEqual(['user-5@1']);
  });

  it('holds back the later events of a stream behind an unreadable record of it', async () => {
    const batch = fixture('event-inserts.json');
    const first = batch.Records[0]?.dynamodb?.NewImage;
    if (first !== undefined) first.data = { S: '{not json' };
    const { port, published } = recordingOutboxPort();
    const response = await new OutboxPublisher({ port }).publishBatch(batch);
    expect(response.batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual([
      '100000000000000000001',
      '100000000000000000002',
    ]);
    expect(published.map(at)).toEqual(['order-7@1']);
  });

  it('fails every entry of a call the port could not report on, and the stream behind it', async () => {
    const port = { publish: vi.fn().mockRejectedValue(new Error('socket hang up')) };
    const response = await new OutboxPublisher({ port }).publishBatch(fixture('event-inserts.json'));
    expect(response.batchItemFailures).toHaveLength(3);
    expect(port.publish).toHaveBeenCalledTimes(1);
  });

  it('answers an empty batch with no failures', async () => {
    const { port } = recordingOutboxPort();
    expect(await new OutboxPublisher({ port }).publishBatch({ Records: [] })).toEqual({
      batchItemFailures: [],
    });
  });
});
