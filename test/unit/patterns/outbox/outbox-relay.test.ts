import { describe, expect, it, vi } from 'vitest';
import { outboxMessageId } from '../../../../lambdas/patterns/outbox/outbox-message-id.js';
import type { OutboxPublishPort } from '../../../../lambdas/patterns/outbox/outbox-publish-port.js';
import { OutboxRelay, type OutboxRelayOptions } from '../../../../lambdas/patterns/outbox/outbox-relay.js';
import { EventStore } from '../../../../lambdas/stores/event-store/event-store.js';
import type { SerializedEvent } from '../../../../lambdas/stores/event-store/event-store-port.js';
import { InMemoryEventStoreAdapter } from '../../../../lambdas/stores/event-store/in-memory/in-memory-event-store-adapter.js';
import { CorruptItemError } from '../../../../lambdas/stores/store-errors.js';
import { at, recordingOutboxPort } from '../../../support/recording-outbox-port.js';

/** A store whose feed drives a relay on a recording port; `failTimes` fails an event's first n tries. */
const relayed = (options: Partial<OutboxRelayOptions> & { failTimes?: Map<string, number> } = {}) => {
  const recording = recordingOutboxPort({ failTimes: options.failTimes });
  const logger = { warn: vi.fn(), error: vi.fn() };
  const relay = new OutboxRelay({ port: recording.port, logger, ...options });
  const adapter = new InMemoryEventStoreAdapter();
  const detach = relay.attach(adapter);
  return { relay, store: new EventStore({ adapter }), published: recording.published, logger, detach };
};

describe('OutboxRelay', () => {
  it('publishes each committed event with the outbox metadata, the message id of stream and version', async () => {
    const { relay, store, published } = relayed();
    const { events } = await store.append('user-1', 'no-stream', [{ type: 'UserCreated', data: { n: 1 } }], {
      correlationId: 'req-1',
      causationId: 'cmd-1',
      metadata: { actor: 'ada' },
    });
    await relay.idle();
    const [stored] = events;
    expect(published).toEqual([
      {
        eventType: 'UserCreated',
        data: { n: 1 },
        metadata: {
          id: outboxMessageId('user-1', 1),
          eventId: stored?.id,
          streamId: 'user-1',
          version: 1,
          correlationId: 'req-1',
          causationId: 'cmd-1',
          time: stored?.metadata.time,
          actor: 'ada',
        },
      },
    ]);
    expect(relay.stats()).toEqual({ fed: 1, published: 1, repeated: 0, retried: 0, failed: 0 });
  });

  it('publishes an event fed twice once, and events of two streams sharing an event id each', async () => {
    const { relay, published } = relayed();
    const record: SerializedEvent = {
      streamId: 'user-1',
      version: 1,
      id: 'evt-1',
      type: 'UserCreated',
      data: '{}',
      metadata: '{"correlationId":"c","causationId":"c","time":"2026-01-02T03:04:05.678Z"}',
    };
    relay.relay(record);
    relay.relay(record);
    relay.relay({ ...record, streamId: 'user-2' });
    await relay.idle();
    expect(published.map(at)).toEqual(['user-1@1', 'user-2@1']);
    expect(relay.stats()).toMatchObject({ fed: 3, published: 2, repeated: 1 });
  });

  it('publishes the events of one stream in version order, even when an earlier one is slow', async () => {
    const order: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const firstReleased = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    const port: OutboxPublishPort = {
      publish: async (entries) => {
        for (const entry of entries) {
          if (at(entry) === 'user-1@1') await firstReleased;
          order.push(at(entry));
        }
        return new Map();
      },
    };
    const { relay, store } = relayed({ port });
    await store.append('user-1', 'no-stream', [{ type: 'A', data: {} }]);
    await store.append('user-1', 1, [{ type: 'B', data: {} }]);
    await store.append('user-2', 'no-stream', [{ type: 'A', data: {} }]);
    await vi.waitFor(() => expect(order).toEqual(['user-2@1']));
    expect(relay.busy).toBe(true);
    releaseFirst();
    await relay.idle();
    expect(order).toEqual(['user-2@1', 'user-1@1', 'user-1@2']);
    expect(relay.busy).toBe(false);
  });

  it('tries a failed publish again and logs each failed try', async () => {
    const { relay, store, published, logger } = relayed({ failTimes: new Map([['user-1@1', 2]]) });
    await store.append('user-1', 'no-stream', [{ type: 'A', data: {} }]);
    await relay.idle();
    expect(published.map(at)).toEqual(['user-1@1']);
    expect(relay.stats()).toMatchObject({ published: 1, retried: 2, failed: 0 });
    expect(logger.warn).toHaveBeenCalledTimes(2);
    expect(logger.error).not.toHaveBeenCalled();
  });

  it('gives an event up after its last try: logged, counted, listed, and the stream moves on in order', async () => {
    const { relay, store, published, logger } = relayed({
      attempts: 2,
      failTimes: new Map([['user-1@1', 5]]),
    });
    await store.append('user-1', 'no-stream', [{ type: 'A', data: {} }]);
    await store.append('user-1', 1, [{ type: 'B', data: {} }]);
    await relay.idle();
    expect(published.map(at)).toEqual(['user-1@2']);
    expect(relay.stats()).toMatchObject({ fed: 2, published: 1, retried: 1, failed: 1 });
    expect(relay.failures()).toEqual([
      expect.objectContaining({ streamId: 'user-1', version: 1, type: 'A', error: expect.any(Error) }),
    ]);
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('given up'),
      expect.objectContaining({ streamId: 'user-1', version: 1, attempts: 2 }),
    );
  });

  it('gives an unreadable record up at once, without trying to publish it', async () => {
    const publish = vi.fn(async () => new Map<number, unknown>());
    const { relay } = relayed({ port: { publish } });
    relay.relay({ streamId: 'user-1', version: 1, id: 'evt-1', type: 'A', data: '{', metadata: '{}' });
    await relay.idle();
    expect(publish).not.toHaveBeenCalled();
    expect(relay.stats()).toMatchObject({ failed: 1, retried: 0 });
    expect(relay.failures()[0]?.error).toBeInstanceOf(CorruptItemError);
  });

  it('relays nothing committed after it is detached', async () => {
    const { relay, store, published, detach } = relayed();
    detach();
    await store.append('user-1', 'no-stream', [{ type: 'A', data: {} }]);
    await relay.idle();
    expect(published).toEqual([]);
    expect(relay.stats().fed).toBe(0);
  });

  it('still counts and lists a failure when its logger throws', async () => {
    const broken = {
      warn: () => {
        throw new Error('logger down');
      },
      error: () => {
        throw new Error('logger down');
      },
    };
    const { relay, store } = relayed({ logger: broken, attempts: 1, failTimes: new Map([['user-1@1', 1]]) });
    await store.append('user-1', 'no-stream', [{ type: 'A', data: {} }]);
    await relay.idle();
    expect(relay.stats().failed).toBe(1);
    expect(relay.failures()).toHaveLength(1);
  });
});
