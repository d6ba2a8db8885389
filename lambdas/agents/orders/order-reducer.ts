import type { OrderState } from '../../contracts/order/lifecycle-messages.js';
import {
  OrderCancellationRecorded,
  OrderCreated,
  OrderDelivered,
  OrderExpired,
  OrderPaid,
  OrderProcessingStarted,
  OrderShipped,
} from '../../contracts/order/order-events.js';
import type { OrderView } from '../../contracts/order/order-view.js';
import type { Reducer } from '../../stores/event-store/reducer.js';
import type { StoredEvent } from '../../stores/event-store/stored-event.js';

/** The folded order; `null` until OrderCreated (an empty stream). */
export type OrderAggregateState = OrderView | null;

/** The state each event type moves the order to. */
export const ORDER_EVENT_STATES: Readonly<Record<string, OrderState>> = {
  [OrderCreated.name]: 'created',
  [OrderPaid.name]: 'paid',
  [OrderProcessingStarted.name]: 'processing',
  [OrderShipped.name]: 'shipped',
  [OrderDelivered.name]: 'delivered',
  [OrderCancellationRecorded.name]: 'cancelled',
  [OrderExpired.name]: 'expired',
};

const transitioned = (order: OrderView, event: StoredEvent, to: OrderState): OrderView => ({
  ...order,
  state: to,
  version: event.version,
  history: [
    ...order.history,
    { from: order.state, to, event: event.type, at: event.metadata.time, version: event.version },
  ],
});

/**
 * Folds `order-<orderId>` into an {@link OrderView}. Pure, so a snapshot plus its tail equals a full replay.
 * Event payloads are parsed with their schemas: a stored event that does not fit is a bug worth failing on.
 *
 * @example
 * ```ts
 * const { state: order } = await events.load(orderStreamId('o-1'), orderReducer);
 * ```
 */
export const orderReducer: Reducer<OrderAggregateState> = {
  version: 1,
  initial: () => null,
  apply(order, event) {
    if (event.type === OrderCreated.name) {
      const data = OrderCreated.parse(event.data);
      const created: OrderView = { ...data, state: 'created', version: event.version, history: [] };
      return {
        ...created,
        history: [
          { from: null, to: 'created', event: event.type, at: event.metadata.time, version: event.version },
        ],
      };
    }
    const to = ORDER_EVENT_STATES[event.type];
    if (order === null || to === undefined) return order;
    if (event.type === OrderShipped.name) {
      return {
        ...transitioned(order, event, to),
        trackingNumber: OrderShipped.parse(event.data).trackingNumber,
      };
    }
    if (event.type === OrderCancellationRecorded.name) {
      return {
        ...transitioned(order, event, to),
        cancellationReason: OrderCancellationRecorded.parse(event.data).reason,
      };
    }
    return transitioned(order, event, to);
  },
};
