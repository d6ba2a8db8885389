import type { Logger } from '../../lambdas/contracts/logger.js';
import { inProcessOutboxPort } from '../../lambdas/patterns/outbox/in-process-outbox-port.js';
import { OutboxRelay } from '../../lambdas/patterns/outbox/outbox-relay.js';
import { InMemoryEventStoreAdapter } from '../../lambdas/stores/event-store/in-memory/in-memory-event-store-adapter.js';
import type { ObservedRuntime } from './observed-runtime.js';
import { orderSystemDomainEvents } from './order-system-domain-events.js';

/** The event store's storage with the outbox relay on its change feed; `stop` detaches both. */
export interface LocalOutbox {
  /** Give it to `inMemoryOrderSystem({ eventStoreAdapter })`: its committed events feed the relay. */
  readonly eventStoreAdapter: InMemoryEventStoreAdapter;
  readonly relay: OutboxRelay;
  stop(): void;
}

/**
 * The transactional outbox of the local order system, as deployed: the in-memory adapter's change feed stands in
 * for the event store table's DynamoDB stream, and an {@link OutboxRelay} publishes every committed event
 * through the runtime with the outbox's envelope (`domain.<type>`, source = stream id, message id of stream and
 * version), once per stream and version, each stream in order. The runtime's `waitUntilIdle` waits for the relay,
 * so a cascade that goes through the store (command → event → projection) is finished when it resolves. Failures
 * go to `logger` and `relay.stats()` / `relay.failures()`.
 *
 * @example
 * ```ts
 * const outbox = localOutbox(runtime, logger);
 * const system = inMemoryOrderSystem({ eventStoreAdapter: outbox.eventStoreAdapter });
 * ```
 */
export function localOutbox(runtime: ObservedRuntime, logger: Logger): LocalOutbox {
  const eventStoreAdapter = new InMemoryEventStoreAdapter({ logger });
  const relay = new OutboxRelay({
    port: inProcessOutboxPort(runtime, orderSystemDomainEvents()),
    logger,
  });
  const detach = relay.attach(eventStoreAdapter);
  const untrack = runtime.trackIdle(relay);
  return {
    eventStoreAdapter,
    relay,
    stop() {
      detach();
      untrack();
    },
  };
}
