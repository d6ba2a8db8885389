import { readFileSync } from 'node:fs';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it, vi } from 'vitest';
import { InMemoryOutboxIdempotency } from '../../../../lambdas/patterns/outbox/in-memory-outbox-idempotency.js';
import { OutboxOrderHoldError } from '../../../../lambdas/patterns/outbox/outbox-error.js';
import type {
  OutboxEventMetadata,
  OutboxPublishPort,
} from '../../../../lambdas/patterns/outbox/outbox-publish-port.js';
import { OutboxPublisher } from '../../../../lambdas/patterns/outbox/outbox-publisher.js';
import { CorruptStoredItemError } from '../../../../lambdas/stores/event-store/event-store-error.js';

const fixture = (name: string): DynamoDBStreamEvent =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/dynamodb-stream/${name}`, import.meta.url), 'utf8'));

interface Published {
  readonly eventType: string;
  readonly data: unknown;
  readonly metadata: OutboxEventMetadata;
}

/** A port that records what it published and fails for the event ids in `failing`. */
const recordingPort = (failing = new Set<string>()) => {
  const published: Published[] = [];
  const port: OutboxPublishPort = {
    publish: async (eventType, data, metadata) => {
      if (failing.has(metadata.id)) throw new Error(`bus rejected ${metadata.id}`);
      published.push({ eventType, data, metadata });
    },
  };
  return { port, published, failing };
};

const USER_1_V1 = '0b6c1c39-7f6e-4a0e-9a51-3c8f4c2f2a01';

describe('OutboxPublisher', () => {
  it('publishes every inserted event with its type, data and metadata, the event id as message id', async () => {
    const { port, published } = recordingPort();
    const publisher = new OutboxPublisher({ port, idempotency: new InMemoryOutboxIdempotency() });
    const response = await publisher.publishBatch(fixture('event-inserts.json'));
    expect(response).toEqual({ batchItemFailures: [] });
    expect(published).toHaveLength(3);
    expect(published.find((entry) => entry.metadata.id === USER_1_V1)).toEqual({
      eventType: 'UserCreated',
      data: { name: 'Ada', email: 'ada@example.com' },
      metadata: {
        id: USER_1_V1,
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
    const { port, published } = recordingPort();
    const publisher = new OutboxPublisher({ port, idempotency: new InMemoryOutboxIdempotency() });
    const response = await publisher.publishBatch(fixture('mixed-records.json'));
    expect(response.batchItemFailures).toEqual([]);
    expect(published.map((entry) => `${entry.metadata.streamId}@${entry.metadata.version}`)).toEqual([
      'user-2@1',
    ]);
  });

  it('reports a failed publish by sequence number and holds back later events of that stream only', async () => {
    const { port, published } = recordingPort(new Set([USER_1_V1]));
    const warn = vi.fn();
    const publisher = new OutboxPublisher({
      port,
      idempotency: new InMemoryOutboxIdempotency(),
      logger: { warn },
    });
    const response = await publisher.publishBatch(fixture('event-inserts.json'));
    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: '100000000000000000001' },
      { itemIdentifier: '100000000000000000002' },
    ]);
    expect(published.map((entry) => entry.metadata.streamId)).toEqual(['order-7']);
    expect(warn.mock.calls.map(([, extra]) => extra.error)).toEqual([
      expect.objectContaining({ message: `bus rejected ${USER_1_V1}` }),
      expect.any(OutboxOrderHoldError),
    ]);
  });

  it('publishes each event once when the stream redelivers a partly failed batch', async () => {
    const { port, published, failing } = recordingPort(new Set([USER_1_V1]));
    const publisher = new OutboxPublisher({ port, idempotency: new InMemoryOutboxIdempotency() });
    await publisher.publishBatch(fixture('event-inserts.json'));
    failing.clear();
    const retry = await publisher.publishBatch(fixture('event-inserts.json'));
    expect(retry.batchItemFailures).toEqual([]);
    expect(published.map((entry) => `${entry.metadata.streamId}@${entry.metadata.version}`)).toEqual([
      'order-7@1',
      'user-1@1',
      'user-1@2',
    ]);
  });

  it('reports unreadable event inserts as failures instead of dropping them', async () => {
    const { port, published } = recordingPort();
    const warn = vi.fn();
    const publisher = new OutboxPublisher({
      port,
      idempotency: new InMemoryOutboxIdempotency(),
      logger: { warn },
    });
    const response = await publisher.publishBatch(fixture('malformed-inserts.json'));
    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: '300000000000000000001' },
      { itemIdentifier: '300000000000000000002' },
    ]);
    expect(warn.mock.calls.map(([, extra]) => extra.error)).toEqual([
      expect.any(CorruptStoredItemError),
      expect.any(CorruptStoredItemError),
    ]);
    expect(published.map((entry) => entry.metadata.streamId)).toEqual(['user-5']);
  });

  it('answers with the failure list, not an exception, when every record fails', async () => {
    const { port } = recordingPort(new Set([USER_1_V1, '5d1f0e2a-2b7c-4c55-8f0e-1a2b3c4d5e01']));
    const publisher = new OutboxPublisher({ port, idempotency: new InMemoryOutboxIdempotency() });
    const response = await publisher.publishBatch(fixture('event-inserts.json'));
    expect(response.batchItemFailures).toHaveLength(3);
  });

  it('answers an empty batch with no failures', async () => {
    const { port } = recordingPort();
    const publisher = new OutboxPublisher({ port, idempotency: new InMemoryOutboxIdempotency() });
    expect(await publisher.publishBatch({ Records: [] })).toEqual({ batchItemFailures: [] });
  });
});
