import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { DeadLetterRecordSchema } from '../../../lambdas/contracts/dead-letter-record.js';
import { ENV } from '../../../lambdas/contracts/env-names.js';
import { ORDER_CANCELLED_ERROR } from '../../../lambdas/contracts/order/lifecycle-entry.js';
import { ORDER_PRODUCER_SOURCES } from '../../../lambdas/contracts/order/order-producers.js';
import { USERS_TABLE } from '../../../lambdas/contracts/tables/users-table.js';
import { DynamoDbUserReadModel } from '../../../lambdas/stores/users/dynamodb/dynamodb-user-read-model.js';
import {
  BUS_MESSAGES,
  type BusMessage,
  busEvent,
  forgedSenders,
  OWN_ACCOUNT,
  PRODUCER_ACCOUNTS,
  type Shape,
} from '../../infra/support/forgery-catalogue.js';
import { fakeLambdaContext } from '../../support/aws-loopback/fake-lambda-context.js';
import { setDeployedHandlerEnvironment } from '../../support/deployed-handler-environment.js';

type Handler = (event: unknown, context: ReturnType<typeof fakeLambdaContext>) => Promise<unknown>;

const SAGA_ARN = `arn:aws:states:us-east-1:${OWN_ACCOUNT}:stateMachine:AgentBridge-order-saga`;
/** The function's context in the bus's account (the adapter reads its own account from the ARN). */
const context = (functionName: string) => ({
  ...fakeLambdaContext(functionName, 30_000),
  invokedFunctionArn: `arn:aws:lambda:us-east-1:${OWN_ACCOUNT}:function:${functionName}`,
});

const HANDLERS = {
  lifecycle: () => import('../../../lambdas/handlers/lifecycle-handler.js'),
  'saga-starter': () => import('../../../lambdas/handlers/saga-starter-handler.js'),
  users: () => import('../../../lambdas/handlers/users-handler.js'),
} as const;
type AgentType = keyof typeof HANDLERS;

const handlers = new Map<AgentType, Handler>();
const load = async (agentType: AgentType): Promise<Handler> => {
  const loaded = handlers.get(agentType);
  if (loaded !== undefined) return loaded;
  process.env[ENV.agentType] = agentType;
  const handler = (await HANDLERS[agentType]()).handler as unknown as Handler;
  handlers.set(agentType, handler);
  return handler;
};

const sfn = mockClient(SFNClient);
const eventBridge = mockClient(EventBridgeClient);
const sqs = mockClient(SQSClient);

beforeAll(() =>
  setDeployedHandlerEnvironment(inject('dynamodbEndpoint'), {
    [ENV.sagaStateMachineArn]: SAGA_ARN,
    // What the stack writes: each producer's source, in the account of its own the forgery tests give it.
    [ENV.producers]: JSON.stringify(
      Object.fromEntries(
        Object.entries(ORDER_PRODUCER_SOURCES).map(([type, source]) => [
          type,
          { sources: [source], accounts: [PRODUCER_ACCOUNTS[type]] },
        ]),
      ),
    ),
  }),
);

beforeEach(() => {
  sfn.reset();
  eventBridge.reset();
  sqs.reset();
  sfn.on(SendTaskSuccessCommand).resolves({});
  sfn.on(SendTaskFailureCommand).resolves({});
  sfn.on(StartExecutionCommand).resolves({ executionArn: `${SAGA_ARN}:x`, startDate: new Date() });
  eventBridge.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [{ EventId: 'e' }] });
  sqs.on(SendMessageCommand).resolves({ MessageId: 'm' });
});

const agentOf = (message: BusMessage): AgentType =>
  message.external ? (message.detailType === 'OrderRequested' ? 'saga-starter' : 'lifecycle') : 'users';

const dataOf = (message: BusMessage, orderId: string, userId: string): Record<string, unknown> => {
  switch (message.detailType) {
    case 'OrderRequested':
      return {
        orderId,
        userId,
        items: [{ sku: 'SKU-1', quantity: 1, unitPrice: 1_000 }],
        payment: { cardToken: 'tok_visa' },
      };
    case 'PaymentCompleted':
      return { orderId, paymentId: 'pay_forged', amount: 1_000 };
    case 'ShippingConfirmed':
      return { orderId, trackingNumber: '1Z999AA10123456784' };
    case 'OrderCancelled':
      return { orderId, reason: 'forged' };
    case 'UserCreated':
      return { userId, email: 'mallory@example.com', name: 'Mallory' };
    case 'UserUpdated':
      return { userId, name: 'Mallory' };
    case 'UserDeleted':
      return { userId, reason: 'forged' };
    default:
      return { orderId };
  }
};

