import { randomUUID } from 'node:crypto';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { EVENT_STORE_TABLE } from '../../../lambdas/contracts/tables/event-store-table.js';
import { DynamoDbEventStoreAdapter } from '../../../lambdas/stores/event-store/dynamodb/dynamodb-event-store-adapter.js';
import { ConcurrencyError } from '../../../lambdas/stores/event-store/event-store-error.js';
import type { SerializedEvent } from '../../../lambdas/stores/event-store/event-store-port.js';
import { localDynamoDbClient } from '../../../local/dynamodb/local-dynamodb-client.js';
import { newStreamId } from '../../conformance/event-store-harness.js';

/**
 * A client whose next request reaches DynamoDB and succeeds, but whose response is "lost": the middleware
 * (inside the SDK's retry loop) throws a retryable error once after the call went through, so the SDK
 * sends the same command again, as it does after a timeout or a dropped connection.
 */
function clientThatLosesOneSuccess() {
  const client = localDynamoDbClient(inject('dynamodbEndpoint'), { maxAttempts: 3 });
  const state = { armed: false, attempts: 0 };
  client.middlewareStack.add(
    (next) => async (args) => {
      state.attempts += 1;
      const output = await next(args);
      if (state.armed) {
        state.armed = false;
        throw Object.assign(new Error('connection reset after the write'), { $retryable: {}, $metadata: {} });
      }
      return output;
    },
    { step: 'deserialize', name: 'loseOneSuccess' },
  );
  const adapter = new DynamoDbEventStoreAdapter({
    documentClient: DynamoDBDocumentClient.from(client),
    tableName: EVENT_STORE_TABLE.localName,
  });
  return { adapter, state };
}

const event = (streamId: string, version: number, id = randomUUID()): SerializedEvent => ({
  streamId,
  version,
  id,
  type: 'UserRegistered',
  data: '{"email":"ada@example.com"}',
  metadata: `{"correlationId":"${id}","causationId":"${id}","time":"2026-12-01T20:00:00.000Z"}`,
});

describe('DynamoDB event store under SDK retries', () => {
  it('answers an SDK retry of a successful first append as a success, with the event written once', async () => {
    const { adapter, state } = clientThatLosesOneSuccess();
    const streamId = newStreamId('user');
    const first = event(streamId, 1);
    state.armed = true;
    await expect(adapter.appendEvents(streamId, 0, [first])).resolves.toBeUndefined();
    expect(state.attempts).toBe(2);
    const read = await adapter.readEvents(streamId, {
      direction: 'forward',
      minVersion: 1,
      maxVersion: 9,
      limit: 9,
    });
    expect(read.events).toEqual([first]);
  });

  it('still refuses a different first event on a stream that has one, whatever the retries', async () => {
    const { adapter, state } = clientThatLosesOneSuccess();
    const streamId = newStreamId('user');
    const first = event(streamId, 1);
    await adapter.appendEvents(streamId, 0, [first]);
    state.armed = true;
    await expect(adapter.appendEvents(streamId, 0, [event(streamId, 1)])).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    // Same event id, other content (another writer chose the id): a conflict, not someone else's success.
    const other = { ...first, data: '{"email":"eve@example.com"}' };
    await expect(adapter.appendEvents(streamId, 0, [other])).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it('answers an SDK retry of a successful transaction append as a success', async () => {
    const { adapter, state } = clientThatLosesOneSuccess();
    const streamId = newStreamId('order');
    await adapter.appendEvents(streamId, 0, [event(streamId, 1)]);
    state.armed = true;
    await expect(
      adapter.appendEvents(streamId, 1, [event(streamId, 2), event(streamId, 3)]),
    ).resolves.toBeUndefined();
    await expect(adapter.currentVersion(streamId)).resolves.toBe(3);
  });
});
