/**
 * The order system end to end on the local cloud, through AWS APIs only: every call below is an SDK v3 client
 * built for the endpoint (PutEvents, Invoke, DynamoDB reads, Step Functions' list/describe/history, SQS).
 * Pointed at another endpoint (see README "End-to-end suite") the same scenarios run unchanged.
 */

import { randomUUID } from 'node:crypto';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetFunctionCommand } from '@aws-sdk/client-lambda';
import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ORDER_PRODUCER_SOURCES } from '../../lambdas/contracts/order/order-producers.js';
import { makeVisibleAgain, redriveDeadLetters } from '../../lambdas/runtime/aws/redrive-dead-letters.js';
import type { CliIo } from '../../local/cli/cli-io.js';
import { runCli } from '../../local/cli/run-cli.js';
import type { AwsOrderTarget } from '../../local/demo/aws-order-target.js';
import { DEMO_PRODUCTS, DEMO_USERS, line } from '../../local/demo/demo-catalogue.js';
import type { DemoOrder } from '../../local/demo/demo-scenario.js';
import { driveOrder } from '../../local/demo/drive-order.js';
import { e2eClients } from '../support/e2e-clients.js';
import { type E2eTarget, openE2eTarget } from '../support/e2e-target.js';

/** A scenario's budget: an order takes well under a second on a quiet machine, several on a loaded one. */
const SCENARIO_MS = 90_000;

const order = (orderId: string, overrides: Partial<DemoOrder> = {}): DemoOrder => ({
  orderId,
  userId: 'u-ada',
  items: [line('KEYBOARD', 1)],
  cardToken: 'tok_visa',
  triggers: ['PaymentCompleted', 'ProcessingStarted', 'ShippingConfirmed', 'DeliveryConfirmed'],
  expected: 'delivered',
  story: '',
  ...overrides,
});

