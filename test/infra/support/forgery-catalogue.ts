import {
  LIFECYCLE_TRIGGERS,
  OrderStateChanged,
  OrderTransitionRejected,
} from '../../../lambdas/contracts/order/lifecycle-messages.js';
import { ORDER_EVENT_TYPES } from '../../../lambdas/contracts/order/order-events.js';
import {
  OrderCompleted,
  OrderFailed,
  OrderRequested,
} from '../../../lambdas/contracts/order/order-messages.js';
import { ORDER_PRODUCER_SOURCES } from '../../../lambdas/contracts/order/order-producers.js';
import { OUTBOX_SOURCE, sourceFor } from '../../../lambdas/contracts/sources.js';
import { STATE_MACHINES } from '../../../lambdas/contracts/state-machines.js';
import { domainTopic, TOPICS } from '../../../lambdas/contracts/topics.js';
import { USER_EVENT_TYPES } from '../../../lambdas/contracts/users/user-events.js';

/** The account the bus lives in, in the forgery tests. */
export const OWN_ACCOUNT = '111111111111';
/** An account nobody configured. */
export const FOREIGN_ACCOUNT = '999999999999';
/** A stranger's source. */
export const FOREIGN_SOURCE = 'com.attacker.shop';

/** Each external producer in its own account (the `producers` context of the forgery tests). */
export const PRODUCER_ACCOUNTS: Readonly<Record<string, string>> = {
  OrderRequested: '222222222222',
  PaymentCompleted: '333333333333',
  ProcessingStarted: '444444444444',
  ShippingConfirmed: '444444444444',
  DeliveryConfirmed: '555555555555',
  OrderCancelled: '666666666666',
};

export type Shape = 'enveloped' | 'bare';

/** One detail-type on the bus: who legitimately sends it, on which topic, and which rules must take it. */
export interface BusMessage {
  readonly detailType: string;
  readonly external: boolean;
  readonly topicType: string;
  readonly source: string;
  /** The accounts it legitimately comes from. */
  readonly accounts: readonly string[];
  /** The shapes it legitimately takes, and the subscription ids whose rules must match it in each. */
  readonly rules: Partial<Readonly<Record<Shape, readonly string[]>>>;
}

const external = (detailType: string, topicType: string, agentType: string): BusMessage => {
  const source = (ORDER_PRODUCER_SOURCES as Readonly<Record<string, string>>)[detailType];
  const producerAccount = PRODUCER_ACCOUNTS[detailType];
  if (source === undefined || producerAccount === undefined) throw new Error(`no producer for ${detailType}`);
  return {
    detailType,
    external: true,
    topicType,
    source,
    accounts: [OWN_ACCOUNT, producerAccount],
    rules: {
      enveloped: [`type:${topicType}->${agentType}`],
      bare: [`type:${detailType}->${agentType}`],
    },
  };
};

const internal = (detailType: string, topicType: string, source: string, rules: readonly string[] = []) => ({
  detailType,
  external: false,
  topicType,
  source,
  accounts: [OWN_ACCOUNT],
  rules: { enveloped: rules },
});

/**
 * Every detail-type the order system consumes from outside and every one agentbridge itself writes onto the
 * bus, with its legitimate sender: what the forgery tests forge.
 */
export const BUS_MESSAGES: readonly BusMessage[] = [
  external(OrderRequested.name, TOPICS.orderRequested, 'saga-starter'),
  ...LIFECYCLE_TRIGGERS.map((trigger) => external(trigger, TOPICS.lifecycleTrigger, 'lifecycle')),
  ...USER_EVENT_TYPES.map((type) =>
    internal(type, domainTopic(type), OUTBOX_SOURCE, [`type:${domainTopic(type)}->users`]),
  ),
  ...ORDER_EVENT_TYPES.map((type) => internal(type, domainTopic(type), OUTBOX_SOURCE)),
  internal(OrderCompleted.name, TOPICS.orderCompleted, STATE_MACHINES.orderSaga.eventSource),
  internal(OrderFailed.name, TOPICS.orderFailed, STATE_MACHINES.orderSaga.eventSource),
  internal(OrderStateChanged.name, TOPICS.orderStateChanged, STATE_MACHINES.orderLifecycle.eventSource),
  internal(OrderTransitionRejected.name, TOPICS.orderTransitionRejected, sourceFor('lifecycle')),
];

/** A full EventBridge event as the bus delivers it. */
export function busEvent(
  message: BusMessage,
  shape: Shape,
  from: { readonly source: string; readonly account: string },
  data: Readonly<Record<string, unknown>>,
  id: string,
): Record<string, unknown> {
  const metadata = {
    id,
    type: message.detailType,
    topicType: message.topicType,
    topicSource: typeof data.orderId === 'string' ? data.orderId : 'default',
    correlationId: id,
    causationId: id,
    time: '2026-12-01T12:00:00.000Z',
    schemaVersion: 1,
  };
  return {
    version: '0',
    id,
    'detail-type': message.detailType,
    source: from.source,
    account: from.account,
    time: '2026-12-01T12:00:00Z',
    region: 'us-east-1',
    resources: [],
    detail: shape === 'enveloped' ? { metadata, data } : data,
  };
}

/**
 * The forged senders of a message: a stranger's source, another producer's source and another agentbridge
 * component's source (each from a legitimate account), then a stranger's account and another producer's
 * account (each with the legitimate source).
 */
export function forgedSenders(message: BusMessage): { source: string; account: string; how: string }[] {
  const [legitAccount = OWN_ACCOUNT] = message.accounts;
  const otherProducerSource =
    Object.values(ORDER_PRODUCER_SOURCES).find((source) => source !== message.source) ?? 'payments.gateway';
  const otherAgentbridgeSource = message.source === OUTBOX_SOURCE ? sourceFor('lifecycle') : OUTBOX_SOURCE;
  const otherProducerAccount =
    Object.values(PRODUCER_ACCOUNTS).find((account) => !message.accounts.includes(account)) ??
    FOREIGN_ACCOUNT;
  return [
    { source: FOREIGN_SOURCE, account: legitAccount, how: 'a stranger source' },
    { source: otherProducerSource, account: legitAccount, how: `another producer's source` },
    { source: otherAgentbridgeSource, account: legitAccount, how: 'another agentbridge source' },
    { source: message.source, account: FOREIGN_ACCOUNT, how: 'a stranger account' },
    { source: message.source, account: otherProducerAccount, how: `another producer's account` },
  ];
}
