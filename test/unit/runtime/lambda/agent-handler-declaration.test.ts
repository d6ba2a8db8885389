import { describe, expect, it } from 'vitest';
import { fromAgentbridge } from '../../../../lambdas/contracts/senders.js';
import { declareAgent } from '../../../../lambdas/runtime/agent-declaration.js';
import { defineAgent } from '../../../../lambdas/runtime/agent-definition.js';
import { AwsRuntime } from '../../../../lambdas/runtime/aws/aws-runtime.js';
import { agentHandler } from '../../../../lambdas/runtime/lambda/agent-handler.js';
import { InMemoryDeadLetterSink } from '../../../../lambdas/runtime/lambda/dead-letter/in-memory-dead-letter-sink.js';
import { InMemoryPersistenceLayer } from '../../../../lambdas/runtime/lambda/in-memory-persistence-layer.js';
import { TypeSubscription } from '../../../../lambdas/runtime/type-subscription.js';
import { InMemoryAgentStateStore } from '../../../../lambdas/stores/agent-state/in-memory/in-memory-agent-state-store.js';
import { fakeLambdaContext } from '../../../support/aws-loopback/fake-lambda-context.js';
import { quietPowertools } from '../../../support/aws-loopback/quiet-powertools.js';
import { testClients, testConfig } from '../aws/aws-runtime-fixtures.js';
import { fixture, OrderPlaced } from './agent-function-fixture.js';

/** The account in `fakeLambdaContext`'s function ARN: the bus's own account. */
const OWN = '000000000000';

/** A cashier declared once: subscribed to `order.placed` from the orders agent only; its ledger injected. */
const CASHIER_AGENT = declareAgent({
  agentType: 'cashier',
  subscriptions: [
    new TypeSubscription('order.placed', 'cashier', {
      senders: { [OrderPlaced.name]: fromAgentbridge('agentbridge.orders') },
    }),
  ],
  skipDirectMessageSubscription: true,
  define: ({ ledger }: { ledger: string[] }) =>
    defineAgent({
      handlers: (on) => [
        on.event(OrderPlaced, (message) => {
          ledger.push(message.orderId);
        }),
      ],
    }),
});

function cashierFunction() {
  const runtime = new AwsRuntime({
    ...testClients(),
    config: testConfig(),
    stateStore: new InMemoryAgentStateStore(),
    logger: { warn() {}, error() {} },
  });
  const ledger: string[] = [];
  const deadLetters = new InMemoryDeadLetterSink();
  const handler = agentHandler(
    CASHIER_AGENT,
    { ledger },
    { runtime, ...quietPowertools('cashier'), idempotency: new InMemoryPersistenceLayer(), deadLetters },
  );
  return { handler, runtime, ledger, deadLetters };
}

const envelope = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...fixture('eventbridge-envelope'),
  account: OWN,
  ...fields,
});
const context = () => fakeLambdaContext('cashier-fn', 30_000);

describe('agentHandler from a declaration', () => {
  it('hosts the declared type on the definition built from the given deps, with the declared subscriptions only', async () => {
    const fn = cashierFunction();

    await expect(fn.handler(envelope(), context())).resolves.toMatchObject({ status: 'delivered' });

    expect(fn.ledger).toEqual(['order-42']);
    expect(fn.runtime.isHosted('cashier')).toBe(true);
    // The declaration skips the direct-message prefix, so the declared subscription is the whole table.
    expect(fn.runtime.subscriptions().map((subscription) => subscription.id)).toEqual([
      'type:order.placed->cashier',
    ]);
  });

  it("checks senders by the declaration's subscriptions", async () => {
    const fn = cashierFunction();

    await expect(fn.handler(envelope({ source: 'com.attacker' }), context())).resolves.toMatchObject({
      status: 'rejected',
      reason: 'forbidden-sender',
    });

    expect(fn.ledger).toEqual([]);
    expect(fn.deadLetters.records()).toEqual([expect.objectContaining({ reason: 'forbidden-sender' })]);
  });
});
