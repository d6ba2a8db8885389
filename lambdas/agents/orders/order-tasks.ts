import type { MessageOf, ResponseOf } from '../../contracts/message-type.js';
import type { RecordOrderTransition } from '../../contracts/order/fulfilment-tasks.js';
import {
  OrderCancellationRecorded,
  OrderCreated,
  OrderDelivered,
  OrderExpired,
  OrderPaid,
  OrderProcessingStarted,
  OrderShipped,
  orderStreamId,
} from '../../contracts/order/order-events.js';
import type { OrderView } from '../../contracts/order/order-view.js';
import type { CreateOrder } from '../../contracts/order/saga-tasks.js';
import type { EventStore } from '../../stores/event-store/event-store.js';
import { isConcurrencyError } from '../../stores/event-store/event-store-error.js';
import type { NewEvent } from '../../stores/event-store/new-event.js';
import { orderReducer } from './order-reducer.js';
import { canTransition } from './order-transitions.js';
import { InvalidOrderTransitionError, OrderAlreadyExistsError, OrderNotFoundError } from './orders-error.js';

export interface OrderDeps {
  /** The shared event store: its table's stream is the outbox that publishes order events. */
  readonly events: EventStore;
}

type TransitionInput = MessageOf<typeof RecordOrderTransition>;
type TransitionResult = ResponseOf<typeof RecordOrderTransition>;

export interface OrderTasks {
  create(input: MessageOf<typeof CreateOrder>): Promise<ResponseOf<typeof CreateOrder>>;
  recordTransition(input: TransitionInput): Promise<TransitionResult>;
  get(orderId: string): Promise<OrderView | null>;
}

/** Attempts of a transition that keeps meeting a concurrent append (another transition of the same order). */
const TRANSITION_ATTEMPTS = 3;

/**
 * The orders agent: an event-sourced order aggregate on stream `order-<orderId>`. Its events reach
 * EventBridge through the event store's outbox (never published from here).
 *
 * - create (saga step CreateOrder): appends OrderCreated to a new stream; a repeat by the same saga answers
 *   the recorded result, another saga's attempt throws {@link OrderAlreadyExistsError};
 * - recordTransition (called by the lifecycle): appends the event of the target state if the aggregate allows
 *   it; already there → `changed: false`; not allowed → {@link InvalidOrderTransitionError}.
 *
 * @example
 * ```ts
 * const orders = orderTasks({ events: new EventStore({ adapter: new InMemoryEventStoreAdapter() }) });
 * await orders.recordTransition({ orderId: 'o-1', to: 'paid', trigger: 'PaymentCompleted' });
 * ```
 */
export function orderTasks(deps: OrderDeps): OrderTasks {
  const { events } = deps;
  const load = async (orderId: string) => events.load(orderStreamId(orderId), orderReducer);

  const transitionOnce = async (
    input: TransitionInput,
  ): Promise<TransitionResult | { conflict: unknown }> => {
    const { state: order, version } = await load(input.orderId);
    if (order === null) throw new OrderNotFoundError(input.orderId);
    if (order.state === input.to)
      return { orderId: order.orderId, state: order.state, version, changed: false };
    if (!canTransition(order.state, input.to)) {
      throw new InvalidOrderTransitionError(input.orderId, order.state, input.to);
    }
    const event = eventFor(input, order);
    try {
      const written = await events.append(orderStreamId(input.orderId), version, [event], {
        metadata: { trigger: input.trigger },
      });
      return { orderId: order.orderId, state: input.to, version: written.nextExpectedVersion, changed: true };
    } catch (error) {
      if (isConcurrencyError(error)) return { conflict: error };
      throw error;
    }
  };

  return {
    async create(input) {
      const { sagaId, orderId, userId, items, amount, paymentId } = input;
      const data = OrderCreated.parse({ orderId, sagaId, userId, items, amount, paymentId });
      try {
        await events.append(orderStreamId(orderId), 'no-stream', [{ type: OrderCreated.name, data }], {
          correlationId: sagaId,
        });
      } catch (error) {
        if (!isConcurrencyError(error)) throw error;
        const { state: order } = await load(orderId);
        if (order?.sagaId !== sagaId) throw new OrderAlreadyExistsError(orderId, sagaId, { cause: error });
      }
      // The recorded result of this step is the stream's first event, whatever happened to the order since.
      return { orderId, state: 'created', version: 1 };
    },

    async recordTransition(input) {
      for (let attempt = 1; ; attempt += 1) {
        const result = await transitionOnce(input);
        if (!('conflict' in result)) return result;
        // Still racing after a few reloads: surface the ConcurrencyError (transient) so the caller retries.
        if (attempt >= TRANSITION_ATTEMPTS) throw result.conflict;
      }
    },

    async get(orderId) {
      return (await load(orderId)).state;
    },
  };
}

function eventFor(input: TransitionInput, order: OrderView): NewEvent {
  const { orderId } = order;
  switch (input.to) {
    case 'paid':
      return { type: OrderPaid.name, data: OrderPaid.parse({ orderId, paymentId: order.paymentId }) };
    case 'processing':
      return { type: OrderProcessingStarted.name, data: { orderId } };
    case 'shipped':
      if (input.trackingNumber === undefined) {
        throw new InvalidOrderTransitionError(
          orderId,
          order.state,
          input.to,
          'a tracking number is required',
        );
      }
      return {
        type: OrderShipped.name,
        data: OrderShipped.parse({ orderId, trackingNumber: input.trackingNumber }),
      };
    case 'delivered':
      return { type: OrderDelivered.name, data: { orderId } };
    case 'cancelled':
      return {
        type: OrderCancellationRecorded.name,
        data: OrderCancellationRecorded.parse({ orderId, reason: input.reason ?? 'cancelled' }),
      };
    case 'expired':
      return {
        type: OrderExpired.name,
        data: OrderExpired.parse({ orderId, awaited: input.reason ?? input.trigger }),
      };
  }
}