/** Parks the lifecycle's wait for every trigger of an order, as the lifecycle machine's task does. */
const park = async (orderId: string, taskToken: string): Promise<void> => {
  const lifecycle = await load('lifecycle');
  await lifecycle(
    {
      agentbridge: 'task',
      messageType: 'AwaitLifecycleTrigger',
      recipient: `lifecycle/${orderId}`,
      data: {
        orderId,
        state: 'created',
        awaiting: ['PaymentCompleted', 'OrderCancelled'],
        taskToken,
        ttlSeconds: 3_600,
      },
      id: `${orderId}:AwaitPayment`,
    },
    context('AgentBridge-lifecycle'),
  );
};

const consumed = BUS_MESSAGES.filter((message) => (message.rules.enveloped?.length ?? 0) > 0);
const cases = consumed.flatMap((message) =>
  (['enveloped', 'bare'] as const satisfies readonly Shape[])
    .filter((shape) => message.rules[shape] !== undefined)
    .flatMap((shape) => forgedSenders(message).map((from) => ({ message, shape, from }))),
);

describe('forged events pushed straight into the agents', () => {
  it('tries a forgery of every consumed detail-type in each shape it is accepted in', () => {
    expect(new Set(cases.map((c) => c.message.detailType))).toEqual(
      new Set(consumed.map((m) => m.detailType)),
    );
    // 6 external inputs × 2 shapes × 5 senders + 3 user events × 1 shape × 5 senders.
    expect(cases).toHaveLength(75);
  });

  it.each(cases.map((c) => [c.message.detailType, c.shape, c.from.how, c] as const))(
    'a forged %s (%s, from %s) is dead-lettered, changes no state and sends nothing',
    async (_type, shape, _how, { message, from }) => {
      const orderId = `o-${randomUUID()}`;
      const userId = `u-${randomUUID()}`;
      const taskToken = `token-${randomUUID()}`;
      const agentType = agentOf(message);
      if (agentType === 'lifecycle') await park(orderId, taskToken);
      const handler = await load(agentType);
      const event = busEvent(message, shape, from, dataOf(message, orderId, userId), randomUUID());

      await expect(handler(event, context(`AgentBridge-${agentType}`))).resolves.toEqual({
        status: 'rejected',
        reason: 'forbidden-sender',
        code: 'FORBIDDEN_SENDER',
      });
      expect(sfn.commandCalls(SendTaskSuccessCommand)).toEqual([]);
      expect(sfn.commandCalls(SendTaskFailureCommand)).toEqual([]);
      expect(sfn.commandCalls(StartExecutionCommand)).toEqual([]);
      expect(eventBridge.commandCalls(PutEventsCommand)).toEqual([]);
      const [deadLetter, ...more] = sqs.commandCalls(SendMessageCommand);
      expect(more).toEqual([]);
      expect(
        DeadLetterRecordSchema.parse(JSON.parse(deadLetter?.args[0].input.MessageBody ?? '{}')),
      ).toMatchObject({
        reason: 'forbidden-sender',
        agentType,
        inputKind: 'eventbridge',
      });

      if (agentType === 'lifecycle') {
        // The wait is untouched: customer service's own OrderCancelled still ends it (SendTaskFailure
        // OrderCancelled), with the parked token.
        const cancel = BUS_MESSAGES.find((m) => m.detailType === 'OrderCancelled');
        if (cancel === undefined) throw new Error('no OrderCancelled in the catalogue');
        const legit = busEvent(
          cancel,
          'bare',
          { source: cancel.source, account: OWN_ACCOUNT },
          { orderId, reason: 'customer request' },
          randomUUID(),
        );
        await handler(legit, context('AgentBridge-lifecycle'));
        const cancelled = sfn.commandCalls(SendTaskFailureCommand);
        expect(cancelled.map((call) => call.args[0].input)).toEqual([
          expect.objectContaining({ taskToken, error: ORDER_CANCELLED_ERROR }),
        ]);
      }
      if (agentType === 'users') {
        const documentClient = DynamoDBDocumentClient.from(new DynamoDBClient({}));
        const readModel = new DynamoDbUserReadModel({ documentClient, tableName: USERS_TABLE.localName });
        expect(await readModel.get(userId)).toBeUndefined();
      }
    },
  );

  it("starts the saga for the checkout producer's own OrderRequested, from its account", async () => {
    const handler = await load('saga-starter');
    const order = BUS_MESSAGES.find((m) => m.detailType === 'OrderRequested');
    if (order === undefined) throw new Error('no OrderRequested in the catalogue');
    const orderId = `o-${randomUUID()}`;
    const from = { source: order.source, account: PRODUCER_ACCOUNTS.OrderRequested ?? '' };
    await handler(
      busEvent(order, 'bare', from, dataOf(order, orderId, 'u-1'), randomUUID()),
      context('AgentBridge-saga-starter'),
    );
    expect(sfn.commandCalls(StartExecutionCommand).map((call) => call.args[0].input.name)).toEqual([orderId]);
    expect(sqs.commandCalls(SendMessageCommand)).toEqual([]);
  });
});
