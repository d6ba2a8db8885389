import type { ProducerDirectory } from '../senders.js';
import {
  DeliveryConfirmed,
  OrderCancelled,
  PaymentCompleted,
  ProcessingStarted,
  ShippingConfirmed,
} from './lifecycle-messages.js';
import { OrderRequested } from './order-messages.js';

/**
 * The order system's external inputs and the `source` each producer writes by default: the shop's checkout
 * places orders, the payment gateway confirms payments, the warehouse starts processing and ships, the
 * carrier confirms delivery, customer service cancels. Nothing else from outside reaches an agent. A
 * deployment may rename a source or add the producer's accounts (CDK context `producers`).
 */
export const ORDER_PRODUCER_SOURCES = {
  [OrderRequested.name]: 'shop.checkout',
  [PaymentCompleted.name]: 'payments.gateway',
  [ProcessingStarted.name]: 'warehouse.fulfilment',
  [ShippingConfirmed.name]: 'warehouse.fulfilment',
  [DeliveryConfirmed.name]: 'carrier.tracking',
  [OrderCancelled.name]: 'shop.customer-service',
} as const satisfies Readonly<Record<string, string>>;

/** The detail-types the order system accepts from outside services. */
export const EXTERNAL_ORDER_INPUTS = Object.keys(ORDER_PRODUCER_SOURCES) as readonly string[];

/**
 * The producers with their default sources and no other account than the bus's own: what the handlers check
 * against when the deployment's environment names none, and where the deployment's configuration starts.
 *
 * @example
 * ```ts
 * DEFAULT_ORDER_PRODUCERS.PaymentCompleted; // { sources: ['payments.gateway'], accounts: [] }
 * ```
 */
export const DEFAULT_ORDER_PRODUCERS: ProducerDirectory = Object.fromEntries(
  Object.entries(ORDER_PRODUCER_SOURCES).map(([type, source]) => [type, { sources: [source], accounts: [] }]),
);
