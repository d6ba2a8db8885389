import { describe, expect, it } from 'vitest';
import {
  fromAgentbridge,
  fromProducer,
  type ProducerDirectory,
} from '../../../../lambdas/contracts/senders.js';
import { TypeSubscription } from '../../../../lambdas/runtime/type-subscription.js';
import { fakeLambdaContext } from '../../../support/aws-loopback/fake-lambda-context.js';
import { cashierFunction, fixture, OrderPlaced } from './agent-function-fixture.js';

/** The account in `fakeLambdaContext`'s function ARN: the bus's own account. */
const OWN = '000000000000';
const PRODUCER_ACCOUNT = '111122223333';
const context = () => fakeLambdaContext('cashier-fn', 30_000);

/** Envelopes on `order.placed` only from agentbridge.orders; bare OrderPlaced only from the shop's producer. */
const guarded = (
  producers: ProducerDirectory = {
    [OrderPlaced.name]: { sources: ['com.example.shop'], accounts: [PRODUCER_ACCOUNT] },
  },
) =>
  cashierFunction({
    subscriptions: [
      new TypeSubscription('order.placed', 'cashier', {
        senders: { [OrderPlaced.name]: fromAgentbridge('agentbridge.orders') },
      }),
      new TypeSubscription(OrderPlaced.name, 'cashier', { senders: { [OrderPlaced.name]: fromProducer() } }),
    ],
    producers,
  });

const envelope = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...fixture('eventbridge-envelope'),
  account: OWN,
  ...fields,
});
const bare = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...fixture('eventbridge-bare'),
  ...fields,
});

describe('agentHandler sender check', () => {
  it('dispatches an envelope from its agentbridge source in the own account and a bare event from its producer', async () => {
    const fn = guarded();
    await expect(fn.handler(envelope(), context())).resolves.toMatchObject({ status: 'delivered' });
    await expect(fn.handler(bare(), context())).resolves.toMatchObject({ status: 'delivered' });
    await expect(
      fn.handler(bare({ id: 'same-account-producer', account: OWN }), context()),
    ).resolves.toMatchObject({
      status: 'delivered',
    });
    expect(fn.calls.map((call) => call.handler)).toEqual(['order-placed', 'order-placed', 'order-placed']);
    expect(fn.deadLetters.records()).toEqual([]);
  });

  it.each([
    ['an envelope from a foreign source', () => envelope({ source: 'com.attacker' })],
    ['an envelope from the producer source', () => envelope({ source: 'com.example.shop' })],
    ['an envelope from a foreign account', () => envelope({ account: '999999999999' })],
    ['an envelope from the producer account', () => envelope({ account: PRODUCER_ACCOUNT })],
    ['a bare event from a foreign source', () => bare({ source: 'com.attacker' })],
    ['a bare event under an agentbridge source', () => bare({ source: 'agentbridge.orders' })],
    ['a bare event from a foreign account', () => bare({ account: '999999999999' })],
  ])('dead-letters %s, dispatches nothing and is not retried', async (_, event) => {
    const fn = guarded();
    const raw = event();
    await expect(fn.handler(raw, context())).resolves.toEqual({
      status: 'rejected',
      reason: 'forbidden-sender',
      code: 'FORBIDDEN_SENDER',
    });
    expect(fn.calls).toEqual([]);
    expect(fn.deadLetters.records()).toEqual([
      expect.objectContaining({
        reason: 'forbidden-sender',
        code: 'FORBIDDEN_SENDER',
        inputKind: 'eventbridge',
        message: expect.stringContaining(
          `from source "${String(raw.source)}" in account ${String(raw.account)}`,
        ),
        input: raw,
      }),
    ]);
    expect(await fn.stateStore.list(['cashier'])).toEqual([]);
  });

  it('rejects a bare event whose detail-type has no configured producer', async () => {
    const fn = guarded({});
    await expect(fn.handler(bare(), context())).resolves.toMatchObject({ reason: 'forbidden-sender' });
    expect(fn.calls).toEqual([]);
  });

  it('rejects an event without source or account as a malformed envelope', async () => {
    const fn = guarded();
    const { source: _source, ...withoutSource } = bare();
    await expect(fn.handler(withoutSource, context())).resolves.toMatchObject({ reason: 'invalid-envelope' });
  });

  it('leaves subscriptions that declare no senders open to any source, as before', async () => {
    const fn = cashierFunction();
    await expect(
      fn.handler(bare({ source: 'anyone', account: '999999999999' }), context()),
    ).resolves.toMatchObject({
      status: 'delivered',
    });
  });
});
