import { randomUUID } from 'node:crypto';
import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandInput,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import { SendTaskSuccessCommand, SFNClient } from '@aws-sdk/client-sfn';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { ENV } from '../../../lambdas/contracts/env-names.js';
import { ORDER_PRODUCER_SOURCES } from '../../../lambdas/contracts/order/order-producers.js';
import { TASK_TOKEN_TABLE } from '../../../lambdas/contracts/tables/task-token-table.js';
import { DynamoDbTaskTokenStore } from '../../../lambdas/stores/task-tokens/dynamodb/dynamodb-task-token-store.js';
import {
  BUS_MESSAGES,
  busEvent,
  OWN_ACCOUNT,
  PRODUCER_ACCOUNTS,
  type Shape,
} from '../../infra/support/forgery-catalogue.js';
import { fakeLambdaContext } from '../../support/aws-loopback/fake-lambda-context.js';
import { setDeployedHandlerEnvironment } from '../../support/deployed-handler-environment.js';
import { testDynamoClients } from '../../support/dynamodb.js';
import {
  createdOrderOnDynamoDb,
  type TestCharge,
} from '../../support/lifecycle/created-order-on-dynamodb.js';

type Handler = (event: unknown, context: ReturnType<typeof fakeLambdaContext>) => Promise<unknown>;

const context = () => ({
  ...fakeLambdaContext('AgentBridge-lifecycle', 30_000),
  invokedFunctionArn: `arn:aws:lambda:us-east-1:${OWN_ACCOUNT}:function:AgentBridge-lifecycle`,
});

const sfn = mockClient(SFNClient);
const eventBridge = mockClient(EventBridgeClient);
const sqs = mockClient(SQSClient);
const published: PutEventsRequestEntry[] = [];
let handler: Handler;

beforeAll(async () => {
  setDeployedHandlerEnvironment(inject('dynamodbEndpoint'), {
    [ENV.producers]: JSON.stringify(
      Object.fromEntries(
        Object.entries(ORDER_PRODUCER_SOURCES).map(([type, source]) => [
          type,
          { sources: [source], accounts: [PRODUCER_ACCOUNTS[type]] },
        ]),
      ),
    ),
  });
  process.env[ENV.agentType] = 'lifecycle';
  handler = (await import('../../../lambdas/handlers/lifecycle-handler.js')).handler as unknown as Handler;
});

beforeEach(() => {
  sfn.reset();
  eventBridge.reset();
  sqs.reset();
  published.length = 0;
  sfn.on(SendTaskSuccessCommand).resolves({});
  eventBridge.on(PutEventsCommand).callsFake((input: PutEventsCommandInput) => {
    published.push(...(input.Entries ?? []));
    return { FailedEntryCount: 0, Entries: (input.Entries ?? []).map(() => ({ EventId: randomUUID() })) };
  });
  sqs.on(SendMessageCommand).resolves({ MessageId: 'm' });
});

const payment = BUS_MESSAGES.find((message) => message.detailType === 'PaymentCompleted');
if (payment === undefined) throw new Error('no PaymentCompleted in the catalogue');
/** The payment gateway itself, from its own account: a sender every rule and the adapter admit. */
const gateway = { source: payment.source, account: PRODUCER_ACCOUNTS.PaymentCompleted ?? '' };

const tokens = () =>
  new DynamoDbTaskTokenStore({
    documentClient: testDynamoClients().documentClient,
    tableName: TASK_TOKEN_TABLE.localName,
  });

const park = (orderId: string, taskToken: string) =>
  handler(
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
    context(),
  );

const FORGERIES: readonly {
  what: string;
  forge: (charge: TestCharge, other: TestCharge) => TestCharge;
  because: string;
}[] = [
  {
    what: 'a wrong amount',
    forge: (charge) => ({ ...charge, amount: 1 }),
    because: 'amount 1 is not the amount charged for this order',
  },
  {
    what: 'a wrong payment id',
    forge: (charge) => ({ ...charge, paymentId: 'pay_forged' }),
    because: 'the payment id is not the one charged for this order',
  },
  {
    what: "another order's payment",
    forge: (_charge, other) => other,
    because: 'the payment id is not the one charged for this order',
  },
];
const cases = FORGERIES.flatMap((forgery) =>
  (['bare', 'enveloped'] as const satisfies readonly Shape[]).map((shape) => ({ ...forgery, shape })),
);

describe('a forged PaymentCompleted from the payment gateway itself, through the lifecycle Lambda', () => {
  it.each(cases.map((c) => [c.what, c.shape, c] as const))(
    'with %s (%s) is rejected on the bus, recorded nowhere, and the genuine payment still resumes the wait',
    async (_what, shape, { forge, because }) => {
      const orderId = `o-${randomUUID()}`;
      const taskToken = `token-${randomUUID()}`;
      const charge = await createdOrderOnDynamoDb(orderId);
      const other = await createdOrderOnDynamoDb(`o-${randomUUID()}`, {
        paymentId: `pay_${randomUUID()}`,
        amount: charge.amount,
      });
      await park(orderId, taskToken);

      const forged = busEvent(payment, shape, gateway, { orderId, ...forge(charge, other) }, randomUUID());
      await handler(forged, context());

      expect(sfn.commandCalls(SendTaskSuccessCommand)).toEqual([]);
      expect(sqs.commandCalls(SendMessageCommand)).toEqual([]);
      expect(published.map((entry) => entry.DetailType)).toEqual(['OrderTransitionRejected']);
      expect(JSON.parse(published[0]?.Detail ?? '{}')).toMatchObject({
        data: {
          orderId,
          trigger: 'PaymentCompleted',
          state: 'created',
          reason: expect.stringContaining(because),
        },
      });
      const view = await tokens().read(orderId);
      expect(view.inbox).toEqual([]);
      expect(view.claims).toEqual([]);
      expect(view.waits.map((wait) => wait.token)).toEqual([taskToken, taskToken]);

      const genuine = busEvent(payment, 'bare', gateway, { orderId, ...charge }, randomUUID());
      await handler(genuine, context());
      const resumed = sfn.commandCalls(SendTaskSuccessCommand);
      expect(resumed.map((call) => call.args[0].input.taskToken)).toEqual([taskToken]);
      expect(JSON.parse(resumed[0]?.args[0].input.output ?? '{}')).toMatchObject({
        trigger: 'PaymentCompleted',
        data: { orderId, ...charge },
      });
    },
  );
});
