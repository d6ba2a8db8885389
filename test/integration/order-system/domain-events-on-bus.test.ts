import { describe, expect, it } from 'vitest';
import { orderStreamId } from '../../../lambdas/contracts/order/order-events.js';
import { userStreamId } from '../../../lambdas/contracts/users/user-values.js';
import { outboxMessageId } from '../../../lambdas/patterns/outbox/outbox-message-id.js';
import type { StoredEvent } from '../../../lambdas/stores/event-store/stored-event.js';
import type { LocalOrderSystem } from '../../../local/order-system/local-order-system.js';
import { advance, createdOrders } from './lifecycle-fixture.js';
import { orderSystems } from './order-system-fixture.js';

const systems = orderSystems();
const createdOrder = createdOrders();

const storedEvents = async (local: LocalOrderSystem, streamId: string): Promise<readonly StoredEvent[]> =>
  (await local.stores.events.readForward(streamId, { limit: 100 })).events;

/** The bus event the outbox makes of a stored event: its type, topic, message id of stream and version, ids and data, no sender. */
const asOutboxPublished = (event: StoredEvent) =>
  expect.objectContaining({
    type: event.type,
    topic: { type: `domain.${event.type}`, source: event.streamId },
    messageId: outboxMessageId(event.streamId, event.version),
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    sender: undefined,
    data: event.data,
  });

const busEventsOfStream = (local: LocalOrderSystem, streamId: string) =>
  local.events.filter((event) => event.topic.type.startsWith('domain.') && event.topic.source === streamId);

describe('domain events through the outbox, offline', () => {
  it('shows a user written straight to the event store in the read model, by way of the bus', async () => {
    const local = await systems.seeded();
    // The command logic alone: no users agent call, so no inline catch-up; only the bus can project it.
    await local.system.users.commands.create({ userId: 'u-bob', email: 'bob@example.com', name: 'Bob' });
    await local.runtime.waitUntilIdle();

    expect(await local.stores.readModel.get('u-bob')).toMatchObject({
      userId: 'u-bob',
      name: 'Bob',
      status: 'active',
      version: 1,
    });
    const stored = await storedEvents(local, userStreamId('u-bob'));
    expect(busEventsOfStream(local, userStreamId('u-bob'))).toEqual(stored.map(asOutboxPublished));
    // The subscription keyed the users agent by the stream, as the deployed rule does.
    expect(local.runtime.instantiated()).toContain(`users/${userStreamId('u-bob')}`);
  });

  it('projects a later user event from the bus too', async () => {
    const local = await systems.seeded();
    await local.system.users.commands.delete({ userId: 'u-ada', reason: 'account closed' });
    await local.runtime.waitUntilIdle();

    expect(await local.stores.readModel.get('u-ada')).toMatchObject({ status: 'deleted', version: 2 });
    const stored = await storedEvents(local, userStreamId('u-ada'));
    expect(stored.map((event) => event.type)).toEqual(['UserCreated', 'UserDeleted']);
    expect(busEventsOfStream(local, userStreamId('u-ada'))).toEqual(stored.map(asOutboxPublished));
  });

  it('puts every stored order event on the bus once, in stream order, with the outbox metadata', async () => {
    const local = await createdOrder('o-outbox');
    for (const trigger of ['PaymentCompleted', 'ProcessingStarted', 'ShippingConfirmed'] as const) {
      await advance(local, 'o-outbox', trigger);
    }
    expect((await advance(local, 'o-outbox', 'DeliveryConfirmed')).status).toBe('SUCCEEDED');
    await local.runtime.waitUntilIdle();

    const stored = await storedEvents(local, orderStreamId('o-outbox'));
    expect(stored.map((event) => event.type)).toEqual([
      'OrderCreated',
      'OrderPaid',
      'OrderProcessingStarted',
      'OrderShipped',
      'OrderDelivered',
    ]);
    expect(busEventsOfStream(local, orderStreamId('o-outbox'))).toEqual(stored.map(asOutboxPublished));
  });

  it('publishes every stored event and gives none up', async () => {
    const local = await createdOrder('o-count');
    await advance(local, 'o-count', 'OrderCancelled');
    await local.runtime.waitUntilIdle();

    const streams = [userStreamId('u-ada'), orderStreamId('o-count')];
    const stored = (await Promise.all(streams.map((stream) => storedEvents(local, stream)))).flat();
    expect(stored.map((event) => event.type)).toEqual([
      'UserCreated',
      'OrderCreated',
      'OrderCancellationRecorded',
    ]);
    expect(local.outbox.stats()).toEqual({
      fed: stored.length,
      published: stored.length,
      repeated: 0,
      retried: 0,
      failed: 0,
    });
    expect(local.outbox.failures()).toEqual([]);
  });
});
