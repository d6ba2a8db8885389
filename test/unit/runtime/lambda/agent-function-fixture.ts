import { readFileSync } from 'node:fs';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import * as z from 'zod';
import { defineMessage } from '../../../../lambdas/contracts/message-type.js';
import type { ProducerDirectory } from '../../../../lambdas/contracts/senders.js';
import { defineAgent } from '../../../../lambdas/runtime/agent-definition.js';
import { AwsRuntime } from '../../../../lambdas/runtime/aws/aws-runtime.js';
import { agentHandler } from '../../../../lambdas/runtime/lambda/agent-handler.js';
import { InMemoryDeadLetterSink } from '../../../../lambdas/runtime/lambda/dead-letter/in-memory-dead-letter-sink.js';
import { InMemoryPersistenceLayer } from '../../../../lambdas/runtime/lambda/in-memory-persistence-layer.js';
import type { MessageContext } from '../../../../lambdas/runtime/message-context.js';
import type { Subscription } from '../../../../lambdas/runtime/subscription.js';
import { TypeSubscription } from '../../../../lambdas/runtime/type-subscription.js';
import { InMemoryAgentStateStore } from '../../../../lambdas/stores/agent-state/in-memory/in-memory-agent-state-store.js';
import { quietPowertools } from '../../../support/aws-loopback/quiet-powertools.js';
import { testClients, testConfig } from '../aws/aws-runtime-fixtures.js';

export const OrderPlaced = defineMessage(
  'fixture.OrderPlaced',
  z.object({ orderId: z.string(), amount: z.number() }),
);
export const Charge = defineMessage('fixture.Charge', z.object({ amount: z.number() }), {
  response: z.object({ receipt: z.string() }).optional(),
});

/** A business error with a code, as agents throw them. */
export class LimitExceededError extends Error {
  readonly code = 'LIMIT_EXCEEDED';
  override readonly name = 'LimitExceededError';
}

/** Reads a JSON fixture under test/fixtures/events/ (a fresh copy each time). */
export const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../../fixtures/events/${name}.json`, import.meta.url), 'utf8'));

export interface HandledCall {
  readonly handler: string;
  readonly recipient: string;
  readonly messageId: string;
  readonly correlationId: string;
  readonly sender: string | undefined;
  readonly topic: string | undefined;
  readonly data: unknown;
}

/**
 * An agent function as a handler file would build it, on in-memory deps: a `cashier` agent subscribed to
 * `order.placed` and to the bare detail-type `fixture.OrderPlaced` (or the given subscriptions, with the given
 * producers). Its event handler returns nothing. By default the cashier keeps its totals in agent state (so
 * its state item is its dedup record); with `stateless` it keeps them in a ledger of its own, as an agent with
 * its own table does, behind Powertools idempotency. Metrics are silent unless `options.metrics` publishes.
 */
export function cashierFunction(
  options: {
    readonly stateless?: boolean;
    readonly metrics?: Metrics;
    readonly subscriptions?: readonly Subscription[];
    readonly producers?: ProducerDirectory;
  } = {},
) {
  const calls: HandledCall[] = [];
  const record = (handler: string, data: unknown, ctx: MessageContext<unknown>): void => {
    calls.push({
      handler,
      recipient: ctx.recipient.toString(),
      messageId: ctx.messageId,
      correlationId: ctx.correlationId,
      sender: ctx.sender?.toString(),
      topic: ctx.topic?.toString(),
      data,
    });
  };
  /** The charge rpc on a way to add to the recipient's total: in agent state or in the outside ledger. */
  const charge = <S>(msg: { amount: number }, ctx: MessageContext<S>, add: (amount: number) => number) => {
    record('charge', msg, ctx);
    if (msg.amount > 1_000) throw new LimitExceededError(`amount ${msg.amount} over the limit`);
    if (msg.amount === 0) return undefined;
    return { receipt: `total ${add(msg.amount)}` };
  };
  const ledger = new Map<string, number>();
  const cashier =
    options.stateless === true
      ? defineAgent({
          handlers: (on) => [
            on.event(OrderPlaced, (msg, ctx) => record('order-placed', msg, ctx)),
            on.rpc(Charge, (msg, ctx) =>
              charge(msg, ctx, (amount) => {
                const total = (ledger.get(ctx.recipient.toString()) ?? 0) + amount;
                ledger.set(ctx.recipient.toString(), total);
                return total;
              }),
            ),
          ],
        })
      : defineAgent({
          state: () => ({ total: 0 }),
          handlers: (on) => [
            on.event(OrderPlaced, (msg, ctx) => record('order-placed', msg, ctx)),
            on.rpc(Charge, (msg, ctx) =>
              charge(msg, ctx, (amount) => {
                ctx.state.total += amount;
                return ctx.state.total;
              }),
            ),
          ],
        });
  const powertools = {
    ...quietPowertools('cashier'),
    ...(options.metrics === undefined ? {} : { metrics: options.metrics }),
  };
  const stateStore = new InMemoryAgentStateStore();
  const runtime = new AwsRuntime({
    ...testClients(),
    config: testConfig(),
    stateStore,
    logger: { warn() {}, error() {} },
  });
  const idempotency = new InMemoryPersistenceLayer();
  const deadLetters = new InMemoryDeadLetterSink();
  const handler = agentHandler({
    agentType: 'cashier',
    definition: cashier,
    subscriptions: options.subscriptions ?? [
      new TypeSubscription('order.placed', 'cashier'),
      new TypeSubscription(OrderPlaced.name, 'cashier'),
    ],
    deps: {
      runtime,
      ...powertools,
      idempotency,
      deadLetters,
      maxInputBytes: 4_096,
      ...(options.producers === undefined ? {} : { producers: options.producers }),
    },
  });
  return { handler, calls, runtime, stateStore, idempotency, deadLetters, ...powertools };
}