describe('the order system on the local cloud, through AWS APIs', () => {
  let e2e: E2eTarget;
  let target: AwsOrderTarget;
  let clients: ReturnType<typeof e2eClients>;

  beforeAll(async () => {
    e2e = await openE2eTarget(inject('dynamodbEndpoint'));
    target = e2e.target;
    clients = e2eClients(e2e.endpoint);
    for (const product of DEMO_PRODUCTS)
      if (product.stock > 0) await target.restock(product.sku, product.stock);
    for (const user of DEMO_USERS) await target.addUser(user);
  }, 300_000);

  afterAll(async () => {
    clients?.close();
    await e2e?.close();
  });

  it(
    'takes an order from request to delivery, every transition through the bus, machines and functions',
    async () => {
      const driven = await driveOrder(target, order('e2e-happy'), { deadlineMs: 60_000 });
      expect(driven).toMatchObject({ outcome: 'delivered' });
      const notifications = (await target.observe('e2e-happy')).notifications;
      expect(notifications.length).toBeGreaterThan(0);
    },
    SCENARIO_MS,
  );

  it.each([
    ['payment declined', order('e2e-declined', { cardToken: 'tok_decline', triggers: [] }), 'declined'],
    ['over the card limit', order('e2e-limit', { items: [line('LAPTOP', 6)], triggers: [] }), 'declined'],
    ['out of stock', order('e2e-stock', { items: [line('HEADSET', 1)], triggers: [] }), 'out-of-stock'],
    ['a deleted user', order('e2e-user', { userId: 'u-ken', triggers: [] }), 'invalid-user'],
  ])(
    'ends an order refused at its saga step (%s) with nothing kept',
    async (_name, refused, expected) => {
      const driven = await driveOrder(target, refused, { deadlineMs: 60_000 });
      expect(driven.outcome).toBe(expected);
    },
    SCENARIO_MS,
  );

  it(
    'cancels a paid order: the lifecycle compensates and ends cancelled',
    async () => {
      const cancelled = order('e2e-cancel', {
        triggers: ['PaymentCompleted', 'OrderCancelled'],
        cancelReason: 'changed my mind',
        expected: 'cancelled',
      });
      expect((await driveOrder(target, cancelled, { deadlineMs: 60_000 })).outcome).toBe('cancelled');
    },
    SCENARIO_MS,
  );

  it(
    'starts a saga for an OrderRequested an outside producer put with the plain SDK (a bare detail)',
    async () => {
      const { FailedEntryCount } = await clients.eventBridge.send(
        new PutEventsCommand({
          Entries: [
            {
              EventBusName: target.stack.eventBusName,
              Source: ORDER_PRODUCER_SOURCES.OrderRequested,
              DetailType: 'OrderRequested',
              Detail: JSON.stringify({
                orderId: 'e2e-plain-sdk',
                userId: 'u-grace',
                items: [line('MOUSE', 1)],
                payment: { cardToken: 'tok_visa' },
              }),
            },
          ],
        }),
      );
      expect(FailedEntryCount).toBe(0);
      const saga = await target.waitForSaga('e2e-plain-sdk');
      expect(saga.status).toBe('SUCCEEDED');
      expect(JSON.parse(saga.output ?? '{}')).toMatchObject({ outcome: 'completed' });
    },
    SCENARIO_MS,
  );

  it(
    'ignores a PaymentCompleted forged by a foreign source: the order still waits for its payment',
    async () => {
      const forged = order('e2e-forged', { triggers: [] });
      await target.placeOrder({
        orderId: forged.orderId,
        userId: forged.userId,
        items: [...forged.items],
        payment: { cardToken: forged.cardToken },
      });
      expect((await target.waitForSaga(forged.orderId)).status).toBe('SUCCEEDED');
      const parked = await target.waitForLifecycle(forged.orderId);
      const before = await target.lifecycleHistory(forged.orderId);
      const { FailedEntryCount } = await clients.eventBridge.send(
        new PutEventsCommand({
          Entries: [
            {
              EventBusName: target.stack.eventBusName,
              Source: 'payments.evil',
              DetailType: 'PaymentCompleted',
              Detail: JSON.stringify({ orderId: forged.orderId, paymentId: 'p-forged', amount: 8_900 }),
            },
          ],
        }),
      );
      // Accepted by the bus (EventBridge takes any source), matched by no rule.
      expect(FailedEntryCount).toBe(0);
      await target.settle();
      expect(await target.waitForLifecycle(forged.orderId)).toEqual(parked);
      expect(await target.lifecycleHistory(forged.orderId)).toEqual(before);
    },
    SCENARIO_MS,
  );

  it(
    'expires a lifecycle nobody pays for once the clock has moved past its deadline',
    async () => {
      const unpaid = order('e2e-expiry', { triggers: [], expected: 'expired' });
      await target.placeOrder({
        orderId: unpaid.orderId,
        userId: unpaid.userId,
        items: [...unpaid.items],
        payment: { cardToken: unpaid.cardToken },
      });
      expect((await target.waitForSaga(unpaid.orderId)).status).toBe('SUCCEEDED');
      expect((await target.waitForLifecycle(unpaid.orderId)).status).toBe('RUNNING');
      // The clock moves for every order: each lifecycle still waiting expires, and the ones that reserved
      // stock give it back. Waiting for all of them keeps their compensations out of later scenarios.
      const waiting = await target.runningLifecycles();
      expect(waiting).toContain(unpaid.orderId);
      await e2e.advance?.('25h');
      const endings = await Promise.all(
        waiting.map(async (orderId) => {
          const { status, output, error, cause } = await target.waitForLifecycleEnd(orderId);
          return [orderId, { status, state: JSON.parse(output ?? '{}').state, error, cause }] as const;
        }),
      );
      const expired = { status: 'SUCCEEDED', state: 'expired' };
      expect(Object.fromEntries(endings)).toEqual(Object.fromEntries(waiting.map((id) => [id, expired])));
    },
    SCENARIO_MS,
  );

  it(
    'applies an order once when its producer publishes every event twice and the bus delivers each twice',
    async () => {
      const sagaArn = target.stack.sagaStateMachineArn;
      const lifecycleArn = target.stack.lifecycleStateMachineArn;
      const executionsOf = async (stateMachineArn: string, name: string) => {
        const { executions = [] } = await clients.sfn.send(new ListExecutionsCommand({ stateMachineArn }));
        return executions.filter((execution) => execution.name === name).length;
      };
      const stockBefore = await target.stockOf('KEYBOARD');
      const control = await driveOrder(target, order('e2e-once'), { deadlineMs: 60_000 });
      expect(control.outcome).toBe('delivered');
      const stockAfterOne = await target.stockOf('KEYBOARD');
      expect(stockAfterOne).toBe(stockBefore - 1);

      e2e.duplicateDeliveries?.(true);
      try {
        const twice = await driveOrder(e2e.publishingTwice, order('e2e-twice'), { deadlineMs: 60_000 });
        expect(twice.outcome).toBe('delivered');
        await target.settle();
      } finally {
        e2e.duplicateDeliveries?.(false);
      }
      // Where the target shows its deliveries: every event of the order reached its targets at least twice.
      const deliveries = e2e.deliveriesOf;
      if (deliveries !== undefined)
        expect(deliveries('"e2e-twice"')).toBeGreaterThanOrEqual(2 * deliveries('"e2e-once"'));
      expect(await target.stockOf('KEYBOARD')).toBe(stockAfterOne - 1);
      expect(await executionsOf(sagaArn, 'e2e-twice')).toBe(1);
      expect(await executionsOf(lifecycleArn, 'e2e-twice')).toBe(1);
      const kinds = async (orderId: string) =>
        (await target.observe(orderId)).notifications
          .map((sent) =>
            sent.kind === 'notification' ? `${sent.channel}: ${sent.text.replaceAll(orderId, '#')}` : '',
          )
          .sort();
      expect(await kinds('e2e-twice')).toEqual(await kinds('e2e-once'));
    },
    SCENARIO_MS * 2,
  );

  it(
    'dead-letters a poison OrderRequested with the original event intact',
    async () => {
      const poison = { orderId: 'e2e-poison', userId: 'u-ada', items: 'not a list' };
      await clients.eventBridge.send(
        new PutEventsCommand({
          Entries: [
            {
              EventBusName: target.stack.eventBusName,
              Source: ORDER_PRODUCER_SOURCES.OrderRequested,
              DetailType: 'OrderRequested',
              Detail: JSON.stringify(poison),
            },
          ],
        }),
      );
      await target.settle();
      // The function's own dead-letter queue, as its configuration names it.
      const starter = await clients.lambda.send(
        new GetFunctionCommand({ FunctionName: target.stack.agentFunctions.get('saga-starter') }),
      );
      const queueUrl = starter.Configuration?.Environment?.Variables?.AGENTBRIDGE_DEAD_LETTER_QUEUE_URL;
      expect(queueUrl).toBeDefined();
      const { Messages = [] } = await clients.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: 10,
          MessageAttributeNames: ['All'],
        }),
      );
      expect(Messages.map((message) => message.Body ?? '').join('\n')).toContain('e2e-poison');
    },
    SCENARIO_MS,
  );

  it(
    'redrives the dead letters onto the bus: a lost order completes once however often, the poison comes back',
    async () => {
      const queueUrl = await starterDeadLetters();
      // A genuine order whose asynchronous invocations all failed, as Lambda writes it to the function's queue.
      const lost = {
        version: '0',
        id: randomUUID(),
        'detail-type': 'OrderRequested',
        source: ORDER_PRODUCER_SOURCES.OrderRequested,
        account: '000000000000',
        time: new Date().toISOString(),
        region: process.env.AWS_REGION ?? 'us-east-1',
        resources: [],
        detail: {
          orderId: 'e2e-redriven',
          userId: 'u-grace',
          items: [line('MOUSE', 1)],
          payment: { cardToken: 'tok_visa' },
        },
      };
      const loseIt = () =>
        clients.sqs.send(
          new SendMessageCommand({
            QueueUrl: queueUrl,
            MessageBody: JSON.stringify(lost),
            MessageAttributes: {
              ErrorCode: { DataType: 'Number', StringValue: '200' },
              ErrorMessage: { DataType: 'String', StringValue: 'Task timed out after 10.00 seconds' },
            },
          }),
        );
      await loseIt();
      await putPoison('e2e-poison-redrive');
      await target.settle();
      const stockBefore = await target.stockOf('MOUSE');

      await redrive(queueUrl);
      const saga = await target.waitForSaga('e2e-redriven');
      expect(JSON.parse(saga.output ?? '{}')).toMatchObject({ outcome: 'completed' });
      await target.settle();
      // An operator who redrives the same event again changes nothing.
      await loseIt();
      await redrive(queueUrl);
      await target.settle();

      const { executions = [] } = await clients.sfn.send(
        new ListExecutionsCommand({ stateMachineArn: target.stack.sagaStateMachineArn }),
      );
      expect(executions.filter((execution) => execution.name === 'e2e-redriven')).toHaveLength(1);
      expect(await target.stockOf('MOUSE')).toBe(stockBefore - 1);
      const left = (await peek(queueUrl)).join('\n');
      expect(left).toContain('e2e-poison-redrive');
      expect(left).not.toContain('e2e-redriven');
    },
    SCENARIO_MS * 2,
  );

  /** The saga starter's own dead-letter queue, as its configuration names it. */
  async function starterDeadLetters(): Promise<string> {
    const starter = await clients.lambda.send(
      new GetFunctionCommand({ FunctionName: target.stack.agentFunctions.get('saga-starter') }),
    );
    const queueUrl = starter.Configuration?.Environment?.Variables?.AGENTBRIDGE_DEAD_LETTER_QUEUE_URL;
    if (queueUrl === undefined) throw new Error('the saga starter names no dead-letter queue');
    return queueUrl;
  }

  async function putPoison(orderId: string): Promise<void> {
    const { FailedEntryCount } = await clients.eventBridge.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: target.stack.eventBusName,
            Source: ORDER_PRODUCER_SOURCES.OrderRequested,
            DetailType: 'OrderRequested',
            Detail: JSON.stringify({ orderId, userId: 'u-ada', items: 'not a list' }),
          },
        ],
      }),
    );
    expect(FailedEntryCount).toBe(0);
  }

  /**
   * Redrives the queue as an operator would: `agentbridge dlq redrive` on the local cloud, the library the
   * command runs on elsewhere.
   */
  async function redrive(queueUrl: string): Promise<void> {
    if (e2e.advance === undefined || e2e.endpoint === undefined) {
      const report = await redriveDeadLetters({
        sqs: clients.sqs,
        eventBridge: clients.eventBridge,
        queueUrl,
        eventBusName: target.stack.eventBusName,
      });
      expect(report.refused).toEqual([]);
      return;
    }
    const out: string[] = [];
    const io: CliIo = {
      out: (line) => out.push(line),
      err: (line) => out.push(line),
      env: { AWS_ENDPOINT_URL: e2e.endpoint },
      interrupted: () => new Promise(() => undefined),
    };
    const code = await runCli(['dlq', 'redrive', queueUrl.slice(queueUrl.lastIndexOf('/') + 1)], io);
    expect({ code, out: out.join('\n') }).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^redrove \d+ event/),
    });
  }

  /** The bodies on the queue, left there. */
  async function peek(queueUrl: string): Promise<string[]> {
    const { Messages = [] } = await clients.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 30 }),
    );
    await makeVisibleAgain(clients.sqs, queueUrl, Messages);
    return Messages.map((message) => message.Body ?? '');
  }
});
